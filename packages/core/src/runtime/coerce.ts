/**
 * Reading one value of a primitive type the lenient way real data needs
 * (CSV text, "Yes"/"true", "2.5%", dates with zones), as plain functions that
 * return the runtime form or BAD. Both the zod schema (which words the
 * errors) and the generated decoders (which are fast) read values with these,
 * so the two cannot drift apart.
 */
import { DAY_MS } from './values.js';

/** Returned by a reader when the value cannot be read as its type. */
export const BAD: unique symbol = Symbol('sellguard.bad-value');
export type Bad = typeof BAD;

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER_TEXT = /^[+-]?\d+(\.0+)?$/;

/** Blank CSV cells and JSON nulls mean "no value". */
export const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export function coerceString(v: unknown): string | Bad {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return BAD;
}

export function coerceNumber(v: unknown): number | Bad {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (NUMBER_TEXT.test(t)) return Number(t);
  }
  return BAD;
}

export function coerceInteger(v: unknown): number | Bad {
  const n = typeof v === 'number' ? v : typeof v === 'string' && INTEGER_TEXT.test(v.trim()) ? Number(v.trim()) : NaN;
  return Number.isInteger(n) ? n : BAD;
}

/** A fraction (0.025) or a text with a percent sign ("2.5%"). */
export function coercePercent(v: unknown): number | Bad {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.endsWith('%') && NUMBER_TEXT.test(t.slice(0, -1).trim())) return Number(t.slice(0, -1).trim()) / 100;
    if (NUMBER_TEXT.test(t)) return Number(t);
  }
  return BAD;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 't']);
const FALSE = new Set(['false', 'no', 'n', '0', 'f']);

export function coerceBoolean(v: unknown): boolean | Bad {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && (v === 0 || v === 1)) return v === 1;
  if (typeof v === 'string') {
    // The spellings reports write nearly always, without trimming and lower-casing a copy first.
    if (v === 'true') return true;
    if (v === 'false') return false;
    const t = v.trim().toLowerCase();
    if (TRUE.has(t)) return true;
    if (FALSE.has(t)) return false;
  }
  return BAD;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

function parseDateParts(y: string, m: string, d: string): number | undefined {
  // Not Date.UTC: it reads years 0-99 as 1900-1999, and "0026-10-01" is the year 26.
  const check = new Date(0);
  check.setUTCFullYear(Number(y), Number(m) - 1, Number(d));
  const ms = check.getTime();
  return check.getUTCMonth() === Number(m) - 1 && check.getUTCDate() === Number(d) ? ms : undefined;
}

/** Days in a month of the proleptic Gregorian calendar (the one Date uses). */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a valid date (H. Hinnant's days_from_civil): what Date computes, without a Date. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The number written by `n` ASCII digits at `at`, or -1 when one of them is not a digit. */
function digitsAt(t: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The shapes nearly every report uses, read character by character (no regex, no Date):
 * `2026-11-20`, or `2026-11-20T08:30` with optional `:15` seconds (and `.250` after them), ending in
 * nothing, `Z`, or an offset `+00:00` / `-0700` as Amazon's order reports write it.
 * null for any other shape, which the general parser below reads; undefined for an impossible date or time.
 */
function commonTimestamp(t: string): number | undefined | null {
  const n = t.length;
  if (n < 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return null;
  const y = digitsAt(t, 0, 4);
  const m = digitsAt(t, 5, 2);
  const d = digitsAt(t, 8, 2);
  if (y < 0 || m < 0 || d < 0) return null;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  const day = daysFromCivil(y, m, d) * DAY_MS;
  if (n === 10) return day;
  const sep = t.charCodeAt(10);
  if ((sep !== 84 && sep !== 116 && sep !== 32) || n < 16 || t.charCodeAt(13) !== 58) return null;
  const h = digitsAt(t, 11, 2);
  const min = digitsAt(t, 14, 2);
  if (h < 0 || min < 0) return null;
  let at = 16;
  let s = 0;
  let fraction = 0;
  if (n >= 19 && t.charCodeAt(16) === 58) {
    s = digitsAt(t, 17, 2);
    if (s < 0) return null;
    at = 19;
    if (at < n && t.charCodeAt(at) === 46) {
      let end = at + 1;
      while (end < n && t.charCodeAt(end) >= 48 && t.charCodeAt(end) <= 57) end++;
      if (end === at + 1) return null;
      fraction = Math.round(Number(t.slice(at, end)) * 1000);
      at = end;
    }
  }
  let offset = 0;
  if (at < n) {
    const c = t.charCodeAt(at);
    if ((c === 90 || c === 122) && at === n - 1) offset = 0;
    else if ((c === 43 || c === 45) && (n - at === 6 || n - at === 5)) {
      const colon = n - at === 6;
      if (colon && t.charCodeAt(at + 3) !== 58) return null;
      const oh = digitsAt(t, at + 1, 2);
      const om = digitsAt(t, colon ? at + 4 : at + 3, 2);
      if (oh < 0 || om < 0) return null;
      offset = (c === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
    } else return null;
  }
  if (h > 23 || min > 59 || s > 60) return undefined;
  return day + ((h * 60 + min) * 60 + s) * 1000 + fraction - offset;
}

/** Parse an ISO date or datetime; a datetime without a zone is read as UTC. */
export function parseTimestamp(text: string): number | undefined {
  const common = commonTimestamp(text);
  if (common !== null) return common;
  const t = text.trim();
  const date = DATE_ONLY.exec(t);
  if (date) return parseDateParts(date[1], date[2], date[3]);
  const dt = DATE_TIME.exec(t);
  if (!dt) return undefined;
  const day = parseDateParts(dt[1], dt[2], dt[3]);
  if (day === undefined) return undefined;
  const [h, min, s] = [Number(dt[4]), Number(dt[5]), Number(dt[6] ?? 0)];
  if (h > 23 || min > 59 || s > 60) return undefined;
  let ms = day + ((h * 60 + min) * 60 + s) * 1000 + Math.round(Number(dt[7] ?? 0) * 1000);
  const zone = dt[8]?.toUpperCase();
  if (zone && zone !== 'Z' && zone !== 'UTC') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

export function coerceDate(v: unknown): number | Bad {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return Math.floor(v.getTime() / DAY_MS) * DAY_MS;
  if (typeof v === 'string') {
    const ms = parseTimestamp(v);
    // A datetime given for a date keeps its UTC calendar day.
    if (ms !== undefined) return Math.floor(ms / DAY_MS) * DAY_MS;
  }
  return BAD;
}

export function coerceDatetime(v: unknown): number | Bad {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.getTime();
  if (typeof v === 'string') {
    const ms = parseTimestamp(v);
    if (ms !== undefined) return ms;
  }
  return BAD;
}

const DURATION_UNITS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS };

/** "30 days", "12 hours", "P30D", or a plain number of days. */
export function coerceDuration(v: unknown): number | Bad {
  if (typeof v === 'number' && Number.isFinite(v)) return v * DAY_MS;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    const words = /^(\d+(?:\.\d+)?)\s*(second|minute|hour|day|week)s?$/.exec(t);
    if (words) return Number(words[1]) * DURATION_UNITS[words[2]];
    const iso = /^p(?:(\d+)w)?(?:(\d+)d)?(?:t(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?)?$/.exec(t);
    if (iso && t !== 'p' && t !== 'pt')
      return (
        Number(iso[1] ?? 0) * 7 * DAY_MS + Number(iso[2] ?? 0) * DAY_MS + Number(iso[3] ?? 0) * 3_600_000 + Number(iso[4] ?? 0) * 60_000 + Number(iso[5] ?? 0) * 1000
      );
    if (NUMBER_TEXT.test(t)) return Number(t) * DAY_MS;
  }
  return BAD;
}

/** A list: a JSON array, or in a CSV cell a JSON array text or items separated by ; or |. */
export function coerceListCell(v: unknown): unknown[] | Bad {
  let value = v;
  if (typeof value === 'string') {
    const t = value.trim();
    if (t.startsWith('[')) {
      try {
        value = JSON.parse(t);
      } catch {
        return BAD;
      }
    } else value = t === '' ? [] : t.split(/\s*[;|]\s*/);
  }
  return Array.isArray(value) ? value : BAD;
}

/** A table of names and values: a JSON object, or in a CSV cell its JSON text. */
export function coerceMapCell(v: unknown): Record<string, unknown> | Bad {
  let obj = v;
  if (typeof obj === 'string') {
    try {
      obj = JSON.parse(obj);
    } catch {
      return BAD;
    }
  }
  return obj !== null && typeof obj === 'object' && !Array.isArray(obj) ? (obj as Record<string, unknown>) : BAD;
}

/** The reader of each primitive type. */
export const coercers = Object.freeze({
  string: coerceString,
  text: coerceString,
  number: coerceNumber,
  integer: coerceInteger,
  percent: coercePercent,
  boolean: coerceBoolean,
  date: coerceDate,
  datetime: coerceDatetime,
  duration: coerceDuration,
});
