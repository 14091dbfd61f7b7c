/**
 * The evaluation context: everything a check depends on besides the policy and
 * the record, passed explicitly (as Cedar passes a request and OPA an EvalTime)
 * instead of kept in module-level variables. The host (CLI, TUI, playground,
 * tests) creates one per run; generated code reads it (`rt.today(ctx)`), so two
 * policies checked at the same time with different as-of days never see each
 * other's day. The shape is declared with the other shared shapes in types.ts.
 */
import type { EvalContext, Speller } from '../types.js';
import { DAY_MS } from './values.js';

export type { EvalContext, Speller };

/** A context for a run; `asOf` is cut to its UTC day. */
export function evalContext(opts: { asOf?: number | null; dictionary?: Speller | null } = {}): EvalContext {
  return Object.freeze({ asOf: opts.asOf == null ? null : startOfDay(opts.asOf), dictionary: opts.dictionary ?? null });
}

/** The same context checked as of another day (an example's `as of` line); null keeps the context's day. */
export function withAsOf(ctx: EvalContext, asOf: number | null): EvalContext {
  return asOf === null ? ctx : evalContext({ ...ctx, asOf });
}

/** The day checks run for: the context's as-of day, or the real today (UTC). */
export function today(ctx: EvalContext): number {
  return ctx.asOf ?? startOfDay(Date.now());
}

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}
