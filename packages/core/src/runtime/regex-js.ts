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
 * A leading `(?i)` is in it for ASCII letters. Not in it (RE2 runs these): other flags, named groups, `\p{…}`, POSIX classes, `\A \z \Q \x`.
 *
 * Safe means: no repeated part can match the empty string (the engines differ there), and no repeated part (a quantifier allowing more than one repetition) contains another
 * quantifier or an alternation, so the engine never has two ways to split the same characters between
 * nested repetitions (the cause of exponential backtracking, e.g. `(a+)+b` or `(a|a)*`).
 */

type Node =
  | { kind: 'atom'; js: string }
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
const CONTROL_ESCAPES = new Set(['n', 't', 'r', 'f', 'v']);
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
  // Under (?i) the engines fold ASCII letters alike (k with the Kelvin sign, s with the long s); for
  // other letters they may not, so such patterns stay on RE2.
  const plain = (c: string): string => {
    if (ignoreCase && c.codePointAt(0)! > 0x7f) throw new Unsupported();
    return c;
  };
  const peek = () => source[i];

  const parseClass = (): Node => {
    // After '['.
    let out = '[';
    if (peek() === '^') {
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
        } else if (CONTROL_ESCAPES.has(e)) out += `\\${e}`;
        else if (PUNCTUATION.has(e)) out += literal(e, true);
        else throw new Unsupported();
        continue;
      }
      const cp = source.codePointAt(i)!;
      const c = plain(String.fromCodePoint(cp));
      i += c.length;
      out += literal(c, true);
      if (source[i] === '-' && source[i + 1] !== ']' && source[i + 1] !== undefined) {
        // A range: both ends must be plain characters.
        const hi = source.codePointAt(i + 1)!;
        const h = plain(String.fromCodePoint(hi));
        if (h === '\\' || h === '[' || hi < cp) throw new Unsupported();
        out += `-${literal(h, true)}`;
        i += 1 + h.length;
      }
    }
    if (source[i] !== ']') throw new Unsupported();
    i++;
    if (out === '[' || out === '[^') throw new Unsupported();
    return { kind: 'atom', js: `${out}]` };
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
      return { kind: 'atom', js: '[^\\n]' };
    }
    if (ch === '^' || ch === '$') {
      i++;
      return { kind: 'atom', js: ch };
    }
    if (ch === '\\') {
      const e = source[i + 1];
      if (e === undefined) throw new Unsupported();
      i += 2;
      if (CLASS_ESCAPES[e]) return { kind: 'atom', js: CLASS_ESCAPES[e]!.outside };
      if (e === 'b' || e === 'B') {
        caseBoundary ||= ignoreCase;
        return { kind: 'atom', js: `\\${e}` };
      }
      if (CONTROL_ESCAPES.has(e)) return { kind: 'atom', js: `\\${e}` };
      if (PUNCTUATION.has(e)) return { kind: 'atom', js: literal(e, false) };
      throw new Unsupported();
    }
    if (ch === ')' || ch === '|' || '*+?{'.includes(ch)) throw new Unsupported();
    const c = plain(String.fromCodePoint(source.codePointAt(i)!));
    i += c.length;
    return { kind: 'atom', js: literal(c, false) };
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

function safe(node: Node): boolean {
  if (node.kind === 'atom') return true;
  // JavaScript stops a repetition whose body matched nothing and tries the body's other choices; RE2 does
  // not. They agree when the repeated part always consumes characters.
  if (node.kind === 'repeat') return !(node.max > 1 && branches(node.body)) && !nullable(node.body) && safe(node.body);
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
    return { source, flags, unlessIn: caseBoundary ? '\u017f\u212a' : null };
  } catch {
    return null;
  }
}

/** The JavaScript source of `safeJsPattern` for patterns without flags (tests and tools). */
export function safeJsSource(re2Source: string): string | null {
  const p = safeJsPattern(re2Source);
  return p && p.flags === 'u' ? p.source : null;
}
