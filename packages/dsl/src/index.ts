/**
 * @sellguard/dsl: the policy language's syntax. Lexer, parser, AST, syntax
 * diagnostics, highlighting tokens and the formatter.
 */
import type { Expr, PolicyFile } from './ast.js';
import type { Diagnostic } from './diagnostics.js';
import { parseDetailed, parseExpressionDetailed } from './parse.js';

export * from './ast.js';
export * from './diagnostics.js';
export { KEYWORDS, BUILTIN_TYPES, HARD_KEYWORDS, SOFT_KEYWORDS } from './tokens.js';
export * from './catalogue.js';
export { tokenize, type HighlightToken, type HighlightKind } from './highlight.js';
export { format } from './format.js';

/** Parse a policy file. Never throws: problems are returned as diagnostics and the AST keeps what could be read. */
export function parse(text: string): { ast: PolicyFile; diagnostics: Diagnostic[] } {
  const { ast, diagnostics } = parseDetailed(text);
  return { ast, diagnostics };
}

/** Parse one expression; spans (and diagnostics) are shifted by `offset`. Never throws. */
export function parseExpression(text: string, offset = 0): { expr: Expr; diagnostics: Diagnostic[] } {
  return parseExpressionDetailed(text, offset);
}
