/**
 * explain(record): for every rule, whether it applied, each condition with
 * the values it saw, and the violations it produced. The TUI's record view
 * and the playground's explain panel show this.
 */
import type { IrFix, IrPolicy, IrRule } from '../compile/ir.js';
import { staticPath } from '../compile/check.js';
import * as rt from '../runtime/index.js';
import type { Fix, Severity, Violation } from '../types.js';
import { evaluate, type Env, type TraceNode } from './interpret.js';

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
  return ir.rules.map((rule) => runRule(ir, rule, record, source));
}

/** Evaluate with the interpreter, without traces: the reference the generated code is tested against. */
export function interpretRecord(ir: IrPolicy, record: unknown): Violation[] {
  return ir.rules.flatMap((rule) => runRule(ir, rule, record, null).violations);
}

function runRule(ir: IrPolicy, rule: IrRule, record: unknown, source: string | null): RuleExplanation {
  const tables = tablesOf(ir);
  const text = (span: { start: number; end: number }) => (source ? source.slice(span.start, span.end) : '');
  const env = (w: rt.Witnesses, trace: TraceNode[] | null): Env => ({ record, vars: new Map(), w, tables, trace });
  const out: RuleExplanation = { rule: rule.fullId, severity: rule.severity, applies: true, when: null, clauses: [], violations: [] };
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
    out.violations.push(rt.violation(rule, clause.path, w, message, hint, fix));
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
