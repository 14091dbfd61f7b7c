/**
 * Stage 3c: emit TypeScript declarations for a compiled policy module: the
 * record types as they arrive (…Input: dates as ISO text) and as rules see
 * them (dates as epoch milliseconds), plus everything the module exports.
 * One file serves both the `.mjs` and the `.cjs` module (as `.d.mts`, `.d.cts`).
 */
import type { IrPolicy, IrRecord } from './ir.js';
import { MODULE_EXPORTS, type ModuleExport } from './emit-module.js';
import type { Type } from './type-system.js';
import { recordTypeNames, type RecordTypeNames } from './dts-names.js';

const DOC_WIDTH = 100;

export function emitDts(ir: IrPolicy): string {
  const out: string[] = [];
  out.push(`// Types of policy ${JSON.stringify(ir.id)}: ${ir.title.replace(/\s+/g, ' ')}`);
  // Aliased with `$` (never in a policy name): a record named `Violation` or `RuleInfo` shadows nothing.
  out.push("import type { CompiledPolicy as $CompiledPolicy, EvalContext as $EvalContext, InputProblem as $InputProblem, RuleInfo as $RuleInfo, Violation as $Violation } from '@sellguard/core';");
  out.push("import type { MetricDef as $MetricDef, MetricState as $MetricState } from '@sellguard/core/runtime';");
  out.push('');
  const names = recordTypeNames(ir.records.map((r) => r.name));
  for (const r of ir.records) {
    out.push(...recordDecl(r, true, names), '');
    out.push(...recordDecl(r, false, names), '');
  }
  const inputNames = names.get(ir.inputRecord);
  const input = inputNames?.plain ?? 'Record<string, unknown>';
  const inputRaw = inputNames?.input ?? 'Record<string, unknown>';
  // Typed by the export list: a new export without a declaration does not compile.
  const declarations: Record<ModuleExport, string[]> = {
    policy: ['/** The policy\'s id, title, source and version. */', `export declare const policy: { id: ${JSON.stringify(ir.id)}; title: string; source?: string; version?: string };`],
    rules: ['/** Every rule: id, severity, message, hint, source. */', 'export declare const rules: $RuleInfo[];'],
    schema: ['/** The zod schema of one input record (what decode uses). */', "export declare const schema: $CompiledPolicy['schema'];"],
    decode: [
      '/** Validate and normalise one raw record. */',
      `export declare function decode(raw: unknown): { ok: true; value: ${input} } | { ok: false; problems: $InputProblem[] };`,
    ],
    evaluate: [
      '/** Evaluate every rule on a decoded record, in a context from evalContext({ asOf, dictionary }) (@sellguard/core/runtime). */',
      `export declare function evaluate(record: ${input}, ctx: $EvalContext): $Violation[];`,
    ],
    check: [
      '/** Decode and evaluate: the violations, or why the record could not be read. Without ctx: as of today, no spelling dictionary. */',
      `export declare function check(raw: ${inputRaw} | unknown, ctx?: $EvalContext): { ok: true; violations: $Violation[] } | { ok: false; problems: $InputProblem[] };`,
    ],
    metrics: [
      '/**',
      ' * The metrics over a whole input (empty when the policy has none). With evalContext, startMetrics and metricValues from',
      " * '@sellguard/core/runtime': `const state = startMetrics(metrics, ctx)`, `metricsAdd(record, state, ctx)` per decoded",
      ' * record, then `evaluateDataset(metricValues(metrics, state), ctx)`.',
      ' */',
      'export declare const metrics: $MetricDef[];',
    ],
    metricsAdd: ['/** Count one decoded record into the metrics. */', `export declare function metricsAdd(record: ${input}, state: $MetricState, ctx: $EvalContext): void;`],
    evaluateDataset: [
      '/** Evaluate the rules about metrics on the metrics\' values (null: no data), in the order of `metrics`. */',
      'export declare function evaluateDataset(values: Array<number | null>, ctx: $EvalContext): $Violation[];',
    ],
  };
  for (const [name] of MODULE_EXPORTS) out.push(...declarations[name]);
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

function recordDecl(r: IrRecord, raw: boolean, names: Map<string, RecordTypeNames>): string[] {
  const out: string[] = [];
  if (r.doc) out.push(...docLines(r.doc, ''));
  const own = names.get(r.name)!;
  out.push(`export interface ${raw ? own.input : own.plain} {`);
  for (const f of r.fields) {
    if (f.doc) out.push(...docLines(f.doc, '  '));
    const optional = raw ? f.optional || f.default !== undefined : false;
    const nullable = !raw && f.optional && f.default === undefined;
    out.push(`  ${JSON.stringify(f.name)}${optional ? '?' : ''}: ${tsType(f.type, raw, names)}${nullable ? ' | null' : ''};`);
  }
  out.push('}');
  return out;
}

function tsType(t: Type, raw: boolean, names: Map<string, RecordTypeNames>): string {
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
      return `Array<${tsType(t.element, raw, names)}>`;
    case 'map':
      return `Record<string, ${tsType(t.value, raw, names)}>`;
    case 'record':
      return (raw ? names.get(t.name)?.input : names.get(t.name)?.plain) ?? 'unknown';
    default:
      return 'unknown';
  }
}
