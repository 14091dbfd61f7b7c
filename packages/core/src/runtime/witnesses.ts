/**
 * Witnesses: the matches and list items that make a rule fire. Quantifiers
 * and "is there any match?" conditions push them into a buffer while a clause
 * is evaluated; when the clause fails, they become the violation's spans and
 * path. Work that did not contribute to the outcome is rolled back, so the
 * spans point only at what the author's condition was about.
 */
import type { MatchSpan } from '../types.js';

/** A match span, or a list item known by its path (and, for plain values, its text). */
export type Witness = MatchSpan | { path: string; start?: undefined; text?: string };

export type Witnesses = Witness[];

interface HasSpan {
  path: string;
  start: number;
  end: number;
  text: string;
}

function isMatch(x: unknown): x is HasSpan {
  return typeof x === 'object' && x !== null && typeof (x as HasSpan).start === 'number' && typeof (x as HasSpan).path === 'string';
}

function push(w: Witnesses, item: unknown, path: string | null): void {
  // The match object itself is kept (fixes may read its other fields, e.g. match.url).
  if (isMatch(item)) w.push(item);
  else if (typeof item === 'string' || typeof item === 'number') w.push({ path: path ?? '', text: String(item) });
  else if (path !== null) w.push({ path });
}

/**
 * The path of a list item: `attachments[2]`; for the keys of a table
 * (`keys(listing.parameters)`), the key itself: `listing.parameters.wattage`.
 */
export function itemPath(base: string | null, i: number, item?: unknown, keyed?: boolean): string | null {
  if (base === null) return null;
  return keyed ? `${base}.${String(item)}` : `${base}[${i}]`;
}

/** A list used as a condition: true when it has items; all of them are witnesses. */
export function nonEmpty(list: readonly unknown[] | null | undefined, w: Witnesses, base: string | null = null, keyed = false): boolean {
  if (list == null || list.length === 0) return false;
  for (let i = 0; i < list.length; i++) push(w, list[i], itemPath(base, i, list[i], keyed));
  return true;
}

type Body<T> = (item: T, path: string | null) => boolean;

/** True when the body holds for some item; every item it holds for is a witness. */
export function any<T>(list: readonly T[] | null | undefined, base: string | null, body: Body<T>, w: Witnesses, keyed = false): boolean {
  let found = false;
  if (list == null) return false;
  for (let i = 0; i < list.length; i++) {
    const mark = w.length;
    const p = itemPath(base, i, list[i], keyed);
    if (body(list[i], p)) {
      found = true;
      push(w, list[i], p);
    } else w.length = mark;
  }
  return found;
}

/** True when the body holds for every item; the items it fails for are the witnesses. */
export function all<T>(list: readonly T[] | null | undefined, base: string | null, body: Body<T>, w: Witnesses, keyed = false): boolean {
  let ok = true;
  if (list == null) return true;
  for (let i = 0; i < list.length; i++) {
    const mark = w.length;
    const p = itemPath(base, i, list[i], keyed);
    if (body(list[i], p)) w.length = mark;
    else {
      ok = false;
      push(w, list[i], p);
    }
  }
  return ok;
}

/** How many items the body holds for; those are the witnesses. */
export function countWhere<T>(list: readonly T[] | null | undefined, base: string | null, body: Body<T>, w: Witnesses, keyed = false): number {
  let n = 0;
  if (list == null) return 0;
  for (let i = 0; i < list.length; i++) {
    const mark = w.length;
    const p = itemPath(base, i, list[i], keyed);
    if (body(list[i], p)) {
      n++;
      push(w, list[i], p);
    } else w.length = mark;
  }
  return n;
}

/** `count(list)`: the list's items are witnesses too (a rule about "too many links" points at the links). */
export function countAll(list: readonly unknown[] | null | undefined, w: Witnesses, base: string | null = null, keyed = false): number {
  if (list == null) return 0;
  for (let i = 0; i < list.length; i++) push(w, list[i], itemPath(base, i, list[i], keyed));
  return list.length;
}

/** The distinct matched texts, for `{matched}` in messages. */
export function matched(w: Witnesses): string {
  const seen = new Set<string>();
  for (const x of spansOf(w)) if (x.text) seen.add(x.text.replace(/\s+/g, ' ').trim());
  for (const x of w) if (x.start === undefined && x.text) seen.add(x.text);
  return [...seen].join(', ');
}

/** `each` on a rule: run the rule's body once per item, with the item's path. */
export function each<T>(list: readonly T[] | null | undefined, base: string | null, body: (item: T, path: string | null) => void, keyed = false): void {
  if (list == null) return;
  for (let i = 0; i < list.length; i++) body(list[i], itemPath(base, i, list[i], keyed));
}

/**
 * The spans a violation shows: each distinct span once, in field order. A
 * span inside another (a phrase inside the sentence that was flagged) is
 * left out: the outer one is what the rule is about.
 */
export function spansOf(w: Witnesses): MatchSpan[] {
  const spans: MatchSpan[] = [];
  for (const x of w) if (x.start !== undefined) spans.push({ path: x.path, start: x.start, end: x.end, text: x.text });
  spans.sort((a, b) => (a.path === b.path ? a.start - b.start || b.end - a.end : a.path < b.path ? -1 : 1));
  const out: MatchSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.path === s.path && s.start >= last.start && s.end <= last.end) continue;
    out.push(s);
  }
  return out;
}

/** The path a violation is about: its first witness, else the clause's field. */
export function pathOf(w: Witnesses, fallback: string): string {
  const first = w.find((x) => x.path !== '');
  return first ? first.path : fallback;
}
