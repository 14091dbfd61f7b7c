/**
 * Day-by-day values of a metric inside its window, and which metrics and
 * groups each order counted in, for the account-health-orders policy. The
 * expected values are worked out by hand from the policy's definitions.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecordsSync, compile, evalContext, MetricSeriesBuilder, worstGroups, type MetricResult } from '../../src/index.js';
import { readRecords } from '../../src/node/index.js';

const root = resolve(import.meta.dirname, '../../../..');
const { policy } = compile(readFileSync(resolve(root, 'policies/account-health-orders.policy'), 'utf8'));
const ctx = evalContext({ asOf: Date.UTC(2026, 10, 20) }); // 2026-11-20: the 7-day window is 11-14 to 11-20

const order = (id: string, purchaseDate: string, patch: Record<string, unknown> = {}) => ({ orderId: id, purchaseDate, fulfillmentChannel: 'MFN', ...patch });

function builder() {
  if (!policy?.dataset) throw new Error('account-health-orders has no metrics');
  return new MetricSeriesBuilder(policy.dataset, ctx);
}

function decoded(raw: unknown): unknown {
  const r = policy!.decode(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('MetricSeriesBuilder', () => {
  it('says which metrics an order counted in, on which day, in which group, and whether it met the condition', () => {
    const b = builder();
    const cancelled = b.add(decoded(order('1', '2026-11-20T10:00:00Z', { cancelledBy: 'seller', sku: 'A' })));
    expect(cancelled.find((m) => m.metric === 'pre-fulfillment-cancel-rate')).toEqual({ metric: 'pre-fulfillment-cancel-rate', day: '2026-11-20', hit: true, groups: { sku: 'A' } });
    expect(cancelled.find((m) => m.metric === 'order-defect-rate')).toEqual({ metric: 'order-defect-rate', day: '2026-11-20', hit: false, groups: { sku: 'A', asin: '(none)' } });
    // Not shipped: the shipping metrics do not count it.
    expect(cancelled.map((m) => m.metric).sort()).toEqual(['order-defect-rate', 'pre-fulfillment-cancel-rate']);
    // Fulfilled by Amazon: no metric counts it.
    expect(b.add(decoded(order('2', '2026-11-18T09:00:00Z', { fulfillmentChannel: 'AFN', cancelledBy: 'seller' })))).toEqual([]);
    // 19 days before the as-of day: in the 60-day window, not in the 7-day one.
    expect(b.add(decoded(order('3', '2026-11-01T09:00:00Z', { sku: 'B' }))).map((m) => m.metric)).toEqual(['order-defect-rate']);
  });

  it('gives one value per day of the window, counting only that day’s orders', () => {
    const b = builder();
    b.add(decoded(order('1', '2026-11-20T10:00:00Z', { cancelledBy: 'seller', sku: 'A' })));
    b.add(decoded(order('2', '2026-11-20T23:59:00Z', { sku: 'A' })));
    b.add(decoded(order('3', '2026-11-18T00:00:00Z', { sku: 'B' })));
    b.add(decoded(order('4', '2026-11-18T12:00:00Z', { cancelledBy: 'buyer', sku: 'B' })));
    const days = b.series()['pre-fulfillment-cancel-rate'];
    expect(days.map((d) => d.day)).toEqual(['2026-11-14', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    // 11-18: two orders, the buyer's cancellation does not count against the seller: 0 of 2. 11-20: 1 of 2.
    expect(days.map((d) => d.value)).toEqual([null, null, null, null, 0, null, 0.5]);
    expect(days[6]).toMatchObject({ numerator: 1, denominator: 2 });
    expect(b.series()['order-defect-rate']).toHaveLength(60);
  });

  it('the days add up to the metric over the sample order report', async () => {
    const asOf = evalContext({ asOf: Date.UTC(2026, 9, 31) });
    const sample = new MetricSeriesBuilder(policy!.dataset!, asOf);
    const records = [];
    for await (const r of readRecords(resolve(root, 'examples/orders/orders.csv'))) records.push(r);
    const report = checkRecordsSync(policy!, records, asOf, {
      onResult: (result, _raw, value) => {
        if (value !== undefined && !result.invalid) sample.add(value);
      },
    });
    for (const [name, days] of Object.entries(sample.series())) {
      const metric = report.metrics![name];
      expect(days.reduce((n, d) => n + (d.numerator ?? 0), 0)).toBe(metric.numerator);
      expect(days.reduce((n, d) => n + (d.denominator ?? 0), 0)).toBe(metric.denominator);
    }
    expect(sample.series()['late-shipment-rate-10d']).toHaveLength(10);
    // The 7-day cancel rate's 18 orders are spread over its days; the metric has 2 of 18 (11.11%).
    expect(report.metrics!['pre-fulfillment-cancel-rate']).toMatchObject({ numerator: 2, denominator: 18 });
  });
});

describe('worstGroups', () => {
  const metric = (target: string): MetricResult => ({
    title: 't',
    kind: 'rate',
    display: '',
    value: 0.5,
    target,
    groups: { sku: { A: { value: 0.25 }, B: { value: 0.5 }, C: { value: null }, D: { value: 0 } } },
  });
  it('highest first when the target is a maximum, no-data groups last', () => {
    expect(worstGroups(metric('< 2.5%'), 'sku').map(([k]) => k)).toEqual(['B', 'A', 'D', 'C']);
  });
  it('lowest first when the target is a minimum', () => {
    expect(worstGroups(metric('> 95%'), 'sku').map(([k]) => k)).toEqual(['D', 'A', 'B', 'C']);
  });
});
