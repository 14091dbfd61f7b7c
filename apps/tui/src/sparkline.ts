/**
 * Sparklines: a metric's value day by day in one row of block characters,
 * lowest ▁ to highest █; a day with nothing counted is a dot. When the window
 * has more days than columns, neighbouring days are merged the way the
 * metric merges records (a rate adds numerators and denominators).
 */
import type { DayValue, MetricResult } from '@sellguard/core';

const BARS = '▁▂▃▄▅▆▇█';
export const NO_DATA = '·';

/** Merge days into at most `width` buckets; says how many days each bucket holds. */
export function bucketDays(days: readonly DayValue[], kind: MetricResult['kind'], width: number): { values: Array<number | null>; perBucket: number } {
  const perBucket = Math.max(1, Math.ceil(days.length / Math.max(1, width)));
  const values: Array<number | null> = [];
  for (let i = 0; i < days.length; i += perBucket) values.push(merge(days.slice(i, i + perBucket), kind));
  return { values, perBucket };
}

function merge(days: readonly DayValue[], kind: MetricResult['kind']): number | null {
  if (days.length === 1) return days[0].value;
  const counted = days.filter((d) => d.value !== null);
  if (counted.length === 0) return kind === 'count' ? 0 : null;
  switch (kind) {
    case 'rate': {
      const num = counted.reduce((n, d) => n + (d.numerator ?? 0), 0);
      const den = counted.reduce((n, d) => n + (d.denominator ?? 0), 0);
      return den === 0 ? null : num / den;
    }
    case 'count':
    case 'total':
      return counted.reduce((n, d) => n + d.value!, 0);
    case 'average': {
      const n = counted.reduce((c, d) => c + (d.count ?? 1), 0);
      return counted.reduce((s, d) => s + d.value! * (d.count ?? 1), 0) / n;
    }
    case 'minimum':
      return Math.min(...counted.map((d) => d.value!));
    case 'maximum':
      return Math.max(...counted.map((d) => d.value!));
  }
}

/** One character per value, scaled between the lowest (or 0) and the highest value. */
export function sparkline(values: ReadonlyArray<number | null>): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return values.map(() => NO_DATA).join('');
  const low = Math.min(0, ...known);
  const high = Math.max(...known);
  return values
    .map((v) => {
      if (v === null) return NO_DATA;
      if (high === low) return BARS[0];
      return BARS[Math.min(BARS.length - 1, Math.floor(((v - low) / (high - low)) * (BARS.length - 1) + 0.5))];
    })
    .join('');
}
