/**
 * Matched characters in context. Every expected excerpt and caret line is
 * worked out by counting characters in the input.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth, groupSpans, oneLine, spanContext } from '../../src/report/index.js';

describe('spanContext', () => {
  it('shows a short text whole, with carets under the match', () => {
    // "Please write to " is 16 characters; "jane@x.com" is 10.
    const ctx = spanContext('Please write to jane@x.com today', 16, 26);
    expect(ctx.text).toBe('Please write to jane@x.com today');
    expect(ctx.carets).toBe(`${' '.repeat(16)}${'^'.repeat(10)}`);
    expect(ctx.marks).toEqual([{ start: 16, length: 10 }]);
  });

  it('cuts long text about `width` characters either side, marking the cuts with …', () => {
    const text = 'aaaaaaaaaa jane@x.com bbbbbbbbbb';
    // The match is at 11..21; with width 5 the excerpt is 6..26.
    const ctx = spanContext(text, 11, 21, 5);
    expect(ctx.text).toBe('…aaaa jane@x.com bbbb…');
    expect(ctx.carets).toBe('      ^^^^^^^^^^');
    expect([ctx.from, ctx.to]).toEqual([6, 26]);
  });

  it('shows line breaks as ⏎ so the excerpt stays on one line', () => {
    const ctx = spanContext('Hi\nmail me: a@b.co\nThanks', 12, 18);
    expect(ctx.text).toBe('Hi⏎mail me: a@b.co⏎Thanks');
    expect(ctx.carets).toBe('            ^^^^^^');
    // CRLF is one line break, one ⏎.
    const crlf = spanContext('Hi\r\nmail me: a@b.co', 13, 19);
    expect(crlf.text).toBe('Hi⏎mail me: a@b.co');
    expect(crlf.carets).toBe('            ^^^^^^');
  });

  it('puts several spans on one caret line', () => {
    const ctx = spanContext('a@b.co or c@d.co', [
      { start: 0, end: 6 },
      { start: 10, end: 16 },
    ]);
    expect(ctx.text).toBe('a@b.co or c@d.co');
    expect(ctx.carets).toBe('^^^^^^    ^^^^^^');
    expect(ctx.marks).toEqual([
      { start: 0, length: 6 },
      { start: 10, length: 6 },
    ]);
  });

  it('counts terminal columns: wide characters take two, emoji too', () => {
    // 日本 takes 4 columns, then a space: the match starts in column 5.
    expect(spanContext('日本 a@b.co', 3, 9).carets).toBe('     ^^^^^^');
    // 😊 is two UTF-16 units and two columns.
    expect(spanContext('😊 a@b.co', 3, 9).carets).toBe('   ^^^^^^');
    // A match that is an emoji gets two carets.
    expect(spanContext('Thanks 🎉', 7, 9).carets).toBe('       ^^');
    // A combining accent takes no column: "e\u0301" is one column.
    expect(spanContext('cafe\u0301 a@b.co', 6, 12).carets).toBe('     ^^^^^^');
    expect(displayWidth('日本😊a')).toBe(7);
  });

  it('never cuts an emoji in half', () => {
    const text = `${'😊'.repeat(10)}X`;
    // X is at 20; 20 - 3 = 17 is the second half of the ninth emoji, so the excerpt starts at 16.
    const ctx = spanContext(text, 20, 21, 3);
    expect(ctx.text).toBe('…😊😊X');
    expect(ctx.carets).toBe('     ^');
  });

  it('shows a very long match from its start, cut after four widths', () => {
    const ctx = spanContext('x'.repeat(300), 0, 200, 10);
    expect(ctx.text).toBe(`${'x'.repeat(40)}…`);
    expect(ctx.carets).toBe('^'.repeat(41));
  });

  it('shows control characters harmlessly and an empty match as one caret', () => {
    const ctx = spanContext('a\x1b[31mb\tc', 0, 1);
    expect(ctx.text).toBe('a�[31mb c');
    expect(spanContext('abc', 3, 3).carets).toBe('   ^');
  });

  it('clamps offsets outside the text', () => {
    const ctx = spanContext('abc', 2, 99);
    expect(ctx.text).toBe('abc');
    expect(ctx.carets).toBe('  ^');
  });
});

describe('groupSpans', () => {
  it('puts spans that fit in one excerpt together', () => {
    const spans = [
      { start: 100, end: 106 },
      { start: 0, end: 6 },
      { start: 10, end: 16 },
    ];
    expect(groupSpans(spans, 30)).toEqual([
      [
        { start: 0, end: 6 },
        { start: 10, end: 16 },
      ],
      [{ start: 100, end: 106 }],
    ]);
  });
});

describe('oneLine', () => {
  it('keeps quoted data on one line and harmless', () => {
    expect(oneLine('a\nb\r\nc\x1b[2Jd\u202ee')).toBe('a⏎b⏎c�[2Jd�e');
  });
});
