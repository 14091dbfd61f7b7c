/**
 * Every kind of metric (count, rate, total, average, minimum, maximum), with
 * and without a window, as a whole and per group, against values computed
 * here with plain loops over the same sales: a small table worked out by hand,
 * then generated sales with missing values and empty groups.
 */
import { describe, expect, it } from 'vitest';
import { checkRecordsSync, compile, evalContext, type CompiledPolicy, type MetricCounts } from '../src/index.js';

const POLICY = `policy shop "Shop metrics" source "tests"
record Sale {
  sku: string
  market: string?
  soldOn: date
  price: number?
  returned: boolean = false
}
metric sales "Sales" {
  count
  group by sku
}
metric return-rate "Return rate" {
  rate returned
  group by sku, market
}
metric revenue "Revenue" {
  total price
  group by sku
}
metric average-price "Average price" {
  average price
  group by sku
}
metric lowest-price "Lowest price" {
  minimum price
  group by sku
}
metric highest-price "Highest price" {
  maximum price
  group by market
}
metric recent-sales "Sales this week" {
  count
  over 7 days by soldOn
  group by sku
}
metric dear-return-rate "Return rate of sales over 100" {
  rate returned
  where price > 100
  group by sku
}
metric returned-sales "Returned sales" {
  count
  where returned
}
rule too-many-returns error "The return rate is {return-rate}" {
  require return-rate < 50%
}
rule low-revenue warning "Revenue is {revenue}" {
  require revenue >= 1000
}
`;

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 10, 20); // 2026-11-20

interface Sale {
  sku: string;
  market: string | null;
  soldOn: number;
  price: number | null;
  returned: boolean;
}

function compiled(): CompiledPolicy {
  const { policy, diagnostics } = compile(POLICY);
  if (!policy) throw new Error(diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return policy;
}

function run(sales: Sale[]) {
  const rows = sales.map((s, index) => ({
    index,
    raw: {
      sku: s.sku,
      ...(s.market === null ? {} : { market: s.market }),
      soldOn: new Date(s.soldOn).toISOString().slice(0, 10),
      ...(s.price === null ? {} : { price: s.price }),
      returned: s.returned,
    },
  }));
  return checkRecordsSync(compiled(), rows, evalContext({ asOf: AS_OF }));
}

// ------------------------------------------------------------- plain-JS oracle

type Counts = { value: number | null; count?: number; numerator?: number; denominator?: number };

function count(pool: Sale[]): Counts {
  return { value: pool.length, count: pool.length };
}
function rate(pool: Sale[], hit: (s: Sale) => boolean): Counts {
  const numerator = pool.filter(hit).length;
  return { value: pool.length === 0 ? null : numerator / pool.length, numerator, denominator: pool.length };
}
function prices(pool: Sale[]): number[] {
  return pool.map((s) => s.price).filter((p): p is number => p !== null);
}
function total(pool: Sale[]): Counts {
  const ps = prices(pool);
  return { value: ps.length === 0 ? null : ps.reduce((a, b) => a + b, 0), count: ps.length };
}
function average(pool: Sale[]): Counts {
  const ps = prices(pool);
  return { value: ps.length === 0 ? null : ps.reduce((a, b) => a + b, 0) / ps.length, count: ps.length };
}
function minimum(pool: Sale[]): Counts {
  const ps = prices(pool);
  return { value: ps.length === 0 ? null : Math.min(...ps), count: ps.length };
}
function maximum(pool: Sale[]): Counts {
  const ps = prices(pool);
  return { value: ps.length === 0 ? null : Math.max(...ps), count: ps.length };
}

/** Group values as the report names them: a missing or empty value is "(none)". */
function byGroup(pool: Sale[], key: (s: Sale) => string | null, measure: (p: Sale[]) => Counts): Record<string, Counts> {
  const groups = new Map<string, Sale[]>();
  for (const s of pool) {
    const k = key(s);
    const name = k === null || k === '' ? '(none)' : k;
    groups.set(name, [...(groups.get(name) ?? []), s]);
  }
  return Object.fromEntries([...groups.entries()].map(([k, g]) => [k, measure(g)]));
}

const inLastWeek = (s: Sale) => s.soldOn >= AS_OF - 6 * DAY && s.soldOn <= AS_OF;
const dear = (s: Sale) => s.price !== null && s.price > 100;
const returned = (s: Sale) => s.returned;

function expected(sales: Sale[]) {
  const recent = sales.filter(inLastWeek);
  const dearSales = sales.filter(dear);
  return {
    sales: { ...count(sales), groups: { sku: byGroup(sales, (s) => s.sku, count) } },
    'return-rate': {
      ...rate(sales, returned),
      groups: { sku: byGroup(sales, (s) => s.sku, (p) => rate(p, returned)), market: byGroup(sales, (s) => s.market, (p) => rate(p, returned)) },
    },
    revenue: { ...total(sales), groups: { sku: byGroup(sales, (s) => s.sku, total) } },
    'average-price': { ...average(sales), groups: { sku: byGroup(sales, (s) => s.sku, average) } },
    'lowest-price': { ...minimum(sales), groups: { sku: byGroup(sales, (s) => s.sku, minimum) } },
    'highest-price': { ...maximum(sales), groups: { market: byGroup(sales, (s) => s.market, maximum) } },
    'recent-sales': { ...count(recent), groups: { sku: byGroup(recent, (s) => s.sku, count) } },
    'dear-return-rate': { ...rate(dearSales, returned), groups: { sku: byGroup(dearSales, (s) => s.sku, (p) => rate(p, returned)) } },
  };
}

/** The parts of a reported metric the oracle speaks about. */
function measured(m: { value: number | null; count?: number; numerator?: number; denominator?: number; groups?: Record<string, Record<string, MetricCounts>> }) {
  const pick = (c: MetricCounts): Counts => {
    const out: Counts = { value: c.value };
    for (const k of ['count', 'numerator', 'denominator'] as const) if (c[k] !== undefined) out[k] = c[k];
    return out;
  };
  const groups = Object.fromEntries(Object.entries(m.groups ?? {}).map(([g, values]) => [g, Object.fromEntries(Object.entries(values).map(([k, c]) => [k, pick(c)]))]));
  return { ...pick(m as MetricCounts), groups };
}

// ------------------------------------------------------------------ the tests

const sale = (sku: string, market: string | null, daysAgo: number, price: number | null, isReturned = false): Sale => ({
  sku,
  market,
  soldOn: AS_OF - daysAgo * DAY,
  price,
  returned: isReturned,
});

describe('metrics of every kind', () => {
  it('match a table worked out by hand', () => {
    const sales = [
      sale('LAMP', 'DE', 0, 120, true),
      sale('LAMP', 'DE', 6, 80),
      sale('LAMP', 'FR', 7, 200, true),
      sale('MUG', 'DE', 1, 10),
      sale('MUG', null, 30, null),
      sale('MUG', '', 2, 30, true),
    ];
    const m = run(sales).metrics!;
    expect(measured(m.sales)).toEqual({ value: 6, count: 6, groups: { sku: { LAMP: { value: 3, count: 3 }, MUG: { value: 3, count: 3 } } } });
    expect(measured(m['return-rate'])).toEqual({
      value: 0.5,
      numerator: 3,
      denominator: 6,
      groups: {
        sku: { LAMP: { value: 2 / 3, numerator: 2, denominator: 3 }, MUG: { value: 1 / 3, numerator: 1, denominator: 3 } },
        market: {
          '(none)': { value: 0.5, numerator: 1, denominator: 2 },
          DE: { value: 1 / 3, numerator: 1, denominator: 3 },
          FR: { value: 1, numerator: 1, denominator: 1 },
        },
      },
    });
    // Group values are listed in order, whatever order the sales came in.
    expect(Object.keys(m['return-rate'].groups!.market)).toEqual(['(none)', 'DE', 'FR']);
    expect(Object.keys(m['return-rate'].groups!)).toEqual(['sku', 'market']);
    // The sale without a price counts for count and rate, but not for total, average, minimum or maximum.
    expect(measured(m.revenue)).toEqual({ value: 440, count: 5, groups: { sku: { LAMP: { value: 400, count: 3 }, MUG: { value: 40, count: 2 } } } });
    expect(measured(m['average-price'])).toEqual({ value: 88, count: 5, groups: { sku: { LAMP: { value: 400 / 3, count: 3 }, MUG: { value: 20, count: 2 } } } });
    expect(measured(m['lowest-price'])).toEqual({ value: 10, count: 5, groups: { sku: { LAMP: { value: 80, count: 3 }, MUG: { value: 10, count: 2 } } } });
    expect(measured(m['highest-price'])).toEqual({
      value: 200,
      count: 5,
      groups: { market: { '(none)': { value: 30, count: 1 }, DE: { value: 120, count: 3 }, FR: { value: 200, count: 1 } } },
    });
    // 7 days up to 2026-11-20 start on 2026-11-14: six days ago is in, seven days ago is out.
    expect(measured(m['recent-sales'])).toEqual({ value: 4, count: 4, groups: { sku: { LAMP: { value: 2, count: 2 }, MUG: { value: 2, count: 2 } } } });
    expect(m['recent-sales'].window).toEqual({ days: 7, by: 'soldOn', from: '2026-11-14', to: '2026-11-20' });
    // Only the two LAMP sales over 100 count; both were returned.
    expect(measured(m['dear-return-rate'])).toEqual({ value: 1, numerator: 2, denominator: 2, groups: { sku: { LAMP: { value: 1, numerator: 2, denominator: 2 } } } });
  });

  it('show each value as its kind reads', () => {
    const m = run([sale('LAMP', 'DE', 0, 120, true), sale('MUG', 'DE', 1, 10.5)]).metrics!;
    expect(m.sales.display).toBe('2');
    expect(m['return-rate'].display).toBe('50%');
    expect(m.revenue.display).toBe('130.5');
    expect(m['lowest-price'].display).toBe('10.5');
  });

  it('have no data when nothing was counted, and rules about them stay silent', () => {
    const report = run([sale('MUG', 'DE', 40, null)]);
    const m = report.metrics!;
    expect(m.revenue.value).toBeNull();
    expect(m['average-price'].value).toBeNull();
    expect(m['lowest-price'].value).toBeNull();
    expect(m['highest-price'].value).toBeNull();
    expect(m['recent-sales'].value).toBe(0);
    expect(m['dear-return-rate'].value).toBeNull();
    expect(m['dear-return-rate'].status).toBe('no data');
    expect(m.revenue.display).toBe('no data');
    expect(m.sales.value).toBe(1);
    expect(m.sales.status).toBeUndefined();
    expect(report.datasetViolations!.map((v) => v.rule)).toEqual([]);
  });

  it('feed their values to the rules about them', () => {
    const failing = run([sale('LAMP', 'DE', 0, 120, true), sale('MUG', 'DE', 0, 10)]);
    expect(failing.datasetViolations!.map((v) => [v.rule, v.message])).toEqual([
      ['shop/too-many-returns', 'The return rate is 50%'],
      ['shop/low-revenue', 'Revenue is 130'],
    ]);
    const passing = run([sale('LAMP', 'DE', 0, 990, true), sale('MUG', 'DE', 0, 10), sale('MUG', 'DE', 0, 5)]);
    expect(passing.datasetViolations).toEqual([]);
  });
});

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(n: number, seed: number): Sale[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  return Array.from({ length: n }, () =>
    sale(
      pick(['LAMP', 'MUG', 'DESK', 'CHAIR']),
      pick(['DE', 'FR', 'IT', null, '']),
      Math.floor(r() * 20) - 2,
      r() < 0.15 ? null : Math.round(r() * 30000) / 100,
      r() < 0.3,
    ),
  );
}

describe('metrics at their edges', () => {
  it('find the smallest and largest of negative values too', () => {
    const m = run([sale('A', 'DE', 0, -5), sale('A', 'DE', 0, -3), sale('A', 'DE', 0, -4)]).metrics!;
    expect([m['lowest-price'].value, m['highest-price'].value, m.revenue.value]).toEqual([-5, -3, -12]);
    expect(m['highest-price'].groups).toEqual({ market: { DE: { value: -3, count: 3 } } });
  });

  it('put an empty group value under "(none)"', () => {
    const m = run([sale('', 'DE', 0, 1), sale('A', 'DE', 0, 2), sale('', 'FR', 0, 3)]).metrics!;
    expect(m.sales.groups).toEqual({ sku: { '(none)': { value: 2, count: 2 }, A: { value: 1, count: 1 } } });
  });

  it('have no breakdown when they are not grouped, and no window when they count every record', () => {
    const m = run([sale('A', 'DE', 0, 1, true), sale('B', 'DE', 400, 2, true), sale('B', 'DE', 0, 2)]).metrics!;
    expect(m['returned-sales']).toEqual({ title: 'Returned sales', kind: 'count', value: 2, count: 2, display: '2' });
  });
});

describe('a window by an optional date', () => {
  it('leaves out records without that date', () => {
    const { policy } = compile(`policy returns "Returns" source "tests"
record Sale { sku: string  returnedOn: date? }
metric recent-returns "Returns this week" {
  count
  over 7 days by returnedOn
}
`);
    const rows = [{ sku: 'A', returnedOn: '2026-11-20' }, { sku: 'B' }, { sku: 'C', returnedOn: '2026-11-13' }, { sku: 'D', returnedOn: '2026-11-14' }];
    const report = checkRecordsSync(policy!, rows.map((raw, index) => ({ index, raw })), evalContext({ asOf: AS_OF }));
    // In: the as-of day and the window's first day (2026-11-14). Out: no date, and the day before the window.
    expect(report.metrics!['recent-returns'].value).toBe(2);
  });
});

describe('metrics on generated sales', () => {
  for (const seed of [7, 8, 9]) {
    it(`equal plain loops per metric and per group (seed ${seed})`, () => {
      const sales = generate(400, seed);
      const m = run(sales).metrics!;
      const want = expected(sales);
      for (const [name, w] of Object.entries(want)) {
        const got = measured(m[name]);
        // Sums of prices in cents can differ in the last bit with the order of addition.
        const close = (c: Counts) => ({ ...c, value: c.value === null ? null : Math.round(c.value * 1e6) / 1e6 });
        const round = (x: ReturnType<typeof measured>) => ({
          ...close(x),
          groups: Object.fromEntries(Object.entries(x.groups).map(([g, vs]) => [g, Object.fromEntries(Object.entries(vs).map(([k, c]) => [k, close(c)]))])),
        });
        expect(round(got), name).toEqual(round(w as ReturnType<typeof measured>));
      }
    });
  }
});
