/**
 * Dates and times in messages are written with integer arithmetic; they must
 * read exactly as the Date-based form they replace (toISOString), checked
 * here against Date itself on generated times across the years 0000–9999,
 * at the edges of that range, and outside it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { show } from '../../src/runtime/format.js';

/** The form messages used before: from Date#toISOString. */
function viaDate(ms: number, kind: 'date' | 'datetime'): string {
  const iso = new Date(ms).toISOString();
  if (kind === 'date') return iso.slice(0, 10);
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

const MIN = -62_167_219_200_000; // 0000-01-01T00:00Z
const MAX = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

describe('dates and times in messages', () => {
  it('read as toISOString writes them, for any millisecond in the years 0000–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), (ms) => {
        expect(show(ms, 'datetime')).toBe(viaDate(ms, 'datetime'));
        expect(show(ms, 'date')).toBe(viaDate(ms, 'date'));
      }),
      { numRuns: 5_000 },
    );
  });

  it('read the same at midnights, leap days, the range edges and outside it', () => {
    const cases = [0, -1, 86_400_000, Date.UTC(2024, 1, 29), Date.UTC(2000, 1, 29, 23, 59), Date.UTC(1900, 2, 1), Date.UTC(2026, 10, 20, 5, 7), MIN, MAX, MIN - 1, MAX + 1, 8.64e15, -8.64e15, 1.5];
    for (const ms of cases) {
      expect(show(ms, 'datetime'), String(ms)).toBe(viaDate(ms, 'datetime'));
      expect(show(ms, 'date'), String(ms)).toBe(viaDate(ms, 'date'));
    }
    // By hand: the first minute of 2026-11-20 and a leap day.
    expect(show(Date.UTC(2026, 10, 20, 0, 1), 'datetime')).toBe('2026-11-20 00:01 UTC');
    expect(show(Date.UTC(2024, 1, 29), 'datetime')).toBe('2024-02-29');
  });
});
