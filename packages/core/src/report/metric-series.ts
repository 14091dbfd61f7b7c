/**
 * A metric's trend inside its window, day by day, and which metrics (and
 * which groups) each record counted in, for front ends that draw a
 * sparkline per metric and drill from a group (a SKU) to its records.
 *
 * It runs the policy's own dataset accumulator on a state of its own and
 * reads what one record changed, so the day values are counted exactly as
 * the metric counts (same `where`, same window, same condition); the metric's
 * value and semantics are untouched. Records are placed on a day by the
 * field the window goes by (`over 30 days by shipDate`).
 */
import { getPath } from '../runtime/fixes.js';
import type { MetricState } from '../runtime/metrics.js';
import type { CompiledDataset, EvalContext, MetricCounts, MetricResult } from '../types.js';

const DAY_MS = 86_400_000;

/** One day of a metric's window: its value counting only that day's records (null: nothing counted that day). */
export interface DayValue extends MetricCounts {
  /** YYYY-MM-DD (UTC). */
  day: string;
}

/** Which metric a record counted in, on which day, in which groups, and whether it met the metric's condition (rates). */
export interface MetricMembership {
  metric: string;
  day?: string;
  /** For rates: the record met the condition (is in the numerator). */
  hit?: boolean;
  /** Group expression → the record's group value ("(none)" when missing), for groups that are fields. */
  groups: Record<string, string>;
}

interface DayAcc {
  num: number;
  den: number;
  sum: number;
  min: number | null;
  max: number | null;
}

interface Shape {
  name: string;
  kind: MetricResult['kind'];
  window?: MetricResult['window'];
  /** Group expressions that are field paths (others cannot be read per record). */
  groupPaths: string[];
}

const FIELD_PATH = /^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*$/;

export class MetricSeriesBuilder {
  private readonly state: MetricState;
  private readonly shapes: Shape[];
  private readonly days: Array<Map<number, DayAcc>>;

  constructor(
    private readonly dataset: CompiledDataset,
    ctx: EvalContext,
  ) {
    // The metrics' windows and group expressions, as a report of no records shows them.
    const empty = dataset.finish(dataset.start(ctx)).metrics;
    this.shapes = dataset.metrics.map((m) => ({
      name: m.name,
      kind: m.kind,
      window: empty[m.name]?.window,
      groupPaths: Object.keys(empty[m.name]?.groups ?? {}).filter((g) => FIELD_PATH.test(g)),
    }));
    this.state = dataset.start(ctx) as MetricState;
    this.days = this.shapes.map(() => new Map());
  }

  /** Count one decoded record; says which metrics it counted in. */
  add(decoded: unknown): MetricMembership[] {
    const before = this.state.acc.map((a) => [a.num, a.den, a.sum] as const);
    this.dataset.add(this.state, decoded);
    const out: MetricMembership[] = [];
    this.shapes.forEach((shape, i) => {
      const a = this.state.acc[i];
      const [num, den, sum] = before[i];
      if (a.den === den) return;
      const hit = a.num > num;
      const groups: Record<string, string> = {};
      for (const g of shape.groupPaths) {
        const v = getPath(decoded, g);
        groups[g] = v == null || v === '' ? '(none)' : String(v);
      }
      const membership: MetricMembership = { metric: shape.name, groups };
      if (shape.kind === 'rate') membership.hit = hit;
      const day = shape.window ? dayOf(getPath(decoded, shape.window.by)) : undefined;
      if (day !== undefined) {
        membership.day = isoDay(day);
        let acc = this.days[i].get(day);
        if (!acc) this.days[i].set(day, (acc = { num: 0, den: 0, sum: 0, min: null, max: null }));
        const value = a.sum - sum;
        acc.den++;
        if (hit) acc.num++;
        acc.sum += value;
        // For values, what the record added to the sum is its value.
        acc.min = acc.min === null ? value : Math.min(acc.min, value);
        acc.max = acc.max === null ? value : Math.max(acc.max, value);
      }
      out.push(membership);
    });
    return out;
  }

  /** Per metric with a window: one value per day of the window, oldest first. Metrics without a window have none. */
  series(): Record<string, DayValue[]> {
    const out: Record<string, DayValue[]> = {};
    this.shapes.forEach((shape, i) => {
      if (!shape.window) return;
      const from = Date.parse(`${shape.window.from}T00:00:00Z`);
      const days: DayValue[] = [];
      for (let d = 0; d < shape.window.days; d++) {
        const day = from + d * DAY_MS;
        days.push({ day: isoDay(day), ...countsOf(shape.kind, this.days[i].get(day)) });
      }
      out[shape.name] = days;
    });
    return out;
  }
}

/** A metric's group values, worst first: lowest when the target is a minimum ("> 95%"), else highest; no-data groups last. */
export function worstGroups(metric: MetricResult, group: string): Array<[string, MetricCounts]> {
  const lowIsBad = metric.target?.trim().startsWith('>') ?? false;
  return Object.entries(metric.groups?.[group] ?? {}).sort(([ka, a], [kb, b]) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? (ka < kb ? -1 : 1) : 1) : -1;
    return (lowIsBad ? a.value - b.value : b.value - a.value) || (ka < kb ? -1 : 1);
  });
}

function countsOf(kind: MetricResult['kind'], a: DayAcc | undefined): MetricCounts {
  const den = a?.den ?? 0;
  switch (kind) {
    case 'count':
      return { value: den, count: den };
    case 'rate':
      return { value: den === 0 ? null : a!.num / den, numerator: a?.num ?? 0, denominator: den };
    case 'total':
      return { value: den === 0 ? null : a!.sum, count: den };
    case 'average':
      return { value: den === 0 ? null : a!.sum / den, count: den };
    case 'minimum':
      return { value: a?.min ?? null, count: den };
    case 'maximum':
      return { value: a?.max ?? null, count: den };
  }
}

/** The UTC day (ms at midnight) of a datetime or date value, as decoded records hold them (ms), or undefined. */
function dayOf(v: unknown): number | undefined {
  const ms = typeof v === 'number' ? v : v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN;
  if (!Number.isFinite(ms)) return undefined;
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
