import { describe, expect, it } from 'vitest';
import { excerptSegments, markSegments, normalizeSpans } from '../src/lib/marks';

const join = (segs: Array<{ text: string }>) => segs.map((s) => s.text).join('');
const marked = (segs: Array<{ text: string; mark: boolean }>) => segs.filter((s) => s.mark).map((s) => s.text);

describe('markSegments', () => {
  it('splits the text around the spans and gives it back whole', () => {
    const text = 'Write to jo@example.com or call 555-0100.';
    const segs = markSegments(text, [
      { start: 9, end: 23 },
      { start: 32, end: 40 },
    ]);
    expect(join(segs)).toBe(text);
    expect(marked(segs)).toEqual(['jo@example.com', '555-0100']);
    expect(segs.map((s) => s.mark)).toEqual([false, true, false, true, false]);
  });

  it('merges overlapping and touching spans, in any order', () => {
    const segs = markSegments('abcdefghij', [
      { start: 6, end: 8 },
      { start: 1, end: 4 },
      { start: 3, end: 5 },
      { start: 5, end: 6 },
    ]);
    expect(marked(segs)).toEqual(['bcdefgh']);
    expect(join(segs)).toBe('abcdefghij');
  });

  it('clamps spans to the text and drops empty ones', () => {
    expect(normalizeSpans(5, [{ start: -2, end: 2 }, { start: 3, end: 3 }, { start: 4, end: 99 }])).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 5 },
    ]);
    expect(markSegments('hello', [])).toEqual([{ text: 'hello', mark: false }]);
    expect(markSegments('', [{ start: 0, end: 3 }])).toEqual([{ text: '', mark: false }]);
  });

  it('counts offsets in UTF-16 code units, like the checker: emoji stay whole', () => {
    const text = 'On its way 🚚 thanks 😊!';
    const start = text.indexOf('🚚');
    const segs = markSegments(text, [{ start, end: start + 2 }]);
    expect(marked(segs)).toEqual(['🚚']);
    expect(join(segs)).toBe(text);
  });

  it('marks a match at the very start and the very end', () => {
    const segs = markSegments('abc', [{ start: 0, end: 3 }]);
    expect(segs).toEqual([{ text: 'abc', mark: true }]);
  });
});

describe('excerptSegments', () => {
  const long = `${'Lorem ipsum dolor sit amet. '.repeat(10)}Email jo@example.com now. ${'Consectetur adipiscing elit. '.repeat(10)}`;
  const at = long.indexOf('jo@example.com');

  it('keeps short texts whole', () => {
    expect(excerptSegments('short jo@x.co', [{ start: 6, end: 13 }])).toEqual(markSegments('short jo@x.co', [{ start: 6, end: 13 }]));
  });

  it('cuts long texts around the match, with gaps marked', () => {
    const segs = excerptSegments(long, [{ start: at, end: at + 14 }], 40);
    expect(segs[0]).toEqual({ text: '…', mark: false, gap: true });
    expect(segs[segs.length - 1]).toEqual({ text: '…', mark: false, gap: true });
    expect(marked(segs)).toEqual(['jo@example.com']);
    const shown = join(segs.filter((s) => !s.gap));
    expect(long.includes(shown)).toBe(true);
    expect(shown.length).toBeLessThan(140);
    // Cuts fall on spaces, so words stay whole.
    const from = long.indexOf(shown);
    const to = from + shown.length;
    expect(/\s/.test(long[from - 1]) || /\s/.test(long[from])).toBe(true);
    expect(/\s/.test(long[to - 1]) || /\s/.test(long[to])).toBe(true);
  });

  it('joins windows that overlap into one excerpt', () => {
    const segs = excerptSegments(long, [
      { start: at, end: at + 2 },
      { start: at + 15, end: at + 19 },
    ], 40);
    expect(segs.filter((s) => s.gap)).toHaveLength(2);
    expect(marked(segs)).toEqual(['jo', 'now.']);
  });
});
