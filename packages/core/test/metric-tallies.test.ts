/**
 * The accumulator API that `check --jobs` relies on: each thread counts its
 * own piece of a file, hands its counts over with `talliesOf`, and the main
 * thread adds them up with `mergeTally`. Expectations are worked out by hand
 * (the small tables) or by plain loops over the same values, never by the
 * accumulator under test.
 */
import { describe, expect, it } from 'vitest';
import {
  evalContext,
  inWindow,
  mergeTally,
  metricResults,
  startMetrics,
  talliesOf,
  tallyCount,
  tallyRate,
  tallyValue,
  type MetricDef,
  type MetricState,
} from '../src/runtime/index.js';

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 10, 20);
const ctx = evalContext({ asOf: AS_OF });

const def = (name: string, kind: MetricDef['kind'], groups: string[] = [], days = 0): MetricDef => ({
  name,
  title: name,
  kind,
  days,
  by: 'soldOn',
  groups,
  show: kind === 'rate' ? 'percent' : 'number',
});

describe('metric windows', () => {
  it('a metric without a window counts every record, also undated ones and ones after the as-of day', () => {
    const S = startMetrics([def('all', 'count')], ctx);
    expect(inWindow(S, 0, null)).toBe(true);
    expect(inWindow(S, 0, AS_OF + 400 * DAY)).toBe(true);
    expect(inWindow(S, 0, Date.UTC(1990, 0, 1))).toBe(true);
  });

  it('a 7-day window holds the as-of day and the six days before it, whole UTC days, and no undated record', () => {
    const S = startMetrics([def('week', 'count', [], 7)], ctx);
    expect(inWindow(S, 0, AS_OF)).toBe(true);
    expect(inWindow(S, 0, AS_OF + DAY - 1)).toBe(true); // 23:59:59.999 on the as-of day
    expect(inWindow(S, 0, AS_OF + DAY)).toBe(false); // the next day
    expect(inWindow(S, 0, AS_OF - 6 * DAY)).toBe(true); // 2026-11-14, first day of the window
    expect(inWindow(S, 0, AS_OF - 6 * DAY - 1)).toBe(false); // the last millisecond of 2026-11-13
    expect(inWindow(S, 0, null)).toBe(false);
    expect(inWindow(S, 0, undefined)).toBe(false);
  });
});

describe('mergeTally', () => {
  it('adds counts and sums, and keeps the smaller minimum and larger maximum, ignoring empty sides', () => {
    const S = startMetrics([def('price', 'minimum'), def('top', 'maximum'), def('revenue', 'total')], ctx);
    // The smallest minimum and largest maximum come first and an empty tally last, so keeping the last one
    // merged, or letting an empty tally's null through, gives another answer; the maxima are negative, so a
    // missing maximum read as 0 would win.
    mergeTally(S, 0, null, { num: 0, den: 1, sum: 3, min: 3, max: 3 });
    mergeTally(S, 0, null, { num: 0, den: 2, sum: 9, min: 4, max: 5 });
    mergeTally(S, 0, null, { num: 0, den: 0, sum: 0, min: null, max: null });
    mergeTally(S, 1, null, { num: 0, den: 2, sum: -11, min: -9, max: -2 });
    mergeTally(S, 1, null, { num: 0, den: 1, sum: -7, min: -7, max: -7 });
    mergeTally(S, 1, null, { num: 0, den: 0, sum: 0, min: null, max: null });
    mergeTally(S, 2, null, { num: 0, den: 2, sum: 2.5, min: 1, max: 1.5 });
    mergeTally(S, 2, null, { num: 0, den: 1, sum: -1, min: -1, max: -1 });
    const r = metricResults([def('price', 'minimum'), def('top', 'maximum'), def('revenue', 'total')], S);
    expect(r.price).toMatchObject({ value: 3, count: 3 });
    expect(r.top).toMatchObject({ value: -2, count: 3 });
    expect(r.revenue).toMatchObject({ value: 1.5, count: 3 });
  });

  it('adds numerators and denominators of a rate, as a whole and per group', () => {
    const defs = [def('returns', 'rate', ['sku'])];
    const S = startMetrics(defs, ctx);
    mergeTally(S, 0, null, { num: 1, den: 4, sum: 0, min: null, max: null });
    mergeTally(S, 0, null, { num: 2, den: 4, sum: 0, min: null, max: null });
    mergeTally(S, 0, { index: 0, key: 'A' }, { num: 1, den: 3, sum: 0, min: null, max: null });
    mergeTally(S, 0, { index: 0, key: 'A' }, { num: 2, den: 2, sum: 0, min: null, max: null });
    mergeTally(S, 0, { index: 0, key: 'B' }, { num: 0, den: 3, sum: 0, min: null, max: null });
    const r = metricResults(defs, S).returns;
    expect(r).toMatchObject({ numerator: 3, denominator: 8, value: 3 / 8 });
    expect(r.groups).toEqual({
      sku: {
        A: { numerator: 3, denominator: 5, value: 3 / 5 },
        B: { numerator: 0, denominator: 3, value: 0 },
      },
    });
  });

  it('never creates a group for a tally that counted nothing, but always merges into the whole metric', () => {
    const defs = [def('sales', 'count', ['sku'])];
    const S = startMetrics(defs, ctx);
    mergeTally(S, 0, { index: 0, key: 'ghost' }, { num: 0, den: 0, sum: 0, min: null, max: null });
    mergeTally(S, 0, null, { num: 0, den: 0, sum: 0, min: null, max: null });
    const r = metricResults(defs, S).sales;
    expect(r.groups).toEqual({ sku: {} });
    expect(r).toMatchObject({ value: 0, count: 0 });
  });
});

// A small sale for the split-run property: sku, market and price may be missing.
interface Sale {
  sku: string | null;
  market: string | null;
  price: number | null;
  returned: boolean;
}

function sales(n: number, seed: number): Sale[] {
  // A plain linear congruential generator: the same sales on every run.
  let x = seed;
  const next = () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () => ({
    sku: next() < 0.1 ? null : ['A', 'B', 'C'][Math.floor(next() * 3)],
    market: next() < 0.3 ? null : ['US', 'DE'][Math.floor(next() * 2)],
    price: next() < 0.2 ? null : Math.round(next() * 20_000) / 100 - 20,
    returned: next() < 0.25,
  }));
}

const DEFS: MetricDef[] = [
  def('sales', 'count', ['sku']),
  def('returns', 'rate', ['sku', 'market']),
  def('revenue', 'total', ['sku']),
  def('average', 'average', ['market']),
  def('lowest', 'minimum', ['sku']),
  def('highest', 'maximum', ['market']),
];

function tally(S: MetricState, s: Sale): void {
  tallyCount(S, 0, [s.sku]);
  tallyRate(S, 1, s.returned, [s.sku, s.market]);
  tallyValue(S, 2, s.price, [s.sku]);
  tallyValue(S, 3, s.price, [s.market]);
  tallyValue(S, 4, s.price, [s.sku]);
  tallyValue(S, 5, s.price, [s.market]);
}

/** The same metrics with plain loops, for one group key function (or the whole list). */
function plain(list: Sale[], key: ((s: Sale) => string | null) | null) {
  const byKey = new Map<string, Sale[]>();
  for (const s of list) {
    const k = key === null ? '*' : (key(s) ?? '(none)');
    byKey.set(k, [...(byKey.get(k) ?? []), s]);
  }
  const out: Record<string, { count: number; returned: number; priced: number[] }> = {};
  for (const [k, group] of byKey) {
    out[k] = {
      count: group.length,
      returned: group.filter((s) => s.returned).length,
      priced: group.map((s) => s.price).filter((p): p is number => p !== null),
    };
  }
  return out;
}

describe('a run split into pieces and merged', () => {
  for (const pieces of [1, 2, 3, 7]) {
    it(`gives the counts plain loops give, split into ${pieces} piece(s)`, () => {
      const list = sales(500, 42 + pieces);
      const states = Array.from({ length: pieces }, () => startMetrics(DEFS, ctx));
      list.forEach((s, i) => tally(states[Math.floor((i * pieces) / list.length)], s));
      const merged = startMetrics(DEFS, ctx);
      for (const S of states) for (const t of talliesOf(S)) mergeTally(merged, t.metric, t.group, t.tally);
      const r = metricResults(DEFS, merged);

      const whole = plain(list, null)['*'];
      expect(r.sales).toMatchObject({ value: list.length, count: list.length });
      expect(r.returns).toMatchObject({ numerator: whole.returned, denominator: list.length });
      const sum = whole.priced.reduce((a, b) => a + b, 0);
      expect(r.revenue.count).toBe(whole.priced.length);
      expect(r.revenue.value).toBeCloseTo(sum, 6);
      expect(r.average.value).toBeCloseTo(sum / whole.priced.length, 6);
      expect(r.lowest.value).toBe(Math.min(...whole.priced));
      expect(r.highest.value).toBe(Math.max(...whole.priced));

      const bySku = plain(list, (s) => s.sku);
      expect(Object.keys(r.sales.groups!.sku).sort()).toEqual(Object.keys(bySku).sort());
      for (const [k, g] of Object.entries(bySku)) {
        expect(r.sales.groups!.sku[k]).toEqual({ value: g.count, count: g.count });
        expect(r.returns.groups!.sku[k]).toEqual({ value: g.returned / g.count, numerator: g.returned, denominator: g.count });
        expect(r.lowest.groups!.sku[k].value).toBe(g.priced.length ? Math.min(...g.priced) : null);
      }
      const byMarket = plain(list, (s) => s.market);
      for (const [k, g] of Object.entries(byMarket)) {
        expect(r.returns.groups!.market[k]).toEqual({ value: g.returned / g.count, numerator: g.returned, denominator: g.count });
        expect(r.highest.groups!.market[k].value).toBe(g.priced.length ? Math.max(...g.priced) : null);
        expect(r.average.groups!.market[k].count).toBe(g.priced.length);
      }
    });
  }

  it('hands over one tally for the whole of each metric and one per group value counted, nothing else', () => {
    const S = startMetrics(DEFS, ctx);
    for (const s of [
      { sku: 'A', market: 'US', price: 5, returned: true },
      { sku: 'B', market: null, price: null, returned: false },
    ]) tally(S, s);
    const tallies = talliesOf(S);
    // sales: whole + A + B; returns: whole + A + B + US + (none); the four value metrics: whole + the one group
    // of the sale with a price (a missing price is not counted, so it makes no group).
    expect(tallies.length).toBe(3 + 5 + 2 + 2 + 2 + 2);
    expect(tallies.filter((t) => t.group === null).map((t) => t.metric)).toEqual([0, 1, 2, 3, 4, 5]);
    const returnsA = tallies.find((t) => t.metric === 1 && t.group?.index === 0 && t.group.key === 'A');
    expect(returnsA?.tally).toEqual({ num: 1, den: 1, sum: 0, min: null, max: null });
    // A copy: changing what was handed over leaves the accumulator as it was.
    returnsA!.tally.num = 99;
    expect(metricResults(DEFS, S).returns.groups!.sku.A).toEqual({ value: 1, numerator: 1, denominator: 1 });
  });
});
