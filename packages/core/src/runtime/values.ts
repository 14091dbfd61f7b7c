/**
 * Value operations the generated evaluators call. Values are already in
 * runtime form: dates and datetimes are milliseconds since the epoch (UTC),
 * durations are milliseconds, percents are fractions, missing values are null.
 * Every helper here is null-safe: a comparison with a missing value is false,
 * arithmetic with one is null.
 */
import { RE2JS } from 're2js';
import { mayMatch, safeJsPattern, type JsPattern } from './regex-js.js';

export const DAY_MS = 86_400_000;

type Ord = number | string | null | undefined;

export const lt = (a: Ord, b: Ord) => a != null && b != null && a < b;
export const le = (a: Ord, b: Ord) => a != null && b != null && a <= b;
export const gt = (a: Ord, b: Ord) => a != null && b != null && a > b;
export const ge = (a: Ord, b: Ord) => a != null && b != null && a >= b;

/** Deep equality for lists and maps; null equals null and nothing else. */
export function eq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => eq(x, b[i]));
  if (typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    return ka.length === kb.length && ka.every((k) => eq((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/**
 * The language's `==` and `!=`: like every comparison, false when either side is missing, so
 * `offer.color != listing.color` does not fire when the offer says nothing about its color.
 * (`x == null` and `x != null` are presence tests; the compiler emits them directly.)
 */
export const equal = (a: unknown, b: unknown) => a != null && b != null && eq(a, b);
export const ne = (a: unknown, b: unknown) => a != null && b != null && !eq(a, b);

type Num = number | null | undefined;
export const add = (a: Num, b: Num) => (a == null || b == null ? null : a + b);
export const sub = (a: Num, b: Num) => (a == null || b == null ? null : a - b);
export const mul = (a: Num, b: Num) => (a == null || b == null ? null : a * b);
/** Division by zero gives null ("no value"), never Infinity. */
export const div = (a: Num, b: Num) => (a == null || b == null || b === 0 ? null : a / b);
export const neg = (a: Num) => (a == null ? null : -a);
export const concat = (a: string | null | undefined, b: string | null | undefined) => (a ?? '') + (b ?? '');
export const concatLists = <T>(a: readonly T[] | null | undefined, b: readonly T[] | null | undefined): T[] => [...(a ?? []), ...(b ?? [])];

/** Text search ignores case: `title contains "refurbished"` matches "Refurbished". */
export function contains(haystack: string | null | undefined, needle: string | null | undefined): boolean {
  if (haystack == null || needle == null) return false;
  return haystack.toLowerCase().includes(needle.toLowerCase());
}
export function startsWith(s: string | null | undefined, prefix: string | null | undefined): boolean {
  if (s == null || prefix == null) return false;
  return s.toLowerCase().startsWith(prefix.toLowerCase());
}
export function endsWith(s: string | null | undefined, suffix: string | null | undefined): boolean {
  if (s == null || suffix == null) return false;
  return s.toLowerCase().endsWith(suffix.toLowerCase());
}

export function inList(item: unknown, list: readonly unknown[] | null | undefined): boolean {
  if (list == null) return false;
  for (const x of list) if (eq(x, item)) return true;
  return false;
}
export function listContains(list: readonly unknown[] | null | undefined, item: unknown): boolean {
  return inList(item, list);
}
export function hasKey(map: Record<string, unknown> | null | undefined, key: string | null | undefined): boolean {
  return map != null && key != null && Object.prototype.hasOwnProperty.call(map, key);
}

export function at(collection: unknown, key: unknown): unknown {
  if (collection == null || key == null) return null;
  if (Array.isArray(collection)) {
    const i = Number(key);
    return Number.isInteger(i) && i >= 0 && i < collection.length ? collection[i] : null;
  }
  if (typeof collection === 'object' && Object.prototype.hasOwnProperty.call(collection, key as string))
    return (collection as Record<string, unknown>)[key as string] ?? null;
  return null;
}

/**
 * A policy author's pattern (RE2 syntax). Run on V8's RegExp when regex-js.ts proves it means the same
 * there and cannot backtrack exponentially; on RE2 (linear time) otherwise.
 */
export interface UserRegex {
  test(s: string | null | undefined): boolean;
  /** Every non-overlapping match, with UTF-16 offsets. */
  findAll(s: string): Array<{ start: number; end: number; text: string }>;
}

export function regex(source: string): UserRegex {
  const js = safeJsPattern(source);
  if (js === null) return re2Regex(RE2JS.compile(source));
  // RE2 is compiled only when a text needs it (see `unlessIn`): most texts never do, and compiling
  // every pattern of a policy on RE2 at start-up cost about as much as the rest of loading it.
  // The compiler has already checked the pattern with RE2 (compile/regex.ts).
  let onRe2: UserRegex | undefined;
  return jsRegex(js, () => (onRe2 ??= re2Regex(RE2JS.compile(source))));
}

function re2Regex(compiled: RE2JS): UserRegex {
  return {
    test: (s) => s != null && compiled.test(s),
    findAll: (s) => {
      const out: Array<{ start: number; end: number; text: string }> = [];
      const m = compiled.matcher(s);
      while (m.find()) {
        const start = m.start();
        const end = m.end();
        if (end > start) out.push({ start, end, text: s.slice(start, end) });
      }
      return out;
    },
  };
}

function jsRegex(js: JsPattern, re2: () => UserRegex): UserRegex {
  const once = new RegExp(js.source, js.flags);
  const all = new RegExp(js.source, `g${js.flags}`);
  const { unlessIn } = js;
  const differs = (s: string) => unlessIn !== null && (s.includes(unlessIn[0]!) || s.includes(unlessIn[1]!));
  return {
    // A text without the pattern's required literal text has no match on either engine.
    test: (s) => s != null && mayMatch(js, s) && (differs(s) ? re2().test(s) : once.test(s)),
    findAll: (s) => {
      if (!mayMatch(js, s)) return [];
      if (differs(s)) return re2().findAll(s);
      const out: Array<{ start: number; end: number; text: string }> = [];
      all.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = all.exec(s)) !== null) {
        const start = m.index;
        const end = start + m[0].length;
        if (end > start) out.push({ start, end, text: m[0] });
        else all.lastIndex = end + (s.codePointAt(end)! > 0xffff ? 2 : 1);
      }
      return out;
    },
  };
}

// ------------------------------------------------------------- built-in functions

export const days = (d: Num) => (d == null ? null : d / DAY_MS);
export const hours = (d: Num) => (d == null ? null : d / 3_600_000);
/** The UTC calendar day of a timestamp. */
export const dateOf = (t: Num) => (t == null ? null : Math.floor(t / DAY_MS) * DAY_MS);

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', german: 'de', deutsch: 'de', french: 'fr', francais: 'fr', 'français': 'fr', spanish: 'es', espanol: 'es', 'español': 'es',
  italian: 'it', italiano: 'it', japanese: 'ja', '日本語': 'ja', chinese: 'zh', '中文': 'zh', dutch: 'nl', nederlands: 'nl', polish: 'pl', polski: 'pl',
  swedish: 'sv', svenska: 'sv', turkish: 'tr', 'türkçe': 'tr', portuguese: 'pt', 'português': 'pt', arabic: 'ar', 'العربية': 'ar', hindi: 'hi',
};

/** "en-US", "en_GB", "EN" and "English" all give "en". */
export function languageCode(s: string | null | undefined): string | null {
  if (s == null) return null;
  const t = s.trim().toLowerCase();
  if (t === '') return null;
  return LANGUAGE_NAMES[t] ?? t.split(/[-_]/)[0];
}

export const lower = (s: string | null | undefined) => (s == null ? null : s.toLowerCase());
export const upper = (s: string | null | undefined) => (s == null ? null : s.toUpperCase());
export const trim = (s: string | null | undefined) => (s == null ? null : s.trim());

// Text folding for comparisons lives in its own module (unit conversion, spelling variants).
export { normalize } from './normalize.js';

export function length(v: string | readonly unknown[] | Record<string, unknown> | null | undefined): number {
  if (v == null) return 0;
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  return Object.keys(v).length;
}
export const count = (list: readonly unknown[] | null | undefined) => (list == null ? 0 : list.length);
export function sum(list: readonly (number | null)[] | null | undefined): number {
  let total = 0;
  for (const x of list ?? []) if (x != null) total += x;
  return total;
}
export function min<T extends Ord>(list: readonly T[] | null | undefined): T | null {
  let best: T | null = null;
  for (const x of list ?? []) if (x != null && (best == null || x < best)) best = x;
  return best;
}
export function max<T extends Ord>(list: readonly T[] | null | undefined): T | null {
  let best: T | null = null;
  for (const x of list ?? []) if (x != null && (best == null || x > best)) best = x;
  return best;
}
export const first = <T>(list: readonly T[] | null | undefined): T | null => (list && list.length > 0 ? list[0] : null);
export function empty(v: unknown): boolean {
  if (v == null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}
export const exists = (v: unknown) => v != null;
export function replace(s: string | null | undefined, find: string | null | undefined, by: string | null | undefined): string | null {
  if (s == null) return null;
  if (!find) return s;
  return s.split(find).join(by ?? '');
}
export function split(s: string | null | undefined, separator: string | null | undefined): string[] {
  if (s == null) return [];
  return (separator ? s.split(separator) : [s]).map((x) => x.trim()).filter((x) => x !== '');
}
export function join(list: readonly unknown[] | null | undefined, separator?: string | null): string {
  return (list ?? []).map((x) => (x && typeof x === 'object' && 'text' in x ? (x as { text: string }).text : String(x))).join(separator ?? ', ');
}
export const keys = (map: Record<string, unknown> | null | undefined) => (map == null ? [] : Object.keys(map));
export function round(n: Num, decimals?: Num): number | null {
  if (n == null) return null;
  const f = 10 ** (decimals ?? 0);
  return Math.round(n * f) / f;
}
export const abs = (n: Num) => (n == null ? null : Math.abs(n));
