/** Small helpers on the raw text around the cursor. */
import type { Span } from '@sellguard/dsl';

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_-]/.test(c);

export function wordAt(text: string, offset: number): { word: string; span: Span } | undefined {
  let start = offset;
  let end = offset;
  while (start > 0 && isWordChar(text[start - 1])) start--;
  while (end < text.length && isWordChar(text[end])) end++;
  return start === end ? undefined : { word: text.slice(start, end), span: { start, end } };
}

/** Where the name being typed at `offset` starts. */
export function wordStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && isWordChar(text[start - 1])) start--;
  return start;
}
