import type { RawMatch } from './types.js';

/**
 * Sort matches by start (longer first on ties) and drop any match that overlaps
 * an earlier kept one. Also drops empty or out-of-range spans defensively.
 */
export function finalize<T extends RawMatch>(matches: T[], inputLength: number): T[] {
  const valid = matches.filter((m) => m.start >= 0 && m.end > m.start && m.end <= inputLength);
  valid.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  let lastEnd = -1;
  for (const m of valid) {
    if (m.start >= lastEnd) {
      out.push(m);
      lastEnd = m.end;
    }
  }
  return out;
}

/** Coerce anything to a string so detectors never throw on bad input types. */
export function asText(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input === null || input === undefined) return '';
  try {
    return String(input);
  } catch {
    return '';
  }
}

/** Letters, marks, digits and underscore: the "word" characters for boundaries. */
export const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const c = text.charCodeAt(index);
  if (c < 128) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  }
  // Handle surrogate pairs: look at the whole code point.
  let ch = text[index]!;
  if (c >= 0xdc00 && c <= 0xdfff && index > 0) {
    const hi = text.charCodeAt(index - 1);
    if (hi >= 0xd800 && hi <= 0xdbff) ch = text.slice(index - 1, index + 1);
  } else if (c >= 0xd800 && c <= 0xdbff && index + 1 < text.length) {
    const lo = text.charCodeAt(index + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) ch = text.slice(index, index + 2);
  }
  return WORD_CHAR.test(ch);
}
