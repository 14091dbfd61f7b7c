/**
 * The lexer: text to tokens, comments kept aside (token group `comments`) for doc
 * comments, the formatter and highlighting.
 */
import { Lexer, type IToken } from 'chevrotain';
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { lexErrorDiagnostic, misusedTokenDiagnostic } from './syntax-messages.js';
import { allTokens } from './tokens.js';

/** `validate`: check the token definitions (slow; the test suite does it, a user's run does not, see lexer.test.ts). */
export function createPolicyLexer(opts: { validate?: boolean } = {}): Lexer {
  return new Lexer(allTokens, {
    positionTracking: 'full',
    ensureOptimizations: false,
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
  const diagnostics: Diagnostic[] = result.errors.map((e) => lexErrorDiagnostic(e, text, base));
  for (const t of result.tokens) {
    const d = misusedTokenDiagnostic(t, base);
    if (d) diagnostics.push(d);
  }
  return { tokens: result.tokens, comments: result.groups.comments ?? [], diagnostics: sortDiagnostics(diagnostics), unreadable: result.errors.map((e) => e.offset) };
}
