/**
 * Stage 3d: the standalone ES module `sellguard compile` writes. It needs the
 * runtime (`@sellguard/core/runtime`), not the compiler.
 */
import type { IrPolicy } from './ir.js';
import { ruleInfos } from './rule-info.js';

export function emitModule(ir: IrPolicy, schemaCode: string, evaluatorCode: string): string {
  const policy = { id: ir.id, title: ir.title, ...(ir.source ? { source: ir.source } : {}), ...(ir.version ? { version: ir.version } : {}) };
  return [
    `// Policy ${JSON.stringify(ir.id)}, compiled by sellguard. Do not edit: change the .policy file and compile again.`,
    "import * as rt from '@sellguard/core/runtime';",
    '',
    schemaCode,
    '',
    evaluatorCode,
    '',
    `export const policy = ${JSON.stringify(policy)};`,
    `export const rules = ${JSON.stringify(ruleInfos(ir), null, 2)};`,
    'export function decode(raw) {',
    '  return rt.s.decode(schema, raw);',
    '}',
    '/** ctx: the evaluation context, rt.evalContext({ asOf, dictionary }). */',
    'export function check(raw, ctx) {',
    '  const decoded = decode(raw);',
    '  return decoded.ok ? { ok: true, violations: evaluate(decoded.value, ctx) } : decoded;',
    '}',
    '/** Metrics over a whole input: start a state with rt.startMetrics(metrics, ctx), call metricsAdd(record, state, ctx) per decoded record. */',
    'export { evaluate, schema, METRICS as metrics, metricsAdd, evaluateDataset };',
    '',
  ].join('\n');
}
