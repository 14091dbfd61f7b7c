import { describe, expect, test } from 'vitest';
import { fit, lineWidth, shortenPath, textWidth, truncate, truncateLine, windowStart, wrapSegments, type Line } from '../src/layout.js';

const text = (lines: Line[]) => lines.map((l) => l.map((s) => s.text).join(''));

describe('widths', () => {
  test('wide characters and emoji take two columns', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('割引')).toBe(4);
    expect(textWidth('🎉')).toBe(2);
  });
  test('truncate ends with … and never exceeds the width', () => {
    expect(truncate('hello world', 8)).toBe('hello w…');
    expect(truncate('hello', 8)).toBe('hello');
    expect(textWidth(truncate('割引割引割引', 5))).toBeLessThanOrEqual(5);
  });
  test('fit pads or cuts to an exact width', () => {
    expect(fit('ab', 4)).toBe('ab  ');
    expect(fit('ab', 4, 'right')).toBe('  ab');
    expect(fit('abcdef', 4)).toBe('abc…');
  });
  test('truncateLine cuts styled pieces', () => {
    const line = truncateLine([{ text: 'abc', tone: 'bold' }, { text: 'defgh' }], 5);
    expect(lineWidth(line)).toBe(5);
    expect(line[0]).toEqual({ text: 'abc', tone: 'bold' });
  });
});

describe('wrapSegments', () => {
  test('wraps at spaces', () => {
    expect(text(wrapSegments([{ text: 'the quick brown fox jumps' }], 10))).toEqual(['the quick', 'brown fox', 'jumps']);
  });
  test('keeps line breaks and blank lines', () => {
    expect(text(wrapSegments([{ text: 'a\n\nb' }], 10))).toEqual(['a', '', 'b']);
  });
  test('breaks words longer than the line', () => {
    expect(text(wrapSegments([{ text: 'abcdefghij' }], 4))).toEqual(['abcd', 'efgh', 'ij']);
  });
  test('indents every line', () => {
    expect(text(wrapSegments([{ text: 'one two three' }], 9, 2))).toEqual(['  one two', '  three']);
  });
  test('keeps the style of each piece across lines', () => {
    const lines = wrapSegments([{ text: 'write to ' }, { text: 'bob@example.com', tone: 'mark-error' }, { text: ' today' }], 12);
    expect(text(lines)).toEqual(['write to', 'bob@example.', 'com today']);
    expect(lines[1]).toEqual([{ text: 'bob@example.', tone: 'mark-error' }]);
  });
  test('no line is wider than asked', () => {
    const lines = wrapSegments([{ text: 'Leave us a 5-star review 🎉 割引 and get a gift card, thanks!' }], 11);
    for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(11);
  });
  test('tabs and carriage returns do not break the layout', () => {
    expect(text(wrapSegments([{ text: 'a\tb\r\nc' }], 10))).toEqual(['a  b', 'c']);
  });
});

describe('windowStart', () => {
  test('keeps the window while the selection is inside it', () => {
    expect(windowStart(5, 3, 10, 100)).toBe(3);
  });
  test('scrolls just enough to show the selection', () => {
    expect(windowStart(15, 3, 10, 100)).toBe(6);
    expect(windowStart(1, 3, 10, 100)).toBe(1);
  });
  test('never leaves empty rows at the end', () => {
    expect(windowStart(99, 95, 10, 100)).toBe(90);
  });
  test('a list shorter than the window starts at the top', () => {
    expect(windowStart(3, 2, 10, 5)).toBe(0);
  });
});

test('shortenPath keeps the file name whole', () => {
  expect(shortenPath('/a/b/export.csv', 40)).toBe('/a/b/export.csv');
  const short = shortenPath('/tmp/some/very/long/folder/name/sellguard-export-1.csv', 32);
  expect(short.endsWith('/sellguard-export-1.csv')).toBe(true);
  expect(textWidth(short)).toBeLessThanOrEqual(32);
});
