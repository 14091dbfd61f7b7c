/**
 * Stage 3d: the standalone module `sellguard compile` writes, as an ES module
 * (`.mjs`) or CommonJS (`.cjs`), so it loads in any project whatever its
 * package.json "type" says. It needs the runtime (`@sellguard/core/runtime`),
 * not the compiler.
 */
import type { IrPolicy } from './ir.js';
import { ruleInfos } from './rule-info.js';

export type ModuleFormat = 'esm' | 'cjs';

/**
 * What the module exports: [exported name, local name]. emit-dts declares
 * each of these, so the two lists cannot drift apart.
 */
export const MODULE_EXPORTS = [
  ['policy', 'policy'],
  ['rules', 'rules'],
  ['schema', 'schema'],
  ['decode', 'decode'],
  ['evaluate', 'evaluate'],
  ['check', 'check'],
  ['metrics', 'METRICS'],
  ['metricsAdd', 'metricsAdd'],
  ['evaluateDataset', 'evaluateDataset'],
] as const satisfies ReadonlyArray<readonly [string, string]>;

export type ModuleExport = (typeof MODULE_EXPORTS)[number][0];

/** The module in both formats: everything but the first lines and the exports is the same text, built once. */
export function emitModules(ir: IrPolicy, schemaCode: string, decoderCode: string, evaluatorCode: string): Record<ModuleFormat, string> {
  const body = moduleBody(ir, schemaCode, decoderCode, evaluatorCode);
  return { esm: withFormat(ir, body, 'esm'), cjs: withFormat(ir, body, 'cjs') };
}

export function emitModule(ir: IrPolicy, schemaCode: string, decoderCode: string, evaluatorCode: string, format: ModuleFormat = 'esm'): string {
  return withFormat(ir, moduleBody(ir, schemaCode, decoderCode, evaluatorCode), format);
}

function withFormat(ir: IrPolicy, body: string, format: ModuleFormat): string {
  const header = format === 'esm' ? ["import * as rt from '@sellguard/core/runtime';"] : ["'use strict';", "const rt = require('@sellguard/core/runtime');"];
  return [
    `// Policy ${JSON.stringify(ir.id)}, compiled by sellguard. Do not edit: change the .policy file and compile again.`,
    ...header,
    '',
    body,
    ...(format === 'esm' ? esmExports() : cjsExports()),
    '',
  ].join('\n');
}

function moduleBody(ir: IrPolicy, schemaCode: string, decoderCode: string, evaluatorCode: string): string {
  const policy = { id: ir.id, title: ir.title, ...(ir.source ? { source: ir.source } : {}), ...(ir.version ? { version: ir.version } : {}) };
  return [
    schemaCode,
    '',
    decoderCode,
    '',
    evaluatorCode,
    '',
    `const policy = ${JSON.stringify(policy)};`,
    `const rules = ${JSON.stringify(ruleInfos(ir), null, 2)};`,
    'function decode(raw) {',
    '  const value = decodeInput(raw);',
    '  // Only a record that does not fit goes through the schema, which says why.',
    '  return value === rt.d.BAD ? rt.s.decode(schema, raw) : { ok: true, value };',
    '}',
    '/** ctx: the evaluation context, rt.evalContext({ asOf, dictionary }); without one: today, no spelling dictionary. */',
    'function check(raw, ctx = rt.evalContext()) {',
    '  const decoded = decode(raw);',
    '  return decoded.ok ? { ok: true, violations: evaluate(decoded.value, ctx) } : decoded;',
    '}',
    '',
    '// Metrics over a whole input: const state = rt.startMetrics(metrics, ctx); metricsAdd(record, state, ctx) per decoded record;',
    '// then evaluateDataset(rt.metricValues(metrics, state), ctx) gives the violations of the rules about metrics.',
  ].join('\n');
}

function esmExports(): string[] {
  return [`export { ${MODULE_EXPORTS.map(([name, local]) => (name === local ? name : `${local} as ${name}`)).join(', ')} };`];
}

/** One `exports.name = local;` line each: the form Node's ES-module interop reads named exports from. */
function cjsExports(): string[] {
  return MODULE_EXPORTS.map(([name, local]) => `exports.${name} = ${local};`);
}
