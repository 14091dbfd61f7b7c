/**
 * Dates and times in records: the common ISO shapes are read by a fast path,
 * everything else by the general parser. Both must give what the calendar
 * says; the expected values here come from Date.UTC or are worked out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/runtime/coerce.js';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const seed = Number(process.env.SELLGUARD_FC_SEED ?? 20261205);

describe('parseTimestamp', () => {
  it.each<[string, number | undefined]>([
    ['2026-11-20', Date.UTC(2026, 10, 20)],
    ['2026-11-20T08:30', Date.UTC(2026, 10, 20, 8, 30)],
    ['2026-11-20T08:30Z', Date.UTC(2026, 10, 20, 8, 30)],
    ['2026-11-20t08:30z', Date.UTC(2026, 10, 20, 8, 30)],
    ['2026-11-20 08:30:15', Date.UTC(2026, 10, 20, 8, 30, 15)],
    ['2026-11-20T23:59:60Z', Date.UTC(2026, 10, 21, 0, 0, 0)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2000-02-29', Date.UTC(2000, 1, 29)],
    // 0001-01-01 is 719,162 days before 1970; year 26 (not 1926) starts 25 × 365 + 6 leap days later, and
    // 1 October is 273 days into it: (9,404 − 719,162) days.
    ['0001-01-01', -719_162 * 86_400_000],
    ['0026-10-01', (9_404 - 719_162) * 86_400_000],
    ['2026-11-20T08:30+02:00', Date.UTC(2026, 10, 20, 6, 30)],
    ['2026-10-09T19:35:00+00:00', Date.UTC(2026, 9, 9, 19, 35)],
    ['2026-10-09T19:35:00-07:00', Date.UTC(2026, 9, 10, 2, 35)],
    ['2026-10-09T19:35:00-0730', Date.UTC(2026, 9, 10, 3, 5)],
    ['2026-10-09T19:35:00.5+01:00', Date.UTC(2026, 9, 9, 18, 35, 0, 500)],
    ['2026-10-09T19:35:00.1234Z', Date.UTC(2026, 9, 9, 19, 35, 0, 123)],
    ['2026-10-09T19:35+05:30', Date.UTC(2026, 9, 9, 14, 5)],
    ['2026-10-09T19:35:00 +00:00', Date.UTC(2026, 9, 9, 19, 35)],
    ['2026-10-09T19:35:00+0', undefined],
    ['2026-10-09T19:35:00+00:0', undefined],
    ['2026-10-09T19:35:00+00-00', undefined],
    ['2026-10-09T19:35:00.Z', undefined],
    ['2026-10-09T19:35.5Z', undefined],
    ['2026-11-20T08:30:15.250Z', Date.UTC(2026, 10, 20, 8, 30, 15, 250)],
    [' 2026-11-20 ', Date.UTC(2026, 10, 20)],
    ['2026-11-20T08:30 UTC', Date.UTC(2026, 10, 20, 8, 30)],
    ['2023-02-29', undefined],
    ['1900-02-29', undefined],
    ['2026-04-31', undefined],
    ['2026-13-01', undefined],
    ['2026-00-10', undefined],
    ['2026-11-00', undefined],
    ['2026-11-20T24:00', undefined],
    ['2026-11-20T08:60', undefined],
    ['2026-11-20T08:30:61', undefined],
    ['2026-11-20T8:30', undefined],
    ['2026-11-20T08:30:5', undefined],
    ['2026-11-20X08:30', undefined],
    ['2026-1-20', undefined],
    ['20261120', undefined],
    ['', undefined],
  ])('%j', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it('reads every valid date and time of the common shapes as the calendar does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('date', 'minutes', 'seconds', 'minutesZ', 'secondsZ', 'secondsOffset'),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (y, m, d, h, min, s, shape, offsetMinutes) => {
          const date = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const zone =
            shape === 'secondsOffset' ? `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60), 2)}:${pad(Math.abs(offsetMinutes) % 60, 2)}` : shape.endsWith('Z') ? 'Z' : '';
          const text = shape === 'date' ? date : `${date}T${pad(h, 2)}:${pad(min, 2)}${shape.startsWith('seconds') ? `:${pad(s, 2)}` : ''}${zone}`;
          const valid = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          const local = shape === 'date' ? Date.UTC(y, m - 1, d) : Date.UTC(y, m - 1, d, h, min, shape.startsWith('seconds') ? s : 0);
          const withTime = shape === 'secondsOffset' ? local - offsetMinutes * 60_000 : local;
          expect(parseTimestamp(text)).toBe(valid ? withTime : undefined);
        },
      ),
      { numRuns: 2000, seed },
    );
  });
});
