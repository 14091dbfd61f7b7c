/**
 * The phrase matcher looks for phrases only where one of their first words starts (one Aho–Corasick pass).
 * It must find exactly what one alternation regex over the whole text finds: the same spans, the same
 * phrases, on random phrase lists and texts full of the awkward cases (case variants that are not plain
 * upper/lower case, accented and astral first letters, hyphens, CJK, words glued to phrases, HTML).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePhrases } from '../../src/runtime/detectors/phrases.js';
import { literalAutomaton } from '../../src/runtime/detectors/literals.js';
import { compilePhrases as oneRegex } from './reference/phrases-one-regex.js';

const seed = Number(process.env.SELLGUARD_FC_SEED ?? 20261205);

// Pieces phrases and texts are made of: ſ and K equal s and k to a case-insensitive regex, İ and ı do not
// equal i, σ/ς/Σ are one letter, é/É start words the literal scan cannot fold.
const PIECES = ['review', 'Review', 'REVIEW', 'reviews', 'ſtar', 'star', 'STAR', 'Kind', 'kind', 'İt', 'ıt', 'it', 'σας', 'ΣΑΣ', 'été', 'Été',
  'five', '5', '5-star', 'best', 'seller', 'a', 'free', '%', 'off', '好评', '差评', 'c++', '😀', '𐐨x', '𐐀X', 'x_y', 'é',
  // Words that start with a hyphen can follow a word gap at more than one place; 'lamp' holds an 'a'.
  '-off', '\u2013a', 'lamp', 'start', 'a-'];
const GLUE = [' ', '  ', '-', ' - ', '\u2013', '\n', '', '.', ', ', 'x', '好', '_', '<b>', '&amp;', '&eacute;'];

const phrase = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }).chain((words) =>
  fc.tuple(fc.constant(words), fc.array(fc.boolean(), { minLength: words.length, maxLength: words.length })).map(([ws, stars]) =>
    ws.map((w, i) => (stars[i] ? `${w}*` : w)).join(' '),
  ),
);
const text = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...GLUE)), { maxLength: 30 }).map((parts) => parts.map(([w, g]) => w + g).join(''));

describe('phrase matcher = one regex over the whole text', () => {
  it('on random lists and texts', () => {
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 8 }), text, (list, t) => {
        expect(compilePhrases(list)(t)).toEqual(oneRegex(list)(t));
      }),
      { numRuns: 300, seed },
    );
  });

  it('on the shipped policies’ phrase lists and their example messages', () => {
    const root = join(__dirname, '../../../..');
    const source = readFileSync(join(root, 'policies/buyer-messaging.policy'), 'utf8');
    const lists = [...source.matchAll(/^phrases \w+ = \[([\s\S]*?)^\]/gm)].map((m) => [...m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((q) => JSON.parse(`"${q[1]}"`) as string));
    expect(lists.length).toBeGreaterThan(5);
    const bodies = [...source.matchAll(/body: ("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!) as string);
    expect(bodies.length).toBeGreaterThan(5);
    for (const list of lists) {
      const fast = compilePhrases(list);
      const slow = oneRegex(list);
      for (const b of bodies) expect(fast(b)).toEqual(slow(b));
      // Every phrase of the list, written in upper case inside a sentence, is found the same way.
      const all = list.map((p) => `We ${p.replace(/\*/g, 'ed').toUpperCase()} here.`).join(' ');
      expect(fast(all)).toEqual(slow(all));
    }
  });
});

describe('literal automaton', () => {
  it('finds every occurrence of every key, overlapping ones too, ignoring ASCII case', () => {
    const found: Array<[number, number]> = [];
    literalAutomaton(['he', 'she', 'hers', 'his']).scan('uSHErs his', (k, start) => found.push([k, start]));
    // By hand: "SHE" at 1 ends "she" and "he"; "hers" from 2; "his" at 7.
    expect(found.sort((a, b) => a[1] - b[1] || a[0] - b[0])).toEqual([[1, 1], [0, 2], [2, 2], [3, 7]]);
  });

  it('agrees with indexOf on random keys and texts', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[abAB好]{1,4}$/), { minLength: 1, maxLength: 6 }), fc.stringMatching(/^[abAB好 ]{0,40}$/), (keys, t) => {
        const found: string[] = [];
        literalAutomaton(keys).scan(t, (k, start) => found.push(`${k}@${start}`));
        const expected: string[] = [];
        const lower = t.toLowerCase();
        keys.forEach((key, k) => {
          for (let i = lower.indexOf(key.toLowerCase()); i >= 0; i = lower.indexOf(key.toLowerCase(), i + 1)) expected.push(`${k}@${i}`);
        });
        expect(found.sort()).toEqual(expected.sort());
      }),
      { numRuns: 1000, seed },
    );
  });
});

describe('word boundaries checked without case folding', () => {
  it('mean the same as inside a case-insensitive regex: the word and CJK classes are closed under case folding', () => {
    const word = [/^[\p{L}\p{M}\p{N}_]$/iu, /^[\p{L}\p{M}\p{N}_]$/u];
    const cjk = [/^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]$/iu, /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]$/u];
    const differ: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (word[0]!.test(c) !== word[1]!.test(c) || cjk[0]!.test(c) !== cjk[1]!.test(c)) differ.push(cp);
    }
    expect(differ).toEqual([]);
  });
});
