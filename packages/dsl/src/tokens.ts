/**
 * Token definitions of the policy language.
 *
 * Three abstract categories keep the grammar small:
 * - `Name`: identifiers and soft keywords (`source`, `from`, `start`, ... are names
 *   wherever the grammar expects a name),
 * - `Reserved`: hard keywords (never names; the grammar accepts them in name
 *   positions only to report a clear error),
 * - `StringLit`: text in quotes, including the broken forms the lexer still reads
 *   so that one mistake gives one diagnostic.
 *
 * The order of `allTokens` is the lexer's order: most specific first.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

// ------------------------------------------------------------------ categories

export const Name = createToken({ name: 'Name', pattern: Lexer.NA, label: 'a name' });
export const Reserved = createToken({ name: 'Reserved', pattern: Lexer.NA, label: 'a reserved word' });
export const StringLit = createToken({ name: 'StringLit', pattern: Lexer.NA, label: 'text in double quotes' });

// ------------------------------------------------------------ trivia and names

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/,
  categories: [Name],
  label: 'a name',
});

// ---------------------------------------------------------------------- keywords

export const HARD_KEYWORDS = [
  'and', 'or', 'not', 'in', 'any', 'all', 'count', 'true', 'false', 'null',
  'contains', 'startsWith', 'endsWith', 'matches', 'if', 'then', 'else',
] as const;

export const SOFT_KEYWORDS = [
  'policy', 'source', 'version', 'input', 'import', 'from', 'record', 'enum', 'const', 'let', 'phrases',
  'rule', 'each', 'when', 'require', 'forbid', 'hint', 'fix', 'remove', 'replace', 'insert', 'into', 'at',
  'start', 'end', 'example', 'given', 'expect', 'nothing', 'error', 'warning', 'info', 'list', 'map',
  'metric', 'rate', 'total', 'average', 'minimum', 'maximum', 'where', 'over', 'by', 'group', 'as', 'of',
] as const;

export type HardKeyword = (typeof HARD_KEYWORDS)[number];
export type SoftKeyword = (typeof SOFT_KEYWORDS)[number];
export type Keyword = HardKeyword | SoftKeyword;

/** Every keyword, hard and soft. Soft keywords may still be used as names. */
export const KEYWORDS: readonly string[] = [...HARD_KEYWORDS, ...SOFT_KEYWORDS];

/** Type names known without a declaration. They are ordinary names to the parser. */
export const BUILTIN_TYPES: readonly string[] = [
  'string', 'text', 'number', 'integer', 'percent', 'boolean', 'date', 'datetime', 'duration',
];

function keywordToken(word: string, category: TokenType): TokenType {
  return createToken({
    name: word[0].toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: [category],
    label: `'${word}'`,
  });
}

/** Keyword tokens by the word as written, e.g. `kw.rule`, `kw.startsWith`. */
export const kw = Object.fromEntries([
  ...HARD_KEYWORDS.map((w) => [w, keywordToken(w, Reserved)]),
  ...SOFT_KEYWORDS.map((w) => [w, keywordToken(w, Name)]),
]) as Record<Keyword, TokenType>;

// ---------------------------------------------------------------------- literals

/**
 * `r"\bfoo\b"`: a raw string. Nothing in it is an escape, so a pattern reads as
 * written; it cannot hold a double quote.
 */
export const RawString = createToken({
  name: 'RawString',
  pattern: /r"[^"\r\n]*"/,
  start_chars_hint: ['r'],
  categories: [StringLit],
  label: 'text in double quotes',
});

export const DoubleQuoted = createToken({
  name: 'DoubleQuoted',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  categories: [StringLit],
  label: 'text in double quotes',
});

/**
 * A string that is not closed before the end of its line. Read as a string (to the end
 * of the line) so the parser carries on; the lexer reports it. When the line ends in
 * ` {`, that brace is left out: `rule x "Remove it {` most likely misses its quote
 * before the brace, not after it.
 */
export const UnclosedString = createToken({
  name: 'UnclosedString',
  pattern: {
    exec(text: string, offset: number): [string] | null {
      if (text.charCodeAt(offset) !== 34) return null;
      let i = offset + 1;
      while (i < text.length) {
        const c = text[i];
        if (c === '"') return null; // a closed string: DoubleQuoted's job
        if (c === '\n' || c === '\r') break;
        i += c === '\\' && i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r' ? 2 : 1;
      }
      let image = text.slice(offset, i);
      const brace = /\s\{\s*$/.exec(image);
      if (brace && brace.index > 0) image = image.slice(0, brace.index);
      return [image.replace(/\s+$/, '') || '"'];
    },
  },
  start_chars_hint: ['"'],
  line_breaks: false,
  categories: [StringLit],
  label: 'text in double quotes',
});

/** `'text'`: read as a string; the lexer asks for double quotes. */
export const SingleQuoted = createToken({
  name: 'SingleQuoted',
  pattern: /'[^'\r\n]*'?/,
  categories: [StringLit],
  label: 'text in double quotes',
});

/** `“text”` pasted from a document: read as a string; the lexer asks for straight quotes. */
export const CurlyQuoted = createToken({
  name: 'CurlyQuoted',
  pattern: /[\u201c\u201d][^\u201c\u201d\r\n]*[\u201c\u201d]?/,
  categories: [StringLit],
  label: 'text in double quotes',
});

export const DatetimeLit = createToken({
  name: 'DatetimeLit',
  pattern: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?/,
  start_chars_hint: [...'0123456789'],
  label: 'a date and time',
});

export const DateLit = createToken({
  name: 'DateLit',
  pattern: /\d{4}-\d{2}-\d{2}/,
  start_chars_hint: [...'0123456789'],
  label: 'a date',
});

export const DurationLit = createToken({
  name: 'DurationLit',
  pattern: /\d+(?:\.\d+)?[ \t]*(?:seconds?|minutes?|hours?|days?|weeks?)(?![A-Za-z0-9_])/,
  start_chars_hint: [...'0123456789'],
  label: 'a duration',
});

export const PercentLit = createToken({
  name: 'PercentLit',
  pattern: /\d+(?:\.\d+)?%/,
  start_chars_hint: [...'0123456789'],
  label: 'a percentage',
});

export const NumberLit = createToken({
  name: 'NumberLit',
  pattern: /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/,
  start_chars_hint: [...'0123456789'],
  label: 'a number',
});

// ------------------------------------------------------- operators, punctuation

function punct(name: string, pattern: string, categories?: TokenType[]): TokenType {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const config = { name, pattern: new RegExp(escaped), label: `'${pattern}'` };
  return createToken(categories ? { ...config, categories } : config);
}

export const LCurly = punct('LCurly', '{');
export const RCurly = punct('RCurly', '}');
export const LParen = punct('LParen', '(');
export const RParen = punct('RParen', ')');
export const LBracket = punct('LBracket', '[');
export const RBracket = punct('RBracket', ']');
export const LessEq = punct('LessEq', '<=');
export const GreaterEq = punct('GreaterEq', '>=');
export const Less = punct('Less', '<');
export const Greater = punct('Greater', '>');
export const EqEq = punct('EqEq', '==');
export const NotEq = punct('NotEq', '!=');
export const Equals = punct('Equals', '=');
export const Colon = punct('Colon', ':');
export const Comma = punct('Comma', ',');
export const Dot = punct('Dot', '.');
export const Question = punct('Question', '?');
export const Plus = punct('Plus', '+');
export const Minus = punct('Minus', '-');
export const Star = punct('Star', '*');
export const Slash = punct('Slash', '/');

// Operators from other languages: read as their policy meaning, reported by the lexer.
export const TripleEq = punct('TripleEq', '===', [EqEq]);
export const BangEqEq = punct('BangEqEq', '!==', [NotEq]);
export const AndAnd = punct('AndAnd', '&&', [kw.and]);
export const OrOr = punct('OrOr', '||', [kw.or]);
export const Bang = punct('Bang', '!', [kw.not]);

/** Longest keywords first, so `input` is not read as `in` + `put`. */
const keywordTokens = Object.entries(kw)
  .sort(([a], [b]) => b.length - a.length || a.localeCompare(b))
  .map(([, t]) => t);

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  RawString,
  DoubleQuoted,
  UnclosedString,
  SingleQuoted,
  CurlyQuoted,
  DatetimeLit,
  DateLit,
  DurationLit,
  PercentLit,
  NumberLit,
  ...keywordTokens,
  Identifier,
  TripleEq,
  BangEqEq,
  EqEq,
  NotEq,
  LessEq,
  GreaterEq,
  AndAnd,
  OrOr,
  Bang,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Less,
  Greater,
  Equals,
  Colon,
  Comma,
  Dot,
  Question,
  Plus,
  Minus,
  Star,
  Slash,
  // categories last: they match nothing themselves
  Name,
  Reserved,
  StringLit,
];

/** Words that begin a declaration or a line inside one. */
export const STATEMENT_KEYWORDS: ReadonlySet<TokenType> = new Set(
  (['policy', 'import', 'record', 'enum', 'const', 'let', 'phrases', 'rule', 'example', 'metric', 'rate', 'total', 'average', 'minimum', 'maximum', 'where', 'over', 'group', 'each', 'when', 'require', 'forbid', 'hint', 'source', 'fix', 'given', 'expect', 'version', 'input'] as const).map(
    (w) => kw[w],
  ),
);

/** Words that begin a top-level declaration. */
export const DECLARATION_KEYWORDS: ReadonlySet<TokenType> = new Set(
  (['policy', 'import', 'record', 'enum', 'const', 'let', 'phrases', 'rule', 'example', 'metric'] as const).map((w) => kw[w]),
);
