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
