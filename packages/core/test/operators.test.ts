/**
 * Operators and functions as a policy uses them: a small policy is compiled
 * and run on one record, and whether the rule fires is worked out by hand,
 * with equal values at each comparison's boundary and missing values on
 * either side.
 */
import { describe, expect, it } from 'vitest';
import { compile, evalContext, type CompiledPolicy } from '../src/index.js';

const HEADER = `policy ops "Operators" source "tests"
const low = -5
const pair = [1, -2]
const table = { a: -1, b: [-3] }
record Offer {
  sku: string
  price: number?
  floor: number?
  stock: integer?
  discount: percent?
  listedOn: date?
  shippedOn: date?
  labels: list<string> = []
  extras: list<string> = []
  prices: list<number> = []
}
`;

const compiled = new Map<string, CompiledPolicy>();

function fires(condition: string, record: Record<string, unknown>): boolean {
  let policy = compiled.get(condition);
  if (!policy) {
    const result = compile(`${HEADER}rule r error "m" {\n  forbid ${condition}\n}\n`);
    if (!result.policy) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
    policy = result.policy;
    compiled.set(condition, policy);
  }
  const decoded = policy.decode({ sku: 'A-1', ...record });
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems));
  return policy.evaluate(decoded.value, evalContext()).length > 0;
}

describe('comparisons in a policy', () => {
  // [condition, record, fires]
  const rows: Array<[string, Record<string, unknown>, boolean]> = [
    ['price < floor', { price: 10, floor: 10 }, false],
    ['price < floor', { price: 9.99, floor: 10 }, true],
    ['price <= floor', { price: 10, floor: 10 }, true],
    ['price <= floor', { price: 10.01, floor: 10 }, false],
    ['price > floor', { price: 10, floor: 10 }, false],
    ['price > floor', { price: 10.01, floor: 10 }, true],
    ['price >= floor', { price: 10, floor: 10 }, true],
    ['price >= floor', { price: 9.99, floor: 10 }, false],
    ['price == floor', { price: 10, floor: 10 }, true],
    ['price != floor', { price: 10, floor: 10 }, false],
    // A missing value on either side: no ordering comparison holds.
    ['price > floor', { price: 1 }, false],
    ['price > floor', { price: -1 }, false],
    ['price < floor', { floor: 1 }, false],
    ['price >= floor', { price: 0 }, false],
    ['price <= floor', { floor: 0 }, false],
    ['price > floor', {}, false],
    ['price == floor', {}, false],
    ['price == floor', { price: 0 }, false],
    ['price != floor', { floor: 0 }, false],
    ['price != floor', { price: 1, floor: 0 }, true],
    ['price == null', {}, true],
    ['price == null', { price: 0 }, false],
    ['price != null', { price: 0 }, true],
    ['price > -1', { price: 0 }, true],
    ['price > -1', {}, false],
    ['listedOn < shippedOn', { listedOn: '2026-11-03', shippedOn: '2026-11-03' }, false],
    ['listedOn <= shippedOn', { listedOn: '2026-11-03', shippedOn: '2026-11-03' }, true],
    ['listedOn < shippedOn', { listedOn: '2026-11-02', shippedOn: '2026-11-03' }, true],
    ['shippedOn - listedOn > 2 days', { listedOn: '2026-11-01', shippedOn: '2026-11-03' }, false],
    ['shippedOn - listedOn >= 2 days', { listedOn: '2026-11-01', shippedOn: '2026-11-03' }, true],
    ['shippedOn - listedOn >= 2 days', { listedOn: '2026-11-01' }, false],
    ['listedOn + 2 days == shippedOn', { listedOn: '2026-11-01', shippedOn: '2026-11-03' }, true],
    ['discount > 10%', { discount: '10%' }, false],
    ['discount >= 10%', { discount: 0.1 }, true],
    ['discount + 5% > 12%', { discount: '8%' }, true],
  ];
  for (const [condition, record, want] of rows) it(`${condition} on ${JSON.stringify(record)}: ${want ? 'fires' : 'silent'}`, () => expect(fires(condition, record)).toBe(want));
});

describe('arithmetic and functions in a policy', () => {
  const rows: Array<[string, Record<string, unknown>, boolean]> = [
    ['-price < -5', { price: 6 }, true],
    ['-price < -5', { price: 5 }, false],
    ['-price < -5', {}, false],
    ['abs(price - floor) > 1', { price: 3, floor: 5 }, true],
    ['abs(price - floor) > 1', { price: 5, floor: 4 }, false],
    ['abs(price) > 0', {}, false],
    ['round(price) == 3', { price: 2.5 }, true],
    ['round(price, 1) == 2.3', { price: 2.25 }, true],
    ['round(price) == 2', { price: 2.49 }, true],
    ['price / floor > 1', { price: 3, floor: 0 }, false],
    ['price * 2 == 7', { price: 3.5 }, true],
    ['stock - 1 < 0', { stock: 0 }, true],
    ['sum(prices) == 6', { prices: [1, 2, 3] }, true],
    ['sum(prices) == 0', { prices: [] }, true],
    ['min(prices) == 1', { prices: [3, 1, 2] }, true],
    ['max(prices) == 3', { prices: [3, 1, 2] }, true],
    ['min(prices) < 100', { prices: [] }, false],
    ['max(prices) > -100', { prices: [] }, false],
    ['count(labels + extras) == 3', { labels: ['a', 'b'], extras: ['c'] }, true],
    ['low + pair[1] + table["a"] == -8', {}, true],
    ['table["b"] == [-3]', {}, true],
    ['price > low', { price: -5 }, false],
    ['price >= low', { price: -5 }, true],
    ['(labels + extras)[2] == "c"', { labels: ['a', 'b'], extras: ['c'] }, true],
    ['labels + extras == ["a", "c"]', { labels: ['a'], extras: ['c'] }, true],
    ['labels + extras == ["c", "a"]', { labels: ['a'], extras: ['c'] }, false],
  ];
  for (const [condition, record, want] of rows) it(`${condition} on ${JSON.stringify(record)}: ${want ? 'fires' : 'silent'}`, () => expect(fires(condition, record)).toBe(want));
});

describe('lists in a policy', () => {
  const rows: Array<[string, Record<string, unknown>, boolean]> = [
    ['labels contains "gift"', { labels: ['new', 'gift'] }, true],
    ['labels contains "gift"', { labels: ['new', 'gifts'] }, false],
    ['labels contains "gift"', { labels: [] }, false],
    ['"gift" in labels', { labels: ['gift'] }, true],
    ['"gift" not in labels', { labels: ['gift'] }, false],
    ['"gift" not in labels', { labels: [] }, true],
    ['labels == ["a", "b"]', { labels: ['a', 'b'] }, true],
    ['labels == ["a", "b"]', { labels: ['a', 'c'] }, false],
    ['labels == ["a", "b"]', { labels: ['a'] }, false],
    ['labels != ["a", "b"]', { labels: ['b', 'a'] }, true],
    ['any p in prices: p > 2', { prices: [1, 2] }, false],
    ['any p in prices: p >= 2', { prices: [1, 2] }, true],
    ['all p in prices: p > 1', { prices: [] }, true],
    ['(count p in prices: p == 2) == 2', { prices: [2, 1, 2] }, true],
  ];
  for (const [condition, record, want] of rows) it(`${condition} on ${JSON.stringify(record)}: ${want ? 'fires' : 'silent'}`, () => expect(fires(condition, record)).toBe(want));
});
