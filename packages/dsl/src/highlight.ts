/**
 * Highlighting tokens for editors and the web playground.
 *
 * Tokens are classified by how the parser read them: a soft keyword used as a name
 * (`source: string`) is an identifier, a name in a type position is a type, and
 * `error`/`warning`/`info` after a rule name are a severity. Message templates are
 * split: their text is `string`, the braces of `{expr}` are `interpolation`, and the
 * tokens inside the braces get their own kinds.
 */
import { tokenMatcher, type CstElement, type CstNode, type IToken, type TokenType } from 'chevrotain';
import type { AnyNode, Span, TemplateLit } from './ast.js';
import type { Diagnostic } from './diagnostics.js';
import { lex } from './lexer.js';
import { parseDetailed } from './parse.js';
import {
  AndAnd, Bang, BangEqEq, DateLit, DatetimeLit, DurationLit, EqEq, Equals, Greater, GreaterEq, Identifier, kw,
  Less, LessEq, Minus, NotEq, NumberLit, OrOr, PercentLit, Plus, Slash, Star, StringLit, TripleEq,
} from './tokens.js';

export type HighlightKind =
  | 'keyword'
  | 'type'
  | 'string'
  | 'number'
  | 'literal'
  | 'comment'
  | 'operator'
  | 'punctuation'
  | 'identifier'
  | 'severity'
  | 'interpolation';

export interface HighlightToken {
  kind: HighlightKind;
  span: Span;
}

const KEYWORD_TYPES = new Set<TokenType>(Object.values(kw));
const OPERATORS = new Set<TokenType>([EqEq, NotEq, LessEq, GreaterEq, Less, Greater, Equals, Plus, Minus, Star, Slash, TripleEq, BangEqEq, AndAnd, OrOr, Bang]);
const LITERALS = new Set<TokenType>([DurationLit, DateLit, DatetimeLit, kw.true, kw.false, kw.null]);

/** The kind of a token from its type alone. */
function lexicalKind(t: IToken): HighlightKind {
  const type = t.tokenType;
  if (tokenMatcher(t, StringLit)) return 'string';
  if (type === NumberLit || type === PercentLit) return 'number';
  if (LITERALS.has(type)) return 'literal';
  if (OPERATORS.has(type)) return 'operator';
  if (KEYWORD_TYPES.has(type)) return 'keyword';
  if (type === Identifier) return 'identifier';
  return 'punctuation';
}

/** The kind of a token from where the parser read it: `key` is its CST key, `rule` the rule it is in. */
function contextKind(t: IToken, key: string, rule: string): HighlightKind {
  if (rule === 'typeRef') {
    if (key === 'Name' || t.tokenType === kw.list || t.tokenType === kw.map || t.tokenType === kw.enum) return 'type';
    if (t.tokenType === Less || t.tokenType === Greater) return 'punctuation';
  }
  if (rule === 'severity') return t.tokenType === Identifier ? 'identifier' : 'severity';
  if (key === 'Name' || (key === 'key' && !tokenMatcher(t, StringLit))) return 'identifier';
  return lexicalKind(t);
}

function isToken(e: CstElement): e is IToken {
  return 'image' in e;
}

/** Highlighting tokens in source order; `diagnostics` are the lexer's (characters it could not read, broken text). */
export function tokenize(text: string): { tokens: HighlightToken[]; diagnostics: Diagnostic[] } {
  const parsed = parseDetailed(text);
  const kinds = new Map<number, HighlightKind>();
  const walk = (n: CstNode) => {
    for (const [key, children] of Object.entries(n.children)) {
      for (const c of children) {
        if (isToken(c)) {
          if (!Number.isNaN(c.startOffset)) kinds.set(c.startOffset, contextKind(c, key, n.name));
        } else walk(c);
      }
    }
  };
  if (parsed.cst) walk(parsed.cst);

  const templates = new Map<number, TemplateLit>();
  collectTemplates(parsed.ast, templates);

  const out: HighlightToken[] = [];
  const tokens = parsed.cst ? parsed.tokens : lex(text).tokens;
  for (const t of tokens) {
    const span = { start: t.startOffset, end: t.startOffset + t.image.length };
    const template = templates.get(t.startOffset);
    if (template && template.span.end === span.end) out.push(...templateTokens(template));
    else out.push({ kind: kinds.get(t.startOffset) ?? lexicalKind(t), span });
  }
  for (const c of parsed.comments) out.push({ kind: 'comment', span: { start: c.startOffset, end: c.startOffset + c.image.length } });
  out.sort((a, b) => a.span.start - b.span.start);
  return { tokens: out, diagnostics: parsed.cst ? parsed.lexDiagnostics : lex(text).diagnostics };
}

function templateTokens(t: TemplateLit): HighlightToken[] {
  const out: HighlightToken[] = [];
  let pos = t.span.start;
  const text = (end: number) => {
    if (end > pos) out.push({ kind: 'string', span: { start: pos, end } });
  };
  for (const part of t.parts) {
    if (part.kind !== 'Interp') continue;
    text(part.span.start);
    out.push({ kind: 'interpolation', span: { start: part.span.start, end: part.span.start + 1 } });
    const innerStart = part.span.start + 1;
    // `raw` starts after the opening quote: one character in, two for a raw string `r"`.
    const rawStart = t.span.start + (t.rawString ? 2 : 1);
    const inner = t.raw.slice(innerStart - rawStart, part.span.end - 1 - rawStart);
    for (const tok of lex(inner).tokens) {
      out.push({ kind: lexicalKind(tok), span: { start: innerStart + tok.startOffset, end: innerStart + tok.startOffset + tok.image.length } });
    }
    out.push({ kind: 'interpolation', span: { start: part.span.end - 1, end: part.span.end } });
    pos = part.span.end;
  }
  text(t.span.end);
  return out;
}

/** Every template in the tree, by start offset. */
function collectTemplates(node: unknown, into: Map<number, TemplateLit>): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) collectTemplates(n, into);
    return;
  }
  const n = node as AnyNode | TemplateLit;
  if (n.kind === 'Template') {
    into.set(n.span.start, n);
    return;
  }
  for (const [k, v] of Object.entries(n)) if (k !== 'span' && k !== 'opSpan') collectTemplates(v, into);
}
