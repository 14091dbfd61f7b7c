/**
 * The checker read from a prepared word table must be the checker nspell builds from the .aff/.dic
 * files: the same words with the same flags, the same compound rules, and so the same verdicts and
 * suggestions, on every word of the labelled corpus, on generated words, and through the spelling
 * detector. The table the build ships is checked to be the one these files give.
 */
import dict from 'dictionary-en';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSpeller, spelling } from '../../src/runtime/detectors/index.js';
import { checkerFromFiles, checkerFromTable, prepareWordTable, wordTableKey } from '../../src/runtime/detectors/spelling-checker.js';
import { dictionaryKey, englishDictionaryForSpeller, englishWordTablePath } from '../../src/node/word-table.js';

const root = resolve(import.meta.dirname, '../../../..');
const seed = Number(process.env.SELLGUARD_FC_SEED ?? 20261205);
const table = prepareWordTable(dict, 'test');
const plain = checkerFromFiles(dict);
const fromTable = checkerFromTable({ aff: dict.aff, table });

type Inside = { data: Record<string, string[]>; compoundRules: RegExp[]; compoundRuleCodes: Record<string, string[]> };
const inside = (c: unknown) => c as Inside;

const corpusTexts = ['messages.jsonl', 'holdout.jsonl', 'blind.jsonl'].flatMap((f) =>
  readFileSync(join(root, 'corpus/buyer-messaging', f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      const m = (JSON.parse(l) as { message: { subject?: unknown; body?: unknown } }).message;
      return [m.subject, m.body].filter((x): x is string => typeof x === 'string');
    }),
);
const corpusWords = [...new Set(corpusTexts.flatMap((t) => t.match(/[\p{L}\p{N}'’.-]+/gu) ?? []))];

describe('spelling checker: prepared word table = nspell on the dictionary files', () => {
  it('holds every word nspell expands, with the same flags, and nothing else', () => {
    const words = Object.keys(inside(plain).data);
    expect(table.split('\n').length - 1).toBe(words.length);
    for (const w of words) expect(inside(fromTable).data[w]).toEqual(inside(plain).data[w]);
    expect(inside(fromTable).compoundRules.map(String)).toEqual(inside(plain).compoundRules.map(String));
    expect(inside(fromTable).compoundRuleCodes).toEqual(inside(plain).compoundRuleCodes);
    // Words nspell does not know are unknown in the table too, also names of Object.prototype.
    for (const w of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'qzxv', '']) {
      expect(inside(fromTable).data[w]).toEqual(inside(plain).data[w]);
      expect(w in inside(fromTable).data).toBe(w in inside(plain).data);
    }
  }, 120_000);

  it('gives the same verdict on every word of the labelled corpus, and the same suggestions for the unknown ones', () => {
    let unknown = 0;
    for (const w of corpusWords) {
      const verdict = plain.correct(w);
      expect(fromTable.correct(w)).toBe(verdict);
      if (!verdict && unknown < 12) {
        unknown++;
        expect(fromTable.suggest(w)).toEqual(plain.suggest(w));
      }
    }
    // Not vacuous: the corpus has words the dictionary does not know.
    expect(unknown).toBeGreaterThan(10);
  }, 120_000);

  it('gives the same verdicts and suggestions on generated words', () => {
    const letters = fc.constantFrom(...'aeinorstlcdhumpgbkwy'.split(''), 'A', 'E', 'T', "'", '-', '1', '2', '3', 'th', 'st', 'nd');
    const word = fc.array(letters, { minLength: 1, maxLength: 9 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(word, (w) => {
        expect(fromTable.correct(w)).toBe(plain.correct(w));
      }),
      { numRuns: 3000, seed },
    );
    const shortWord = fc.array(letters, { minLength: 1, maxLength: 6 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(shortWord, (w) => {
        expect(fromTable.suggest(w)).toEqual(plain.suggest(w));
      }),
      { numRuns: 10, seed },
    );
  }, 120_000);

  it('makes the spelling detector report the same on the labelled corpus', () => {
    const fromFiles = createSpeller(dict);
    const prepared = createSpeller({ aff: dict.aff, table });
    let found = 0;
    // The first 150 texts: each misspelling costs a suggestion search on both spellers.
    for (const t of corpusTexts.slice(0, 150)) {
      const expected = spelling(t, fromFiles);
      expect(spelling(t, prepared)).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(0);
  }, 120_000);

  it('refuses text that is not a word table', () => {
    expect(wordTableKey('hello\nworld')).toBeUndefined();
    expect(wordTableKey('')).toBeUndefined();
    expect(() => checkerFromTable({ aff: dict.aff, table: '{"magic":"other"}\nword\t' })).toThrow();
  });
});

describe('the English word table the build ships', () => {
  it('is made from the installed dictionary-en files, and the Node speller uses it', () => {
    const shipped = readFileSync(englishWordTablePath(), 'utf8');
    expect(wordTableKey(shipped)).toBe(dictionaryKey(dict));
    expect(shipped.slice(shipped.indexOf('\n'))).toBe(table.slice(table.indexOf('\n')));
    const chosen = englishDictionaryForSpeller();
    expect('table' in chosen).toBe(true);
  });
});
