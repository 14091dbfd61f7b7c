/**
 * Message templates: `"Sent {days(sentAt - orderCompletedAt)} days after the order"`.
 *
 * A template is split into literal text and `{expr}` interpolations. Each interpolation
 * is parsed with the expression parser, its spans shifted to absolute offsets.
 * `\{` and `\}` are literal braces; a `}` with no `{` before it is literal text.
 */
import type { Expr, Span, StringLit, TemplateLit } from './ast.js';
import type { Diagnostic } from './diagnostics.js';
import { decodeEscapes } from './literals.js';
import { report } from './catalogue.js';
import { SYNTAX_MESSAGES as M } from './syntax-catalogue.js';

/** Parses `text` as one expression whose first character is at absolute offset `offset`. */
export type ExpressionParser = (text: string, offset: number) => { expr: Expr; diagnostics: Diagnostic[] };

type Part = TemplateLit['parts'][number];

/** Build a template from a string literal (its `raw` starts one character after `str.span.start`). */
export function templateFromString(str: StringLit, parseExpr: ExpressionParser): { template: TemplateLit; diagnostics: Diagnostic[] } {
  const raw = str.raw;
  // In a raw string nothing is an escape: a backslash is text and every '{' starts a value.
  const escapes = !str.rawString;
  const rawStart = str.span.start + (str.rawString ? 2 : 1);
  const abs = (i: number) => rawStart + i;
  const parts: Part[] = [];
  const diagnostics: Diagnostic[] = [];
  let textStart = 0;
  const flushText = (end: number) => {
    if (end > textStart) {
      const text = raw.slice(textStart, end);
      parts.push({ kind: 'Text', value: escapes ? decodeEscapes(text) : text, span: { start: abs(textStart), end: abs(end) } });
    }
  };
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '\\' && escapes) {
      i += 2;
      continue;
    }
    if (c !== '{') {
      i++;
      continue;
    }
    const close = matchingBrace(raw, i, escapes);
    if (close < 0) {
      diagnostics.push(report(M.unclosedInterpolation, { start: abs(i), end: abs(i + 1) }, { example: '{orderId}' }));
      break;
    }
    flushText(i);
    const span: Span = { start: abs(i), end: abs(close + 1) };
    const inner = raw.slice(i + 1, close);
    let expr: Expr;
    if (inner.trim() === '') {
      diagnostics.push(report(M.emptyInterpolation, span, { example: '{orderId}' }));
      expr = { kind: 'Error', span };
    } else if (inner.includes('"')) {
      diagnostics.push(report(M.quotesInInterpolation, span, {}));
      expr = { kind: 'Error', span };
    } else {
      const parsed = parseExpr(inner, abs(i + 1));
      expr = parsed.expr;
      diagnostics.push(...parsed.diagnostics);
    }
    parts.push({ kind: 'Interp', expr, span });
    i = close + 1;
    textStart = i;
  }
  flushText(raw.length);
  const template: TemplateLit = { kind: 'Template', parts, raw, span: str.span };
  if (str.rawString) template.rawString = true;
  return { template, diagnostics };
}

/** Index of the `}` closing the `{` at `open`, counting nested braces; -1 if none. */
function matchingBrace(raw: string, open: number, escapes: boolean): number {
  let depth = 0;
  for (let j = open; j < raw.length; j++) {
    const ch = raw[j];
    if (ch === '\\' && escapes) {
      j++;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return j;
  }
  return -1;
}
