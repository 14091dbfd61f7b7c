/**
 * Building blocks of the generated decoders (`rt.d` in generated code).
 * A generated decoder reads each field inline with the shared coercers
 * (coerce.ts) and returns BAD as soon as something does not fit; only then
 * is the zod schema run, to word the errors. The rules here mirror
 * schema.ts exactly: a differential test keeps them equal.
 */
import { BAD, isBlank, coercers, coerceListCell, coerceMapCell, type Bad } from './coerce.js';

export { BAD, isBlank };
export const { string, number, integer, percent, boolean, date, datetime, duration } = coercers;

/** Where each field of a record type is read from: exact names, aliases, and loose spellings. */
export interface KeyPlan {
  readonly size: number;
  /** key → field position, for exact field names (exact: true) and aliases. */
  readonly direct: Map<string, { at: number; exact: boolean }>;
  /** squashed key → field position ("Purchase Date" → purchaseDate). */
  readonly loose: Map<string, number>;
  /** Keys seen before and where they go (-1: nowhere), so each distinct key is squashed once. */
  readonly seen: Map<string, { at: number; exact: boolean }>;
  /**
   * The field names in order, for the fast path of `pick`; absent when a name is also a property every object
   * inherits (`constructor`, `__proto__`), which a plain property read would find on any record.
   */
  readonly names?: readonly string[];
  /**
   * The keys of the last record read key by key, in order, and the field each one is read into (-1: none, or
   * another key wins). The rows of a CSV file all have the header's keys in the header's order, so each row
   * after the first is read with this instead of looking each key up (see `pick`).
   */
  last?: { keys: string[]; slots: Int32Array };
}

function squash(key: string): string {
  return key.toLowerCase().replace(/[\s_\-.]/g, '');
}

/** Caching more distinct keys than this would let odd inputs grow memory without bound. */
const SEEN_LIMIT = 10_000;
const NOWHERE = { at: -1, exact: false };

/** The key plan of a record type: its fields as [name, aliases] in declaration order. */
export function keys(fields: ReadonlyArray<readonly [string, readonly string[]]>): KeyPlan {
  const direct = new Map<string, { at: number; exact: boolean }>();
  const loose = new Map<string, number>();
  fields.forEach(([name, aliases], at) => {
    loose.set(squash(name), at);
    for (const a of aliases) loose.set(squash(a), at);
  });
  fields.forEach(([, aliases], at) => {
    for (const a of aliases) direct.set(a, { at, exact: false });
  });
  fields.forEach(([name], at) => direct.set(name, { at, exact: true }));
  const names = fields.map(([name]) => name);
  const inherited = names.some((n) => n in Object.prototype);
  return { size: fields.length, direct, loose, seen: new Map(), ...(inherited ? {} : { names }) };
}

function place(plan: KeyPlan, key: string): { at: number; exact: boolean } {
  const d = plan.direct.get(key);
  if (d !== undefined) return d;
  let s = plan.seen.get(key);
  if (s === undefined) {
    const at = plan.loose.get(squash(key));
    s = at === undefined ? NOWHERE : { at, exact: false };
    if (plan.seen.size < SEEN_LIMIT) plan.seen.set(key, s);
  }
  return s;
}

/**
 * The value of each field, in field order: an exact key wins over an alias or
 * a loose spelling; otherwise the first of those in the input counts.
 */
export function pick(input: Record<string, unknown>, plan: KeyPlan): unknown[] {
  // Fast path: a plain object (JSON.parse, a CSV row) whose keys are all exact field names. Exact names win over
  // aliases and loose spellings, so when no other key is there, reading each name is the whole answer.
  const names = plan.names;
  if (names !== undefined && Object.getPrototypeOf(input) === Object.prototype) {
    const exact = new Array<unknown>(names.length);
    let found = 0;
    for (let i = 0; i < names.length; i++) {
      const v = input[names[i]];
      // JSON and CSV never hold undefined: undefined means the key is missing (or a caller's own undefined).
      if (v !== undefined) {
        exact[i] = v;
        found++;
      }
    }
    if (found === names.length) return exact;
    let keys = 0;
    for (const _ in input) keys++;
    if (keys === found) return exact;
  }
  const last = plan.last;
  if (last !== undefined) {
    const same = sameKeys(input, plan.size, last.keys, last.slots);
    if (same !== undefined) return same;
  }
  const values = new Array<unknown>(plan.size);
  const found = new Array<boolean>(plan.size);
  const seenKeys: string[] = [];
  const slots: number[] = [];
  for (const key in input) {
    if (!Object.prototype.hasOwnProperty.call(input, key)) continue;
    seenKeys.push(key);
    const p = place(plan, key);
    if (p.at >= 0 && (!found[p.at] || p.exact)) {
      values[p.at] = input[key];
      found[p.at] = true;
      slots.push(p.at);
    } else slots.push(-1);
  }
  // Which key wins depends only on the keys and their order, so the same keys in the same order read the same way.
  if (seenKeys.length <= LAST_KEYS_LIMIT) plan.last = { keys: seenKeys, slots: Int32Array.from(slots) };
  return values;
}

/** Records with more keys than this are not remembered (a lookup per key is then cheap next to the record). */
const LAST_KEYS_LIMIT = 512;

/** The field values of a record whose own keys are exactly `keys`, in that order; undefined when they are not. */
function sameKeys(input: Record<string, unknown>, size: number, keys: readonly string[], slots: Int32Array): unknown[] | undefined {
  const values = new Array<unknown>(size);
  let i = 0;
  for (const key in input) {
    if (i >= keys.length || key !== keys[i] || !Object.prototype.hasOwnProperty.call(input, key)) return undefined;
    const at = slots[i++];
    if (at >= 0) values[at] = input[key];
  }
  return i === keys.length ? values : undefined;
}

/** Whether a value is a record (a plain object, not a list). */
export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An enum's members by lower-case spelling. */
export function members(list: readonly string[]): Map<string, string> {
  return new Map(list.map((m) => [m.toLowerCase(), m]));
}

/** An enum value: matched case-insensitively after trimming, in the declared spelling. */
export function member(v: unknown, byLower: Map<string, string>): string | Bad {
  if (typeof v !== 'string' && typeof v !== 'number') return BAD;
  return byLower.get(String(v).trim().toLowerCase()) ?? BAD;
}

/** A list: a JSON array, or in a CSV cell a JSON array text or items separated by ; or |. */
export function list<T>(v: unknown, item: (v: unknown) => T | Bad): T[] | Bad {
  const value = coerceListCell(v);
  if (value === BAD) return BAD;
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) {
    const r = item(value[i]);
    if (r === BAD) return BAD;
    out[i] = r as T;
  }
  return out;
}

/** A table of names and values; a CSV cell may hold it as JSON text. */
export function map<T>(v: unknown, item: (v: unknown) => T | Bad): Record<string, T> | Bad {
  const obj = coerceMapCell(v);
  if (obj === BAD) return BAD;
  const out: Record<string, T> = {};
  for (const key of Object.keys(obj)) {
    const r = item(obj[key]);
    if (r === BAD) return BAD;
    // A "__proto__" key from JSON text is data, not the object's prototype.
    Object.defineProperty(out, key, { value: r, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A list item or map value of a primitive type: no value is an error there. */
export function required<T>(coerce: (v: unknown) => T | Bad, textual: boolean): (v: unknown) => T | Bad {
  return textual ? (v) => (v === undefined || v === null ? BAD : coerce(v)) : (v) => (isBlank(v) ? BAD : coerce(v));
}
