/**
 * Checker stage 5, rules: each rule's `each`, `when`, clauses, message, hint
 * and fix, read against the input record (and the metrics, for rules about
 * the whole input). A rule that mixes metrics with single records is reported.
 */
import type { Expr, RuleDecl } from '@sellguard/dsl';
import { asCondition, checkExpr, expectCondition, type ExprEnv } from '../check-expr.js';
import { M, diag } from '../codes.js';
import type { IrClause, IrExpr, IrFix, IrMetric, IrRule } from '../ir.js';
import { contains, findAll, primarySubject, ruleConditions, staticPath } from '../ir-walk.js';
import { T, describe, type Type } from '../type-system.js';
import type { CheckerContext, EnvFactory } from './context.js';

export function checkRules(cx: CheckerContext, envFor: EnvFactory, inputFields: Map<string, Type>, metrics: readonly IrMetric[]): IrRule[] {
  const metricIndex = new Map(metrics.map((m, i) => [m.name, { index: i, type: m.type }]));
  const metric = (name: string) => metricIndex.get(name);
  // Every rule starts from the same two environments (checking never changes one: a variable gets a copy).
  const ruleEnv = { ...envFor(cx.resolved.scope, inputFields, false), metric };
  const messageEnv = { ...envFor(cx.resolved.scope, inputFields, true), metric };
  return cx.resolved.rules.map((decl) => checkRule(cx, decl, ruleEnv, messageEnv));
}

function checkRule(cx: CheckerContext, decl: RuleDecl, ruleEnv: ExprEnv, ruleMessageEnv: ExprEnv): IrRule {
  let env = ruleEnv;
  let messageEnv = ruleMessageEnv;
  let each: IrRule['each'] = null;
  if (decl.each) {
    const collection = checkExpr(decl.each.collection, env);
    let element: Type = T.unknown;
    if (collection.type.k === 'list') element = collection.type.element;
    else if (collection.type.k !== 'unknown')
      cx.report(diag(M.eachNotAList, decl.each.collection.span, { type: describe(collection.type) }));
    const varId = cx.nextVar();
    const variable = cx.semantic?.declareVariable(cx.resolved.scope.file, decl.each.variable, decl.span, element);
    const locals = new Map([[decl.each.variable.text, { id: varId, type: element, ...(variable ? { decl: variable } : {}) }]]);
    env = { ...env, locals };
    messageEnv = { ...messageEnv, locals };
    each = { varId, collection };
  }
  const when = decl.when ? conditionOf(decl.when, env) : null;
  const clauses: IrClause[] = decl.clauses.map((c) => {
    const condition = conditionOf(c.condition, env);
    const subject = primarySubject(condition);
    return {
      mode: c.mode,
      condition,
      message: c.message ? checkExpr(c.message, messageEnv) : null,
      path: (subject && staticPath(subject)) ?? '',
      subject,
      span: c.span,
    };
  });
  if (clauses.length === 0)
    cx.report(diag(M.ruleWithoutClause, decl.id.span, { name: decl.id.text }));
  if (!decl.message)
    cx.report(diag(M.missingMessage, decl.id.span, { name: decl.id.text }));
  const fix = decl.fix ? checkFix(cx, decl, env, messageEnv, clauses) : null;
  const parts = ruleConditions({ when, clauses });
  const dataset = parts.some((p) => contains(p, 'metric'));
  if (dataset && (parts.some((p) => contains(p, 'root') || contains(p, 'var')) || decl.each || decl.fix))
    cx.report(diag(M.metricMixedWithFields, decl.id.span, { name: decl.id.text }));
  return {
    id: decl.id.text,
    fullId: `${cx.policyId}/${decl.id.text}`,
    severity: decl.severity?.value ?? 'error',
    message: decl.message ? checkExpr(decl.message, messageEnv) : { op: 'lit', value: decl.id.text, type: T.string, span: decl.id.span },
    messageText: decl.message?.raw ?? decl.id.text,
    each,
    when,
    clauses,
    hint: decl.hint ? checkExpr(decl.hint, messageEnv) : null,
    ...(decl.hint ? { hintText: decl.hint.raw } : {}),
    ...(decl.source ? { source: decl.source.value } : {}),
    fix,
    dataset,
    ...(decl.doc ? { doc: decl.doc } : {}),
    span: decl.span,
  };
}

function checkFix(cx: CheckerContext, decl: RuleDecl, env: ExprEnv, messageEnv: ExprEnv, clauses: IrClause[]): IrFix | null {
  const fix = decl.fix!;
  if (fix.kind === 'InsertFix') {
    const into = checkExpr(fix.into, env);
    if (into.op !== 'field' || into.object.op !== 'root' || !['string', 'text'].includes(into.type.k))
      cx.report(diag(M.badInsertTarget, fix.into.span, {}));
    return { kind: 'insert', text: checkExpr(fix.text, messageEnv), into, at: fix.at };
  }
  const detectors = clauses.flatMap((c) => findAll<Extract<IrExpr, { op: 'detect' }>>(c.condition, (x) => x.op === 'detect'));
  if (detectors.length === 0)
    cx.report(diag(M.fixWithoutMatches, fix.span, { kind: fix.kind === 'RemoveFix' ? 'remove' : 'replace' }));
  if (fix.kind === 'RemoveFix') return { kind: 'remove' };
  const matchVar = cx.nextVar();
  const locals = new Map(messageEnv.locals);
  locals.set('match', { id: matchVar, type: T.match(detectors[0]?.detector ?? 'links') });
  return { kind: 'replace', with: checkExpr(fix.with, { ...messageEnv, locals }), matchVar };
}

function conditionOf(e: Expr, env: ExprEnv): IrExpr {
  const ir = checkExpr(e, env);
  expectCondition(ir, env);
  return asCondition(ir);
}
