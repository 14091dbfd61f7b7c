/** Signature help: inside `name(…`, the built-in's parameters with the one being typed highlighted. */
import { builtinHelp, builtinParameters } from '@sellguard/core';
import type { SignatureHelp } from 'vscode-languageserver';


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
  const help = call && builtinHelp(call.name);
  if (!call || !help) return undefined;
  const params = builtinParameters(call.name);
  return {
    signatures: [{ label: help.signature, documentation: `${help.summary} Example: ${help.example}`, parameters: params.map((p) => ({ label: p })) }],
    activeSignature: 0,
    activeParameter: Math.min(call.argument, params.length - 1),
  };
}
