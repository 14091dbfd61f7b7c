/**
 * `pick` remembers the keys of the last record read key by key and reads a
 * record with the same keys in the same order without looking each key up
 * (every row of a CSV file has the header's keys). Whatever records come one
 * after another, each must be read as a fresh key plan, which never saw
 * another record, reads it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keys, pick } from '../../src/runtime/decode.js';

const FIELDS: Array<[string, string[]]> = [
  ['orderId', ['amazon-order-id', 'order-id']],
  ['purchaseDate', ['purchase-date']],
  ['sku', []],
  ['trackingValid', ['tracking-valid']],
];

/** Keys a record may have: exact names, aliases, loose spellings, and others. */
const key = fc.constantFrom('orderId', 'amazon-order-id', 'order-id', 'Order ID', 'purchaseDate', 'purchase-date', 'PURCHASE_DATE', 'sku', 'SKU', 'trackingValid', 'tracking-valid', 'note', 'x');
const value = fc.oneof(fc.string({ maxLength: 3 }), fc.constant(undefined), fc.integer());

/** A record from its keys in order (repeated keys keep the first place, as in an object literal). */
const record = fc.tuple(fc.array(fc.tuple(key, value), { maxLength: 8 }), fc.boolean()).map(([entries, inherits]) => {
  const proto = inherits ? { sku: 'from the prototype', 'order-id': 'inherited' } : Object.prototype;
  const r = Object.create(proto) as Record<string, unknown>;
  for (const [k, v] of entries) r[k] = v;
  return r;
});

/** A record with the same keys (in the same order, with the same prototype) and values of its own. */
function sameKeysAs(r: Record<string, unknown>, n: number): Record<string, unknown> {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(r)) as Record<string, unknown>, r);
  for (const k of Object.keys(copy)) copy[k] = `${String(copy[k])}#${n}`;
  return copy;
}

/** Runs of records that share their keys, as rows of one file do. */
const records = fc.array(fc.tuple(record, fc.nat({ max: 3 })), { maxLength: 12 }).map((runs) => runs.flatMap(([r, n]) => [r, ...Array.from({ length: n }, (_, i) => sameKeysAs(r, i))]));

describe('pick on records one after another', () => {
  it('reads each record as a plan that saw no other record does', () => {
    fc.assert(
      fc.property(records, (rs) => {
        const shared = keys(FIELDS);
        for (const r of rs) expect(pick(r, shared)).toEqual(pick(r, keys(FIELDS)));
      }),
      { numRuns: 500 },
    );
  });

  it('reads the rows of a file with aliased headers, and a row with other keys after them', () => {
    const plan = keys(FIELDS);
    const row = (id: string) => ({ 'amazon-order-id': id, 'purchase-date': '2026-11-01', sku: 'LAMP-1', 'tracking-valid': 'true' });
    expect(pick(row('A'), plan)).toEqual(['A', '2026-11-01', 'LAMP-1', 'true']);
    expect(pick(row('B'), plan)).toEqual(['B', '2026-11-01', 'LAMP-1', 'true']);
    // The exact name after an alias wins; the same keys in another order are read again, not from memory.
    expect(pick({ 'amazon-order-id': 'alias', orderId: 'exact' }, plan)).toEqual(['exact', undefined, undefined, undefined]);
    expect(pick({ orderId: 'exact', 'amazon-order-id': 'alias' }, plan)).toEqual(['exact', undefined, undefined, undefined]);
    expect(pick({ 'order-id': 'second alias', 'amazon-order-id': 'first alias' }, plan)).toEqual(['second alias', undefined, undefined, undefined]);
    expect(pick({ 'amazon-order-id': 'first alias', 'order-id': 'second alias' }, plan)).toEqual(['first alias', undefined, undefined, undefined]);
  });

  it('never reads an inherited key, even where the record before had it as its own', () => {
    const plan = keys(FIELDS);
    expect(pick({ sku: 'S', 'order-id': 'own' }, plan)).toEqual(['own', undefined, 'S', undefined]);
    const inherits = Object.create({ 'order-id': 'inherited' }) as Record<string, unknown>;
    inherits.sku = 'T';
    expect(pick(inherits, plan)).toEqual([undefined, undefined, 'T', undefined]);
  });
});
