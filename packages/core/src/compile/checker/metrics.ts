/**
 * Checker stage 4, metrics: what each metric measures (count, rate, total,
 * average, minimum, maximum), which records count (`where`), its time window
 * and its breakdowns, all read against the input record.
 */
import type { MetricDecl } from '@sellguard/dsl';
import { asCondition, checkExpr, expectCondition } from '../check-expr.js';
import { M, diag } from '../codes.js';
import type { IrExpr, IrMetric } from '../ir.js';
import { T, describe, isNumeric, isTemporal, nullable, type Type } from '../type-system.js';
import type { CheckerContext, EnvFactory } from './context.js';

export function checkMetrics(cx: CheckerContext, envFor: EnvFactory, inputFields: Map<string, Type>): IrMetric[] {
  return cx.resolved.metrics.map((decl) => checkMetric(cx, decl, envFor, inputFields));
}

function checkMetric(cx: CheckerContext, decl: MetricDecl, envFor: EnvFactory, inputFields: Map<string, Type>): IrMetric {
  const env = envFor(cx.resolved.scope, inputFields, false);
  const agg = decl.aggregate;
  let kind: IrMetric['kind'] = 'count';
  let expr: IrExpr | null = null;
  let type: Type = T.integer;
  if (!agg) {
    cx.report(diag(M.metricWithoutAggregate, decl.name.span, { name: decl.name.text }));
  } else {
    kind = agg.aggregate;
    if (agg.expr) expr = checkExpr(agg.expr, env);
    if (kind === 'rate') {
      if (expr) {
        expectCondition(expr, env);
        expr = asCondition(expr);
      }
      type = T.percent;
    } else if (kind !== 'count') {
      const t = expr?.type ?? T.unknown;
      const ok = isNumeric(t) || t.k === 'duration' || t.k === 'unknown' || ((kind === 'minimum' || kind === 'maximum') && isTemporal(t));
      if (!ok) cx.report(diag(M.metricValueType, agg.expr?.span ?? agg.span, { kind, type: describe(t) }));
      type = kind === 'average' && t.k === 'integer' ? T.number : { ...t, nullable: false };
    }
  }
  let where: IrExpr | null = null;
  if (decl.where) {
    const checked = checkExpr(decl.where, env);
    expectCondition(checked, env);
    where = asCondition(checked);
  }
  let window: IrMetric['window'] = null;
  if (decl.window) {
    const by = checkExpr(decl.window.by, env);
    if (!isTemporal(by.type) && by.type.k !== 'unknown')
      cx.report(diag(M.windowNotADate, decl.window.by.span, { type: describe(by.type) }));
    const days = decl.window.length.ms / 86_400_000;
    if (!Number.isInteger(days) || days < 1)
      cx.report(diag(M.windowNotWholeDays, decl.window.length.span, {}));
    window = { days: Math.max(1, Math.round(days)), by, byText: cx.sourceOf(decl.window.by) };
  }
  const groupBy = decl.groupBy.map((g) => ({ expr: checkExpr(g, env), text: cx.sourceOf(g) }));
  return {
    name: decl.name.text,
    title: decl.title?.value ?? decl.name.text,
    kind,
    expr,
    where,
    window,
    groupBy,
    type: nullable(type),
    span: decl.span,
  };
}
