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

/**
 * Remember a pure function's answers, for at most `limit` different inputs
 * (all are forgotten when the limit is reached). The detectors of one rule set
 * scan the same field one after another, so the HTML of a message is parsed
 * once, not once per detector. The answer depends only on the input (never on
 * a run's context), so sharing it between runs cannot change any result;
 * callers must not change what they get.
 */
export function memoize<K, R>(compute: (input: K) => R, limit: number): (input: K) => R {
  const answers = new Map<K, R>();
  return (input) => {
    const known = answers.get(input);
    if (known !== undefined || answers.has(input)) return known as R;
    const answer = compute(input);
    if (answers.size >= limit) answers.clear();
    answers.set(input, answer);
    return answer;
  };
}
