/**
 * Numbers in messages (showNumber) are written from integer hundredths: the
 * same text as String(Math.round(n * 100) / 100), which is the plain path
 * and the oracle here, on hand-picked values and generated doubles of every
 * size and sign.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showNumber } from '../../src/runtime/format.js';

/** The plain path, as messages wrote numbers before. */
function plain(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

describe('showNumber', () => {
  it('writes hand-picked values as people read them', () => {
    const cases: Array<[number, string]> = [
      [31, '31'],
      [1.5, '1.5'],
      [1 / 3, '0.33'],
      [0.005, '0.01'],
      [-0.004, '0'],
      [-0, '0'],
      [-2.5, '-2.5'],
      [-0.05, '-0.05'],
      [1.005, '1'],
      [99.999, '100'],
      [21_474_836.47, '21474836.47'],
      [21_474_836.48, '21474836.48'],
      [1e15, '1000000000000000'],
      [Number.NaN, 'NaN'],
      [Number.NEGATIVE_INFINITY, '-Infinity'],
    ];
    for (const [n, text] of cases) expect(showNumber(n), String(n)).toBe(text);
  });

  it('gives the text of the plain path on any double', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.double({ min: -1e8, max: 1e8 }), fc.integer().map((k) => k / 100), fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 1000)), (n) => {
        expect(showNumber(n)).toBe(plain(n));
      }),
      { numRuns: 20_000 },
    );
  });
});
