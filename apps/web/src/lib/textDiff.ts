/**
 * A compact difference between two texts, for share links: what is kept at
 * the start and at the end, and the text in between. A typical edit (a rule
 * changed, a record added) is one such region, so a link to an edited example
 * stores a few characters instead of the whole policy.
 */

/** [characters kept at the start, characters kept at the end, the new text between them]. */
export type TextDiff = [number, number, string];

export function diffText(from: string, to: string): TextDiff {
  const max = Math.min(from.length, to.length);
  let prefix = 0;
  while (prefix < max && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)) suffix++;
  return [prefix, suffix, to.slice(prefix, to.length - suffix)];
}

/** The edited text, or null when the difference does not fit `from` (a link made against another version). */
export function applyDiff(from: string, diff: unknown): string | null {
  if (!Array.isArray(diff) || diff.length !== 3) return null;
  const [prefix, suffix, middle] = diff as unknown[];
  if (!Number.isInteger(prefix) || !Number.isInteger(suffix) || typeof middle !== 'string') return null;
  const p = prefix as number;
  const s = suffix as number;
  if (p < 0 || s < 0 || p + s > from.length) return null;
  return from.slice(0, p) + middle + from.slice(from.length - s);
}
