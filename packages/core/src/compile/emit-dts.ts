/**
 * Stage 3c: emit TypeScript declarations for a compiled policy module: the
 * record types as they arrive (…Input: dates as ISO text) and as rules see
 * them (dates as epoch milliseconds), plus the module's functions.
 */
import type { IrPolicy, IrRecord } from './ir.js';
import type { Type } from './type-system.js';

const DOC_WIDTH = 100;

export function emitDts(ir: IrPolicy): string {
  const out: string[] = [];
  out.push(`// Types of policy ${JSON.stringify(ir.id)}: ${ir.title.replace(/\s+/g, ' ')}`);
  out.push("import type { EvalContext, Violation, InputProblem, RuleInfo } from '@sellguard/core';");
  out.push('');
  for (const r of ir.records) {
    out.push(...recordDecl(r, 'Input'), '');
    out.push(...recordDecl(r, ''), '');
  }
  const input = ir.inputRecord || 'Record';
  out.push(`/** Validate and normalise one raw record. */`);
  out.push(`export declare function decode(raw: unknown): { ok: true; value: ${input} } | { ok: false; problems: InputProblem[] };`);
  out.push(`/** Evaluate every rule on a decoded record, in a context from rt.evalContext({ asOf, dictionary }). */`);
  out.push(`export declare function evaluate(record: ${input}, ctx: EvalContext): Violation[];`);
  out.push(`/** Decode and evaluate: the violations, or why the record could not be read. */`);
  out.push(`export declare function check(raw: ${input}Input | unknown, ctx: EvalContext): { ok: true; violations: Violation[] } | { ok: false; problems: InputProblem[] };`);
  out.push('export declare const rules: RuleInfo[];');
  out.push(`export declare const policy: { id: ${JSON.stringify(ir.id)}; title: string; source?: string; version?: string };`);
  return out.join('\n') + '\n';
}

function docLines(text: string, indent: string): string[] {
  const words = text.replace(/\*\//g, '* /').split(/\s+/);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if ((cur + ' ' + w).length > DOC_WIDTH && cur) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.length === 1 ? [`${indent}/** ${lines[0]} */`] : [`${indent}/**`, ...lines.map((l) => `${indent} * ${l}`), `${indent} */`];
}

function recordDecl(r: IrRecord, suffix: string): string[] {
  const out: string[] = [];
  if (r.doc) out.push(...docLines(r.doc, ''));
  out.push(`export interface ${r.name}${suffix} {`);
  for (const f of r.fields) {
    if (f.doc) out.push(...docLines(f.doc, '  '));
    const raw = suffix === 'Input';
    const optional = raw ? f.optional || f.default !== undefined : false;
    const nullable = !raw && f.optional && f.default === undefined;
    out.push(`  ${JSON.stringify(f.name)}${optional ? '?' : ''}: ${tsType(f.type, raw)}${nullable ? ' | null' : ''};`);
  }
  out.push('}');
  return out;
}

function tsType(t: Type, raw: boolean): string {
  switch (t.k) {
    case 'string':
    case 'text':
      return 'string';
    case 'number':
    case 'integer':
      return raw ? 'number | string' : 'number';
    case 'percent':
      return raw ? 'number | string' : 'number';
    case 'boolean':
      return raw ? 'boolean | string' : 'boolean';
    case 'date':
    case 'datetime':
      return raw ? 'string' : 'number';
    case 'duration':
      return raw ? 'string | number' : 'number';
    case 'enum':
      return t.members.map((m) => JSON.stringify(m)).join(' | ');
    case 'list':
      return `Array<${tsType(t.element, raw)}>`;
    case 'map':
      return `Record<string, ${tsType(t.value, raw)}>`;
    case 'record':
      return raw ? `${t.name}Input` : t.name;
    default:
      return 'unknown';
  }
}
