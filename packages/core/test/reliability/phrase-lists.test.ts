/**
 * Phrase lists fail loudly and scan in linear time: a list too large for
 * the regex engine is a compile-time diagnostic (never a silent "no
 * violation"), and `word*` wildcards skip starts inside a word.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { compilePhrases, PhraseListError } from '../../src/runtime/detectors/index.js';

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

describe('wildcard phrases whose start falls inside a word', () => {
  const matcher = compilePhrases(['review*', 'best* seller', 'five star']);

  it('match nothing there (how their time grows is measured in test/growth/wildcards.test.ts)', () => {
    expect(matcher('a' + 'review'.repeat(1000))).toEqual([]);
    expect(matcher('x' + 'best'.repeat(1000))).toEqual([]);
  });

  it('still finds phrases after a skipped word', () => {
    const text = 'areviewed reviews, the best-selling best seller';
    // By hand: "areviewed" starts mid-word; "reviews" matches review*; "best-selling" is not "best* seller"
    // ("selling" is not "seller"); "best seller" matches.
    expect(matcher(text).map((m) => m.text)).toEqual(['reviews', 'best seller']);
  });
});
