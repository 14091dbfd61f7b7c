/** Signature help: inside `name(…`, the built-in's parameters with the one being typed highlighted. */
import { DETECTORS, FUNCTIONS } from '@sellguard/core';
import type { SignatureHelp } from 'vscode-languageserver';

function paramsOf(name: string): string[] | undefined {
  if (name === 'phrases') return ['text', 'phraseList'];
  if (name === 'find') return ['text', '"pattern"'];
  if (FUNCTIONS[name]) return FUNCTIONS[name].params.map((p) => p.name);
  if (DETECTORS[name]) return ['text'];
  return undefined;
}

/** The call the cursor is in: the name before the innermost open `(` and how many commas came after it. */
function openCall(before: string): { name: string; argument: number } | undefined {
  let depth = 0;
  let commas = 0;
  let inString = false;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i];
    if (c === '"' && before[i - 1] !== '\\') inString = !inString;
    if (inString) continue;
    if (c === ')' || c === ']') depth++;
    else if (c === '[') depth--;
    else if (c === '(') {
      if (depth === 0) {
        const name = /([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(before.slice(0, i))?.[1];
        return name ? { name, argument: commas } : undefined;
      }
      depth--;
    } else if (c === ',' && depth === 0) commas++;
  }
  return undefined;
}

export function signatureHelp(text: string, offset: number): SignatureHelp | undefined {
  const call = openCall(text.slice(0, offset));
  const params = call && paramsOf(call.name);
  if (!call || !params) return undefined;
  const doc = FUNCTIONS[call.name]?.summary ?? (DETECTORS[call.name] ? `Finds ${DETECTORS[call.name].summary}.` : undefined);
  return {
    signatures: [{ label: `${call.name}(${params.join(', ')})`, ...(doc ? { documentation: doc } : {}), parameters: params.map((p) => ({ label: p })) }],
    activeSignature: 0,
    activeParameter: Math.min(call.argument, params.length - 1),
  };
}
