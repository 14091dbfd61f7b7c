/**
 * Which key a field is read from (`pick`): the fast path for plain objects
 * with exact names must give what the key-by-key reading gives, worked out
 * here by hand from the rules: an exact name wins; otherwise the first alias
 * or loose spelling in the input counts (an exact name wins even when its
 * value is undefined); inherited properties never count.
 */
import { describe, expect, it } from 'vitest';
import { keys, pick } from '../../src/runtime/decode.js';

const plan = () => keys([['orderId', ['order-id']], ['status', []], ['purchaseDate', []]]);

describe('pick', () => {
  it('reads every field under its exact name', () => {
    expect(pick({ orderId: 'A', status: 'Shipped', purchaseDate: '2026-11-01' }, plan())).toEqual(['A', 'Shipped', '2026-11-01']);
  });

  it('reads the fields that are there when the others are missing', () => {
    expect(pick({ status: 'Shipped' }, plan())).toEqual([undefined, 'Shipped', undefined]);
  });

  it('takes an exact name over an alias, in either order', () => {
    expect(pick({ 'order-id': 'alias', orderId: 'exact', status: 's', purchaseDate: 'p' }, plan())).toEqual(['exact', 's', 'p']);
    expect(pick({ orderId: 'exact', 'order-id': 'alias' }, plan())).toEqual(['exact', undefined, undefined]);
  });

  it('takes an alias or a loose spelling when the exact name is missing', () => {
    expect(pick({ 'order-id': 'alias', status: 's' }, plan())).toEqual(['alias', 's', undefined]);
    expect(pick({ 'Purchase Date': 'loose', orderId: 'A' }, plan())).toEqual(['A', undefined, 'loose']);
  });

  it('lets an exact name win even when the caller set it to undefined', () => {
    expect(pick({ orderId: undefined, 'order-id': 'alias' }, plan())).toEqual([undefined, undefined, undefined]);
    expect(pick({ 'order-id': 'alias', orderId: undefined, status: 's', purchaseDate: 'p' }, plan())).toEqual([undefined, 's', 'p']);
  });

  it('never reads inherited properties', () => {
    const inherited = Object.create({ orderId: 'from the prototype' }) as Record<string, unknown>;
    inherited.status = 's';
    expect(pick(inherited, plan())).toEqual([undefined, 's', undefined]);
    // A field named like a property every object has is found only when the record has it.
    const odd = keys([['constructor', []], ['status', []]]);
    expect(pick({ status: 's' }, odd)).toEqual([undefined, 's']);
    expect(pick({ constructor: 'c', status: 's' }, odd)).toEqual(['c', 's']);
  });
});
