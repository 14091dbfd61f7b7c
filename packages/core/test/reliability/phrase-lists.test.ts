/**
 * Phrase lists fail loudly and scan in linear time: a list too large for
 * the regex engine is a compile-time diagnostic (never a silent "no
 * violation"), and `word*` wildcards stay linear when a match would start
 * inside a word.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { compilePhrases, PhraseListError } from '../../src/runtime/detectors/index.js';
import { growthRatio } from './growth.js';

// Five phrases of 15,000 words each: past the regex engine's size limit, and quicker to refuse than
// the 10,000 short wildcard phrases that also exceed it.
const tooLarge = Array.from({ length: 5 }, (_, i) => Array.from({ length: 15_000 }, (_, j) => `q${i}z${j}`).join(' '));

describe('a phrase list too large to search', () => {
  it('is diagnostic SG3026 at the list, in plain words, when the policy is compiled', () => {
    const src = `policy big "Big"\n  input Msg\n\nrecord Msg {\n  body: string\n}\n\nphrases promos = [\n${tooLarge.map((p) => `  "${p}"`).join(',\n')}\n]\n\nrule promo error "No promotions" {\n  require not phrases(body, promos)\n}\n`;
    const r = compile(src, { fileName: 'big.policy' });
    expect(r.policy).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === 'SG3026');
    expect(d).toBeDefined();
    expect(src.slice(d!.span.start, d!.span.end)).toBe('promos');
    expect(d!.message).toContain('5 phrases');
    // The engine's own message quotes the whole regex; the user never sees it.
    expect(d!.message.length).toBeLessThan(200);
    expect(r.diagnostics.map((x) => x.code)).not.toContain('SG9001');
  });

  it('makes the matcher throw a PhraseListError rather than match nothing', () => {
    expect(() => compilePhrases(tooLarge)).toThrow(PhraseListError);
    // A list of the same kind that fits still finds its phrases.
    const small = compilePhrases(Array.from({ length: 50 }, (_, i) => `w${i}x* promo${i}*`));
    expect(small('hello w5xyz promo5s there').map((m) => m.text)).toEqual(['w5xyz promo5s']);
  });
});

describe('wildcard phrases grow linearly with the text', () => {
  const matcher = compilePhrases(['review*', 'best* seller', 'five star']);
  // Each text puts a wildcard phrase's start inside one long word, where the left word boundary fails.
  const texts: Array<[string, (n: number) => string]> = [
    ['a trailing wildcard inside a word', (n) => 'a' + 'review'.repeat(n / 6)],
    ['a wildcard in the middle of a phrase', (n) => 'x' + 'best'.repeat(n / 4)],
  ];
  for (const [name, make] of texts) {
    it(`${name}: time at 2N / time at N stays well below the 4 of quadratic growth`, () => {
      const n = 1024 * 1024;
      // Nothing matches: every start is inside the word.
      expect(matcher(make(n))).toEqual([]);
      expect(growthRatio(matcher, make, n)).toBeLessThan(3);
    });
  }

  it('still finds phrases after a skipped word', () => {
    const text = 'areviewed reviews, the best-selling best seller';
    // By hand: "areviewed" starts mid-word; "reviews" matches review*; "best-selling" is not "best* seller"
    // ("selling" is not "seller"); "best seller" matches.
    expect(matcher(text).map((m) => m.text)).toEqual(['reviews', 'best seller']);
  });
});
