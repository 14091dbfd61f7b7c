/**
 * The lexer: text to tokens, comments kept aside (token group `comments`) for doc
 * comments, the formatter and highlighting.
 */
import { createTokenInstance, Lexer, tokenMatcher, type IToken } from 'chevrotain';
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { lexErrorDiagnostic, misusedTokenDiagnostic } from './syntax-messages.js';
import { allTokens, Comma, Equals, Greater, GreaterEq, kw, Less, LParen, Name, RParen } from './tokens.js';

/** `validate`: check the token definitions (slow; the test suite does it, a user's run does not, see lexer.test.ts). */
export function createPolicyLexer(opts: { validate?: boolean } = {}): Lexer {
  return new Lexer(allTokens, {
    positionTracking: 'full',
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
}

/** Offsets in diagnostics are shifted by `base`; token offsets are not. */
export function lex(text: string, base = 0): LexResult {
  const result = (policyLexer ??= createPolicyLexer()).tokenize(text);
  result.tokens = splitTypeClosers(result.tokens);
  const diagnostics: Diagnostic[] = result.errors.map((e) => lexErrorDiagnostic(e, text, base));
  for (const t of result.tokens) {
    const d = misusedTokenDiagnostic(t, base);
    if (d) diagnostics.push(d);
  }
  return { tokens: result.tokens, comments: result.groups.comments ?? [], diagnostics: sortDiagnostics(diagnostics), unreadable: result.errors.map((e) => e.offset) };
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
      const line = t.startLine ?? 1;
      const column = t.startColumn ?? 1;
      out.push(createTokenInstance(Greater, '>', at, at, line, line, column, column));
      out.push(createTokenInstance(Equals, '=', at + 1, at + 1, line, line, column + 1, column + 1));
      depth = 0;
      continue;
    } else if (depth > 0 && !inTypeArgument(t)) depth = 0;
    out?.push(t);
  }
  return out ?? tokens;
}
