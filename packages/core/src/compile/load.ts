/**
 * Stage 4: load the emitted code in this process and assemble the
 * CompiledPolicy every front end uses. The same source text is what
 * `sellguard compile` writes, so the CLI, the TUI, the playground and a
 * compiled module all run identical code.
 */
import * as rt from '../runtime/index.js';
import type { CompiledDataset, CompiledPolicy, FieldType, RecordInfo, Violation } from '../types.js';
import { metricsUsed } from './emit-evaluator.js';
import { explainRecord } from '../explain/explain.js';
import { runExamples } from './examples.js';
import type { IrExpr, IrPolicy } from './ir.js';
import { findAll, ruleConditions } from './ir-walk.js';
import { ruleInfos } from './rule-info.js';
import type { Type } from './type-system.js';

interface Loaded {
  evaluate: (record: unknown) => Violation[];
  schema: import('zod').ZodType;
  METRICS: rt.MetricDef[];
  metricsAdd: (record: unknown, state: rt.MetricState) => void;
  evaluateDataset: (values: Array<number | null>) => Violation[];
}

export function load(ir: IrPolicy, code: { schema: string; evaluator: string; module: string; dts: string }, source: string): CompiledPolicy {
  const factory = new Function('rt', `"use strict";\n${code.schema}\n${code.evaluator}\nreturn { evaluate, schema, METRICS, metricsAdd, evaluateDataset };`) as (runtime: typeof rt) => Loaded;
  const loaded = factory(rt);
  const policy: CompiledPolicy = {
    id: ir.id,
    title: ir.title,
    ...(ir.source ? { source: ir.source } : {}),
    ...(ir.version ? { version: ir.version } : {}),
    recordType: ir.inputRecord,
    records: ir.records.map(
      (r): RecordInfo => ({
        name: r.name,
        ...(r.doc ? { doc: r.doc } : {}),
        fields: r.fields.map((f) => ({
          name: f.name,
          type: fieldType(f.type),
          optional: f.optional,
          hasDefault: f.default !== undefined,
          aliases: f.aliases,
          ...(f.doc ? { doc: f.doc } : {}),
        })),
      }),
    ),
    rules: ruleInfos(ir),
    detectors: detectorsUsed(ir),
    schema: loaded.schema,
    decode: (raw) => rt.s.decode(loaded.schema, raw) as ReturnType<CompiledPolicy['decode']>,
    evaluate: loaded.evaluate,
    explain: (record) => explainRecord(ir, source, record),
    runExamples: () => runExamples(ir, policy),
    output: { module: code.module, dts: code.dts, schema: code.schema },
  };
  if (ir.metrics.length > 0) policy.dataset = dataset(ir, loaded);
  return policy;
}

function dataset(ir: IrPolicy, loaded: Loaded): CompiledDataset {
  const targets = metricTargets(ir);
  const usedBy = new Map<string, Set<string>>();
  ir.rules.forEach((rule) => {
    if (!rule.dataset) return;
    for (const i of metricsUsed(rule)) usedBy.set(ir.metrics[i].name, (usedBy.get(ir.metrics[i].name) ?? new Set()).add(rule.fullId));
  });
  return {
    metrics: ir.metrics.map((m) => ({ name: m.name, title: m.title, kind: m.kind })),
    start: (asOf) => rt.startMetrics(loaded.METRICS, asOf),
    add: (state, record) => loaded.metricsAdd(record, state as rt.MetricState),
    merge: (state, metric, group, tally) => rt.mergeTally(state as rt.MetricState, metric, group, tally),
    finish: (state) => {
      const S = state as rt.MetricState;
      const violations = loaded.evaluateDataset(rt.metricValues(loaded.METRICS, S));
      const metrics = rt.metricResults(loaded.METRICS, S);
      const failed = new Set(violations.map((v) => v.rule));
      for (const [name, result] of Object.entries(metrics)) {
        const target = targets.get(name);
        if (target) result.target = target;
        if (result.status === 'no data') continue;
        const rules = usedBy.get(name);
        if (rules) result.status = [...rules].some((r) => failed.has(r)) ? 'fail' : 'pass';
      }
      return { metrics, violations };
    },
  };
}

function detectorsUsed(ir: IrPolicy): string[] {
  const roots = [
    ...ir.rules.flatMap(ruleConditions),
    ...ir.metrics.flatMap((m) => [m.expr, m.where, ...m.groupBy.map((g) => g.expr)].filter((e): e is IrExpr => e !== null)),
  ];
  const detects = roots.flatMap((e) => findAll<Extract<IrExpr, { op: 'detect' }>>(e, (x) => x.op === 'detect'));
  return [...new Set(detects.map((d) => d.detector))].sort();
}

const NEGATE = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '==': '!=', '!=': '==' } as const;
const FLIP = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' } as const;

/** "< 1%" for `require order-defect-rate < 1%` (or `forbid order-defect-rate >= 1%`). */
function metricTargets(ir: IrPolicy): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const rule of ir.rules) {
    if (!rule.dataset) continue;
    for (const clause of rule.clauses) {
      const c = clause.condition;
      if (c.op !== 'cmp') continue;
      const [metric, other, op] =
        c.left.op === 'metric' ? [c.left, c.right, c.cmp] : c.right.op === 'metric' ? [c.right, c.left, FLIP[c.cmp]] : [null, null, null];
      if (!metric || !other || !op) continue;
      const value = other.op === 'lit' ? other.value : other.op === 'const' ? ir.constants[other.index] : undefined;
      if (typeof value !== 'number') continue;
      const shown = rt.show(value, (metric.type.k === 'percent' ? 'percent' : 'number') as rt.ShowKind);
      const wanted = clause.mode === 'require' ? op : NEGATE[op];
      out.set(metric.name, [...(out.get(metric.name) ?? []), `${wanted} ${shown}`]);
    }
  }
  return new Map([...out].map(([k, v]) => [k, v.join(' and ')]));
}

function fieldType(t: Type): FieldType {
  switch (t.k) {
    case 'enum':
      return t.name ? { kind: 'enum', name: t.name, members: t.members } : { kind: 'enum', members: t.members };
    case 'list':
      return { kind: 'list', element: fieldType(t.element) };
    case 'map':
      return { kind: 'map', value: fieldType(t.value) };
    case 'record':
      return { kind: 'record', name: t.name };
    case 'match':
    case 'phrases':
    case 'null':
    case 'unknown':
      return { kind: 'string' };
    default:
      return { kind: t.k };
  }
}
