/**
 * The spelling detector's fast paths (a chunk that is one lower-case word, a plain word checked against
 * the dictionary directly) must report exactly what the plain walk over every rule reports: on the
 * labelled corpus in all its languages, the benchmark's messages, and generated text full of the cases
 * the rules are about (capitals, names, hyphens, apostrophes, digits, punctuation, foreign lines).
 */
import dict from 'dictionary-en';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSpeller, spelling } from '../../src/runtime/detectors/index.js';
import { spelling as plainSpelling } from './reference/spelling-plain.js';
import { messages } from '../../../../bench/src/data/messages.mjs';

const root = resolve(import.meta.dirname, '../../../..');
const seed = Number(process.env.SELLGUARD_FC_SEED ?? 20261205);
const speller = createSpeller(dict);

const corpusTexts = ['messages.jsonl', 'holdout.jsonl', 'blind.jsonl'].flatMap((f) =>
  readFileSync(join(root, 'corpus/buyer-messaging', f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      const m = (JSON.parse(l) as { message: { subject?: unknown; body?: unknown } }).message;
      return [m.subject, m.body].filter((x): x is string => typeof x === 'string');
    }),
);

describe('spelling: fast paths = every rule for every word', () => {
  it('on the labelled corpus', () => {
    let found = 0;
    for (const t of corpusTexts) {
      const fast = spelling(t, speller);
      expect(fast).toEqual(plainSpelling(t, speller));
      found += fast.length;
    }
    // Not vacuous: the corpus has misspellings.
    expect(found).toBeGreaterThan(0);
  }, 120_000);

  it("on the benchmark's messages, one by one and as one long text", () => {
    const bodies = messages(200).map((l: string) => (JSON.parse(l) as { body: string }).body);
    for (const b of bodies) expect(spelling(b, speller)).toEqual(plainSpelling(b, speller));
    const long = bodies.join(' ');
    expect(spelling(long, speller)).toEqual(plainSpelling(long, speller));
  }, 120_000);

  it('on generated text', () => {
    const words = ['the', 'parcel', 'parcle', 'recieved', 'Recieved', 'Teh', 'teh', 'pre', 'Okafor', 'eBay', 'USB', 'colour', "customer's", 'co-op', 're-ship',
      'pre-assembled', 'abc', 'ab', 'x1', 'mailroom', 'und', 'die', 'Bestellung', 'été', 'naïve', 'it’s', "don't", '-lamp-', 'lamp', 'Lamp', 'seller', 'Mr.', 'Ms.', 'e.g.', 'manual.pdf', '@shop', '#tag', 'a<b', 'okay'];
    const glue = [' ', ' ', ', ', '. ', '! ', '? ', '\n', ': ', '; ', ' (', ') ', ' "', '" ', ' - ', '.'];
    const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...glue)), { maxLength: 40 }).map((xs) => xs.map(([w, g]) => w + g).join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(spelling(t, speller)).toEqual(plainSpelling(t, speller));
      }),
      { numRuns: 400, seed },
    );
  }, 120_000);
});
