/**
 * explain(record): for every rule, whether it applied, each condition with
 * the values it saw, and the violations it produced. The TUI's record view
 * and the playground's explain panel show this.
 */
import type { IrFix, IrPolicy, IrRule } from '../compile/ir.js';
import { staticPath } from '../compile/ir-walk.js';
import * as rt from '../runtime/index.js';
import type { Fix, Severity, Violation } from '../types.js';
import { collectionPath, evaluate, pathOf, type Env, type TraceNode } from './interpret.js';

export type { TraceNode };

export interface ClauseExplanation {
  mode: 'require' | 'forbid';
  /** The condition as written in the policy. */
  condition: string;
  violated: boolean;
  trace: TraceNode | null;
}

export interface RuleExplanation {
  rule: string;
  severity: Severity;
  /** For a rule with `each`: the item this explanation is about, e.g. `offers[2]`. */
  item?: string;
  /** False when the rule's `when` guard did not hold, so nothing else ran. */
  applies: boolean;
  when: { condition: string; trace: TraceNode | null } | null;
  clauses: ClauseExplanation[];
  violations: Violation[];
}

const tablesCache = new WeakMap<IrPolicy, Env['tables']>();

function tablesOf(ir: IrPolicy): Env['tables'] {
  let t = tablesCache.get(ir);
  if (!t) {
    t = {
      constants: ir.constants,
      phrases: ir.phrases.map((p) => rt.phraseMatcher(p.phrases)),
      regexes: ir.regexes.map((r) => rt.regex(r.source)),
    };
    tablesCache.set(ir, t);
  }
  return t;
}

export function explainRecord(ir: IrPolicy, source: string, record: unknown): RuleExplanation[] {
  return ir.rules.filter((rule) => !rule.dataset).flatMap((rule) => runRule(ir, rule, record, source));
}

/** Evaluate with the interpreter, without traces: the reference the generated code is tested against. */
export function interpretRecord(ir: IrPolicy, record: unknown): Violation[] {
  return ir.rules.filter((rule) => !rule.dataset).flatMap((rule) => runRule(ir, rule, record, null).flatMap((e) => e.violations));
}

/** One explanation per rule, or per item for a rule with `each`. */
function runRule(ir: IrPolicy, rule: IrRule, record: unknown, source: string | null): RuleExplanation[] {
  const tables = tablesOf(ir);
  const base: Env = { record, vars: new Map(), w: [], tables, trace: null };
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
