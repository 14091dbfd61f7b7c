/**
 * Detectors that are about the shape of text rather than its content:
 * sentences and user patterns. (Content detectors live in ./detectors.)
 */
import { scan, type Scannable, type Tagged } from './scan.js';
import type { RecordScans } from './scans.js';
import type { UserRegex } from './values.js';

export interface SentenceMatch {
  start: number;
  end: number;
  text: string;
}

/**
 * Split at sentence-ending punctuation followed by a space or the end, at
 * CJK full stops, at line breaks and at HTML block tags. Leading and trailing
 * spaces are not part of a sentence. Linear time.
 */
export function sentences(text: string): SentenceMatch[] {
  const out: SentenceMatch[] = [];
  const boundary = /[.!?…]+(?=\s|$|["')\]])|[。！？]+|\n|<\s*(?:br|\/p|p|\/div|div|\/li|li|\/h\d|h\d)\b[^>]*>/gi;
  let start = 0;
  const push = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b, text: text.slice(a, b) });
  };
  for (const m of text.matchAll(boundary)) {
    const isTag = m[0].startsWith('<');
    const end = isTag ? m.index : m.index + m[0].length;
    push(start, end);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

/** `find(body, "…")` → find(RX[0], record.body, "body", scans); see detect() for `scans`. */
export function find(regex: UserRegex, subject: Scannable, path: string, scans?: RecordScans): Array<Tagged<SentenceMatch>> {
  const once = () => scan((text) => regex.findAll(text), subject, path);
  return scans ? scans.get(regex, subject, path, once) : once();
}
