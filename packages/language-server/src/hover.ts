/** Hover: the type and documentation of the name under the cursor, rule metadata, built-in signatures. */
import { DETECTORS, FUNCTIONS, describeType, type SemanticAnalysis } from '@sellguard/core';
import type { Hover } from 'vscode-languageserver';
import { wordAt } from './text.js';
import type { Workspace } from './workspace.js';

export function hover(path: string, offset: number, analysis: SemanticAnalysis, ws: Workspace): Hover | undefined {
  const found = analysis.model.at(path, offset);
  const text = ws.read(path) ?? '';
  if (found) {
    const decl = found.decl;
    const lines: string[] = [];
    if (decl?.kind === 'rule') {
      const rule = analysis.ir.rules.find((r) => r.id === decl.name);
      lines.push(code(`rule ${rule?.fullId ?? decl.name} ${rule?.severity ?? ''}`.trim()));
      if (rule) lines.push(rule.messageText);
      if (rule?.source) lines.push(`Source: ${rule.source}`);
    } else if (decl?.kind === 'metric') {
      const metric = analysis.ir.metrics.find((m) => m.name === decl.name);
      lines.push(code(`metric ${decl.name}: ${metric ? describeType(metric.type) : ''}`));
      if (metric) lines.push(`${metric.title} (${metric.kind}${metric.window ? `, last ${metric.window.days} days by ${metric.window.byText}` : ''})`);
    } else if (decl) {
      const type = found.type ?? decl.type;
      const owner = decl.parent ? `${decl.parent}.` : '';
      const label = decl.kind === 'record' || decl.kind === 'enum' ? `${decl.kind} ${decl.name}` : `${decl.kind} ${owner}${decl.name}`;
      lines.push(code(type && decl.kind !== 'record' ? `${label}: ${describeType(type)}` : label));
    } else if (found.type) {
      lines.push(code(`${text.slice(found.span.start, found.span.end)}: ${describeType(found.type)}`));
    }
    if (decl?.doc) lines.push(decl.doc);
    if (lines.length) return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: ws.range(path, found.span) };
  }
  const word = wordAt(text, offset);
  if (!word) return undefined;
  const fn = FUNCTIONS[word.word];
  const det = DETECTORS[word.word];
  const about = fn ? [code(signatureOf(word.word)), fn.summary] : det ? [code(signatureOf(word.word)), `Finds ${det.summary}.`, `Example: ${code(`forbid ${word.word === "phrases" ? "phrases(body, marketing)" : word.word === "find" ? "find(body, \"(?i)free gift\")" : `${word.word}(body)`}`)}`] : undefined;
  return about ? { contents: { kind: 'markdown', value: about.join('\n\n') }, range: ws.range(path, word.span) } : undefined;
}

export function signatureOf(name: string): string {
  const fn = FUNCTIONS[name];
  if (fn) return `${name}(${fn.params.map((p) => p.name).join(', ')})`;
  if (name === 'phrases') return 'phrases(text, phraseList)';
  if (name === 'find') return 'find(text, "pattern")';
  return `${name}(text)`;
}

function code(s: string): string {
  return '```sellguard\n' + s + '\n```';
}
