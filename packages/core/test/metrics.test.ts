/**
 * Metrics of the account-health-orders policy against values computed here,
 * independently, straight from the definitions in the policy's source
 * (Amazon's account health targets and windows): plain loops over generated orders
 * that include every edge case the definitions talk about.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecordsSync, compile, evalContext, type MetricResult } from '../src/index.js';

const root = resolve(import.meta.dirname, '../../..');
const { policy } = compile(readFileSync(resolve(root, 'policies/account-health-orders.policy'), 'utf8'));

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 10, 20); // 2026-11-20

interface Order {
  orderId: string;
  purchaseDate: number;
  fulfillmentChannel: string;
  cancelledBy: '' | 'seller' | 'buyer' | 'Seller' | ' BUYER ';
  expectedShipDate: number | null;
  shipDate: number | null;
  trackingId: string;
  trackingValid: '' | 'true' | 'false' | 'TRUE' | 'False';
  negativeFeedback: boolean;
  azClaim: boolean;
  chargeback: boolean;
  sku: string;
}

/** A small deterministic generator (mulberry32), so failures can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(count: number, seed: number): Order[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const orders: Order[] = [];
  for (let i = 0; i < count; i++) {
    const purchase = AS_OF - Math.floor(r() * 75 * DAY) + Math.floor(r() * 2 * DAY) - 12 * 3_600_000;
    const expected = r() < 0.05 ? null : purchase + Math.floor(r() * 3 * DAY);
    const shipped = r() < 0.85;
    const ship = shipped && expected !== null ? expected + Math.floor((r() - 0.8) * 2 * DAY) : null;
    orders.push({
      orderId: `111-${String(i).padStart(7, '0')}-0000000`,
      purchaseDate: purchase,
      fulfillmentChannel: pick(['MFN', 'MFN', 'Merchant', ' mfn ', 'AFN', 'Amazon']),
      cancelledBy: pick(['', '', '', '', 'seller', 'buyer', 'Seller', ' BUYER ']),
      expectedShipDate: expected,
      shipDate: ship,
      trackingId: r() < 0.05 ? '' : `1Z${i}`,
      trackingValid: pick(['', 'true', 'true', 'TRUE', 'false', 'False']),
      negativeFeedback: r() < 0.03,
      azClaim: r() < 0.02,
      chargeback: r() < 0.01,
      sku: pick(['A', 'B', 'C']),
    });
  }
  return orders;
}

/** Edge cases named in the definitions, on top of the generated orders. */
function edgeCases(): Order[] {
  const base: Order = {
    orderId: '',
    purchaseDate: AS_OF,
    fulfillmentChannel: 'MFN',
    cancelledBy: '',
    expectedShipDate: AS_OF,
    shipDate: AS_OF,
    trackingId: 'T',
    trackingValid: '',
    negativeFeedback: false,
    azClaim: false,
    chargeback: false,
    sku: 'EDGE',
  };
  const at = (ms: number, o: Partial<Order>): Order => ({ ...base, orderId: `edge-${ms}-${Object.keys(o).join('')}`, purchaseDate: ms, ...o });
  return [
    at(AS_OF, { negativeFeedback: true }), // first second of the as-of day: inside
    at(AS_OF + DAY - 1000, { azClaim: true, chargeback: true, negativeFeedback: true }), // last second of the as-of day, three defects: one order
    at(AS_OF + DAY, { negativeFeedback: true }), // the next day: outside every window
    at(AS_OF - 59 * DAY, { chargeback: true }), // first day of the 60-day window
    at(AS_OF - 59 * DAY + DAY - 1000, {}), // last second of the window's first day: inside
    at(AS_OF - 59 * DAY - 1000, { negativeFeedback: true }), // last second of the day before: outside
    at(AS_OF - 6 * DAY, { cancelledBy: 'seller', shipDate: null }), // first day of the 7-day window
    at(AS_OF - 7 * DAY, { cancelledBy: 'seller', shipDate: null }), // outside the 7-day window
    at(AS_OF - 2 * DAY, { fulfillmentChannel: 'AFN', negativeFeedback: true, cancelledBy: 'seller' }), // AFN: never counted
    at(AS_OF - 2 * DAY, { cancelledBy: 'buyer', shipDate: null }), // buyer cancel: denominator only
    at(AS_OF - 3 * DAY, { expectedShipDate: AS_OF - 3 * DAY, shipDate: AS_OF - 3 * DAY + 1000 }), // one second late
    at(AS_OF - 3 * DAY, { expectedShipDate: AS_OF - 3 * DAY, shipDate: AS_OF - 3 * DAY }), // exactly on time
    at(AS_OF - 9 * DAY, { expectedShipDate: AS_OF - 9 * DAY, shipDate: AS_OF }), // first day of the 10-day window, late
    at(AS_OF - 10 * DAY, { expectedShipDate: AS_OF - 10 * DAY, shipDate: AS_OF }), // outside it, inside 30 days
    at(AS_OF - 4 * DAY, { shipDate: null, expectedShipDate: AS_OF - 5 * DAY }), // not shipped: left out of late and tracking
    at(AS_OF - 4 * DAY, { trackingId: '', shipDate: AS_OF - 4 * DAY }), // shipped without tracking: invalid
    at(AS_OF - 4 * DAY, { trackingValid: 'false', shipDate: AS_OF - 4 * DAY }), // rejected tracking
    at(AS_OF - 4 * DAY, { trackingValid: '', shipDate: AS_OF - 4 * DAY }), // unknown validity: valid
  ];
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/** The orders as a CSV report would give them: every value a string. */
function asCsvRow(o: Order): Record<string, string> {
  return {
    'amazon-order-id': o.orderId,
    'purchase-date': iso(o.purchaseDate),
    'fulfillment-channel': o.fulfillmentChannel,
    'cancelled-by': o.cancelledBy,
    'expected-ship-date': iso(o.expectedShipDate),
    'ship-date': iso(o.shipDate),
    'tracking-id': o.trackingId,
    'tracking-valid': o.trackingValid,
    'negative-feedback': String(o.negativeFeedback),
    'az-claim': String(o.azClaim),
    chargeback: String(o.chargeback),
    sku: o.sku,
  };
}

// ------------------------------------------------------- the definitions, by hand

const utcDay = (ms: number) => Math.floor(ms / DAY) * DAY;
const inWindow = (ms: number | null, days: number) => ms !== null && utcDay(ms) >= AS_OF - (days - 1) * DAY && utcDay(ms) <= AS_OF;
const isMfn = (o: Order) => ['mfn', 'merchant'].includes(o.fulfillmentChannel.trim().toLowerCase());
const cancelledBySeller = (o: Order) => o.cancelledBy.trim().toLowerCase() === 'seller';
const isShipped = (o: Order) => o.shipDate !== null;
const isLate = (o: Order) => o.shipDate !== null && o.expectedShipDate !== null && o.shipDate > o.expectedShipDate;
const validTracking = (o: Order) => o.trackingId !== '' && o.trackingValid.trim().toLowerCase() !== 'false';

function expected(orders: Order[]) {
  const rate = (pool: Order[], hit: (o: Order) => boolean) => {
    const numerator = pool.filter(hit).length;
    return { numerator, denominator: pool.length, value: pool.length === 0 ? null : numerator / pool.length };
  };
  const mfn = orders.filter(isMfn);
  const shipped = mfn.filter(isShipped);
  return {
    'order-defect-rate': rate(mfn.filter((o) => inWindow(o.purchaseDate, 60)), (o) => o.negativeFeedback || o.azClaim || o.chargeback),
    'pre-fulfillment-cancel-rate': rate(mfn.filter((o) => inWindow(o.purchaseDate, 7)), cancelledBySeller),
    'late-shipment-rate-10d': rate(shipped.filter((o) => inWindow(o.expectedShipDate, 10)), isLate),
    'late-shipment-rate-30d': rate(shipped.filter((o) => inWindow(o.expectedShipDate, 30)), isLate),
    'valid-tracking-rate': rate(shipped.filter((o) => inWindow(o.shipDate, 30)), validTracking),
  };
}

function run(orders: Order[], asOf = AS_OF) {
  return checkRecordsSync(policy!, orders.map((o, index) => ({ index, raw: asCsvRow(o) })), evalContext({ asOf }));
}

describe('account-health-orders metrics', () => {
  it('compiles', () => {
    expect(policy?.dataset?.metrics.map((m) => m.name)).toEqual([
      'order-defect-rate',
      'pre-fulfillment-cancel-rate',
      'late-shipment-rate-10d',
      'late-shipment-rate-30d',
      'valid-tracking-rate',
    ]);
  });

  for (const seed of [1, 2, 3]) {
    it(`match the definitions on generated orders with edge cases (seed ${seed})`, () => {
      const orders = [...generate(2000, seed), ...edgeCases()];
      const report = run(orders);
      expect(report.summary.invalid).toBe(0);
      const want = expected(orders);
      for (const [name, w] of Object.entries(want)) {
        const got = report.metrics![name];
        expect({ name, numerator: got.numerator, denominator: got.denominator }).toEqual({ name, numerator: w.numerator, denominator: w.denominator });
        expect(got.value).toBeCloseTo(w.value!, 12);
      }
    });
  }

  it('counts the edge cases exactly as the definitions say', () => {
    const m = run(edgeCases()).metrics!;
    // In the 60-day window, MFN: every edge order except the next-day one, the one before the window, and the AFN one.
    expect([m['order-defect-rate'].numerator, m['order-defect-rate'].denominator]).toEqual([3, 15]);
    // In the 7-day window: the seller cancel on its first day (not the one a day earlier), the buyer cancel, and the rest dated within 6 days.
    expect(m['pre-fulfillment-cancel-rate'].numerator).toBe(1);
    // Late in 10 days: one second late, and the one on the window's first day; on time is not late.
    expect(m['late-shipment-rate-10d'].numerator).toBe(2);
    expect(m['late-shipment-rate-30d'].numerator).toBe(3);
    // Tracking: the missing id and the rejected one are invalid; unknown validity is valid.
    expect(m['valid-tracking-rate'].denominator! - m['valid-tracking-rate'].numerator!).toBe(2);
  });

  it('reports each metric with its window, target and status', () => {
    const m = run(edgeCases()).metrics!;
    expect(m['order-defect-rate'].window).toEqual({ days: 60, by: 'purchaseDate', from: '2026-09-22', to: '2026-11-20' });
    expect(m['pre-fulfillment-cancel-rate'].window).toEqual({ days: 7, by: 'purchaseDate', from: '2026-11-14', to: '2026-11-20' });
    expect(m['order-defect-rate'].target).toBe('< 1%');
    expect(m['valid-tracking-rate'].target).toBe('> 95%');
    expect(m['order-defect-rate'].status).toBe('fail');
    expect(Object.keys(m['order-defect-rate'].groups!)).toEqual(['sku', 'asin']);
  });

  it('says "no data" for an empty window, and no rule fails on it', () => {
    const report = run(edgeCases(), Date.UTC(2020, 0, 1));
    for (const m of Object.values(report.metrics!) as MetricResult[]) {
      expect(m.value).toBeNull();
      expect(m.status).toBe('no data');
      expect(m.display).toBe('no data');
    }
    expect(report.datasetViolations).toEqual([]);
  });

  it('names the metric, its value and its target in a violation', () => {
    const report = run(edgeCases());
    const v = report.datasetViolations!.find((x) => x.rule === 'account-health-orders/order-defect-rate')!;
    expect(v.message).toBe("The order defect rate is 20% over the last 60 days; Amazon's target is under 1%");
    expect(v.path).toBe('metrics.order-defect-rate');
    expect(report.summary.byRule['account-health-orders/order-defect-rate']).toBe(1);
  });
});
