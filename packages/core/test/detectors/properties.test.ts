/**
 * Contract properties for every detector, on random and adversarial input:
 * never throws; matches sorted by start, non-overlapping, within bounds, non-empty, and
 * `text === input.slice(start, end)`. The unguarded implementations are tested directly (the public exports
 * add a catch-all that would hide a throw).
 */
import dict from 'dictionary-en';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../src/runtime/detectors/index.js';
import { emails } from '../../src/runtime/detectors/emails.js';
import { emoji } from '../../src/runtime/detectors/emoji.js';
import { stripHtml } from '../../src/runtime/detectors/html.js';
import { images } from '../../src/runtime/detectors/images.js';
import { links } from '../../src/runtime/detectors/links.js';
import { optOutLinks } from '../../src/runtime/detectors/optout.js';
import { orderIds } from '../../src/runtime/detectors/orderIds.js';
import { phones } from '../../src/runtime/detectors/phones.js';
import { compilePhrases } from '../../src/runtime/detectors/phrases.js';
import { createSpeller, spelling, type Speller } from '../../src/runtime/detectors/spelling.js';
import type { RawMatch } from '../../src/runtime/detectors/types.js';

const phraseMatcher = compilePhrases(['review*', 'leave a review', 'five star', '% off', 'free shipping', '好评', 'c++']);

/** Built before the suites that run the spelling detector. */
let speller: Speller | null = null;

const DETECTORS: Record<string, (s: string) => RawMatch[]> = {
  links,
  emails,
  phones,
  emoji,
  orderIds,
  images,
  optOutLinks,
  phrases: phraseMatcher,
  spelling: (s) => spelling(s, speller),
  'api.links': api.links,
  'api.spelling': (s) => api.spelling(s, speller, { ignore: ['x'] }),
};

function checkContract(input: string, matches: RawMatch[]): void {
  let lastEnd = 0;
  for (const m of matches) {
    expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
    expect(m.start).toBeGreaterThanOrEqual(lastEnd);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(input.length);
    expect(m.text).toBe(input.slice(m.start, m.end));
    lastEnd = m.end;
  }
}

/** Pieces that steer random strings into the interesting parts of each detector. */
const TOKENS = [
  'http://', 'https://', 'www.', '.', '..', '@', '＠', ' at ', ' dot ', '[at]', '(dot)', 'com', 'de', 'co.uk', 'bit.ly/',
  'amazon.de', 'x', 'ab', '+49', '+1 ', '00', '0', '1', '7', '-', ' ', '  ', '\n', '(', ')', '/', ':', ',', '112-1234567-1234567',
  '<img ', '<a href="', '</a>', '<p>', '"', "'", '=', '>', '<', '<!--', '-->', '<script>', '</script>', 'src=', 'width=1 ',
  'style="display:none"', '&amp;', '&#', '&#128512;', ';', '😀', '👍🏽', '\u200d', '\ufe0f', '\u20e3', '🇩🇪', '\ud800', '\udc00',
  'é', 'ß', '中', '好评', 'レビュー', 'unsubscribe', 'abmelden', 'Teh', 'recieved', 'review', 'Reviews', '%', 'off', '*', '\\',
  '\u0000', '\u00a0', '\u2028', 'İ',
];
const tokenString = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((a) => a.join(''));
const codeUnitString = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 }).map((a) => String.fromCharCode(...a));
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  codeUnitString,
  tokenString,
);

describe('detector contract (fast-check)', () => {
  beforeAll(() => {
    speller = createSpeller(dict);
  }, 30000);
  afterAll(() => {
    speller = null;
  });

  for (const [name, fn] of Object.entries(DETECTORS)) {
    it(`${name}: never throws, sorted, non-overlapping, text === slice`, () => {
      fc.assert(
        fc.property(anyString, (input) => {
          checkContract(input, fn(input));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('stripHtml: map is monotonic and within bounds', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const { text, map } = stripHtml(input);
        let prev = -1;
        for (let i = 0; i <= text.length; i++) {
          const o = map(i);
          expect(o).toBeGreaterThanOrEqual(prev);
          expect(o).toBeLessThanOrEqual(input.length);
          prev = o;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('compilePhrases never throws on arbitrary phrase lists', () => {
    fc.assert(
      fc.property(fc.array(anyString, { maxLength: 8 }), anyString, (phrases, input) => {
        checkContract(input, compilePhrases(phrases)(input));
      }),
      { numRuns: 300 },
    );
  });

  it('public detectors accept non-string input without throwing', () => {
    for (const bad of [undefined, null, 42, {}, [], Symbol('x')] as unknown[]) {
      for (const fn of [api.links, api.emails, api.phones, api.emoji, api.orderIds, api.images, api.optOutLinks, api.spelling]) {
        expect(Array.isArray(fn(bad as string))).toBe(true);
      }
      expect(api.compilePhrases(bad as string[])('text')).toEqual([]);
    }
  });
});

describe('200 KB adversarial inputs: exact results, linear-time scan', () => {
  beforeAll(() => {
    speller = createSpeller(dict);
  }, 30000);
  afterAll(() => {
    speller = null;
  });

  const N = 200_000;
  const rep = (s: string) => s.repeat(Math.ceil(N / s.length)).slice(0, N);
  const ALL = Object.entries(DETECTORS);
  const NONE: Array<[string, string]> = [
    ['dotted labels', rep('a.')],
    ['digits', rep('1')],
    ['spaced digits', rep('1 ')],
    ['dashed digits', rep('1-')],
    ['plus digits', rep('+1 ')],
    ['open parens', rep('(')],
    ['at signs', rep('a@')],
    ['bracket at', rep('a [at] ')],
    ['word at', rep(' at ')],
    ['at dot words', rep('a at b dot ')],
    ['unterminated img', rep('<img src="')],
    ['angle brackets', rep('<')],
    ['comment starts', rep('<!--')],
    ['entity starts', rep('&#')],
    ['zero-width joiners', rep('\u200d')],
    ['lone surrogates', rep('\ud800')],
    ['www prefixes', rep('www.')],
    ['hyphens', rep('a-')],
    ['whitespace', rep(' ') + 'x'],
    ['one long word', rep('a')],
    ['unclosed quote in tag', "<a href='" + rep('x')],
    ['digit dots', rep('1.')],
    ['order id prefixes', rep('112-1234567-')],
    ['CJK', rep('中文')],
  ];

  for (const [label, input] of NONE) {
    it(`${label}: no matches from any detector`, () => {
      for (const [name, fn] of ALL) {
        expect(fn(input).length, name).toBe(0);
      }
    });
  }

  it('long scheme URL is one link', () => {
    const input = 'http://' + rep('a');
    expect(links(input).map((m) => [m.start, m.end])).toEqual([[0, input.length]]);
  });

  it('100 000 emoji', () => {
    expect(emoji(rep('😀')).length).toBe(100_000);
  });

  it('10 000 order ids', () => {
    const input = '112-1234567-1234567 '.repeat(10_000);
    expect(orderIds(input).length).toBe(10_000);
    expect(phones(input).length).toBe(0);
  });

  it('many tags', () => {
    expect(images(rep('<img src=x.gif>')).length).toBe(Math.floor(N / 15));
    expect(links(rep('<a href=x>'))).toEqual([]);
  });

  it('repeated realistic message', () => {
    const unit = 'Call +49 30 123456789 or mail a@b.com https://x.com/a 😀 112-1234567-1234567. ';
    const count = Math.floor(N / unit.length);
    const input = unit.repeat(count);
    expect(phones(input).length).toBe(count);
    expect(emails(input).length).toBe(count);
    expect(links(input).length).toBe(count);
    expect(emoji(input).length).toBe(count);
    expect(orderIds(input).length).toBe(count);
    expect(phraseMatcher(rep('leave a review ')).length).toBe(Math.floor(N / 15) + (N % 15 >= 14 ? 1 : 0));
  });

  it('opt-out words everywhere: one match per sentence, long sentences reduced to the words', () => {
    const found = optOutLinks(rep('unsubscribe '));
    expect(found.map((m) => [m.start, m.text])).toEqual([[0, 'unsubscribe']]);
    const sentences = optOutLinks(rep('Please unsubscribe. '));
    expect(sentences.length).toBe(N / 20);
    expect(sentences.every((m) => m.text === 'Please unsubscribe.')).toBe(true);
  });
});
