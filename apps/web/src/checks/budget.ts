/**
 * How long one playground check may evaluate before it is stopped, and the
 * message shown when it is.
 *
 * 10 seconds: the largest data the editor takes (1 MB; larger files are
 * checked in the background with a progress bar and no budget) is 1,753 of
 * the shipped buyer messages, which take 7.5 seconds to check against the
 * buyer-messaging policy on a shared 2-core machine under heavy load (a
 * fraction of that on an idle laptop). 10 seconds leaves room for that,
 * and still stops a policy that is stuck on the data.
 */
import type { Settled } from './scheduler';

export const DEFAULT_BUDGET_MS = 10_000;
/** A budget shorter than this would stop ordinary checks; `?budget=` is clamped to it. */
const MIN_BUDGET_MS = 20;

/**
 * The budget for this page: the default, or the `budget` query parameter in
 * milliseconds (`?budget=50`), a testing aid that makes any slow check
 * show what happens when the budget is spent.
 */
export function budgetFrom(search: string): number {
  const raw = new URLSearchParams(search).get('budget');
  if (raw === null || !/^\d+$/.test(raw)) return DEFAULT_BUDGET_MS;
  return Math.max(MIN_BUDGET_MS, Number(raw));
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} ${s === 1 ? 'second' : 'seconds'}`;
}

const STEP: Readonly<Record<string, string>> = {
  explain: 'while explaining',
  examples: "while running the policy's examples",
  'fix-all': 'while applying the fixes',
};

/** The plain message for a check stopped after its budget: what happened, what is shown, what to do. */
export function timedOutMessage(settled: Extract<Settled, { state: 'timed-out' }>): string {
  const p = settled.progress;
  const where =
    p?.step === 'check' && p.record !== undefined
      ? ` while checking record ${p.record + 1}${p.line !== undefined ? ` (line ${p.line} of the data)` : ''}`
      : p && STEP[p.step]
        ? ` ${STEP[p.step]}${p.record !== undefined ? ` record ${p.record + 1}` : ''}`
        : '';
  return (
    `The check was stopped after ${duration(settled.budgetMs)}${where}: the policy takes too long on this data. ` +
    'No results are shown, since earlier ones would not match this policy and data. ' +
    'Try smaller data (fewer or shorter records), or simplify the policy: long phrase lists with word* wildcards and complex patterns are the usual cause. ' +
    'The data is checked again as soon as you change the policy or the data.'
  );
}
