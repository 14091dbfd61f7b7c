/**
 * find() runs a pattern on V8's RegExp only when it means the same there as on RE2 and cannot backtrack
 * exponentially. The analyzer's decisions are checked on known patterns; the meaning is checked by
 * running random patterns of the subset on both engines and comparing every match span.
 */
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { safeJsPattern, safeJsSource } from '../../src/runtime/regex-js.js';
import { regex } from '../../src/runtime/values.js';

const seed = Number(process.env.SELLGUARD_FC_SEED ?? 20261205);

/** Every non-empty match on RE2, as the reference. */
function re2Spans(source: string, s: string): Array<[number, number]> {
  const m = RE2JS.compile(source).matcher(s);
  const out: Array<[number, number]> = [];
  while (m.find()) if (m.end() > m.start()) out.push([m.start(), m.end()]);
  return out;
}

describe('which patterns run on V8', () => {
  it.each([
    String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`,
    String.raw`https?://[A-Za-z0-9.-]+`,
    String.raw`\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}`,
    String.raw`\b([Ss]ave|[Gg]et)\s+(up\s+to\s+)?\d{1,2}\s?%`,
    String.raw`colou?r|grey`,
    String.raw`^\w+$`,
    String.raw`a.*?b`,
    // A repeated word-then-spaces: a word never runs on into spaces, so each text splits one way only.
    String.raw`([\w-]+\s+){0,2}x`,
    String.raw`(?:[a-z]+[0-9]+)+`,
    String.raw`(?:ab+c)*d`,
  ])('%s is safe', (p) => expect(safeJsSource(p)).not.toBeNull());

  it.each([
    String.raw`(?i)gefällt|löschen|reseña`,
    String.raw`(?i)\b(modifier|ändern)\w*\s+([\wàèéìòù']+\s+){0,3}(avis|bewertung)`,
    String.raw`(?i)キャンセル(を)?してください`,
    String.raw`(?i)[à-ÿ]+`,
  ])('%s is safe under (?i)', (p) => expect(safeJsPattern(p)?.flags).toBe('iu'));

  it.each([
    [String.raw`(a+)+b`, 'a repeated part that repeats'],
    [String.raw`(a|a)*b`, 'a repeated alternation'],
    [String.raw`([\w-]+[\w\s]+){0,2}x`, 'a repeat of two repeats that can split a word two ways'],
    [String.raw`(\w+\s*)+x`, 'a repeat whose second part may be empty'],
    [String.raw`(\s+\w+\s+)+x`, 'a repeat whose last part runs on into its first'],
    [String.raw`((?:ab)+c)+`, 'a repeat of a repeated group'],
    [String.raw`(?m)^review`, 'a flag other than (?i)'],
    [String.raw`(?i)σπίτι`, 'a Greek letter under (?i)'],
    [String.raw`(?i)[a-σ]`, 'a range under (?i) running past the Latin letters'],
    [String.raw`\p{L}+`, 'a Unicode class'],
    [String.raw`[[:alpha:]]`, 'a POSIX class'],
    [String.raw`(?P<n>a)`, 'a named group'],
    [String.raw`a{,3}`, 'a brace RE2 reads as a literal'],
  ])('%s goes to RE2 (%s)', (p) => expect(safeJsSource(p)).toBeNull());

  it('runs (?i) patterns of ASCII letters case-insensitively', () => {
    expect(safeJsPattern(String.raw`(?i)\bsave\s+\d+%`)).toEqual({ source: String.raw`\bsave[\t\n\f\r ]+[0-9]+%`, flags: 'iu', unlessIn: '\u017f\u212a', required: ['save'], requiredSearch: /save/i });
    // By hand, with RE2's rule that \b looks at ASCII word characters only: the long s is an s, but not a
    // word character, so "ſave" at 0 has no boundary before it (ſ is not a word start), "xſave" has one
    // between x and ſ (the match starts at 6), and "SAVE" at 11 matches.
    expect(regex(String.raw`(?i)\bsave`).findAll('ſave xſave SAVE').map((m) => m.start)).toEqual([6, 11]);
  });

  it('writes RE2 classes out in ASCII and the dot without line ends other than \\n', () => {
    // By hand: RE2's \s is [\t\n\f\r ], its \w is [0-9A-Za-z_], its dot excludes only \n.
    expect(safeJsSource(String.raw`\s\w.`)).toBe(String.raw`[\t\n\f\r ][0-9A-Za-z_][^\n]`);
  });
});

// Random patterns of the subset, built from pieces that exercise the differences between the engines:
// Unicode spaces and digits, \r and U+2028, astral characters, word boundaries next to accented letters.
const ATOMS = ['a', 'b', 'K', 's', 'S', '[k-t]', '[^s]', 'é', 'Ä', 'ß', 'ÿ', '[à-ö]', '好', '😀', '.', '\\d', '\\D', '\\s', '\\S', '\\w', '\\W', '\\b', '\\B', '\\.', '\\-', '-', '[a-c]', '[^a\\s]', '[\\d_]', '[é😀]', '[-x]', '^', '$', '%', '/', '\\n', '\\r'];
const QUANTS = ['', '', '', '*', '+', '?', '{2}', '{1,3}', '{2,}', '*?', '+?', '??'];
const atom = fc.tuple(fc.constantFrom(...ATOMS), fc.constantFrom(...QUANTS)).map(([a, q]) => (a === '^' || a === '$' || a === '\\b' || a === '\\B' ? a : a + q));
const sequence = fc.array(atom, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));
const group = fc
  .tuple(fc.array(sequence, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.constantFrom('', '?', '*', '+', '{0,2}', '{1,3}'))
  .map(([alts, capture, q]) => `(${capture ? '' : '?:'}${alts.join('|')})${q}`);
const pattern = fc
  .tuple(fc.boolean(), fc.array(fc.oneof(sequence, group), { minLength: 1, maxLength: 3 }))
  .map(([icase, xs]) => (icase ? '(?i)' : '') + xs.join(''));
const CHARS = ['a', 'A', 'b', 'c', 'k', 's', 'S', 'σ', 'Σ', 'ς', 'ß', 'ẞ', 'é', 'É', 'ä', 'Ä', 'ÿ', 'Ÿ', 'Å', '\u212b', 'å', '好', 'x', '_', '1', '٣', ' ', '\t', '\n', '\r', '\u2028', '\u00a0', '\u3000', '.', '-', '%', '/', '😀', 'K', 'ſ', '\ud800'];
const subject = fc.array(fc.constantFrom(...CHARS), { maxLength: 24 }).map((xs) => xs.join(''));

describe('V8 and RE2 find the same matches', () => {
  it('on random patterns of the subset and awkward texts', () => {
    let onV8 = 0;
    fc.assert(
      fc.property(pattern, fc.array(subject, { minLength: 1, maxLength: 5 }), (p, texts) => {
        if (safeJsPattern(p) === null) return;
        onV8++;
        const r = regex(p);
        for (const s of texts) {
          const spans = r.findAll(s).map((m) => [m.start, m.end]);
          expect(spans).toEqual(re2Spans(p, s));
          expect(r.test(s)).toBe(RE2JS.compile(p).test(s));
        }
      }),
      { numRuns: 2000, seed },
    );
    // Most generated patterns are in the subset, so the comparison is not vacuous.
    expect(onV8).toBeGreaterThan(700);
  });
});

// Repeated groups of character runs (`([\w-]+\s+){0,2}`), the shape allowed when each run stops where the
// next part starts: the engines must still agree on every match, including where the runs touch.
const RUNS = ['[\\w-]+', '\\s+', '\\d+', '[a-c]+', 'x', 'é+', '[à-ö]+', '[^a\\s]+', '\\.', '-', '[^\\n]{1,2}', 'a{2}'];
const runGroup = fc
  .tuple(fc.array(fc.constantFrom(...RUNS), { minLength: 2, maxLength: 3 }), fc.constantFrom('*', '+', '{0,2}', '{1,3}', '*?', '{0,3}?'))
  .map(([items, q]) => `(${items.join('')})${q}`);
const runPattern = fc
  .tuple(fc.boolean(), fc.constantFrom('', '\\b', 'a', '\\s'), runGroup, fc.constantFrom('', 'x', '\\b(ab|c)', '\\.', '$'))
  .map(([icase, head, g, tail]) => `${icase ? '(?i)' : ''}${head}${g}${tail}`);
const WORDY = ['a', 'A', 'b', 'c', 'x', 'X', '-', '1', ' ', '  ', '\n', '.', 'é', 'É', 'ö', 'ſ', 'K', 'ab', 'c '];
const wordyText = fc.array(fc.constantFrom(...WORDY), { maxLength: 30 }).map((xs) => xs.join(''));

describe('repeated runs of characters', () => {
  it('match the same on V8 and RE2', () => {
    let onV8 = 0;
    fc.assert(
      fc.property(runPattern, fc.array(wordyText, { minLength: 1, maxLength: 5 }), (p, texts) => {
        if (safeJsPattern(p) === null) return;
        onV8++;
        const r = regex(p);
        for (const s of texts) expect(r.findAll(s).map((m) => [m.start, m.end])).toEqual(re2Spans(p, s));
      }),
      { numRuns: 1500, seed },
    );
    // Most of these shapes split one way only and run on V8, so the comparison is not vacuous.
    expect(onV8).toBeGreaterThan(600);
  });
});
