/**
 * Values of literal tokens: string escapes, numbers, percentages, durations, dates.
 * Pure functions; problems are returned as plain-language text, not thrown.
 */
import type { DurationUnit } from './ast.js';

/**
 * Resolve `\" \\ \n \t \{ \} \uXXXX`. Any other backslash sequence is kept as written
 * (and warned about: see unknownEscapes), so `"\d{17}"` still reads as the pattern it
 * always did; `r"\d{17}"` says so without a warning.
 */
export function decodeEscapes(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\' || i + 1 >= raw.length) {
      out += c;
      continue;
    }
    const n = raw[i + 1];
    if (n === '"' || n === '\\' || n === '{' || n === '}') {
      out += n;
      i++;
    } else if (n === 'n') {
      out += '\n';
      i++;
    } else if (n === 't') {
      out += '\t';
      i++;
    } else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      out += c + n;
      i++;
    }
  }
  return out;
}

/** Offsets (in `raw`) of backslashes that start no escape `decodeEscapes` knows. */
export function unknownEscapes(raw: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\') continue;
    const n = raw[i + 1];
    const known = n === '"' || n === '\\' || n === '{' || n === '}' || n === 'n' || n === 't' || (n === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6)));
    if (!known && n !== undefined) out.push(i);
    i++;
  }
  return out;
}

/** The text between the quotes of a string token (any of the quoted forms). */
export function stringRaw(image: string, tokenName: string): string {
  if (tokenName === 'RawString') return image.slice(2, -1);
  if (tokenName === 'UnclosedString') return image.slice(1);
  const body = image.slice(1);
  const closed = image.length >= 2 && /["'\u201c\u201d]$/.test(image);
  return closed ? body.slice(0, -1) : body;
}

export function numberValue(raw: string): number {
  return Number(raw);
}

export function percentValue(raw: string): number {
  return Number(raw.slice(0, -1)) / 100;
}

const UNIT_MS: Record<DurationUnit, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};

export function durationValue(raw: string): { amount: number; unit: DurationUnit; ms: number } {
  const m = /^(\d+(?:\.\d+)?)[ \t]*([a-z]+?)s?$/.exec(raw);
  const amount = m ? Number(m[1]) : NaN;
  const unit = (m ? m[2] : 'day') as DurationUnit;
  return { amount, unit, ms: amount * (UNIT_MS[unit] ?? NaN) };
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Like Date.UTC, but years below 100 are not moved to the 1900s. */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/**
 * Milliseconds since the epoch (UTC) of `2026-11-03` or `2026-11-03T10:00[:00[.000]][Z|+02:00]`.
 * A time without a zone is UTC. An impossible date gives `ms: NaN` and a `problem`.
 */
export function dateValue(raw: string): { ms: number; withTime: boolean; problem?: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))?)?$/.exec(raw);
  if (!m) return { ms: NaN, withTime: raw.includes('T'), problem: `${raw} is not a date` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const withTime = m[4] !== undefined;
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  const fraction = m[7] ? Number(m[7]) : 0;
  const fail = (problem: string) => ({ ms: NaN, withTime, problem });
  if (month < 1 || month > 12) return fail(`${raw} is not a real date: there is no month ${month}`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return fail(`${raw} is not a real date: ${MONTHS[month - 1]} ${year} has ${days} days`);
  }
  if (hour > 23) return fail(`${raw} is not a real time: hours go from 00 to 23`);
  if (minute > 59) return fail(`${raw} is not a real time: minutes go from 00 to 59`);
  if (second > 59) return fail(`${raw} is not a real time: seconds go from 00 to 59`);
  let offsetMinutes = 0;
  if (m[9]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return fail(`${raw} has an impossible time zone offset ${m[9]}${m[10]}:${m[11]}`);
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms =
    utc(year, month, day, hour, minute, second) + Math.round(fraction * 1000) - offsetMinutes * 60_000;
  return { ms, withTime };
}
