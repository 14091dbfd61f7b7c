import { mapSpan, plainView } from './html.js';
import type { PhraseMatch } from './types.js';
import { asText } from './util.js';
import { keyable, literalAutomaton } from './literals.js';

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
/**
 * The right boundary, checked in code after a phrase's literal part matched. The word and CJK classes
 * are closed under case folding (a test checks every code point), so this case-sensitive regex means
 * the same as the boundary inside an `iu` regex, without each phrase's regex paying for Unicode classes.
 */
const RIGHT_BOUNDARY_RE = new RegExp(RIGHT_BOUNDARY, 'uy');
/** ASCII letters, digits and `_`: word characters a quick check can rule a candidate out with. */
const isAsciiWord = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
/** `word*`: further word characters, not running into CJK text. */
const WILDCARD = `(?:(?![${CJK}])${WORD})*`;

/** Patterns longer than this are compiled up front; the engine's limit is several times longer. */
const LONG_PATTERN = 10_000;

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
  /** The regex source; without the right boundary and a trailing `*` when those are checked in code. */
  source: string;
  /** The right word boundary is checked in code after the regex matched (see compileOne). */
  boundaryAfter: boolean;
  /** A trailing `word*`: the match runs on over further word characters, done in code. */
  runAfter: boolean;
  /** A match of the first token ends where its key ends, and a letter, digit or `_` cannot follow it there. */
  keyClosed: boolean;
  weight: number;
  needsLeftBoundary: boolean;
  innerWildcard: boolean;
  /** The literal text every match starts with (its first word, up to a character the prefilter cannot fold). */
  key: string;
  /** The first character, when `key` is empty. */
  firstChar: string;
}

/** The start of the phrase's first word that the literal prefilter can look for (see literals.ts). */
function keyOf(firstToken: string): string {
  const stem = firstToken.length > 1 && firstToken.endsWith('*') ? firstToken.slice(0, -1) : firstToken;
  const firstPiece = stem.split(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/u)[0]!;
  let n = 0;
  while (n < firstPiece.length && keyable(firstPiece[n]!)) n++;
  return firstPiece.slice(0, n);
}

const isWildcard = (tok: string): boolean => tok.length > 1 && tok.endsWith('*');
/** A hyphen can end a word gap, so a token starting with one could follow the gap at more than one place. */
const STARTS_WITH_HYPHEN = new RegExp(`^${HYPHEN}`, 'u');

function compileOne(phrase: string): CompiledPhrase | null {
  const tokens = phrase.trim().split(/\s+/u).filter((t) => t.length > 0);
  if (tokens.length === 0) return null;
  let weight = 0;
  const parts = tokens.map((tok, k) => {
    if (isWildcard(tok)) {
      const stem = tok.slice(0, -1);
      weight += stem.length;
      return tokenSource(stem) + (k === tokens.length - 1 ? '' : WILDCARD);
    }
    weight += tok.length;
    return tokenSource(tok);
  });
  let source = parts.join(WORD_GAP);
  const first = firstChar(tokens[0]!);
  const lastTok = tokens[tokens.length - 1]!;
  const trailingWildcard = isWildcard(lastTok);
  const last = lastChar(trailingWildcard ? lastTok.slice(0, -1) : lastTok);
  // The left boundary is checked in code (see compilePhrases): a leading look-behind on every alternative
  // would stop the regex engine from skipping ahead on the phrases' first characters.
  const needsLeftBoundary = WORD_CHAR_RE.test(first) && !CJK_CHAR_RE.test(first);
  const needsRightBoundary = !trailingWildcard && WORD_CHAR_RE.test(last) && !CJK_CHAR_RE.test(last);
  // The right boundary and a trailing wildcard are checked in code after the literal part matched, which
  // means the same when that part can end at one place only for a given start: words and the gaps between
  // them never share a first character, unless a word starts with a hyphen. Such rare phrases keep both in
  // the regex, where the engine can try another way to match the gap.
  const endsOneWay = !tokens.slice(1).some((t) => STARTS_WITH_HYPHEN.test(t));
  const boundaryAfter = needsRightBoundary && endsOneWay;
  const runAfter = trailingWildcard && endsOneWay;
  if (needsRightBoundary && !boundaryAfter) source = source + RIGHT_BOUNDARY;
  if (trailingWildcard && !runAfter) source = source + WILDCARD;
  // A wildcard before another word can run to the end of a long word and fail there, at every start
  // inside that word: such phrases check the left boundary inside the regex too (see compilePhrases).
  const innerWildcard = needsLeftBoundary && tokens.slice(0, -1).some(isWildcard);
  const key = keyOf(tokens[0]!);
  // After the key comes a word gap (more words follow, or the first word goes on after a hyphen) or the
  // right boundary (a one-word phrase ending in a word character): never an ASCII letter, digit or `_`.
  const firstPieces = tokens[0]!.split(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/u);
  const keyClosed = !isWildcard(tokens[0]!) && key === firstPieces[0] && (tokens.length > 1 || firstPieces.length > 1 || needsRightBoundary);
  return { phrase, source, boundaryAfter, runAfter, keyClosed, weight, needsLeftBoundary, innerWildcard, key, firstChar: first };
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
 * - Matches are non-overlapping, scanned left to right, and at a given position
 *   the phrase with the longest literal text wins (alternatives are ordered longest first).
 * - Runs on the visible text of HTML, reporting offsets into the original string.
 * - Linear time: the text is scanned once for the phrases' first words (Aho–Corasick, literals.ts) and a
 *   phrase's own regex runs only where its first word starts; its regex is compiled the first time it is needed.
 */
export function compilePhrases(phrases: string[]): PhraseScanner {
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
  if (compiled.length === 0) return Object.assign((): PhraseMatch[] => [], { keys: [] as string[], withHits: (): PhraseMatch[] => [] });
  // Longest literal first; stable for equal weights.
  const ordered = compiled.map((c, i) => ({ c, i })).sort((a, b) => b.c.weight - a.c.weight || a.i - b.i).map((x) => x.c);
  const patterns: RegExp[] = [];
  try {
    for (const c of ordered) {
      const re = new RegExp(c.innerWildcard ? `${LEFT_BOUNDARY}(?:${c.source})` : c.source, 'iuy');
      // The engine compiles a regex when it first runs (a few milliseconds per wildcard, so most phrases are
      // compiled only when their first word shows up). A long phrase may be past the engine's size limit:
      // run that one now, so it fails here, loudly.
      if (re.source.length > LONG_PATTERN) re.test('a');
      patterns.push(re);
    }
  } catch {
    // The engine's message quotes the whole regex: say what it means instead.
    throw new PhraseListError(
      `a phrase list of ${compiled.length} ${compiled.length === 1 ? 'phrase' : 'phrases'} is too large to search in one go; split it into several smaller phrase lists`,
    );
  }
  const { find: starts, keys } = startFinder(ordered);
  const count = ordered.length;
  const match = (text: string, hits?: KeyHits): PhraseMatch[] => {
    const input = asText(text);
    if (input.length === 0) return [];
    const view = plainView(input);
    const t = view.text;
    const out: PhraseMatch[] = [];
    // Where the previous match (or a skipped word) ended: matches do not overlap.
    let from = 0;
    // Candidates (`position * count + phrase index`) not tried yet, sorted, from `head` on.
    const pending: number[] = [];
    let head = 0;
    const add = (code: number): void => {
      let j = pending.length;
      pending.push(code);
      while (j > head && pending[j - 1]! > code) {
        pending[j] = pending[j - 1]!;
        j--;
      }
      pending[j] = code;
    };
    // Try, in text order, every candidate that starts before `limit` (no later hit can start there).
    const settle = (limit: number): void => {
      while (head < pending.length && Math.floor(pending[head]! / count) < limit) {
        const at = Math.floor(pending[head]! / count);
        // Whether a word boundary is on the left, looked up for the first phrase here that needs one. Phrases
        // starting with other characters (an emoji, a CJK character) may be candidates at the same place.
        let leftOpen: boolean | null = null;
        // The phrases that may start here, longest literal first: the first that matches wins.
        let found = -1;
        let length = 0;
        for (; head < pending.length && Math.floor(pending[head]! / count) === at; head++) {
          if (found >= 0 || at < from) continue;
          const idx = pending[head]! - at * count;
          if (ordered[idx]!.needsLeftBoundary) {
            if (leftOpen === null) {
              LEFT_BOUNDARY_RE.lastIndex = at;
              leftOpen = LEFT_BOUNDARY_RE.test(t);
              // Inside a run of word characters no phrase starts at all: not one that needs a boundary,
              // nor one that starts with a character of another kind. Skip the rest of the word.
              WORD_RUN_RE.lastIndex = at;
              if (!leftOpen && WORD_RUN_RE.test(t)) from = WORD_RUN_RE.lastIndex;
            }
            if (!leftOpen) continue;
          }
          const re = patterns[idx]!;
          re.lastIndex = at;
          if (!re.test(t)) continue;
          let end = re.lastIndex;
          const c = ordered[idx]!;
          if (c.runAfter) {
            WORD_RUN_RE.lastIndex = end;
            if (WORD_RUN_RE.test(t)) end = WORD_RUN_RE.lastIndex;
          }
          if (c.boundaryAfter) {
            RIGHT_BOUNDARY_RE.lastIndex = end;
            if (!RIGHT_BOUNDARY_RE.test(t)) continue;
          }
          if (end > at) {
            found = idx;
            length = end - at;
          }
        }
        if (found < 0) continue;
        from = at + length;
        const [s, e] = mapSpan(view, at, at + length);
        out.push({ start: s, end: e, text: input.slice(s, e), phrase: ordered[found]!.phrase });
      }
      if (head > 1024 && head * 2 > pending.length) {
        pending.splice(0, head);
        head = 0;
      }
    };
    starts(
      t,
      (start, idx) => {
        if (start >= from) add(start * count + idx);
      },
      settle,
      hits,
    );
    settle(Infinity);
    return out;
  };
  return Object.assign((text: string) => match(text), { keys, withHits: (text: string, hits: KeyHits) => match(text, hits) });
}

/**
 * Where a list's first words occur in a text's plain view, found beforehand (see phraseGroup): flat
 * triples of key number (in the list's `keys`), first and last code unit, in order of the last unit.
 */
export type KeyHits = readonly number[];

/**
 * A phrase list's matcher. `keys` are the folded first words it looks for (plain data); `withHits` matches
 * with their occurrences already found, exactly those its own scan of the text's plain view would find.
 */
export type PhraseScanner = ((text: string) => PhraseMatch[]) & {
  keys: readonly string[];
  withHits: (text: string, hits: KeyHits) => PhraseMatch[];
};

/**
 * Where phrases may start in a text: one Aho–Corasick pass for the phrases' first words, plus one regex
 * pass for the first characters of phrases that have no such word (an accented or astral first letter).
 * Calls `onStart(position, phrase index)` in the order the scan finds them, and `settled(limit)` when no
 * later start can be before `limit`.
 */
function startFinder(ordered: readonly CompiledPhrase[]): {
  find: (text: string, onStart: (start: number, idx: number) => void, settled: (limit: number) => void, hits?: KeyHits) => void;
  keys: readonly string[];
} {
  const keys: string[] = [];
  const phrasesOfKey: number[][] = [];
  const keyIndex = new Map<string, number>();
  const unkeyed: number[] = [];
  const unkeyedChars = new Set<string>();
  ordered.forEach((c, idx) => {
    if (c.key === '') {
      unkeyed.push(idx);
      unkeyedChars.add(c.firstChar);
      return;
    }
    const folded = c.key.toLowerCase();
    let k = keyIndex.get(folded);
    if (k === undefined) {
      k = keys.length;
      keyIndex.set(folded, k);
      keys.push(folded);
      phrasesOfKey.push([]);
    }
    phrasesOfKey[k]!.push(idx);
  });
  // Cheap checks on the characters around a hit rule most hits out before any regex runs: a phrase that
  // needs a word boundary on the left cannot start after an ASCII letter ("a" inside "lamp"), and one whose
  // first word is its whole key cannot go on into one ("star" in "start").
  const leftWord = phrasesOfKey.map((idxs) => ordered[idxs[0]!]!.needsLeftBoundary);
  const closed = phrasesOfKey.map((idxs) => idxs.every((idx) => ordered[idx]!.keyClosed));
  const automaton = keys.length ? literalAutomaton(keys) : null;
  const longest = Math.max(1, ...keys.map((k) => k.length));
  const firstChars = firstCharFinder([...unkeyedChars]);
  const find = (text: string, onStart: (start: number, idx: number) => void, settled: (limit: number) => void, hits?: KeyHits): void => {
    // The first characters' positions, merged into the word hits as the scan passes them.
    const others: number[] = firstChars ? firstChars(text) : [];
    let o = 0;
    const onHit = (k: number, start: number, end: number): void => {
      for (; o < others.length && others[o]! <= start; o++) for (const idx of unkeyed) onStart(others[o]!, idx);
      const ruledOut = (leftWord[k] && start > 0 && isAsciiWord(text.charCodeAt(start - 1))) || (closed[k] && end + 1 < text.length && isAsciiWord(text.charCodeAt(end + 1)));
      if (!ruledOut) for (const idx of phrasesOfKey[k]!) onStart(start, idx);
      // A later word ends after `end`, so it starts at `end + 2 - longest` or later.
      settled(end + 2 - longest);
    };
    if (hits !== undefined) for (let h = 0; h < hits.length; h += 3) onHit(hits[h]!, hits[h + 1]!, hits[h + 2]!);
    else automaton?.scan(text, onHit);
    for (; o < others.length; o++) for (const idx of unkeyed) onStart(others[o]!, idx);
  };
  return { find, keys };
}

/** One scan of a text for the first words of several phrase lists (see phraseGroup). */
export interface PhraseGroup {
  /**
   * Per list, its key hits in the text (already the plain view), as its own scan would find them; null
   * when there are more than `limit` hits in all (kept hits take memory).
   */
  hits(plainText: string): KeyHits[];
  hits(plainText: string, limit: number): KeyHits[] | null;
}

const NO_HITS: KeyHits = Object.freeze([]);

/**
 * A policy's phrase lists, scanned together: one Aho–Corasick pass over a text finds the first words of
 * every list, instead of one pass per list. A key several lists share is found once and handed to each.
 */
export function phraseGroup(keyLists: ReadonlyArray<readonly string[]>): PhraseGroup {
  const union: string[] = [];
  const unionIndex = new Map<string, number>();
  // Per union key: the (list, key in that list) pairs, flat.
  const owners: number[][] = [];
  keyLists.forEach((keys, list) => {
    keys.forEach((key, k) => {
      let u = unionIndex.get(key);
      if (u === undefined) {
        u = union.length;
        unionIndex.set(key, u);
        union.push(key);
        owners.push([]);
      }
      owners[u]!.push(list, k);
    });
  });
  const automaton = union.length ? literalAutomaton(union) : null;
  const lists = keyLists.length;
  function hits(plainText: string): KeyHits[];
  function hits(plainText: string, limit: number): KeyHits[] | null;
  function hits(plainText: string, limit = Infinity): KeyHits[] | null {
    const out: number[][] = [];
    let kept = 0;
    automaton?.scan(plainText, (u, start, end) => {
      const own = owners[u]!;
      kept += own.length / 2;
      if (kept <= limit) for (let j = 0; j < own.length; j += 2) (out[own[j]!] ??= []).push(own[j + 1]!, start, end);
    });
    if (kept > limit) return null;
    const all: KeyHits[] = new Array(lists);
    for (let l = 0; l < lists; l++) all[l] = out[l] ?? NO_HITS;
    return all;
  }
  return { hits };
}

/**
 * The hits of a list inside `[from, to)` of the text they were found in, with offsets from `from`: what a
 * scan of that slice alone finds (every occurrence lying wholly inside it, in the same order).
 */
export function hitsInside(hits: KeyHits, from: number, to: number): KeyHits {
  // The first hit ending at or after `from` (hits are in order of their last unit).
  let lo = 0;
  let hi = hits.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hits[mid * 3 + 2]! < from) lo = mid + 1;
    else hi = mid;
  }
  let out: number[] | null = null;
  for (let h = lo * 3; h < hits.length && hits[h + 2]! < to; h += 3) {
    if (hits[h + 1]! >= from) (out ??= []).push(hits[h]!, hits[h + 1]! - from, hits[h + 2]! - from);
  }
  return out ?? NO_HITS;
}

/** Any character outside ASCII. */
const NON_ASCII_RE = /[^\x00-\x7f]/;

/**
 * Where any of these characters (the first characters of phrases without a literal first word) occurs,
 * compared the way a `/iu` regex compares them. Most of them match no ASCII character (é, Ä): then a text
 * that is all ASCII, as most messages are, has none of them, which one quick test tells.
 */
function firstCharFinder(chars: readonly string[]): ((text: string) => number[]) | null {
  if (chars.length === 0) return null;
  const re = new RegExp(`[${chars.map((ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`).join('')}]`, 'giu');
  let matchesAscii = false;
  for (let c = 0; c < 128 && !matchesAscii; c++) matchesAscii = new RegExp(re.source, 'iu').test(String.fromCharCode(c));
  return (text) => {
    const at: number[] = [];
    if (!matchesAscii && !NON_ASCII_RE.test(text)) return at;
    for (const m of text.matchAll(re)) at.push(m.index);
    return at;
  };
}
