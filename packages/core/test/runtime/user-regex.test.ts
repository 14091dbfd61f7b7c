/**
 * `regex()`, the object generated code uses for a policy's patterns: it runs
 * a pattern on V8's RegExp when the pattern is in the linear-time subset and
 * on RE2 otherwise, and both paths must answer the same. Expected matches are
 * counted by hand from the texts.
 */
import { describe, expect, it } from 'vitest';
import { regex } from '../../src/runtime/values.js';

// `(a+)+` is outside the V8 subset (nested repetition), so it runs on RE2;
// `a+` is inside it. Both find the same runs of a. Each test builds its own
// (inside the test, so a broken constructor fails that test).
const onRe2 = () => regex('(a+)+');
const onV8 = () => regex('a+');

describe('regex(): a missing text', () => {
  for (const [name, re] of [['RE2', onRe2], ['V8', onV8]] as const) {
    it(`never matches null or undefined (${name})`, () => {
      expect(re().test(null as never)).toBe(false);
      expect(re().test(undefined as never)).toBe(false);
    });
  }
});

describe('regex(): findAll', () => {
  it('gives every non-empty match with its place, on both paths alike', () => {
    const text = 'baaxa aaa';
    const want = [
      { start: 1, end: 3, text: 'aa' },
      { start: 4, end: 5, text: 'a' },
      { start: 6, end: 9, text: 'aaa' },
    ];
    expect(onRe2().findAll(text)).toEqual(want);
    expect(onV8().findAll(text)).toEqual(want);
    expect(onRe2().test(text)).toBe(true);
    expect(onV8().test(text)).toBe(true);
    expect(onV8().test('bbb')).toBe(false);
    expect(onRe2().test('bbb')).toBe(false);
  });

  it('skips empty matches, also after a character outside the basic plane, without looping or splitting it', () => {
    // `x*` matches empty everywhere and "x" at 2 (after the two UTF-16 units of 😀) and 4.
    const text = '😀xbx';
    const want = [
      { start: 2, end: 3, text: 'x' },
      { start: 4, end: 5, text: 'x' },
    ];
    expect(regex('x*').findAll(text)).toEqual(want);
    expect(regex('(x*)*').findAll(text)).toEqual(want);
  });

  it('steps over U+FFFF as one unit: it is the last character of the basic plane, not half of a pair', () => {
    expect(regex('x*').findAll('\uffffx')).toEqual([{ start: 1, end: 2, text: 'x' }]);
  });

  it('can be called again on another text (no position left over from the last call)', () => {
    const re = onV8();
    expect(re.findAll('aa b')).toEqual([{ start: 0, end: 2, text: 'aa' }]);
    expect(re.findAll('b a')).toEqual([{ start: 2, end: 3, text: 'a' }]);
  });
});

describe('regex(): word boundaries under (?i)', () => {
  // JavaScript's (?i) counts ſ (long s) and K (Kelvin sign) as word characters for \b; RE2 does not.
  // A text holding either goes to RE2, so "\bstar\b" matches before "ſ" as RE2 says it does.
  const star = () => regex('(?i)\\bstar\\b');

  it('finds the word in ordinary text', () => {
    expect(star().test('a STAR is born')).toBe(true);
    expect(star().findAll('Star, star.')).toEqual([
      { start: 0, end: 4, text: 'Star' },
      { start: 6, end: 10, text: 'star' },
    ]);
    expect(star().test('starry')).toBe(false);
  });

  it('reads a text with a long s or a Kelvin sign as RE2 does: they are not word characters', () => {
    expect(star().test('starſ')).toBe(true);
    expect(star().findAll('starſ star\u212a')).toEqual([
      { start: 0, end: 4, text: 'star' },
      { start: 6, end: 10, text: 'star' },
    ]);
    expect(star().test('\u212astar')).toBe(true);
  });
});
