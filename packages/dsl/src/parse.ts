/**
 * Parsing entry points: lexer, parser, error messages and AST builder put together.
 * Nothing here throws: an unexpected failure becomes diagnostic SG1099.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { Comment, Expr, PolicyFile } from './ast.js';
import { CommentIndex } from './comments.js';
import { limitNesting } from './depth.js';
import { AstBuilder } from './cst-to-ast.js';
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { lex } from './lexer.js';
import { policyParser, resetPolicyParser } from './parser.js';
import { report } from './catalogue.js';
import { SYNTAX_MESSAGES as M } from './syntax-catalogue.js';
import { parserDiagnostics } from './syntax-messages.js';

export interface ParseDetails {
  ast: PolicyFile;
  diagnostics: Diagnostic[];
  /** The tokens the parser read; empty after an internal failure. */
  tokens: IToken[];
  comments: IToken[];
  /** The lexer's own diagnostics (also included in `diagnostics`). */
  lexDiagnostics: Diagnostic[];
  cst: CstNode | null;
}

export function parseDetailed(text: string): ParseDetails {
  try {
    const lexed = lex(text);
    const comments: Comment[] = lexed.comments.map((c) => ({
      kind: 'Comment',
      text: c.image,
      span: { start: c.startOffset, end: c.startOffset + c.image.length },
    }));
    const parser = policyParser();
    parser.read(lexed.tokens, lexed.lineStarts);
    const cst = parser.file();
    const parseDiags = parserDiagnostics({
      errors: [...parser.errors],
      tokens: lexed.tokens,
      text,
      base: 0,
      endName: 'the end of the file',
      unreadable: lexed.unreadable,
    });
    const builder = new AstBuilder({ text, base: 0, parseExpr: interpolationParser, docs: new CommentIndex(text, comments) });
    const ast = builder.visit(cst) as PolicyFile;
    ast.comments = comments;
    ast.span = { start: 0, end: text.length };
    const diagnostics = finish([...lexed.diagnostics, ...parseDiags, ...builder.diagnostics, ...limitNesting(ast)]);
    return { ast, diagnostics, tokens: lexed.tokens, comments: lexed.comments, lexDiagnostics: lexed.diagnostics, cst };
  } catch (e) {
    resetPolicyParser();
    return {
      ast: { kind: 'PolicyFile', header: null, imports: [], declarations: [], comments: [], span: { start: 0, end: text.length } },
      diagnostics: [internalError(e, 0)],
      tokens: [],
      comments: [],
      lexDiagnostics: [],
      cst: null,
    };
  }
}

export function parseExpressionDetailed(text: string, offset = 0, endName = 'the end of the value'): { expr: Expr; diagnostics: Diagnostic[] } {
  try {
    const lexed = lex(text, offset);
    const parser = policyParser();
    parser.read(lexed.tokens, lexed.lineStarts);
    const cst = parser.expressionOnly();
    const parseDiags = parserDiagnostics({ errors: [...parser.errors], tokens: lexed.tokens, text, base: offset, endName, unreadable: lexed.unreadable });
    const builder = new AstBuilder({ text, base: offset, parseExpr: interpolationParser });
    const expr = (builder.visit(cst) as Expr | undefined) ?? { kind: 'Error', span: { start: offset, end: offset + text.length } };
    const holder = { expr };
    const deep = limitNesting(holder);
    return { expr: holder.expr, diagnostics: finish([...lexed.diagnostics, ...parseDiags, ...builder.diagnostics, ...deep]) };
  } catch (e) {
    resetPolicyParser();
    return { expr: { kind: 'Error', span: { start: offset, end: offset + text.length } }, diagnostics: [internalError(e, offset)] };
  }
}

/** Interpolations in messages: the end of their text is the `}` that closes them. */
function interpolationParser(text: string, offset: number) {
  return parseExpressionDetailed(text, offset, "'}'");
}

/** Sorted by position; a second diagnostic at the same place as an earlier one is dropped. */
function finish(diags: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const d of sortDiagnostics(diags)) {
    const key = `${d.span.start}:${d.span.end}:${d.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function internalError(e: unknown, offset: number): Diagnostic {
  const tooDeep = e instanceof RangeError;
  const span = { start: offset, end: offset };
  return tooDeep ? report(M.nestedTooDeeply, span, {}) : report(M.internalError, span, { why: e instanceof Error ? e.message : String(e) });
}
