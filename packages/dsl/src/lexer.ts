/**
 * The lexer: text to tokens, comments kept aside (token group `comments`) for doc
 * comments, the formatter and highlighting.
 */
import { Lexer, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { lexErrorDiagnostic, misusedTokenDiagnostic } from './syntax-messages.js';
import { allTokens, Comma, Equals, Greater, GreaterEq, kw, Less, LParen, Name, RParen } from './tokens.js';

/** `validate`: check the token definitions (slow; the test suite does it, a user's run does not, see lexer.test.ts). */
export function createPolicyLexer(opts: { validate?: boolean } = {}): Lexer {
  return new Lexer(allTokens, {
    // Offsets only: lines and columns are worked out from offsets where a message needs them, and the
    // parser's gates ask `lineStarts`; tracking them on every token made lexing and parsing slower.
    positionTracking: 'onlyOffset',
    // Tokens are picked by their first character: a token definition that prevents it fails at once (lexer.test.ts).
    ensureOptimizations: true,
    skipValidations: opts.validate !== true,
  });
}

/**
 * Built on the first lex, not when the module loads: building it analyses every
 * token pattern (a good part of a second on a busy machine), and many runs
 * (a cached policy, --help) never lex anything.
 */
let policyLexer: Lexer | undefined;

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
  /** Offsets of characters that could not be read (not shifted by `base`). */
  unreadable: number[];
  /** The tokens that are first on their line (a line break between them and the token before). */
  lineStarts: ReadonlySet<IToken>;
}

/** Offsets in diagnostics are shifted by `base`; token offsets are not. */
export function lex(text: string, base = 0): LexResult {
  const result = (policyLexer ??= createPolicyLexer()).tokenize(text);
  result.tokens = splitTypeClosers(result.tokens);
  const lineStarts = new Set<IToken>();
  for (let i = 1; i < result.tokens.length; i++) {
    const prev = result.tokens[i - 1];
    if (breaksLine(text, prev.startOffset + prev.image.length, result.tokens[i].startOffset)) lineStarts.add(result.tokens[i]);
  }
  const diagnostics: Diagnostic[] = result.errors.map((e) => lexErrorDiagnostic(e, text, base));
  for (const t of result.tokens) {
    const d = misusedTokenDiagnostic(t, base);
    if (d) diagnostics.push(d);
  }
  return {
    tokens: result.tokens,
    comments: result.groups.comments ?? [],
    diagnostics: sortDiagnostics(diagnostics),
    unreadable: result.errors.map((e) => e.offset),
    lineStarts,
  };
}

/** Whether text[from, to) holds a line break (only whitespace, comments and unreadable characters lie between tokens). */
function breaksLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** A one-character token of the same shape as the lexer's (offsets, no lines). */
function offsetToken(tokenType: TokenType, image: string, at: number): IToken {
  return { image, startOffset: at, endOffset: at, tokenType, tokenTypeIdx: tokenType.tokenTypeIdx! };
}

/** Tokens that may stand between `list<` or `map<` and the `>` that closes the type. */
function inTypeArgument(t: IToken): boolean {
  return tokenMatcher(t, Name) || tokenMatcher(t, Comma) || tokenMatcher(t, LParen) || tokenMatcher(t, RParen) || tokenMatcher(t, Less);
}

/**
 * `tags: list<string>= []`: the lexer reads the longest operator, `>=`, where
 * the writer meant the `>` that closes the type and the `=` of the default.
 * Inside a type argument (after `list<` or `map<`, with nothing but names,
 * commas, parentheses and nested types since), a `>=` that would close the
 * outermost `<` is split into `>` and `=`. A comparison such as `a >= b` is
 * never inside a type argument and stays one token.
 */
function splitTypeClosers(tokens: IToken[]): IToken[] {
  let depth = 0;
  let out: IToken[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    if (tokenMatcher(t, Less) && prev && (tokenMatcher(prev, kw.list) || tokenMatcher(prev, kw.map))) depth++;
    else if (depth > 0 && tokenMatcher(t, Greater)) depth--;
    else if (depth === 1 && tokenMatcher(t, GreaterEq)) {
      out ??= tokens.slice(0, i);
      const at = t.startOffset;
      out.push(offsetToken(Greater, '>', at));
      out.push(offsetToken(Equals, '=', at + 1));
      depth = 0;
      continue;
    } else if (depth > 0 && !inTypeArgument(t)) depth = 0;
    out?.push(t);
  }
  return out ?? tokens;
}
