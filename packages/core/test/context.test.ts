/**
 * The evaluation context: a check depends on the context it is given and on
 * nothing kept between calls. Two checks running at the same time in one
 * process, with different as-of days, each get the answer for their own day.
 */
import { describe, expect, it } from 'vitest';
import { checkRecords, compile, evalContext, type CompiledPolicy, type RawRecord } from '../src/index.js';

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** A record rule that reads today(), and a metric with a 7-day window: both depend on the as-of day. */
const POLICY = (id: string) => `policy ${id} "Order freshness"
  input Order

record Order {
  orderId: string
  purchaseDate: date
}

metric recent-orders "Orders in the last 7 days" {
  count
  over 7 days by purchaseDate
}

rule stale-order warning "The order is more than 30 days old" {
  require today() - purchaseDate <= 30 days
}

rule too-few-recent error "Only {recent-orders} orders in the last 7 days" {
  require recent-orders >= 2
}
`;

function policyOf(id: string): CompiledPolicy {
  const { policy, diagnostics } = compile(POLICY(id));
  if (!policy) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return policy;
}

const ORDERS = [
  { orderId: 'a', purchaseDate: '2026-01-01' },
  { orderId: 'b', purchaseDate: '2026-01-15' },
  { orderId: 'c', purchaseDate: '2026-02-25' },
  { orderId: 'd', purchaseDate: '2026-02-27' },
];

/** Hands out the records one at a time, yielding to the event loop before each, and logs who read what. */
async function* slowly(label: string, log: string[]): AsyncGenerator<RawRecord> {
  for (const [index, raw] of ORDERS.entries()) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    log.push(`${label}${index}`);
    yield { index, raw };
  }
}

/** What the rules should say as of a day, worked out from the dates by hand. */
function expected(asOf: number) {
  const stale = ORDERS.filter((o) => asOf - day(o.purchaseDate) > 30 * DAY).map((o) => o.orderId);
  const recent = ORDERS.filter((o) => day(o.purchaseDate) > asOf - 7 * DAY && day(o.purchaseDate) <= asOf).length;
  return { stale, recent };
}

describe('evaluation context', () => {
  it('two policies checked at once with different as-of days each get their own answer', async () => {
    const january = policyOf('january');
    const march = policyOf('march');
    const log: string[] = [];
    const [jan, mar] = await Promise.all([
      checkRecords(january, slowly('J', log), evalContext({ asOf: day('2026-01-20') }), { keepAll: true }),
      checkRecords(march, slowly('M', log), evalContext({ asOf: day('2026-03-01') }), { keepAll: true }),
    ]);
    // The two runs really did take turns.
    expect(log.slice(0, 2).sort()).toEqual(['J0', 'M0']);

    // As of 2026-01-20: no order is over 30 days old; only "b" (Jan 15) is in the 7-day window.
    expect(expected(day('2026-01-20'))).toEqual({ stale: [], recent: 1 });
    expect(jan.results.flatMap((r) => r.violations.map((v) => v.rule))).toEqual([]);
    expect(jan.metrics?.['recent-orders'].value).toBe(1);
    expect(jan.datasetViolations?.map((v) => v.message)).toEqual(['Only 1 orders in the last 7 days']);

    // As of 2026-03-01: "a" and "b" are over 30 days old; "c" and "d" are in the window.
    expect(expected(day('2026-03-01'))).toEqual({ stale: ['a', 'b'], recent: 2 });
    expect(mar.results.filter((r) => r.violations.length > 0).map((r) => r.index)).toEqual([0, 1]);
    expect(mar.metrics?.['recent-orders'].value).toBe(2);
    expect(mar.datasetViolations).toEqual([]);
  });

  it('one compiled policy checked at once in two contexts keeps them apart', async () => {
    const policy = policyOf('shared');
    const log: string[] = [];
    const [early, late] = await Promise.all([
      checkRecords(policy, slowly('E', log), evalContext({ asOf: day('2026-01-20') })),
      checkRecords(policy, slowly('L', log), evalContext({ asOf: day('2026-03-01') })),
    ]);
    expect(log.slice(0, 2).sort()).toEqual(['E0', 'L0']);
    expect(early.summary.violations).toBe(1); // only the dataset rule: 1 recent order
    expect(late.summary.violations).toBe(2); // "a" and "b" are stale; 2 recent orders pass
    expect(early.metrics?.['recent-orders'].window).toEqual({ days: 7, by: 'purchaseDate', from: '2026-01-14', to: '2026-01-20' });
    expect(late.metrics?.['recent-orders'].window).toEqual({ days: 7, by: 'purchaseDate', from: '2026-02-23', to: '2026-03-01' });
  });

  it('evaluate and explain read the day from the context they are given', () => {
    const policy = policyOf('direct');
    const decoded = policy.decode({ orderId: 'a', purchaseDate: '2026-01-01' });
    if (!decoded.ok) throw new Error('bad record');
    expect(policy.evaluate(decoded.value, evalContext({ asOf: day('2026-01-31') }))).toEqual([]);
    expect(policy.evaluate(decoded.value, evalContext({ asOf: day('2026-02-01') })).map((v) => v.rule)).toEqual(['direct/stale-order']);
    const [explained] = policy.explain(decoded.value, evalContext({ asOf: day('2026-02-01') }));
    expect(explained.clauses[0].violated).toBe(true);
    // Evaluating in one context did not change what another sees.
    expect(policy.evaluate(decoded.value, evalContext({ asOf: day('2026-01-31') }))).toEqual([]);
  });

  it('cuts the as-of time to its UTC day, and says when results depend on the day', () => {
    expect(evalContext({ asOf: Date.parse('2026-01-20T18:30:00Z') }).asOf).toBe(day('2026-01-20'));
    expect(evalContext().asOf).toBeNull();
    expect(policyOf('dated').usesToday).toBe(true);
    const plain = compile('policy plain "Plain"\n  input M\nrecord M { body: text }\nrule r error "x" { forbid body contains "x" }\n');
    expect(plain.policy?.usesToday).toBe(false);
  });

  it("an example's as-of line overrides the context's day, others keep it", () => {
    const source = `policy examples "Order freshness"
  input Order

record Order {
  orderId: string
  purchaseDate: date
}

rule stale-order warning "The order is more than 30 days old" {
  require today() - purchaseDate <= 30 days
}

example "fresh as of January" {
  as of 2026-01-20
  given { orderId: "a", purchaseDate: "2026-01-01" }
  expect nothing
}

example "stale in the context's day" {
  given { orderId: "a", purchaseDate: "2026-01-01" }
  expect stale-order
}
`;
    const { policy, diagnostics } = compile(source);
    if (!policy) throw new Error(diagnostics.map((d) => d.message).join('; '));
    const outcomes = policy.runExamples(evalContext({ asOf: day('2026-06-01') }));
    expect(outcomes.map((o) => [o.name, o.passed, o.fired])).toEqual([
      ['fresh as of January', true, []],
      ["stale in the context's day", true, ['stale-order']],
    ]);
  });
});
