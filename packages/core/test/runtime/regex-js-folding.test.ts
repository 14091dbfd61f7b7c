/**
 * Under `(?i)` a pattern runs on V8 only with letters both engines fold alike: the Latin letters of
 * U+00C0–U+024F and characters without case. Both claims are checked here on every code point, on both
 * engines, so a difference between their Unicode tables shows up as a failing test, not a wrong match.
 */
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { caseless, foldsAlike } from '../../src/runtime/regex-js.js';

const ALL: string[] = [];
for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) ALL.push(String.fromCodePoint(cp));

/** The characters of `chars` as one RE2 class, each written as \x{…}. */
function re2Class(chars: string[]): string {
  return `[${chars.map((c) => `\\x{${c.codePointAt(0)!.toString(16)}}`).join('')}]`;
}

function re2Matches(pattern: string, text: string): Set<string> {
  const m = RE2JS.compile(pattern).matcher(text);
  const out = new Set<string>();
  while (m.find()) out.add(m.group()!);
  return out;
}

describe('letters folded alike', () => {
  const letters = ALL.filter((c) => foldsAlike(c.codePointAt(0)!));

  it('are the Latin letters of U+00C0–U+024F', () => {
    // By hand: the block holds 400 code points, of which × (U+00D7) and ÷ (U+00F7) are not letters.
    expect(letters.length).toBe(0x24f - 0xc0 + 1 - 2);
    expect(letters).toEqual(expect.arrayContaining(['é', 'Ä', 'ß', 'ñ', 'ő', 'ÿ']));
    expect(letters).not.toContain('×');
  });

  it('match the same characters on RE2 and on V8, each of them', () => {
    const text = ALL.join('');
    // Everything any of them matches, on either engine; each letter can only match among these.
    const re2All = re2Matches(`(?i)${re2Class(letters)}`, text);
    const v8All = new Set(text.match(new RegExp(`[${letters.join('')}]`, 'giu')));
    expect([...re2All].sort()).toEqual([...v8All].sort());
    for (const letter of letters) {
      const onRe2 = RE2JS.compile(`(?i)${letter}`);
      const onV8 = new RegExp(letter, 'iu');
      const differ = [...re2All].filter((c) => onRe2.test(c) !== onV8.test(c));
      expect(differ, `${letter} folds differently`).toEqual([]);
    }
    // Not vacuous: é matches É on both.
    expect(RE2JS.compile('(?i)é').test('É') && /é/iu.test('É')).toBe(true);
  });
});

describe('characters without case', () => {
  it('include CJK, kana, digits of other scripts, punctuation and emoji, and no letter with a case', () => {
    for (const c of ['好', 'レ', 'ー', '。', '！', '٣', '⭐', '★', '🌟', '€']) expect(caseless(c), c).toBe(true);
    // Cased letters, letters folded into others, and symbols that fold (circled letters, Roman numerals).
    for (const c of ['a', 'é', 'σ', 'ς', 'K', 'ſ', 'ẞ', 'Ⓐ', 'Ⅻ', 'Ａ', '\u0345']) expect(caseless(c), c).toBe(false);
  });

  it('match only themselves under (?i), on both engines', () => {
    const without = ALL.filter((c) => caseless(c));
    const withCase = ALL.filter((c) => !caseless(c));
    // V8: the class of every caseless character, case-insensitive, matches exactly those characters.
    const v8 = ALL.join('').match(/[^\p{Changes_When_Casemapped}\p{Changes_When_Casefolded}\P{Assigned}]/giu) ?? [];
    expect(v8.length).toBe(without.length);
    // RE2: the same class under (?i) matches no other character.
    const ranges: string[] = [];
    for (let i = 0; i < without.length; ) {
      let j = i;
      while (j + 1 < without.length && without[j + 1]!.codePointAt(0) === without[j]!.codePointAt(0)! + 1) j++;
      ranges.push(`\\x{${without[i]!.codePointAt(0)!.toString(16)}}-\\x{${without[j]!.codePointAt(0)!.toString(16)}}`);
      i = j + 1;
    }
    expect(re2Matches(`(?i)[${ranges.join('')}]`, withCase.join(''))).toEqual(new Set());
    // Not vacuous: the same scan does find a cased character when one is in the class.
    expect(re2Matches(`(?i)[${ranges.join('')}a]`, withCase.join('')).has('A')).toBe(true);
  });
});
