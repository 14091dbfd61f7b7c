/**
 * zod building blocks for input records. Real data is messy: CSV cells are
 * all text, Amazon's reports write booleans as "true"/"Yes", numbers arrive
 * as strings, headers use other names. These schemas accept what sellers
 * actually have, turn it into the runtime form (dates as epoch milliseconds,
 * percents as fractions) and, when a value cannot be read, say in plain words
 * which field is wrong and what was expected.
 */
import { z } from 'zod';
import { DAY_MS } from './values.js';

type Ctx = { addIssue: (issue: { code: 'custom'; message: string }) => void };
type Reader<T> = (value: unknown, ctx: Ctx) => T | typeof z.NEVER;

const MISSING = 'is missing';

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 37)}..."` : `"${v}"`;
  return String(v);
}

function fail(ctx: Ctx, expected: string, got: unknown): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: got === undefined ? `${MISSING}: expected ${expected}` : `expected ${expected}, got ${describeValue(got)}` });
  return z.NEVER;
}

/** Blank CSV cells and JSON nulls mean "no value". */
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function readString(v: unknown, ctx: Ctx): string | typeof z.NEVER {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return fail(ctx, 'text', v);
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function readNumber(v: unknown, ctx: Ctx): number | typeof z.NEVER {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && NUMBER_TEXT.test(v.trim())) return Number(v.trim());
  return fail(ctx, 'a number such as 12 or 3.5', v);
}

function readInteger(v: unknown, ctx: Ctx): number | typeof z.NEVER {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^[+-]?\d+(\.0+)?$/.test(v.trim()) ? Number(v.trim()) : NaN;
  if (Number.isInteger(n)) return n;
  return fail(ctx, 'a whole number such as 3', v);
}

/** A fraction (0.025) or a text with a percent sign ("2.5%"). */
function readPercent(v: unknown, ctx: Ctx): number | typeof z.NEVER {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.endsWith('%') && NUMBER_TEXT.test(t.slice(0, -1).trim())) return Number(t.slice(0, -1).trim()) / 100;
    if (NUMBER_TEXT.test(t)) return Number(t);
  }
  return fail(ctx, 'a percentage such as "2.5%" or a fraction such as 0.025', v);
}

const TRUE = new Set(['true', 'yes', 'y', '1', 't']);
const FALSE = new Set(['false', 'no', 'n', '0', 'f']);

function readBoolean(v: unknown, ctx: Ctx): boolean | typeof z.NEVER {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && (v === 0 || v === 1)) return v === 1;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (TRUE.has(t)) return true;
    if (FALSE.has(t)) return false;
  }
  return fail(ctx, 'true or false', v);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

function parseDateParts(y: string, m: string, d: string): number | undefined {
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const check = new Date(ms);
  return check.getUTCMonth() === Number(m) - 1 && check.getUTCDate() === Number(d) ? ms : undefined;
}

/** Parse an ISO date or datetime; a datetime without a zone is read as UTC. */
export function parseTimestamp(text: string): number | undefined {
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

function readDate(v: unknown, ctx: Ctx): number | typeof z.NEVER {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return Math.floor(v.getTime() / DAY_MS) * DAY_MS;
  if (typeof v === 'string') {
    const ms = parseTimestamp(v);
    // A datetime given for a date keeps its UTC calendar day.
    if (ms !== undefined) return Math.floor(ms / DAY_MS) * DAY_MS;
  }
  return fail(ctx, 'a date such as 2026-11-03', v);
}

function readDatetime(v: unknown, ctx: Ctx): number | typeof z.NEVER {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.getTime();
  if (typeof v === 'string') {
    const ms = parseTimestamp(v);
    if (ms !== undefined) return ms;
  }
  return fail(ctx, 'a date and time such as 2026-11-03T14:30:00Z', v);
}

const DURATION_UNITS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS };

/** "30 days", "12 hours", "P30D", or a plain number of days. */
function readDuration(v: unknown, ctx: Ctx): number | typeof z.NEVER {
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
  return fail(ctx, 'a duration such as "30 days" or "12 hours"', v);
}

function reader<T>(read: Reader<T>) {
  return read;
}

export const readers = Object.freeze({
  string: reader(readString),
  text: reader(readString),
  number: reader(readNumber),
  integer: reader(readInteger),
  percent: reader(readPercent),
  boolean: reader(readBoolean),
  date: reader(readDate),
  datetime: reader(readDatetime),
  duration: reader(readDuration),
});

export type PrimitiveName = keyof typeof readers;

interface FieldOptions {
  optional?: boolean;
  /** Used when the value is missing. */
  default?: unknown;
}

/** Wrap a reader so missing values become the default, null (optional) or a "missing" error. */
function withPresence(schema: z.ZodType, kind: string, opts: FieldOptions, blankIsMissing: boolean): z.ZodType {
  const hasDefault = opts.default !== undefined;
  if (!opts.optional && !hasDefault) return schema;
  return z.any().transform((v, ctx) => {
    // An empty cell is no value; for text, spaces alone are still text.
    const missing = v === undefined || v === null || v === '' || (blankIsMissing && isBlank(v));
    if (missing) return hasDefault ? structuredClone(opts.default) : null;
    const r = schema.safeParse(v);
    if (r.success) return r.data;
    for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[] } as never);
    return z.NEVER;
  }) as unknown as z.ZodType;
  void kind;
}

export function primitive(kind: PrimitiveName, opts: FieldOptions = {}): z.ZodType {
  const read = readers[kind];
  const textual = kind === 'string' || kind === 'text';
  const base = z.any().transform((v, ctx) => {
    if (v === undefined || v === null || (!textual && isBlank(v))) return fail(ctx, expectedWord(kind), undefined);
    return read(v, ctx);
  });
  return withPresence(base, kind, opts, !textual);
}

function expectedWord(kind: PrimitiveName): string {
  return {
    string: 'text',
    text: 'text',
    number: 'a number',
    integer: 'a whole number',
    percent: 'a percentage',
    boolean: 'true or false',
    date: 'a date such as 2026-11-03',
    datetime: 'a date and time such as 2026-11-03T14:30:00Z',
    duration: 'a duration such as "30 days"',
  }[kind];
}

/** Enum values match case-insensitively after trimming, and come out in the declared spelling. */
export function enumOf(members: readonly string[], opts: FieldOptions = {}): z.ZodType {
  const byLower = new Map(members.map((m) => [m.toLowerCase(), m]));
  const base = z.any().transform((v, ctx) => {
    if (isBlank(v)) return fail(ctx, `one of ${members.join(', ')}`, undefined);
    const found = typeof v === 'string' || typeof v === 'number' ? byLower.get(String(v).trim().toLowerCase()) : undefined;
    return found ?? fail(ctx, `one of ${members.join(', ')}`, v);
  });
  return withPresence(base, 'enum', opts, true);
}

/**
 * A list. Besides JSON arrays, a CSV cell may hold a JSON array ("[...]") or
 * items separated by semicolons or |.
 */
export function listOf(element: z.ZodType, opts: FieldOptions = {}): z.ZodType {
  const items = z.array(element);
  const base = z.any().transform((v, ctx) => {
    let value = v;
    if (typeof value === 'string') {
      const t = value.trim();
      if (t.startsWith('[')) {
        try {
          value = JSON.parse(t);
        } catch {
          return fail(ctx, 'a list', v);
        }
      } else value = t === '' ? [] : t.split(/\s*[;|]\s*/);
    }
    if (!Array.isArray(value)) return fail(ctx, 'a list', v);
    const r = items.safeParse(value);
    if (r.success) return r.data;
    for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[] } as never);
    return z.NEVER;
  });
  return withPresence(base, 'list', opts, true);
}

/** A map from text keys to values; a CSV cell may hold a JSON object. */
export function mapOf(value: z.ZodType, opts: FieldOptions = {}): z.ZodType {
  const entries = z.record(z.string(), value);
  const base = z.any().transform((v, ctx) => {
    let obj = v;
    if (typeof obj === 'string') {
      try {
        obj = JSON.parse(obj);
      } catch {
        return fail(ctx, 'a table of names and values (a JSON object)', v);
      }
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return fail(ctx, 'a table of names and values (a JSON object)', v);
    const r = entries.safeParse(obj);
    if (r.success) return r.data;
    for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[] } as never);
    return z.NEVER;
  });
  return withPresence(base, 'map', opts, true);
}

export interface RecordField {
  name: string;
  schema: z.ZodType;
  /** Other keys the value may arrive under, e.g. "purchase-date". */
  aliases?: readonly string[];
}

/**
 * A record. Keys are matched exactly first, then through aliases, then
 * ignoring case, spaces, dashes and underscores ("Purchase Date" finds
 * purchaseDate). Extra keys are accepted and left out of the result.
 */
export function recordOf(name: string, fields: readonly RecordField[], opts: FieldOptions = {}): z.ZodType {
  const loose = new Map<string, string>();
  for (const f of fields) {
    loose.set(squash(f.name), f.name);
    for (const a of f.aliases ?? []) loose.set(squash(a), f.name);
  }
  const aliasOf = new Map<string, string>();
  for (const f of fields) for (const a of f.aliases ?? []) aliasOf.set(a, f.name);
  const names = new Set(fields.map((f) => f.name));
  // Fields are read one by one (not with z.object) so a missing key still
  // reaches its reader, which knows whether it is optional, defaulted or required.
  const base = z.any().transform((v, ctx) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(ctx, `a ${name} record (an object with named fields)`, v);
    const input = v as Record<string, unknown>;
    const picked: Record<string, unknown> = {};
    for (const key of Object.keys(input)) {
      const target = names.has(key) ? key : (aliasOf.get(key) ?? loose.get(squash(key)));
      // An exact key wins over an alias or a loose spelling of the same field.
      if (target !== undefined && (!(target in picked) || target === key)) picked[target] = input[key];
    }
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const f of fields) {
      const r = f.schema.safeParse(picked[f.name]);
      if (r.success) out[f.name] = r.data;
      else {
        ok = false;
        for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [f.name, ...issue.path] as PropertyKey[] } as never);
      }
    }
    return ok ? out : z.NEVER;
  });
  return withPresence(base, 'record', opts, true);
}

function squash(key: string): string {
  return key.toLowerCase().replace(/[\s_\-.]/g, '');
}

/** `attachments[1].kind` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** Run a record schema and turn its issues into plain problems with field paths. */
export function decode(schema: z.ZodType, raw: unknown): { ok: true; value: unknown } | { ok: false; problems: Array<{ path: string; message: string }> } {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}
