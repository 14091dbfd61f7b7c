/**
 * How values read in messages: dates as 2026-11-03, durations in days,
 * percents with a % sign, missing values as "(none)".
 */
import { DAY_MS } from './values.js';

export type ShowKind =
  | 'string'
  | 'number'
  | 'integer'
  | 'percent'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'duration'
  | 'list'
  | 'other';

export function show(value: unknown, kind: ShowKind): string {
  if (value == null) return '(none)';
  switch (kind) {
    case 'date':
      return typeof value === 'number' ? isoDate(value) : String(value);
    case 'datetime':
      return typeof value === 'number' ? showDatetime(value) : String(value);
    case 'duration':
      return typeof value === 'number' ? showDuration(value) : String(value);
    case 'percent':
      return typeof value === 'number' ? `${showNumber(value * 100)}%` : String(value);
    case 'number':
    case 'integer':
      return typeof value === 'number' ? showNumber(value) : String(value);
    case 'boolean':
      return value ? 'yes' : 'no';
    case 'list':
      return Array.isArray(value) ? value.map((v) => showAny(v)).join(', ') : String(value);
    default:
      return showAny(value);
  }
}

function showAny(v: unknown): string {
  if (v == null) return '(none)';
  if (typeof v === 'number') return showNumber(v);
  if (typeof v === 'object' && 'text' in (v as object)) return String((v as { text: unknown }).text);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * Up to two decimals, no trailing zeros: 31, 1.5, 0.33; the text of String(Math.round(n * 100) / 100), -0 as 0.
 * Rates and counts in the messages of most violations go through here, and V8 writes a fraction (the shortest
 * text that reads back as the same double) several times slower than an integer, so the hundredths are written
 * from integers: for |n| under about 21 million, the two-decimal text is the shortest that reads back as the
 * same double (a test holds it to String).
 */
export function showNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const hundredths = Math.round(n * 100);
  if (hundredths === 0) return '0';
  if (hundredths <= -2_147_483_648 || hundredths >= 2_147_483_648) return String(hundredths / 100);
  const abs = hundredths < 0 ? -hundredths : hundredths;
  const whole = Math.floor(abs / 100);
  const cents = abs - whole * 100;
  const text = cents === 0 ? String(whole) : cents % 10 === 0 ? `${whole}.${cents / 10}` : `${whole}.${cents < 10 ? '0' : ''}${cents}`;
  return hundredths < 0 ? `-${text}` : text;
}

function showDatetime(ms: number): string {
  if (!inFourDigitYears(ms)) {
    const iso = new Date(ms).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  }
  const day = Math.floor(ms / DAY_MS);
  const rest = ms - day * DAY_MS;
  if (rest === 0) return civilDate(day);
  const minutes = Math.floor(rest / 60_000);
  return `${civilDate(day)} ${two(Math.floor(minutes / 60))}:${two(minutes % 60)} UTC`;
}

// Messages show the same dates for every record (a report's period), so they are worked out with integer
// arithmetic rather than a Date and toISOString each time; the same text as toISOString for years 0000–9999.

/** Whether `ms` is a whole millisecond in the years 0000–9999 (else toISOString writes a six-digit year). */
function inFourDigitYears(ms: number): boolean {
  return Number.isInteger(ms) && ms >= -62_167_219_200_000 && ms < 253_402_300_800_000;
}

/** YYYY-MM-DD of a UTC calendar day (days since 1970-01-01), by Howard Hinnant's civil_from_days. */
function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The YYYY-MM-DD of a time (UTC), as toISOString().slice(0, 10) writes it. */
function isoDate(ms: number): string {
  return inFourDigitYears(ms) ? civilDate(Math.floor(ms / DAY_MS)) : new Date(ms).toISOString().slice(0, 10);
}

/** 31 days, 1 day, 5 hours, 45 minutes: the largest unit that reads naturally. */
export function showDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const a = Math.abs(ms);
  const unit = (n: number, word: string) => `${sign}${showNumber(n)} ${word}${n === 1 ? '' : 's'}`;
  if (a >= DAY_MS) return unit(Math.round((a / DAY_MS) * 10) / 10, 'day');
  if (a >= 3_600_000) return unit(Math.round((a / 3_600_000) * 10) / 10, 'hour');
  if (a >= 60_000) return unit(Math.round(a / 60_000), 'minute');
  return unit(Math.round(a / 1000), 'second');
}
