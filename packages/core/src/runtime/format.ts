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
      return typeof value === 'number' ? new Date(value).toISOString().slice(0, 10) : String(value);
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

/** Up to two decimals, no trailing zeros: 31, 1.5, 0.33. */
export function showNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

function showDatetime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
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
