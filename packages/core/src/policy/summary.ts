/**
 * What a running policy knows about itself besides its generated code: ids,
 * titles, record types, rule descriptions, the detectors and metrics it
 * uses. Worked out from the IR once, and plain JSON, so that a front end can
 * keep it next to the generated code (the CLI's cache of compiled policies)
 * and assemble the running policy again without the compiler.
 */
import type { IrExpr, IrPolicy } from '../compile/ir.js';
import { findAll, metricsUsed, ruleConditions } from '../compile/ir-walk.js';
import { ruleInfos } from '../compile/rule-info.js';
import type { Type } from '../compile/type-system.js';
import * as rt from '../runtime/index.js';
import type { FieldType, MetricInfo, RecordInfo, RuleInfo } from '../types.js';

export interface PolicySummary {
  id: string;
  title: string;
  source?: string;
  version?: string;
  recordType: string;
  records: RecordInfo[];
  rules: RuleInfo[];
  detectors: string[];
  usesToday: boolean;
  /** Only for policies with metrics. */
  dataset?: {
    metrics: MetricInfo[];
    /** The target each metric is held to, e.g. "< 1%", by metric name. */
    targets: Record<string, string>;
    /** The full ids of the rules about each metric, by metric name. */
    usedBy: Record<string, string[]>;
  };
}

export function policySummary(ir: IrPolicy): PolicySummary {
  const exprs = evaluatedExprs(ir);
  return {
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
    detectors: detectorsUsed(exprs),
    usesToday: usesToday(ir, exprs),
    ...(ir.metrics.length > 0 ? { dataset: datasetSummary(ir) } : {}),
  };
}

function datasetSummary(ir: IrPolicy): NonNullable<PolicySummary['dataset']> {
  const usedBy = new Map<string, Set<string>>();
  ir.rules.forEach((rule) => {
    if (!rule.dataset) return;
    for (const i of metricsUsed(rule)) usedBy.set(ir.metrics[i].name, (usedBy.get(ir.metrics[i].name) ?? new Set()).add(rule.fullId));
  });
  return {
    metrics: ir.metrics.map((m) => ({ name: m.name, title: m.title, kind: m.kind })),
    targets: Object.fromEntries(metricTargets(ir)),
    usedBy: Object.fromEntries([...usedBy].map(([name, rules]) => [name, [...rules]])),
  };
}

/** Every expression the evaluator runs: rule conditions and metric expressions. */
function evaluatedExprs(ir: IrPolicy): IrExpr[] {
  return [
    ...ir.rules.flatMap(ruleConditions),
    ...ir.metrics.flatMap((m) => [m.expr, m.where, m.window?.by ?? null, ...m.groupBy.map((g) => g.expr)].filter((e): e is IrExpr => e !== null)),
  ];
}

function detectorsUsed(exprs: IrExpr[]): string[] {
  const detects = exprs.flatMap((e) => findAll<Extract<IrExpr, { op: 'detect' }>>(e, (x) => x.op === 'detect'));
  return [...new Set(detects.map((d) => d.detector))].sort();
}

/** Whether results depend on the as-of day: an expression reads today(), or a metric has a time window. */
function usesToday(ir: IrPolicy, exprs: IrExpr[]): boolean {
  const texts = ir.rules.flatMap((r) => [r.message, r.hint, ...r.clauses.map((c) => c.message)].filter((e): e is IrExpr => e !== null && e !== undefined));
  return ir.metrics.some((m) => m.window !== null) || [...exprs, ...texts].some((e) => findAll(e, (x) => x.op === 'call' && x.fn === 'today').length > 0);
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
