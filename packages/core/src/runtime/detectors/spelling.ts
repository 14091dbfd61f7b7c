import { findTextEmails } from './emails.js';
import { mapSpan, plainView } from './html.js';
import { findTextLinks } from './links.js';
import { checkerFromFiles, checkerFromTable, type Checker, type DictionaryFiles, type PreparedDictionary } from './spelling-checker.js';
import type { SpellingMatch, TextFinds } from './types.js';
import type { Speller } from '../../types.js';
import { asText } from './util.js';

/** A spelling checker; the shape is shared (types.ts): the host puts one into the evaluation context. */
export type { Speller };

export type { DictionaryFiles, PreparedDictionary };

/** Build a spelling checker from a dictionary's files or its prepared word table. Throws if the dictionary cannot be parsed. */
export function createSpeller(dict: DictionaryFiles | PreparedDictionary): Speller {
  const checker = 'table' in dict ? checkerFromTable(dict) : checkerFromFiles(dict);
  const correctCache = new Map<string, boolean>();
  const suggestionCache = new Map<string, string[]>();
  return {
    isCorrect: (word) => {
      const cached = correctCache.get(word);
      if (cached !== undefined) return cached;
      const ok = judge(checker, word);
      if (correctCache.size > 20000) correctCache.clear();
      correctCache.set(word, ok);
      return ok;
    },
    suggestions: (word, budget) => {
      const cached = suggestionCache.get(word);
      if (cached) return cached;
      if (budget.left <= 0) return null;
      budget.left--;
      let s: string[] = [];
      try {
        s = checker.suggest(word).slice(0, 3);
      } catch {
        s = [];
      }
      if (suggestionCache.size > 5000) suggestionCache.clear();
      suggestionCache.set(word, s);
      return s;
    },
  };
}

/** British spellings rewritten to the US forms the dictionary knows (colour → color, organise → organize ...). */
const BRITISH_REWRITES: Array<[RegExp, string]> = [
  [/our(s|ed|ing|ful|less|able|ite|ites)?$/, 'or$1'],
  [/is(e|es|ed|ing|er|ers|ation|ations|able)$/, 'iz$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/([^l])ll(ed|ing|er|ers|ation)$/, '$1l$2'],
  [/tre(s)?$/, 'ter$1'],
  [/ogue(s)?$/, 'og$1'],
  [/ence(s)?$/, 'ense$1'],
  [/ae/, 'e'],
  [/oe/, 'e'],
  [/ement$/, 'ment'],
  [/grey/, 'gray'],
  [/cheque/, 'check'],
  [/tyre/, 'tire'],
  [/programme/, 'program'],
];

/** The dictionary's verdict, forgiving possessives, British spellings and closed compounds. */
function judge(c: Checker, word: string): boolean {
  let ok = safeCorrect(c, word);
  if (!ok && /'s?$/.test(word)) {
    // possessives: "Lumoshop's", "customers'"
    const base = word.replace(/'s?$/, '');
    ok = base.length > 0 && safeCorrect(c, base);
  }
  if (!ok) {
    // British spellings, also with a possessive ("neighbour's").
    const lower = word.toLowerCase().replace(/'s?$/, '');
    for (const [re, rep] of BRITISH_REWRITES) {
      if (re.test(lower)) {
        const us = lower.replace(re, rep);
        if (us !== lower && safeCorrect(c, us)) {
          ok = true;
          break;
        }
      }
    }
  }
  if (!ok && /^[a-z]{6,40}$/.test(word)) {
    // Closed compounds the word list lacks ("mailroom", "giftbox"): two dictionary words of 3+ letters each.
    for (let i = 3; i <= word.length - 3 && !ok; i++) {
      ok = safeCorrect(c, word.slice(0, i)) && safeCorrect(c, word.slice(i));
    }
  }
  return ok;
}

function safeCorrect(c: Checker, word: string): boolean {
  try {
    return c.correct(word);
  } catch {
    return true;
  }
}

const MAX_SUGGEST_CALLS_PER_RUN = 300;

const EN_STOP = new Set([
  'the', 'and', 'you', 'your', 'for', 'our', 'with', 'this', 'that', 'have', 'has', 'are', 'was', 'were', 'will',
  'thank', 'thanks', 'please', 'order', 'item', 'from', 'not', 'can', 'would', 'could', 'any', 'all', 'we', 'is',
  'to', 'of', 'in', 'it', 'if', 'be', 'as', 'on', 'at', 'or', 'by', 'an', 'my', 'me', 'us', 'so', 'do', 'hi',
  'hello', 'dear', 'regards', 'kind', 'best', 'been', 'there', 'they', 'what', 'when', 'which', 'about',
]);
const FOREIGN_STOP = new Set([
  // de
  'und', 'der', 'die', 'das', 'ist', 'nicht', 'ich', 'sie', 'wir', 'ihre', 'ihr', 'ihnen', 'mit', 'für', 'fur',
  'auf', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'bitte', 'vielen', 'dank', 'danke', 'sehr', 'geehrte',
  'geehrter', 'grüße', 'gruesse', 'bestellung', 'auch', 'noch', 'wenn', 'oder', 'aber', 'haben', 'wird', 'werden',
  'sind', 'uns', 'unser', 'unsere', 'zu', 'von', 'im', 'es', 'mfg',
  // fr
  'le', 'la', 'les', 'et', 'est', 'pour', 'vous', 'votre', 'vos', 'nous', 'notre', 'une', 'un', 'des', 'du', 'dans',
  'avec', 'pas', 'que', 'qui', 'merci', 'bonjour', 'cordialement', 'commande', 'sur', 'au', 'aux', 'ce', 'cette',
  // es
  'el', 'los', 'las', 'y', 'es', 'para', 'usted', 'su', 'sus', 'nosotros', 'una', 'con', 'por', 'gracias', 'hola',
  'pedido', 'saludos', 'que', 'del', 'al', 'muy', 'lo', 'se',
  // it
  'il', 'gli', 'di', 'che', 'per', 'non', 'sono', 'grazie', 'buongiorno', 'ordine', 'della', 'del', 'con', 'una',
  'cordiali', 'saluti', 'suo', 'sua', 'vostro', 'gentile', 'gentili', 'cliente', 'caro', 'cara',
  // greetings / forms of address
  'sehr', 'liebe', 'lieber', 'herr', 'frau', 'estimado', 'estimada', 'señor', 'señora', 'cher', 'chère', 'madame',
  'monsieur',
  // nl / pt
  'het', 'een', 'van', 'niet', 'bedankt', 'voor', 'uw', 'obrigado', 'obrigada', 'você', 'não',
]);

interface Token {
  start: number;
  end: number;
  word: string;
}

const CHUNK_RE = /\S+/gu;
/** A chunk that is one ASCII word, lower case or capitalised, maybe followed by one punctuation mark. */
const PLAIN_CHUNK_RE = /^[A-Za-z][a-z]*[.,!?;:]?$/;
const isLowerAscii = (c: number): boolean => c >= 0x61 && c <= 0x7a;
/** A word of lower-case ASCII letters, long enough to check. */
const LOWER_WORD_RE = /^[a-z]{3,40}$/;
const WORD_IN_CHUNK_RE = /[\p{L}\p{M}\p{N}_'’-]+/gu;
const CODEISH_RE = /[\p{L}\p{N}][./\\:=@#][\p{L}\p{N}]/u;
const SENTENCE_END = new Set(['.', '!', '?', '\n', '…', ':', '。', '！', '？']);
const SKIP_BACK = new Set([' ', '\t', '\r', '"', "'", '“', '‘', '”', '’', '(', '[', '*', '-', '•', '>', '\u00a0', '«', '„']);

function atSentenceStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && SKIP_BACK.has(text[i]!)) i--;
  return i < 0 || SENTENCE_END.has(text[i]!);
}

function hasUpper(s: string): boolean {
  return s !== s.toLowerCase();
}
function isAllCaps(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/**
 * Misspelt English words, precision first, by the given speller. Returns [] without one.
 *
 * Skipped: URLs, emails, file names and other code-like chunks (a letter/digit on both sides of . / \ : = @ #),
 * @handles and #tags, words with digits or `_`, ALL-CAPS words, words with inner capitals (eBay, iPhone),
 * capitalised words inside a sentence (names, brands) — and at a sentence start too when the same word appears
 * capitalised mid-sentence elsewhere, words of 1-2 letters or over 40, non-ASCII words, `opts.ignore`
 * (case-insensitive), and whole lines that look non-English (more German/French/Spanish/Italian function words
 * than English ones, or more than half of 4+ checked words unknown). Hyphenated words are checked per part;
 * contractions and possessives are understood; British spellings are accepted. A word is reported only when
 * the dictionary has at least one suggestion for it (typos have near neighbours; brand names and foreign words
 * usually do not). Lower-case closed compounds of two dictionary words of 3+ letters ("mailroom") are accepted. Suggestions: up to 3, best first; at most 300 new suggestion look-ups per call.
 */
export function spelling(text: string, speller: Speller | null, opts?: { ignore?: string[] }, finds?: TextFinds): SpellingMatch[] {
  if (!speller) return [];
  const input = asText(text);
  if (input.length === 0) return [];
  const ignore = new Set<string>();
  try {
    for (const w of opts?.ignore ?? []) if (typeof w === 'string') ignore.add(w.toLowerCase());
  } catch {
    // ignore malformed options
  }
  const view = plainView(input);
  const t = view.text;

  // Spans to skip: links and emails.
  const skip: Array<[number, number]> = [];
  for (const l of finds ? finds.links(t) : findTextLinks(t)) skip.push([l.start, l.end]);
  for (const e of finds ? finds.emails(t) : findTextEmails(t)) skip.push([e.start, e.end]);
  skip.sort((a, b) => a[0] - b[0]);

  // Collect candidate tokens, grouped by line, as start/end pairs: a long message has millions of words,
  // and an object and a string per word would hold many times the text's size.
  const lines: number[][] = [];
  const lineStats: Array<{ en: number; foreign: number; nonAscii: number }> = [];
  let current: number[] = [];
  let stats = { en: 0, foreign: 0, nonAscii: 0 };
  let lineEnd = t.indexOf('\n');
  const capitalisedMid = new Set<string>();
  let skipIdx = 0;
  CHUNK_RE.lastIndex = 0;
  for (let cm = CHUNK_RE.exec(t); cm; cm = CHUNK_RE.exec(t)) {
    const cs = cm.index;
    const ce = cs + cm[0].length;
    while (lineEnd >= 0 && lineEnd < cs) {
      lines.push(current);
      lineStats.push(stats);
      current = [];
      stats = { en: 0, foreign: 0, nonAscii: 0 };
      lineEnd = t.indexOf('\n', lineEnd + 1);
    }
    while (skipIdx < skip.length && skip[skipIdx]![1] <= cs) skipIdx++;
    if (skipIdx < skip.length && skip[skipIdx]![0] < ce) continue;
    const chunk = cm[0];
    if (chunk.length > 200) continue;
    // Most chunks are one plain word, maybe capitalised, maybe with a comma or full stop: a word to check
    // (and, capitalised mid-sentence, a name to remember), nothing to skip.
    if (PLAIN_CHUNK_RE.test(chunk)) {
      const n = isLowerAscii(chunk.charCodeAt(chunk.length - 1)) ? chunk.length : chunk.length - 1;
      const word = n === chunk.length ? chunk : chunk.slice(0, n);
      const capital = !isLowerAscii(word.charCodeAt(0));
      const lower = capital ? word.toLowerCase() : word;
      if (EN_STOP.has(lower)) stats.en++;
      else if (FOREIGN_STOP.has(lower)) stats.foreign++;
      if (capital && n >= 2 && !atSentenceStart(t, cs)) capitalisedMid.add(word);
      current.push(cs, cs + n);
      continue;
    }
    // Strip surrounding punctuation before the code-like test ("arrived." is fine, "manual.pdf" is not).
    const core = chunk.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (CODEISH_RE.test(core) || chunk.startsWith('@') || chunk.startsWith('#') || /[<>=&{}[\]|^~]/.test(chunk)) {
      continue;
    }
    WORD_IN_CHUNK_RE.lastIndex = 0;
    for (let wm = WORD_IN_CHUNK_RE.exec(chunk); wm; wm = WORD_IN_CHUNK_RE.exec(chunk)) {
      let ws = cs + wm.index;
      let we = ws + wm[0].length;
      // Trim apostrophes / hyphens at the edges.
      while (ws < we && /['’-]/.test(t[ws]!)) ws++;
      while (we > ws && /['’-]/.test(t[we - 1]!)) we--;
      if (we <= ws) continue;
      const raw = t.slice(ws, we);
      const lower = raw.toLowerCase().replace(/’/g, "'");
      if (EN_STOP.has(lower)) stats.en++;
      else if (FOREIGN_STOP.has(lower)) stats.foreign++;
      if (/[^\x00-\x7f’]/.test(raw)) {
        if (/[\p{L}]/u.test(raw)) stats.nonAscii++;
        continue;
      }
      if (/[\d_]/.test(raw)) continue;
      // Remember capitalised words seen mid-sentence (names / brands).
      if (/^[A-Z][a-z]/.test(raw) && !atSentenceStart(t, ws)) capitalisedMid.add(raw.replace(/['’]s?$/, ''));
      current.push(ws, we);
    }
  }
  lines.push(current);
  lineStats.push(stats);

  const out: SpellingMatch[] = [];
  const budget = { left: MAX_SUGGEST_CALLS_PER_RUN };
  const doc = { en: 0, foreign: 0, nonAscii: 0 };
  for (const st of lineStats) {
    doc.en += st.en;
    doc.foreign += st.foreign;
    doc.nonAscii += st.nonAscii;
  }
  const looksForeign = (st: { en: number; foreign: number; nonAscii: number }): boolean =>
    st.foreign > st.en || st.nonAscii > Math.max(2, st.en);
  for (let li = 0; li < lines.length; li++) {
    const st = lineStats[li]!;
    // Short lines ("Gentile cliente,") carry too little evidence: judge them by the whole message.
    if (st.en + st.foreign >= 2 ? looksForeign(st) : looksForeign(st) || looksForeign(doc)) continue;
    const unknown: Token[] = [];
    let checked = 0;
    const bounds = lines[li]!;
    for (let k = 0; k < bounds.length; k += 2) {
      const start = bounds[k]!;
      const end = bounds[k + 1]!;
      const word = t.slice(start, end);
      // Most words are plain lower-case letters: judged as checkWord would, without a token object.
      if (LOWER_WORD_RE.test(word)) {
        if (ignore.has(word) || PREFIXES.has(word)) continue;
        checked++;
        if (!speller.isCorrect(word)) unknown.push({ start, end, word });
        continue;
      }
      const tok: Token = { start, end, word };
      if (ignore.size > 0 && ignore.has(word.toLowerCase())) continue;
      const parts = tok.word.includes('-') ? splitParts(tok) : [tok];
      for (const p of parts) {
        const verdict = checkWord(speller, t, p, ignore, capitalisedMid);
        if (verdict === 'skip') continue;
        checked++;
        if (verdict === 'unknown') unknown.push(p);
      }
    }
    if (checked >= 4 && unknown.length * 2 > checked) continue; // probably not English
    for (const u of unknown) {
      const word = u.word.replace(/’/g, "'");
      const sugg = speller.suggestions(word, budget);
      if (!sugg || sugg.length === 0) continue;
      const [s, e] = mapSpan(view, u.start, u.end);
      out.push({ start: s, end: e, text: input.slice(s, e), word: u.word, suggestions: sugg });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function splitParts(tok: Token): Token[] {
  const parts: Token[] = [];
  let offset = 0;
  for (const piece of tok.word.split('-')) {
    if (piece.length > 0) parts.push({ start: tok.start + offset, end: tok.start + offset + piece.length, word: piece });
    offset += piece.length + 1;
  }
  return parts;
}

/** "Dear Ms. Okafor": a title's full stop does not end a sentence. */
function afterTitle(text: string, start: number): boolean {
  return /\b(Mr|Mrs|Ms|Miss|Dr|Prof|Mx|Sr|Jr|St)\.\s*$/.test(text.slice(Math.max(0, start - 8), start));
}

/** Word-forming prefixes that stand alone in hyphenated words: pre-assembled, re-ship, non-slip. */
const PREFIXES = new Set(['pre', 're', 'non', 'co', 'anti', 'multi', 'semi', 'sub', 'self', 'over', 'under', 'mid', 'post', 'ex', 'eco', 'mini', 'micro']);

function checkWord(speller: Speller, text: string, tok: Token, ignore: Set<string>, capitalisedMid: Set<string>): 'ok' | 'unknown' | 'skip' {
  // Most words are plain lower-case letters: then only the ignore list, the prefixes and the dictionary decide.
  if (LOWER_WORD_RE.test(tok.word)) {
    if (ignore.has(tok.word) || PREFIXES.has(tok.word)) return 'skip';
    return speller.isCorrect(tok.word) ? 'ok' : 'unknown';
  }
  const w = tok.word.replace(/’/g, "'");
  // Leading / trailing apostrophes were trimmed; strip a possessive for the length and case tests.
  const bare = w.replace(/'s?$/, '');
  const letters = bare.replace(/'/g, '');
  if (letters.length <= 2 || letters.length > 40) return 'skip';
  if (ignore.has(w.toLowerCase()) || ignore.has(bare.toLowerCase())) return 'skip';
  if (isAllCaps(letters)) return 'skip';
  if (hasUpper(letters.slice(1))) return 'skip';
  // Capitalised words are names more often than mistakes: shop names in signatures
  // ("Copperline Audio"), buyers after "Dear Ms." and places. Check one only where a
  // sentence of ordinary words starts with it ("Teh package is late").
  if (/^[A-Z]/.test(letters)) {
    if (!atSentenceStart(text, tok.start) || capitalisedMid.has(bare) || afterTitle(text, tok.start)) return 'skip';
    const next = /^[ \t]*,?[ \t]*([A-Za-z]+)/.exec(text.slice(tok.end, tok.end + 60));
    if (!next || /^[A-Z]/.test(next[1])) return 'skip';
  }
  if (PREFIXES.has(bare.toLowerCase())) return 'skip';
  // At a sentence start the dictionary accepts the capitalised form of a lower-case word ("Received"),
  // so "Teh" is still checked.
  return speller.isCorrect(w) ? 'ok' : 'unknown';
}
