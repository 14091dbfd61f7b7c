/**
 * Load the emitted code in this process and assemble the running policy
 * (the CompiledPolicy every front end uses). The same source text is what
 * `sellguard compile` writes, so the CLI, the TUI, the playground and a
 * compiled module all run identical code.
 */
import { detectorCache, type DetectorCache } from '../compile/detector-cache.js';
import type { GeneratedCode } from '../compile/index.js';
import type { IrExpr, IrPolicy } from '../compile/ir.js';
import { findAll, metricsUsed, ruleConditions } from '../compile/ir-walk.js';
import { ruleInfos } from '../compile/rule-info.js';
import type { Type } from '../compile/type-system.js';
import { interpreter, type Interpreter } from '../explain/explain.js';
import * as rt from '../runtime/index.js';
import type { CompiledDataset, CompiledPolicy, EvalContext, FieldType, RecordInfo, Violation } from '../types.js';
import { runExamples } from './examples.js';

/** What the generated evaluator returns (see emit-evaluator.ts). */
interface Loaded {
  evaluate: (record: unknown, ctx: EvalContext) => Violation[];
  schema: import('zod').ZodType;
  decodeInput: (raw: unknown) => unknown;
  METRICS: rt.MetricDef[];
  metricsAdd: (record: unknown, state: rt.MetricState, ctx: EvalContext) => void;
  evaluateDataset: (values: Array<number | null>, ctx: EvalContext) => Violation[];
}

/** `detectors`: phrase lists and patterns the checker already built (see compile.ts). */
export function load(ir: IrPolicy, code: GeneratedCode, source: string, detectors: DetectorCache = detectorCache()): CompiledPolicy {
  const factory = new Function('rt', `"use strict";\n${code.schema}\n${code.decoder}\n${code.evaluator}\nreturn { evaluate, schema, decodeInput, METRICS, metricsAdd, evaluateDataset };`) as (runtime: typeof rt) => Loaded;
  // The generated code builds its phrase lists and patterns through rt: hand it the ones already built.
  const loaded = factory({ ...rt, phraseMatcher: (list: string[]) => detectors.phrases(list), regex: (pattern: string) => detectors.regex(pattern) });
  // Explaining is rare (the TUI, the playground, `sellguard explain`): its interpreter is built on first use.
  let explainer: Interpreter | undefined;
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
    usesToday: usesToday(ir),
    schema: loaded.schema,
    decode: (raw) => {
      // The generated decoder reads a record that fits; only one that does not goes through zod, which says why.
      const value = loaded.decodeInput(raw);
      return (value === rt.d.BAD ? rt.s.decode(loaded.schema, raw) : { ok: true, value }) as ReturnType<CompiledPolicy['decode']>;
    },
    evaluate: loaded.evaluate,
    explain: (record, ctx) => (explainer ??= interpreter(ir, source)).explain(record, ctx),
    runExamples: (ctx) => runExamples(ir, policy, ctx),
    output: { module: code.module, commonjs: code.commonjs, dts: code.dts, schema: code.schema },
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
    start: (ctx) => rt.startMetrics(loaded.METRICS, ctx),
    add: (state, record) => loaded.metricsAdd(record, state as rt.MetricState, (state as rt.MetricState).ctx),
    merge: (state, metric, group, tally) => rt.mergeTally(state as rt.MetricState, metric, group, tally),
    finish: (state) => {
      const S = state as rt.MetricState;
      const violations = loaded.evaluateDataset(rt.metricValues(loaded.METRICS, S), S.ctx);
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

/** Every expression the evaluator runs: rule conditions and metric expressions. */
function evaluatedExprs(ir: IrPolicy): IrExpr[] {
  return [
    ...ir.rules.flatMap(ruleConditions),
    ...ir.metrics.flatMap((m) => [m.expr, m.where, m.window?.by ?? null, ...m.groupBy.map((g) => g.expr)].filter((e): e is IrExpr => e !== null)),
  ];
}

function detectorsUsed(ir: IrPolicy): string[] {
  const detects = evaluatedExprs(ir).flatMap((e) => findAll<Extract<IrExpr, { op: 'detect' }>>(e, (x) => x.op === 'detect'));
  return [...new Set(detects.map((d) => d.detector))].sort();
}

/** Whether results depend on the as-of day: an expression reads today(), or a metric has a time window. */
function usesToday(ir: IrPolicy): boolean {
  const texts = ir.rules.flatMap((r) => [r.message, r.hint, ...r.clauses.map((c) => c.message)].filter((e): e is IrExpr => e !== null && e !== undefined));
  return ir.metrics.some((m) => m.window !== null) || [...evaluatedExprs(ir), ...texts].some((e) => findAll(e, (x) => x.op === 'call' && x.fn === 'today').length > 0);
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
