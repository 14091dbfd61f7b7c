/**
 * `find()` and `matches` take patterns in RE2 syntax, which always run in linear time. V8's own RegExp
 * is many times faster, but it backtracks: some patterns take exponential time on it. This module turns
 * an RE2 pattern into a JavaScript regex source with the same meaning — only for a conservative subset of
 * the syntax and only when the pattern cannot backtrack exponentially; otherwise it answers null and the
 * caller keeps RE2.
 *
 * The subset: literal characters, `.`, `\d \D \s \S \w \W \b \B` (ASCII, as in RE2), the escapes
 * `\n \t \r \f \v` and escaped punctuation, character classes with ranges, groups `( )` and `(?: )`,
 * `|`, `^ $` (start and end of the text), and the quantifiers `* + ? {n} {n,} {n,m}` with their lazy forms.
 * A leading `(?i)` is in it for ASCII letters and the Latin letters of U+00C0–U+024F (é, ö, ñ, ß, ő…), which
 * both engines fold alike (a test compares them on every code point). Not in it (RE2 runs these): other
 * flags, named groups, `\p{…}`, POSIX classes, `\A \z \Q \x`, and other letters under `(?i)`.
 *
 * Safe means: no repeated part can match the empty string (the engines differ there), and a repeated part
 * (a quantifier allowing more than one repetition) that contains another quantifier or an alternation
 * must split any text it matches in only one way, or the engine could try exponentially many splits
 * (`(a+)+b`, `(a|a)*`). The one such shape allowed is a sequence of single characters and repeated single
 * characters where a repeated character can never also start what follows it, the next iteration included:
 * `([\w-]+\s+){0,2}` (a word never runs on into spaces, spaces never into a word). Each repeated character
 * then takes exactly the run of its characters, so every position is reached one way only.
 */

/**
 * The code points an atom may match, as sorted [from, to] pairs — more than it matches where exactness
 * would take case-folding tables (under `(?i)`), never fewer; null for anchors, which match no character.
 */
type CharSet = ReadonlyArray<readonly [number, number]> | null;

type Node =
  | { kind: 'atom'; js: string; set: CharSet }
  | { kind: 'group'; capture: boolean; alternatives: Node[][] }
  | { kind: 'repeat'; body: Node; min: number; max: number; lazy: boolean };

/** RE2's ASCII classes, written out so JavaScript's (which are Unicode-aware in places) do not differ. */
const CLASS_ESCAPES: Record<string, { inside: string; outside: string }> = {
  d: { inside: '0-9', outside: '[0-9]' },
  D: { inside: '', outside: '[^0-9]' },
  s: { inside: '\\t\\n\\f\\r ', outside: '[\\t\\n\\f\\r ]' },
  S: { inside: '', outside: '[^\\t\\n\\f\\r ]' },
  w: { inside: '0-9A-Za-z_', outside: '[0-9A-Za-z_]' },
  W: { inside: '', outside: '[^0-9A-Za-z_]' },
};
const CLASS_SETS: Record<string, Array<[number, number]>> = {
  d: [[0x30, 0x39]],
  s: [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]],
  w: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
};
const CONTROL_ESCAPES = new Set(['n', 't', 'r', 'f', 'v']);
const CONTROL_CODES: Record<string, number> = { n: 0x0a, t: 0x09, r: 0x0d, f: 0x0c, v: 0x0b };
const MAX_CP = 0x10ffff;

function complement(set: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [a, b] of [...set].sort((x, y) => x[0] - y[0])) {
    if (a > next) out.push([next, a - 1]);
    next = Math.max(next, b + 1);
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

/**
 * What a set may match under `(?i)`: ASCII letters in both cases and the two non-ASCII letters both
 * engines fold into ASCII (ſ is s, the Kelvin sign is k); any non-ASCII member may fold to any non-ASCII
 * character (a generous bound, enough to tell words from spaces).
 */
function foldedSet(set: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [...set.map(([a, b]) => [a, b] as [number, number])];
  const has = (cp: number) => set.some(([a, b]) => a <= cp && cp <= b);
  for (let c = 0x41; c <= 0x5a; c++) {
    if (has(c) || has(c + 0x20)) out.push([c, c], [c + 0x20, c + 0x20]);
  }
  if (has(0x53) || has(0x73)) out.push([0x17f, 0x17f]);
  if (has(0x4b) || has(0x6b)) out.push([0x212a, 0x212a]);
  if (set.some(([, b]) => b >= 0x80)) out.push([0x80, MAX_CP]);
  return out;
}

function disjoint(x: CharSet, y: CharSet): boolean {
  if (x === null || y === null) return false;
  return x.every(([a, b]) => y.every(([c, d]) => b < c || d < a));
}

/**
 * Letters that RE2 and V8 fold alike under `(?i)`: the Latin letters of U+00C0–U+024F (a test compares the
 * two engines on every code point for each of them).
 */
export function foldsAlike(cp: number): boolean {
  return cp >= 0xc0 && cp <= 0x24f && /\p{L}/u.test(String.fromCodePoint(cp));
}

/**
 * Characters without case (CJK, kana, digits, punctuation, emoji): assigned, no case mapping changes them
 * and none maps to them, so `(?i)` leaves them alone on both engines (a test checks every code point).
 */
export function caseless(ch: string): boolean {
  return !/\p{Changes_When_Casemapped}|\p{Changes_When_Casefolded}|\P{Assigned}/u.test(ch);
}
const PUNCTUATION = new Set([...'\\^$.|?*+()[]{}-/!"#%&\',:;<=>@`~_']);

class Unsupported extends Error {}

/** Characters that must be escaped to stand for themselves in a `u`-flag JavaScript regex. */
function literal(ch: string, inClass: boolean): string {
  if (inClass) return /[\\\]^[-]/.test(ch) ? `\\${ch}` : ch;
  return /[\\^$.|?*+()[\]{}/]/.test(ch) ? `\\${ch}` : ch;
}

interface Parsed {
  top: Node[][];
  /** The pattern starts with `(?i)`. */
  ignoreCase: boolean;
  /** It uses `\b` or `\B` under `(?i)`. */
  caseBoundary: boolean;
}

function parse(source: string): Parsed {
  let i = 0;
  const ignoreCase = source.startsWith('(?i)');
  if (ignoreCase) i = 4;
  let caseBoundary = false;
  // Under (?i) the engines fold ASCII letters alike (k with the Kelvin sign, s with the long s), and the
  // Latin letters foldsAlike lists; for other letters they may not, so such patterns stay on RE2.
  const plain = (c: string): string => {
    const cp = c.codePointAt(0)!;
    if (ignoreCase && cp > 0x7f && !foldsAlike(cp) && !caseless(c)) throw new Unsupported();
    return c;
  };
  const folded = (set: Array<[number, number]>): CharSet => (ignoreCase ? foldedSet(set) : set);
  const peek = () => source[i];

  const parseClass = (): Node => {
    // After '['.
    let out = '[';
    const members: Array<[number, number]> = [];
    const negated = peek() === '^';
    if (negated) {
      out += '^';
      i++;
    }
    let first = true;
    while (i < source.length && (source[i] !== ']' || first)) {
      first = false;
      const ch = source[i]!;
      if (ch === '[') throw new Unsupported(); // POSIX classes and nested-looking classes
      if (ch === '\\') {
        const e = source[i + 1];
        if (e === undefined) throw new Unsupported();
        i += 2;
        if (CLASS_ESCAPES[e]) {
          if (!CLASS_ESCAPES[e]!.inside) throw new Unsupported();
          out += CLASS_ESCAPES[e]!.inside;
          members.push(...CLASS_SETS[e]!);
        } else if (CONTROL_ESCAPES.has(e)) {
          out += `\\${e}`;
          members.push([CONTROL_CODES[e]!, CONTROL_CODES[e]!]);
        } else if (PUNCTUATION.has(e)) {
          out += literal(e, true);
          members.push([e.charCodeAt(0), e.charCodeAt(0)]);
        } else throw new Unsupported();
        continue;
      }
      const cp = source.codePointAt(i)!;
      const c = plain(String.fromCodePoint(cp));
      i += c.length;
      out += literal(c, true);
      if (source[i] === '-' && source[i + 1] !== ']' && source[i + 1] !== undefined) {
        // A range: both ends must be plain characters, and under (?i) every letter between them too.
        const hi = source.codePointAt(i + 1)!;
        const h = plain(String.fromCodePoint(hi));
        if (h === '\\' || h === '[' || hi < cp) throw new Unsupported();
        if (ignoreCase && hi > 0x7f) {
          if (hi - cp > 0xffff) throw new Unsupported();
          for (let x = Math.max(cp, 0x80); x <= hi; x++) plain(String.fromCodePoint(x));
        }
        out += `-${literal(h, true)}`;
        i += 1 + h.length;
        members.push([cp, hi]);
      } else members.push([cp, cp]);
    }
    if (source[i] !== ']') throw new Unsupported();
    i++;
    if (out === '[' || out === '[^') throw new Unsupported();
    // A negated class under (?i) may match anything as far as the bound is concerned.
    const set: CharSet = negated ? (ignoreCase ? [[0, MAX_CP]] : complement(members)) : folded(members);
    return { kind: 'atom', js: `${out}]`, set };
  };

  const parseAtom = (): Node => {
    const ch = source[i]!;
    if (ch === '(') {
      i++;
      let capture = true;
      if (source.startsWith('?:', i)) {
        capture = false;
        i += 2;
      } else if (source[i] === '?') throw new Unsupported(); // flags, named groups
      const alternatives = parseAlternatives();
      if (source[i] !== ')') throw new Unsupported();
      i++;
      return { kind: 'group', capture, alternatives };
    }
    if (ch === '[') {
      i++;
      return parseClass();
    }
    if (ch === '.') {
      i++;
      return { kind: 'atom', js: '[^\\n]', set: complement([[0x0a, 0x0a]]) };
    }
    if (ch === '^' || ch === '$') {
      i++;
      return { kind: 'atom', js: ch, set: null };
    }
    if (ch === '\\') {
      const e = source[i + 1];
      if (e === undefined) throw new Unsupported();
      i += 2;
      if (CLASS_ESCAPES[e]) {
        const lower = CLASS_SETS[e.toLowerCase()]!;
        const set: CharSet = e === e.toLowerCase() ? folded(lower) : ignoreCase ? [[0, MAX_CP]] : complement(lower);
        return { kind: 'atom', js: CLASS_ESCAPES[e]!.outside, set };
      }
      if (e === 'b' || e === 'B') {
        caseBoundary ||= ignoreCase;
        return { kind: 'atom', js: `\\${e}`, set: null };
      }
      if (CONTROL_ESCAPES.has(e)) return { kind: 'atom', js: `\\${e}`, set: [[CONTROL_CODES[e]!, CONTROL_CODES[e]!]] };
      if (PUNCTUATION.has(e)) return { kind: 'atom', js: literal(e, false), set: folded([[e.charCodeAt(0), e.charCodeAt(0)]]) };
      throw new Unsupported();
    }
    if (ch === ')' || ch === '|' || '*+?{'.includes(ch)) throw new Unsupported();
    const cp = source.codePointAt(i)!;
    const c = plain(String.fromCodePoint(cp));
    i += c.length;
    return { kind: 'atom', js: literal(c, false), set: folded([[cp, cp]]) };
  };

  const parseQuantified = (): Node => {
    let node = parseAtom();
    for (;;) {
      const ch = source[i];
      let min: number;
      let max: number;
      if (ch === '*') [min, max] = [0, Infinity];
      else if (ch === '+') [min, max] = [1, Infinity];
      else if (ch === '?') [min, max] = [0, 1];
      else if (ch === '{') {
        const m = /^\{(\d{1,4})(?:(,)(\d{1,4})?)?\}/.exec(source.slice(i));
        if (!m) throw new Unsupported(); // RE2 would read a stray { as a literal; leave such patterns to it
        min = Number(m[1]);
        max = m[2] ? (m[3] !== undefined ? Number(m[3]) : Infinity) : min;
        if (max < min) throw new Unsupported();
        i += m[0].length - 1;
      } else return node;
      i++;
      if (node.kind === 'repeat') throw new Unsupported(); // a** or a*+: RE2 reads these its own way
      const atom = node.kind === 'atom' ? node.js : '';
      if (atom === '^' || atom === '$' || atom === '\\b' || atom === '\\B') throw new Unsupported();
      let lazy = false;
      if (source[i] === '?') {
        lazy = true;
        i++;
      }
      node = { kind: 'repeat', body: node, min, max, lazy };
    }
  };

  const parseAlternatives = (): Node[][] => {
    const alternatives: Node[][] = [[]];
    while (i < source.length && source[i] !== ')') {
      if (source[i] === '|') {
        alternatives.push([]);
        i++;
        continue;
      }
      alternatives[alternatives.length - 1]!.push(parseQuantified());
    }
    return alternatives;
  };

  const top = parseAlternatives();
  if (i !== source.length) throw new Unsupported();
  return { top, ignoreCase, caseBoundary };
}

/** Whether a part contains a quantifier or an alternation. */
function branches(node: Node): boolean {
  if (node.kind === 'atom') return false;
  if (node.kind === 'repeat') return true;
  return node.alternatives.length > 1 || node.alternatives.some((seq) => seq.some(branches));
}

/** Whether a part can match the empty string (anchors and word boundaries match no characters). */
function nullable(node: Node): boolean {
  if (node.kind === 'atom') return node.js === '^' || node.js === '$' || node.js === '\\b' || node.js === '\\B';
  if (node.kind === 'repeat') return node.min === 0 || nullable(node.body);
  return node.alternatives.some((seq) => seq.every(nullable));
}

/**
 * Whether a repeated group splits every text it matches one way only: a sequence of single characters and
 * repeated single characters (at least once each), where a repeated character cannot start the part after
 * it (the first part, for the last one: the next iteration). Then each repeated character takes exactly
 * the run of its own characters, and the engine never has a second split to try.
 */
function splitsOneWay(body: Node): boolean {
  if (body.kind !== 'group' || body.alternatives.length !== 1) return false;
  const items = body.alternatives[0]!;
  const sets: CharSet[] = [];
  for (const item of items) {
    if (item.kind === 'atom' && item.set !== null) sets.push(item.set);
    else if (item.kind === 'repeat' && item.body.kind === 'atom' && item.body.set !== null && item.min >= 1) sets.push(item.body.set);
    else return false;
  }
  return items.every((item, k) => item.kind === 'atom' || (item.kind === 'repeat' && item.min === item.max) || disjoint(sets[k]!, sets[(k + 1) % items.length]!));
}

function safe(node: Node): boolean {
  if (node.kind === 'atom') return true;
  // JavaScript stops a repetition whose body matched nothing and tries the body's other choices; RE2 does
  // not. They agree when the repeated part always consumes characters.
  if (node.kind === 'repeat') return !nullable(node.body) && (node.max <= 1 || !branches(node.body) || splitsOneWay(node.body)) && safe(node.body);
  return node.alternatives.every((seq) => seq.every(safe));
}

function emit(node: Node): string {
  if (node.kind === 'atom') return node.js;
  if (node.kind === 'group') return `(${node.capture ? '' : '?:'}${node.alternatives.map((seq) => seq.map(emit).join('')).join('|')})`;
  const body = node.body.kind === 'atom' ? node.body.js : node.body.kind === 'group' ? emit(node.body) : `(?:${emit(node.body)})`;
  const q =
    node.min === 0 && node.max === Infinity ? '*'
    : node.min === 1 && node.max === Infinity ? '+'
    : node.min === 0 && node.max === 1 ? '?'
    : node.max === Infinity ? `{${node.min},}`
    : node.min === node.max ? `{${node.min}}`
    : `{${node.min},${node.max}}`;
  return body + q + (node.lazy ? '?' : '');
}

export interface JsPattern {
  source: string;
  flags: 'u' | 'iu';
  /**
   * Strings one of which every match contains (lower case under `(?i)`), or null when the pattern has no
   * such literal text: a text without any of them has no match, which a quick search tells (see
   * `mayMatch`) before the pattern runs.
   */
  required: string[] | null;
  /** The search mayMatch runs for `required`. */
  requiredSearch: RegExp | null;
  /**
   * Under `(?i)` JavaScript counts the long s (ſ) and the Kelvin sign (K) as word characters for `\b`,
   * RE2 does not: a text containing either must go to RE2.
   */
  unlessIn: string | null;
}

/**
 * The JavaScript regex meaning the same as an RE2 pattern, or null when the pattern is outside the
 * subset or could backtrack exponentially.
 */
export function safeJsPattern(re2Source: string): JsPattern | null {
  try {
    const { top, ignoreCase, caseBoundary } = parse(re2Source);
    if (!top.every((seq) => seq.every(safe))) return null;
    const source = top.map((seq) => seq.map(emit).join('')).join('|');
    const flags = ignoreCase ? 'iu' : 'u';
    new RegExp(source, flags);
    const required = requiredOfAlternatives(top, ignoreCase);
    return { source, flags, unlessIn: caseBoundary ? '\u017f\u212a' : null, required, requiredSearch: requiredSearch(required, ignoreCase) };
  } catch {
    return null;
  }
}

/** The JavaScript source of `safeJsPattern` for patterns without flags (tests and tools). */
export function safeJsSource(re2Source: string): string | null {
  const p = safeJsPattern(re2Source);
  return p && p.flags === 'u' ? p.source : null;
}

// ------------------------------------------------------------- required literals

/** Zero-width atoms: they consume nothing, so the literal text on both sides of them is contiguous. */
const ZERO_WIDTH = new Set(['^', '$', '\\b', '\\B']);

/**
 * The one ASCII character an atom matches (lower case under `(?i)`), or null. Under `(?i)` a letter's set
 * also holds its other case and, for s and k, the long s and the Kelvin sign: lower-casing a text turns
 * the Kelvin sign into k but keeps the long s, so a text with a long s is never ruled out (see mayMatch).
 */
function literalChar(node: Node, ignoreCase: boolean): string | null {
  if (node.kind !== 'atom' || node.set === null) return null;
  const points = new Set<number>();
  for (const [a, b] of node.set) {
    if (b - a > 3) return null;
    for (let c = a; c <= b; c++) points.add(!ignoreCase ? c : c === 0x17f ? 0x73 : c === 0x212a ? 0x6b : c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
  }
  if (points.size !== 1) return null;
  const only = [...points][0]!;
  return only < 0x80 ? String.fromCharCode(only) : null;
}

/** The better of two required sets: the one whose shortest string is longest, then the smaller one. */
function better(x: string[] | null, y: string[] | null): string[] | null {
  if (x === null) return y;
  if (y === null) return x;
  const short = (set: string[]) => Math.min(...set.map((t) => t.length));
  if (short(x) !== short(y)) return short(x) > short(y) ? x : y;
  return x.length <= y.length ? x : y;
}

function requiredOfAlternatives(alternatives: Node[][], ignoreCase: boolean): string[] | null {
  const union = new Set<string>();
  for (const seq of alternatives) {
    const req = requiredOfSequence(seq, ignoreCase);
    if (req === null) return null;
    for (const t of req) union.add(t);
  }
  return union.size > 0 && union.size <= 32 ? [...union] : null;
}

/** A sequence matches only if every part does: its runs of literal characters and its required parts. */
function requiredOfSequence(seq: Node[], ignoreCase: boolean): string[] | null {
  let best: string[] | null = null;
  let run = '';
  const endRun = () => {
    if (run !== '') best = better(best, [run]);
    run = '';
  };
  for (const node of seq) {
    const ch = literalChar(node, ignoreCase);
    if (ch !== null) {
      run += ch;
      continue;
    }
    if (node.kind === 'atom' && ZERO_WIDTH.has(node.js)) continue;
    endRun();
    if (node.kind === 'group') best = better(best, requiredOfAlternatives(node.alternatives, ignoreCase));
    else if (node.kind === 'repeat' && node.min >= 1) best = better(best, requiredOf(node.body, ignoreCase));
  }
  endRun();
  return best;
}

function requiredOf(node: Node, ignoreCase: boolean): string[] | null {
  if (node.kind === 'group') return requiredOfAlternatives(node.alternatives, ignoreCase);
  if (node.kind === 'repeat') return node.min >= 1 ? requiredOf(node.body, ignoreCase) : null;
  const ch = literalChar(node, ignoreCase);
  return ch === null ? null : [ch];
}

/**
 * Whether a text may hold a match: it contains one of the pattern's required strings, in any case under
 * `(?i)`. One native search for all of them; under `(?i)` it compares ASCII letters only (no `u` flag),
 * so a text with a long s (ſ) or a Kelvin sign (K), which `(?i)` equates with s and k, is always let through.
 */
export function mayMatch(js: JsPattern, text: string): boolean {
  const search = js.requiredSearch;
  if (search === null) return true;
  if (js.flags === 'iu' && (text.indexOf('\u017f') >= 0 || text.indexOf('\u212a') >= 0)) return true;
  return search.test(text);
}

/** The search for a pattern's required strings (a plain alternation: linear, and `test` keeps no state). */
function requiredSearch(required: string[] | null, ignoreCase: boolean): RegExp | null {
  if (required === null) return null;
  return new RegExp(required.map((t) => t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|'), ignoreCase ? 'i' : '');
}
