/**
 * The straightforward phrase matcher: every phrase of a list in one alternation regex, scanned over the
 * whole text. Slower than the shipped matcher (which looks only where a first word starts), and kept here
 * as the reference its answers are compared with.
 */
import { mapSpan, plainView } from '../../../src/runtime/detectors/html.js';
import type { PhraseMatch } from '../../../src/runtime/detectors/types.js';
import { asText } from '../../../src/runtime/detectors/util.js';

const WORD = '[\\p{L}\\p{M}\\p{N}_]';
const WORD_CHAR_RE = /^[\p{L}\p{M}\p{N}_]$/u;
const CJK = '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Hangul}';
const CJK_CHAR_RE = new RegExp(`^[${CJK}]$`, 'u');
/** Word boundary on the left / right: no word character there — CJK characters count as a boundary. */
const LEFT_BOUNDARY = `(?:(?<!${WORD})|(?<=[${CJK}]))`;
const LEFT_BOUNDARY_RE = new RegExp(LEFT_BOUNDARY, 'uy');
/** A run of word characters that are not CJK: no phrase that needs a left boundary can start inside one. */
const WORD_RUN_RE = new RegExp(`(?:(?![${CJK}])${WORD})+`, 'uy');
const RIGHT_BOUNDARY = `(?:(?!${WORD})|(?=[${CJK}]))`;
/** `word*`: further word characters, not running into CJK text. */
const WILDCARD = `(?:(?![${CJK}])${WORD})*`;

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * Between two words of a phrase: spaces, or a hyphen (ASCII or Unicode) with optional spaces around it,
 * so "best seller", "Best-Seller" and "best - seller" are the same phrase.
 */
const HYPHEN = '[-\u2010\u2011\u2012\u2013]';
const WORD_GAP = `(?:\\s+(?:${HYPHEN}\\s*)?|${HYPHEN}\\s*)`;

/** A literal token; a hyphen between two word characters inside it ("5-star") is a word gap too. */
function tokenSource(tok: string): string {
  return tok
    .split(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/u)
    .map(escapeRegex)
    .join(WORD_GAP);
}

function firstChar(s: string): string {
  const cp = s.codePointAt(0);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}
function lastChar(s: string): string {
  if (s.length === 0) return '';
  const lo = s.charCodeAt(s.length - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && s.length >= 2) {
    const hi = s.charCodeAt(s.length - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.slice(-2);
  }
  return s.slice(-1);
}

/** A phrase list that cannot be turned into a matcher. Its message is a plain sentence for people. */
export class PhraseListError extends Error {
  override name = 'PhraseListError';
}

interface CompiledPhrase {
  phrase: string;
  source: string;
  weight: number;
  needsLeftBoundary: boolean;
  innerWildcard: boolean;
}

function compileOne(phrase: string): CompiledPhrase | null {
  const tokens = phrase.trim().split(/\s+/u).filter((t) => t.length > 0);
  if (tokens.length === 0) return null;
  let weight = 0;
  const parts = tokens.map((tok) => {
    if (tok.length > 1 && tok.endsWith('*')) {
      const stem = tok.slice(0, -1);
      weight += stem.length;
      return tokenSource(stem) + WILDCARD;
    }
    weight += tok.length;
    return tokenSource(tok);
  });
  let source = parts.join(WORD_GAP);
  const first = firstChar(tokens[0]!);
  const lastTok = tokens[tokens.length - 1]!;
  const trailingWildcard = lastTok.length > 1 && lastTok.endsWith('*');
  const last = lastChar(trailingWildcard ? lastTok.slice(0, -1) : lastTok);
  // The left boundary is checked in code (see compilePhrases): a leading look-behind on every alternative
  // would stop the regex engine from skipping ahead on the phrases' first characters.
  const needsLeftBoundary = WORD_CHAR_RE.test(first) && !CJK_CHAR_RE.test(first);
  if (!trailingWildcard && WORD_CHAR_RE.test(last) && !CJK_CHAR_RE.test(last)) source = source + RIGHT_BOUNDARY;
  // A wildcard before another word can run to the end of a long word and fail there, at every start
  // inside that word: such phrases check the left boundary inside the regex too (see compilePhrases).
  const innerWildcard = needsLeftBoundary && tokens.slice(0, -1).some((t) => t.length > 1 && t.endsWith('*'));
  return { phrase, source, weight, needsLeftBoundary, innerWildcard };
}

/**
 * The alternatives, one capture group each, in order. A run of phrases with an inner wildcard shares
 * one left-boundary look-behind (one per phrase makes the engine's compile time explode on big lists).
 */
function alternation(ordered: readonly CompiledPhrase[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ordered.length; ) {
    if (!ordered[i]!.innerWildcard) {
      parts.push(`(${ordered[i]!.source})`);
      i++;
      continue;
    }
    const run: string[] = [];
    for (; i < ordered.length && ordered[i]!.innerWildcard; i++) run.push(`(${ordered[i]!.source})`);
    parts.push(`${LEFT_BOUNDARY}(?:${run.join('|')})`);
  }
  return parts.join('|');
}

/**
 * Compile a phrase list into one matcher.
 *
 * - Case-insensitive (Unicode case folding).
 * - Whole words: a phrase that starts / ends with a letter or digit must not touch another letter, digit,
 *   mark or `_` on that side (Unicode-aware). CJK characters (Han, kana, Hangul) in the text count as a
 *   boundary ("five star好评" matches "five star"), and a phrase whose edge character is CJK matches without a
 *   boundary on that side, since those scripts do not separate words with spaces.
 * - Any run of whitespace in the text matches the whitespace between two words of the phrase, and so does a
 *   hyphen: "best seller" finds "Best-Seller", "5-star" finds "5 star" (sellers write compounds both ways).
 * - `word*`: a `*` at the end of a word matches any further word characters (`review*` → reviews, reviewed).
 *   A `*` anywhere else, and all other punctuation, is literal: `% off` matches only "% off" (with any
 *   whitespace).
 * - One combined regex per list; matches are non-overlapping, scanned left to right, and at a given position
 *   the phrase with the longest literal text wins (alternatives are ordered longest first).
 * - Runs on the visible text of HTML, reporting offsets into the original string.
 */
export function compilePhrases(phrases: string[]): (text: string) => PhraseMatch[] {
  let list: string[] = [];
  try {
    list = Array.isArray(phrases) ? phrases.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    list = [];
  }
  const seen = new Set<string>();
  const compiled: CompiledPhrase[] = [];
  for (const p of list) {
    const key = p.trim().toLowerCase().replace(/\s+/gu, ' ');
    if (!key || seen.has(key)) continue;
    const c = compileOne(p);
    if (!c) continue;
    seen.add(key);
    compiled.push(c);
  }
  if (compiled.length === 0) return () => [];
  // Longest literal first; stable for equal weights.
  const ordered = compiled.map((c, i) => ({ c, i })).sort((a, b) => b.c.weight - a.c.weight || a.i - b.i).map((x) => x.c);
  let re: RegExp;
  try {
    re = new RegExp(alternation(ordered), 'giu');
    // The engine compiles a regex when it first runs: run it now, so a list too large fails here, loudly.
    re.test('a');
    re.lastIndex = 0;
  } catch {
    // The engine's message quotes the whole regex: say what it means instead.
    throw new PhraseListError(
      `a phrase list of ${compiled.length} ${compiled.length === 1 ? 'phrase' : 'phrases'} is too large to search in one go; split it into several smaller phrase lists`,
    );
  }
  return (text: string): PhraseMatch[] => {
    const input = asText(text);
    if (input.length === 0) return [];
    const view = plainView(input);
    const t = view.text;
    const matcher = re;
    matcher.lastIndex = 0;
    const out: PhraseMatch[] = [];
    let m: RegExpExecArray | null;
    while ((m = matcher.exec(t)) !== null) {
      if (m[0].length === 0) {
        matcher.lastIndex++;
        continue;
      }
      let idx = 0;
      for (let g = 1; g < m.length; g++) {
        if (m[g] !== undefined) {
          idx = g - 1;
          break;
        }
      }
      if (ordered[idx]!.needsLeftBoundary) {
        // Every alternative that can match at this position starts with the same (case-folded) character,
        // so they all share this requirement: on failure, move on to the next position.
        LEFT_BOUNDARY_RE.lastIndex = m.index;
        if (!LEFT_BOUNDARY_RE.test(t)) {
          // Every later start inside this word fails the same way: go on after the word, not one character on.
          WORD_RUN_RE.lastIndex = m.index;
          matcher.lastIndex = WORD_RUN_RE.test(t) ? Math.max(WORD_RUN_RE.lastIndex, m.index + 1) : m.index + 1;
          continue;
        }
      }
      const [s, e] = mapSpan(view, m.index, m.index + m[0].length);
      out.push({ start: s, end: e, text: input.slice(s, e), phrase: ordered[idx]!.phrase });
    }
    return out;
  };
}
