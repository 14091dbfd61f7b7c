/**
 * Before a pattern runs on V8, a quick search rules out texts that lack all of the literal strings every
 * match contains (`(?i)\b(review|rating)s?` needs "review" or "rating", in any case). Ruling a text out
 * must never hide a match: random patterns made of words, case variants, the long s and the Kelvin
 * sign are run on RE2 (no prefilter) and through regex() on texts with and without their words.
 */
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { mayMatch, safeJsPattern } from '../../src/runtime/regex-js.js';
import { regex } from '../../src/runtime/values.js';

const seed = Number(process.env.SELLGUARD_FC_SEED ?? 20261205);

function re2Spans(source: string, s: string): Array<[number, number]> {
  const m = RE2JS.compile(source).matcher(s);
  const out: Array<[number, number]> = [];
  while (m.find()) if (m.end() > m.start()) out.push([m.start(), m.end()]);
  return out;
}

const WORDS = ['review', 'rating', 'ask', 'sk', 'ok', 'of', '5%', 'a b', 'kiss'];
const PIECES = ['', '\\s+', '\\b', '\\w*', '[a-z]?', '\\d', '.', '(?:x|y)?', '[Kk]'];
const word = fc.constantFrom(...WORDS);
const part = fc.oneof(
  word,
  fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => `(${ws.join('|')})`),
  fc.tuple(word, fc.constantFrom('?', '*', '+', '{2}')).map(([w, q]) => `(?:${w})${q}`),
  fc.constantFrom(...PIECES),
);
const pattern = fc.tuple(fc.boolean(), fc.array(part, { minLength: 1, maxLength: 4 })).map(([icase, ps]) => (icase ? '(?i)' : '') + ps.join(''));
// Texts of the same words in other cases, with the long s (ſ, equal to s under (?i)) and the Kelvin sign (K, equal to k).
const TEXT_PIECES = ['review', 'REVIEW', 'Rating', 'aſk', 'a\u212a', 'ASK', 'ok', 'OK', 'o\u212a', 'of', '5%', 'a b', 'kiss', 'KISS', 'ki\u017f\u017f', 'x', ' ', '\n', 'é', '1'];
const text = fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 12 }).map((xs) => xs.join(''));

describe('required literals of a pattern', () => {
  it('never rule out a text that has a match', () => {
    let ruledOut = 0;
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 6 }), (p, texts) => {
        const js = safeJsPattern(p);
        if (js === null) return;
        const r = regex(p);
        for (const s of texts) {
          if (!mayMatch(js, s)) ruledOut++;
          expect(r.findAll(s).map((m) => [m.start, m.end])).toEqual(re2Spans(p, s));
          expect(r.test(s)).toBe(RE2JS.compile(p).test(s));
        }
      }),
      { numRuns: 800, seed },
    );
    // The search does rule texts out, so the comparison covers it.
    expect(ruledOut).toBeGreaterThan(200);
  });

  it('are the literal words every match needs', () => {
    // By hand: each alternative of the group needs its own word; under (?i) in lower case.
    expect(safeJsPattern('(?i)\\b(Review|RATING)s?\\b')?.required).toEqual(['review', 'rating']);
    expect(safeJsPattern('https?://[a-z]+')?.required).toEqual(['http']);
    // An optional part requires nothing; a class of several characters is no literal.
    expect(safeJsPattern('(review)?[Ss]ave')?.required).toEqual(['ave']);
    expect(safeJsPattern('\\d{3}-\\d{4}')?.required).toEqual(['-']);
    expect(safeJsPattern('[a-z]+\\d')?.required).toBeNull();
  });
});
