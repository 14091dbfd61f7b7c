/**
 * explain(record): for every rule, whether it applied, each condition with
 * the values it saw, and the violations it produced. The TUI's record view
 * and the playground's explain panel show this.
 */
import type { IrFix, IrPolicy, IrRule } from '../compile/ir.js';
import { staticPath } from '../compile/ir-walk.js';
import * as rt from '../runtime/index.js';
import type { ClauseExplanation, EvalContext, Fix, RuleExplanation, TraceNode, Violation } from '../types.js';
import { collectionPath, evaluate, pathOf, type Env } from './interpret.js';

export type { ClauseExplanation, RuleExplanation, TraceNode };

/** The IR interpreter of one policy: its phrase lists and patterns compiled once, then explain or evaluate records. */
export interface Interpreter {
  /** Why each rule fired or not, with the values every condition saw. */
  explain(record: unknown, ctx: EvalContext): RuleExplanation[];
  /** Only the violations: the reference the generated code is tested against. */
  evaluate(record: unknown, ctx: EvalContext): Violation[];
}

export function interpreter(ir: IrPolicy, source: string): Interpreter {
  const tables: Env['tables'] = {
    constants: ir.constants,
    phrases: ir.phrases.map((p) => rt.phraseMatcher(p.phrases)),
    regexes: ir.regexes.map((r) => rt.regex(r.source)),
  };
  const recordRules = ir.rules.filter((rule) => !rule.dataset);
  return {
    explain: (record, ctx) => recordRules.flatMap((rule) => runRule(rule, { record, ctx, vars: new Map(), w: [], tables, trace: null }, source)),
    evaluate: (record, ctx) =>
      recordRules.flatMap((rule) => runRule(rule, { record, ctx, vars: new Map(), w: [], tables, trace: null }, null).flatMap((e) => e.violations)),
  };
}

/** Explain one record (builds the interpreter each call: for many records build `interpreter(ir, source)` once). */
export function explainRecord(ir: IrPolicy, source: string, record: unknown, ctx: EvalContext): RuleExplanation[] {
  return interpreter(ir, source).explain(record, ctx);
}

/** Evaluate one record with the interpreter, without traces (builds it each call, like explainRecord). */
export function interpretRecord(ir: IrPolicy, record: unknown, ctx: EvalContext): Violation[] {
  return interpreter(ir, '').evaluate(record, ctx);
}

/** One explanation per rule, or per item for a rule with `each`. */
function runRule(rule: IrRule, base: Env, source: string | null): RuleExplanation[] {
  if (!rule.each) return [runItem(rule, base, source, null)];
  const { varId, collection } = rule.each;
  const list = evaluate(collection, base) as unknown[] | null;
  const { base: listPath, keyed } = collectionPath(collection, base);
  return (list ?? []).map((item, i) => {
    const path = rt.itemPath(listPath, i, item, keyed);
    const vars = new Map([[varId, { value: item, path }]]);
    return runItem(rule, { ...base, vars }, source, path);
  });
}

function runItem(rule: IrRule, scope: Env, source: string | null, itemPath: string | null): RuleExplanation {
  const text = (span: { start: number; end: number }) => (source ? source.slice(span.start, span.end) : '');
  const env = (w: rt.Witnesses, trace: TraceNode[] | null): Env => ({ ...scope, w, trace });
  const out: RuleExplanation = { rule: rule.fullId, severity: rule.severity, applies: true, when: null, clauses: [], violations: [] };
  if (itemPath !== null) out.item = itemPath;
  if (rule.when) {
    const trace: TraceNode[] | null = source === null ? null : [];
    const held = Boolean(evaluate(rule.when, env([], trace)));
    out.when = { condition: text(rule.when.span), trace: trace?.[0] ?? null };
    if (!held) {
      out.applies = false;
      return out;
    }
  }
  for (const clause of rule.clauses) {
    const w: rt.Witnesses = [];
    const trace: TraceNode[] | null = source === null ? null : [];
    const e = env(w, trace);
    const value = Boolean(evaluate(clause.condition, e));
    const violated = clause.mode === 'forbid' ? value : !value;
    out.clauses.push({ mode: clause.mode, condition: text(clause.condition.span), violated, trace: trace?.[0] ?? null });
    if (!violated) continue;
    const quiet = { ...e, trace: null };
    const message = String(evaluate(clause.message ?? rule.message, quiet));
    const hint = rule.hint ? (evaluate(rule.hint, quiet) as string | null) : null;
    const fix = rule.fix ? buildFix(rule.fix, quiet) : undefined;
    const path = (clause.subject && pathOf(clause.subject, quiet)) ?? itemPath ?? clause.path;
    out.violations.push(rt.violation(rule, path, w, message, hint, fix));
  }
  return out;
}

function buildFix(fix: IrFix, env: Env): Fix | undefined {
  switch (fix.kind) {
    case 'remove':
      return rt.fixRemove(env.record, env.w);
    case 'replace':
      return rt.fixReplace(env.w, (match) => {
        const vars = new Map(env.vars);
        vars.set(fix.matchVar, { value: match, path: match.path });
        return evaluate(fix.with, { ...env, vars }) as string | null;
      });
    case 'insert':
      return rt.fixInsert(env.record, staticPath(fix.into) ?? '', evaluate(fix.text, env) as string | null, fix.at);
  }
}
