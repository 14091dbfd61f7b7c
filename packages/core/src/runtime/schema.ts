/**
 * zod building blocks for input records. Real data is messy: CSV cells are
 * all text, Amazon's reports write booleans as "true"/"Yes", numbers arrive
 * as strings, headers use other names. These schemas accept what sellers
 * actually have, turn it into the runtime form (dates as epoch milliseconds,
 * percents as fractions) and, when a value cannot be read, say in plain words
 * which field is wrong and what was expected.
 */
import { z } from 'zod';
import {
  BAD,
  coerceBoolean,
  coerceDate,
  coerceDatetime,
  coerceDuration,
  coerceInteger,
  coerceListCell,
  coerceMapCell,
  coerceNumber,
  coercePercent,
  coerceString,
  isBlank,
  type Bad,
} from './coerce.js';

export { parseTimestamp } from './coerce.js';

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

/** Read with the shared coercer; when it cannot, say what was expected. */
function via<T>(coerce: (v: unknown) => T | Bad, expected: string): Reader<T> {
  return (v, ctx) => {
    const r = coerce(v);
    return r === BAD ? fail(ctx, expected, v) : (r as T);
  };
}

const readString = via(coerceString, 'text');
const readNumber = via(coerceNumber, 'a number such as 12 or 3.5');
const readInteger = via(coerceInteger, 'a whole number such as 3');
const readPercent = via(coercePercent, 'a percentage such as "2.5%" or a fraction such as 0.025');
const readBoolean = via(coerceBoolean, 'true or false');
const readDate = via(coerceDate, 'a date such as 2026-11-03');
const readDatetime = via(coerceDatetime, 'a date and time such as 2026-11-03T14:30:00Z');
const readDuration = via(coerceDuration, 'a duration such as "30 days" or "12 hours"');

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
    const value = coerceListCell(v);
    if (value === BAD) return fail(ctx, 'a list', v);
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
    const obj = coerceMapCell(v);
    if (obj === BAD) return fail(ctx, 'a table of names and values (a JSON object)', v);
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
    // A Map, and own properties on the way out: field names such as `constructor`,
    // `toString` or `__proto__` are ordinary names here, not Object.prototype's.
    const picked = new Map<string, unknown>();
    for (const key of Object.keys(input)) {
      const target = names.has(key) ? key : (aliasOf.get(key) ?? loose.get(squash(key)));
      // An exact key wins over an alias or a loose spelling of the same field.
      if (target !== undefined && (!picked.has(target) || target === key)) picked.set(target, input[key]);
    }
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const f of fields) {
      const r = f.schema.safeParse(picked.get(f.name));
      if (r.success) setOwn(out, f.name, r.data);
      else {
        ok = false;
        for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [f.name, ...issue.path] as PropertyKey[] } as never);
      }
    }
    return ok ? out : z.NEVER;
  });
  return withPresence(base, 'record', opts, true);
}

/** `obj[key] = value` that makes an own property even for the key `__proto__`. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
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
