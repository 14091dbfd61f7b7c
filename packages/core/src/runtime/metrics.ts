/**
 * Accumulating metrics over a stream of records in one pass, in constant
 * memory (plus one small accumulator per group value). Counts are exact
 * integers; a metric that counted nothing has the value null ("no data").
 */
import { today, type EvalContext } from './context.js';
import { DAY_MS, dateOf } from './values.js';
import { show } from './format.js';
import type { MetricCounts, MetricResult, Tally } from '../types.js';

export type MetricKind = MetricResult['kind'];

export interface MetricDef {
  name: string;
  title: string;
  kind: MetricKind;
  /** Window length in days, or 0 for all records. */
  days: number;
  /** The field (as written) the window goes by. */
  by: string;
  /** The group-by expressions, as written. */
  groups: string[];
  /** How values show: 'percent' for rates, else the value's kind. */
  show: string;
}

interface Acc {
  num: number;
  den: number;
  sum: number;
  min: number | null;
  max: number | null;
}

export interface MetricState {
  /** The context of the run: metric expressions read it like rule conditions do. */
  ctx: EvalContext;
  asOf: number;
  from: number[];
  acc: Acc[];
  /** Per metric, per group expression: group value → accumulator. */
  groups: Array<Array<Map<string, Acc>>>;
}

const fresh = (): Acc => ({ num: 0, den: 0, sum: 0, min: null, max: null });

/** A fresh accumulator for a run; windows end with the context's as-of day. */
export function startMetrics(defs: readonly MetricDef[], ctx: EvalContext): MetricState {
  const day = today(ctx);
  return {
    ctx,
    asOf: day,
    from: defs.map((d) => (d.days > 0 ? day - (d.days - 1) * DAY_MS : -Infinity)),
    acc: defs.map(fresh),
    groups: defs.map((d) => d.groups.map(() => new Map<string, Acc>())),
  };
}

/**
 * Whether a record dated `t` is in metric `i`'s window: its UTC calendar day
 * lies in [as-of − (N−1) days, as-of]. Without a window every record counts.
 */
export function inWindow(S: MetricState, i: number, t: number | null | undefined): boolean {
  if (S.from[i] === -Infinity) return true;
  if (t == null) return false;
  const day = dateOf(t) as number;
  return day >= S.from[i] && day <= S.asOf;
}

/** The accumulator of each group value of a record, created on first sight. */
function groupAcc(S: MetricState, i: number, g: number, k: unknown): Acc {
  const key = k == null || k === '' ? '(none)' : String(k);
  const map = S.groups[i][g];
  let acc = map.get(key);
  if (!acc) map.set(key, (acc = fresh()));
  return acc;
}

// The tally functions run once per record and metric: they update the metric's
// accumulator and its groups' in place, without building arrays.

/** count: one more record. */
export function tallyCount(S: MetricState, i: number, keys: readonly unknown[]): void {
  S.acc[i].den++;
  for (let g = 0; g < keys.length; g++) groupAcc(S, i, g, keys[g]).den++;
}

function addRate(a: Acc, hit: boolean): void {
  a.den++;
  if (hit) a.num++;
}

/** rate: one more record in the denominator, and in the numerator when `hit`. */
export function tallyRate(S: MetricState, i: number, hit: boolean, keys: readonly unknown[]): void {
  addRate(S.acc[i], hit);
  for (let g = 0; g < keys.length; g++) addRate(groupAcc(S, i, g, keys[g]), hit);
}

function addValue(a: Acc, value: number): void {
  a.den++;
  a.sum += value;
  if (a.min === null || value < a.min) a.min = value;
  if (a.max === null || value > a.max) a.max = value;
}

/** total, average, minimum, maximum: one more value (missing values are not counted). */
export function tallyValue(S: MetricState, i: number, value: number | null | undefined, keys: readonly unknown[]): void {
  if (value == null || Number.isNaN(value)) return;
  addValue(S.acc[i], value);
  for (let g = 0; g < keys.length; g++) addValue(groupAcc(S, i, g, keys[g]), value);
}

export type { Tally };

function merge(a: Acc, t: Tally): void {
  a.num += t.num;
  a.den += t.den;
  a.sum += t.sum;
  if (t.min !== null && (a.min === null || t.min < a.min)) a.min = t.min;
  if (t.max !== null && (a.max === null || t.max > a.max)) a.max = t.max;
}

/**
 * Merge a tally into metric `i` (its overall value when `group` is null, else
 * group expression `group.index` at value `group.key`). A group appears only
 * when the tally counted something, as it would when tallied record by record.
 */
export function mergeTally(S: MetricState, i: number, group: { index: number; key: unknown } | null, t: Tally): void {
  if (group === null) return merge(S.acc[i], t);
  if (t.den === 0) return;
  merge(groupAcc(S, i, group.index, group.key), t);
}

/**
 * Everything an accumulator has counted, as tallies `mergeTally` takes: the
 * overall tally of each metric, then one per group value. A run split over
 * several accumulators (worker threads each counting a piece of a file) adds
 * them up in one with `mergeTally`.
 */
export function talliesOf(S: MetricState): Array<{ metric: number; group: { index: number; key: string } | null; tally: Tally }> {
  const out: Array<{ metric: number; group: { index: number; key: string } | null; tally: Tally }> = [];
  S.acc.forEach((a, i) => {
    out.push({ metric: i, group: null, tally: { ...a } });
    S.groups[i].forEach((map, index) => {
      for (const [key, g] of map) out.push({ metric: i, group: { index, key }, tally: { ...g } });
    });
  });
  return out;
}

function countsOf(kind: MetricKind, a: Acc): MetricCounts {
  switch (kind) {
    case 'count':
      return { value: a.den, count: a.den };
    case 'rate':
      return { value: a.den === 0 ? null : a.num / a.den, numerator: a.num, denominator: a.den };
    case 'total':
      return { value: a.den === 0 ? null : a.sum, count: a.den };
    case 'average':
      return { value: a.den === 0 ? null : a.sum / a.den, count: a.den };
    case 'minimum':
      return { value: a.min, count: a.den };
    case 'maximum':
      return { value: a.max, count: a.den };
  }
}

/** The values rules see, by metric index (null: no data). */
export function metricValues(defs: readonly MetricDef[], S: MetricState): Array<number | null> {
  return defs.map((d, i) => countsOf(d.kind, S.acc[i]).value);
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The metrics as the report shows them. */
export function metricResults(defs: readonly MetricDef[], S: MetricState): Record<string, MetricResult> {
  const out: Record<string, MetricResult> = {};
  defs.forEach((d, i) => {
    const counts = countsOf(d.kind, S.acc[i]);
    const result: MetricResult = {
      title: d.title,
      kind: d.kind,
      ...counts,
      display: counts.value === null ? 'no data' : show(counts.value, d.show as never),
    };
    if (d.days > 0) result.window = { days: d.days, by: d.by, from: isoDay(S.from[i]), to: isoDay(S.asOf) };
    if (d.groups.length > 0) {
      result.groups = {};
      d.groups.forEach((g, gi) => {
        const entries = [...S.groups[i][gi].entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
        result.groups![g] = Object.fromEntries(entries.map(([k, a]) => [k, countsOf(d.kind, a)]));
      });
    }
    if (counts.value === null) result.status = 'no data';
    out[d.name] = result;
  });
  return out;
}
