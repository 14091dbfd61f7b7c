/**
 * A policy's phrase lists are scanned together: one pass over a text finds the first words of all of
 * them (phraseGroup), and a sentence's first words are taken from the scan of its whole field
 * (hitsInside). Each list must still find exactly what one alternation regex over the text (or the
 * sentence) finds, on random lists and texts full of the awkward cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePhrases, hitsInside, phraseGroup } from '../../src/runtime/detectors/phrases.js';
import { compilePhrases as oneRegex } from './reference/phrases-one-regex.js';

const seed = Number(process.env.SELLGUARD_FC_SEED ?? 20261205);

// As in phrases-differential.test.ts: case variants a plain fold gets wrong, accented and astral first
// letters, hyphens, CJK, words glued to phrases; and keys that several lists share.
const PIECES = ['review', 'Review', 'REVIEW', 'reviews', 'ſtar', 'star', 'STAR', 'Kind', 'kind', 'İt', 'ıt', 'it', 'σας', 'ΣΑΣ', 'été', 'Été',
  'five', '5', '5-star', 'best', 'seller', 'a', 'free', '%', 'off', '好评', '差评', 'c++', '😀', '𐐨x', '𐐀X', 'x_y', 'é',
  '-off', '\u2013a', 'lamp', 'start', 'a-'];
const GLUE = [' ', '  ', '-', ' - ', '\u2013', '\n', '', '.', '. ', ', ', 'x', '好', '_', '!'];

const phrase = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }).chain((words) =>
  fc.tuple(fc.constant(words), fc.array(fc.boolean(), { minLength: words.length, maxLength: words.length })).map(([ws, stars]) =>
    ws.map((w, i) => (stars[i] ? `${w}*` : w)).join(' '),
  ),
);
const lists = fc.array(fc.array(phrase, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 4 });
const text = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...GLUE)), { maxLength: 30 }).map((parts) => parts.map(([w, g]) => w + g).join(''));

describe('phrase lists scanned together', () => {
  it('find in a whole text what each list finds alone', () => {
    fc.assert(
      fc.property(lists, text, (ls, t) => {
        const matchers = ls.map((l) => compilePhrases(l));
        const hits = phraseGroup(matchers.map((m) => m.keys)).hits(t);
        ls.forEach((l, i) => expect(matchers[i]!.withHits(t, hits[i]!)).toEqual(oneRegex(l)(t)));
      }),
      { numRuns: 100, seed },
    );
  });

  it('find in any slice, from the whole text’s scan, what each list finds in the slice alone', () => {
    fc.assert(
      fc.property(lists, text, fc.nat(), fc.nat(), (ls, t, a, b) => {
        const from = t.length === 0 ? 0 : a % (t.length + 1);
        const to = from + (t.length === 0 ? 0 : b % (t.length - from + 1));
        const slice = t.slice(from, to);
        const matchers = ls.map((l) => compilePhrases(l));
        const hits = phraseGroup(matchers.map((m) => m.keys)).hits(t);
        ls.forEach((l, i) => expect(matchers[i]!.withHits(slice, hitsInside(hits[i]!, from, to))).toEqual(oneRegex(l)(slice)));
      }),
      { numRuns: 100, seed },
    );
  });

  it('hand a key two lists share to both', () => {
    // By hand: the key "review" is found once, at 8, for both lists; only the second has a phrase there
    // ("reviews"), and "5 stars" starts at 21.
    const first = compilePhrases(['review']);
    const second = compilePhrases(['reviews', '5 stars']);
    const t = 'Leave a reviews with 5 stars';
    const hits = phraseGroup([first.keys, second.keys]).hits(t);
    expect(first.withHits(t, hits[0]!)).toEqual([]);
    expect(second.withHits(t, hits[1]!).map((m) => [m.text, m.start])).toEqual([['reviews', 8], ['5 stars', 21]]);
  });
});
