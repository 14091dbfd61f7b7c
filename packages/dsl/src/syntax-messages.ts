/**
 * Chevrotain's lexing and parsing errors, turned into plain diagnostics a seller can act on.
 *
 * The parser's error message provider does not write prose: it records which tokens
 * were expected (as JSON). The functions here look at that, at the rule the parser
 * was in, and at the tokens around the error, and write one diagnostic in plain words.
 */
import {
  EOF,
  tokenMatcher,
  type ILexingError,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from 'chevrotain';
import type { CstRuleName } from './cst-types.js';
import type { Span } from './ast.js';
import { editDistance, report } from './catalogue.js';
import { SYNTAX_MESSAGES as M, type UnclosedBlock } from './syntax-catalogue.js';
import type { Diagnostic } from './diagnostics.js';
import { LineIndex } from './diagnostics.js';
import {
  Colon,
  HARD_KEYWORDS,
  LBracket,
  LCurly,
  LParen,
  Name,
  RBracket,
  RCurly,
  Reserved,
  RParen,
  STATEMENT_KEYWORDS,
  StringLit,
  kw,
} from './tokens.js';

// ------------------------------------------------------------------------ codes

// Codes and messages live in the catalogue (catalogue.ts, syntax-catalogue.ts); this file decides which one applies.
export { SYNTAX_CODES, type SyntaxCode } from './catalogue.js';

/**
 * Backslashes at `at` (offsets in the text between the quotes, which starts at
 * `rawStart`) that start no escape. One warning per text, at the first of them.
 */
export function unknownEscapeWarning(raw: string, at: number[], rawStart: number): Diagnostic {
  const seqs = [...new Set(at.map((i) => raw.slice(i, i + 2)))].map((s) => `'${s}'`);
  const listed = seqs.length === 1 ? `${seqs[0]} is not an escape` : `${seqs.slice(0, -1).join(', ')} and ${seqs[seqs.length - 1]} are not escapes`;
  const rawForm = raw.includes('"') ? 'a raw string such as r"\\d+"' : raw.length <= 40 ? `a raw string: r"${raw}"` : 'it as a raw string, r"..."';
  return report(M.unknownEscape, { start: rawStart + at[0], end: rawStart + at[0] + 2 }, { escapes: listed, rawForm });
}

/** Two items of a list, table or enum with no comma between them. */
export function missingCommaWarning(at: number, before: string): Diagnostic {
  return report(M.missingComma, { start: at, end: at }, { item: before });
}

/** `[1 -1]`: a minus with a space before it and none after reads as subtraction. */
export function tightMinusWarning(span: Span, left: string, right: string): Diagnostic {
  return report(M.tightMinus, span, { left, right });
}

/** An expression nested deeper than the limit every later stage can walk. */
export function expressionTooDeepError(span: Span, limit: number): Diagnostic {
  return report(M.expressionTooDeep, span, { limit: String(limit) });
}

// ------------------------------------------------------------ parser messages

/** Error "messages" that carry the expected token names as JSON; turned into words below. */
export const structuredErrorProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => JSON.stringify({ expected: [expected.name] }),
  buildNotAllInputParsedMessage: () => JSON.stringify({ expected: ['EOF'] }),
  buildNoViableAltMessage: ({ expectedPathsPerAlt }) => JSON.stringify({ expected: firstNames(expectedPathsPerAlt.flat()) }),
  buildEarlyExitMessage: ({ expectedIterationPaths }) => JSON.stringify({ expected: firstNames(expectedIterationPaths) }),
};

function firstNames(paths: TokenType[][]): string[] {
  return [...new Set(paths.map((p) => p[0]?.name).filter((n): n is string => !!n))];
}

// ------------------------------------------------------------- lexer messages

const spanAt = (start: number, end: number, base: number): Span => ({ start: start + base, end: end + base });

/** A character the lexer could not read. */
export function lexErrorDiagnostic(err: ILexingError, text: string, base: number): Diagnostic {
  const chars = text.substr(err.offset, err.length);
  const c = chars[0];
  const span = spanAt(err.offset, err.offset + err.length, base);
  const shown = chars.length <= 12 ? chars : `${chars.slice(0, 12)}…`;
  const message =
    c === ';'
      ? M.unreadableSemicolon
      : c === '`'
        ? M.unreadableBacktick
        : c === '\\'
          ? M.unreadableBackslash
          : c === '&'
            ? M.unreadableAmpersand
            : c === '|'
              ? M.unreadableBar
              : /\p{L}/u.test(c)
                ? M.unreadableLetter
                : M.unreadable;
  return report(message, span, { chars: shown });
}

/** Tokens the lexer reads but the language does not allow, such as `&&` or `'text'`. */
export function misusedTokenDiagnostic(tok: IToken, base: number): Diagnostic | null {
  // Called for every token of a file: the common case allocates nothing.
  if (!MISUSED_TOKENS.has(tok.tokenType.name)) return null;
  const span = spanAt(tok.startOffset, tok.startOffset + tok.image.length, base);
  switch (tok.tokenType.name) {
    case 'UnclosedString':
      return report(M.unclosedText, span, {});
    case 'SingleQuoted':
      return report(M.singleQuotes, span, { inner: tok.image.replace(/^'|'$/g, ''), written: tok.image });
    case 'CurlyQuoted':
      return report(M.curlyQuotes, span, {});
    case 'AndAnd':
      return report(M.doubleAmpersand, span, {});
    case 'OrOr':
      return report(M.doubleBar, span, {});
    case 'Bang':
      return report(M.bang, span, {});
    case 'TripleEq':
      return report(M.tripleEquals, span, {});
    case 'BangEqEq':
      return report(M.bangDoubleEquals, span, {});
    default:
      return null;
  }
}

/** The tokens misusedTokenDiagnostic() reports. */
const MISUSED_TOKENS: ReadonlySet<string> = new Set(['UnclosedString', 'SingleQuoted', 'CurlyQuoted', 'AndAnd', 'OrOr', 'Bang', 'TripleEq', 'BangEqEq']);

// ------------------------------------------------------------ parser errors

export interface ParserErrorInput {
  errors: IRecognitionException[];
  /** The tokens the parser read (comments and whitespace excluded). */
  tokens: IToken[];
  text: string;
  /** Added to every offset (for expressions parsed out of a larger text). */
  base: number;
  /** How to call the end of the input in messages. */
  endName: string;
  /** Offsets (relative to `text`) of characters the lexer could not read. */
  unreadable?: number[];
}

interface ErrorContext {
  kind: string;
  expected: string[];
  rules: CstRuleName[];
  rule: CstRuleName | '';
  parent: CstRuleName | '';
  tok: IToken;
  tokIndex: number;
  prev: IToken | undefined;
  next: IToken | undefined;
  input: ParserErrorInput;
  lines: LineIndex;
}

/** One diagnostic per parser error; errors on a token already reported are dropped. */
export function parserDiagnostics(input: ParserErrorInput): Diagnostic[] {
  if (input.errors.length === 0) return [];
  const lines = new LineIndex(input.text);
  const byOffset = new Map<number, number>();
  input.tokens.forEach((t, i) => byOffset.set(t.startOffset, i));
  const out: Diagnostic[] = [];
  const seenTokens = new Set<number>();
  for (const e of input.errors) {
    const isEof = e.token.tokenType === EOF || Number.isNaN(e.token.startOffset);
    const tokIndex = isEof ? input.tokens.length : (byOffset.get(e.token.startOffset) ?? input.tokens.length);
    if (seenTokens.has(tokIndex)) continue;
    seenTokens.add(tokIndex);
    // The lexer already reported a character it skipped just before this token: the parser's complaint follows from it.
    const prevEnd = tokIndex > 0 ? input.tokens[tokIndex - 1].startOffset + input.tokens[tokIndex - 1].image.length : 0;
    const tokStart = isEof ? input.text.length : e.token.startOffset;
    if (input.unreadable?.some((o) => o >= prevEnd && o < tokStart)) continue;
    let expected: string[] = [];
    try {
      expected = (JSON.parse(e.message) as { expected: string[] }).expected ?? [];
    } catch {
      expected = [];
    }
    const rules = (e.context?.ruleStack ?? []) as CstRuleName[];
    const ctx: ErrorContext = {
      kind: e.name,
      expected,
      rules,
      rule: rules[rules.length - 1] ?? '',
      parent: rules[rules.length - 2] ?? '',
      tok: e.token,
      tokIndex,
      prev: input.tokens[tokIndex - 1],
      next: input.tokens[tokIndex + 1],
      input,
      lines,
    };
    out.push(describeError(ctx));
  }
  return out;
}

// ------------------------------------------------------------------ helpers

const isEof = (t: IToken) => t.tokenType === EOF || Number.isNaN(t.startOffset);

function tokSpan(ctx: ErrorContext, t: IToken): Span {
  return spanAt(t.startOffset, t.startOffset + t.image.length, ctx.input.base);
}

/** Zero-width span just after the previous token: where something is missing. */
function gap(ctx: ErrorContext): Span {
  const p = ctx.prev;
  const at = p ? p.startOffset + p.image.length : 0;
  return spanAt(at, at, ctx.input.base);
}

function found(ctx: ErrorContext, t: IToken = ctx.tok): string {
  if (isEof(t)) return ctx.input.endName;
  const img = t.image.length > 30 ? `${t.image.slice(0, 29)}…` : t.image;
  if (tokenMatcher(t, StringLit)) return `the text ${img}`;
  return `'${img}'`;
}

function shown(t: IToken | undefined): string {
  return t ? `'${t.image}'` : 'the start';
}

function onLaterLine(ctx: ErrorContext): boolean {
  if (isEof(ctx.tok) || !ctx.prev) return true;
  return ctx.lines.locate(ctx.tok.startOffset).line > ctx.lines.locate(ctx.prev.startOffset + ctx.prev.image.length).line;
}

const CLOSERS: ReadonlySet<TokenType> = new Set([RCurly, RParen, RBracket]);

/** Where something is missing: just after the previous token when the next token is on a later line, closes a block or starts a statement; else the wrong token itself. */
function missingSpan(ctx: ErrorContext): Span {
  if (onLaterLine(ctx) || CLOSERS.has(ctx.tok.tokenType) || STATEMENT_KEYWORDS.has(ctx.tok.tokenType)) return gap(ctx);
  return tokSpan(ctx, ctx.tok);
}

/** The closest word among `words` to what was written, if it is close enough to be a typo. */
export function didYouMean(written: string, words: readonly string[]): string | undefined {
  const w = written.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const word of words) {
    const d = word.toLowerCase() === w ? 0 : editDistance(w, word.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = word;
    }
  }
  const limit = written.length <= 3 ? 1 : 2;
  return best !== undefined && bestD <= limit && best !== written ? best : undefined;
}

const DECLARATION_WORDS = ['record', 'enum', 'const', 'let', 'phrases', 'rule', 'example', 'metric', 'import'];
const RULE_LINE_WORDS = ['each', 'when', 'require', 'forbid', 'hint', 'source', 'fix'];
const FIX_WORDS = ['remove', 'replace', 'insert'];

/** The innermost opening bracket of `opener` type that is still open at token `index`. */
function openBracketAt(tokens: IToken[], index: number, opener: TokenType): IToken | undefined {
  const stack: IToken[] = [];
  for (let i = 0; i < index && i < tokens.length; i++) {
    const t = tokens[i].tokenType;
    if (t === LCurly || t === LParen || t === LBracket) stack.push(tokens[i]);
    else if (t === RCurly || t === RParen || t === RBracket) {
      const want = t === RCurly ? LCurly : t === RParen ? LParen : LBracket;
      const at = stack.map((s) => s.tokenType).lastIndexOf(want);
      if (at >= 0) stack.length = at;
    }
  }
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].tokenType === opener) return stack[i];
  return undefined;
}

/** The name written after the nearest `keyword` before token index `before`. */
function declaredName(tokens: IToken[], before: number, keyword: TokenType): string | undefined {
  for (let i = Math.min(before, tokens.length) - 1; i >= 0; i--) {
    if (tokens[i].tokenType === keyword) {
      const n = tokens[i + 1];
      return n && (tokenMatcher(n, Name) || tokenMatcher(n, StringLit)) ? n.image : undefined;
    }
  }
  return undefined;
}

// -------------------------------------------------------------- the messages

function describeError(ctx: ErrorContext): Diagnostic {
  const exp = ctx.expected;
  const expects = (name: string) => exp.length === 1 && exp[0] === name;

  if (expects('EOF')) return ctx.input.endName === 'the end of the file' ? topLevel(ctx) : trailingInExpression(ctx);
  if (expects('RCurly') || expects('RBracket') || expects('RParen')) return closer(ctx);
  if (ctx.kind === 'NoViableAltException' || ctx.kind === 'EarlyExitException') return noAlternative(ctx);
  if (expects('Colon')) return missingColon(ctx);
  if (expects('From')) return report(M.missingFrom, gap(ctx), {});
  if (expects('StringLit')) return missingText(ctx);
  if (expects('LCurly')) return missingOpenBrace(ctx);
  if (expects('Equals')) return missingEquals(ctx);
  if (expects('Greater')) return report(M.missingGreater, gap(ctx), {});
  if (expects('LBracket')) return report(M.missingPhraseList, missingSpan(ctx), { found: found(ctx) });
  if (expects('In') && ctx.rule === 'quantifier') return report(M.quantifierWithoutIn, missingSpan(ctx), { after: shown(ctx.prev), found: found(ctx) });
  if (expects('Name') && ctx.rule === 'quantifier') return report(M.quantifierWithoutName, missingSpan(ctx), { after: shown(ctx.prev), found: found(ctx) });
  if (expects('Name') && ctx.rule === 'postfixOp') return report(M.missingFieldAfterDot, missingSpan(ctx), { found: found(ctx) });
  if (expects('Into')) return report(M.missingInto, missingSpan(ctx), { found: found(ctx) });
  if (expects('At')) return report(M.missingAt, missingSpan(ctx), { found: found(ctx) });
  return generic(ctx);
}

function generic(ctx: ErrorContext): Diagnostic {
  const words = ctx.expected.map(describeExpected).filter((w, i, all) => all.indexOf(w) === i);
  const list = words.length <= 1 ? (words[0] ?? 'something else') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
  const span = isEof(ctx.tok) || onLaterLine(ctx) ? gap(ctx) : tokSpan(ctx, ctx.tok);
  return report(M.unexpected, span, { expected: list, found: found(ctx) });
}

const EXPECTED_WORDS: Record<string, string> = {
  Name: 'a name',
  Reserved: 'a name',
  Identifier: 'a name',
  StringLit: 'text in double quotes',
  NumberLit: 'a value',
  PercentLit: 'a value',
  DurationLit: 'a value',
  DateLit: 'a value',
  DatetimeLit: 'a value',
  EOF: 'the end',
};

function describeExpected(name: string): string {
  if (EXPECTED_WORDS[name]) return EXPECTED_WORDS[name];
  const tok = Object.values(kw).find((t) => t.name === name);
  if (tok) return `'${(tok.LABEL ?? name).replace(/'/g, '')}'`;
  const labels: Record<string, string> = {
    LCurly: "'{'", RCurly: "'}'", LParen: "'('", RParen: "')'", LBracket: "'['", RBracket: "']'", Colon: "':'",
    Comma: "','", Equals: "'='", Less: "'<'", Greater: "'>'", Dot: "'.'", Question: "'?'", Minus: "'-'",
  };
  return labels[name] ?? name;
}

// Garbage between declarations (the file's top-level repetition re-synced past it).
function topLevel(ctx: ErrorContext): Diagnostic {
  const t = ctx.tok;
  const span = tokSpan(ctx, t);
  if (t.tokenType === kw.policy) return report(M.policyNotFirst, span, {});
  if (t.tokenType === RCurly) return report(M.strayClosingBrace, span, {});
  if ([kw.when, kw.require, kw.forbid, kw.hint, kw.fix].includes(t.tokenType)) return report(M.ruleLineOutsideRule, span, { line: t.image });
  if (t.tokenType === kw.given || t.tokenType === kw.expect) return report(M.exampleLineOutsideExample, span, { line: t.image });
  if (t.tokenType === kw.source || t.tokenType === kw.version || t.tokenType === kw.input) return report(M.headerLineOutsideHeader, span, { line: t.image });
  const guess = tokenMatcher(t, Name) || tokenMatcher(t, Reserved) ? didYouMean(t.image, DECLARATION_WORDS) : undefined;
  if (guess) return report(M.misspeltDeclaration, span, { word: t.image, guess });
  return report(M.notADeclaration, span, { found: found(ctx) });
}

function trailingInExpression(ctx: ErrorContext): Diagnostic {
  return report(M.textAfterValue, tokSpan(ctx, ctx.tok), { found: found(ctx) });
}

// A closing bracket was expected: either it is missing, or something unexpected stands before it.
function closer(ctx: ErrorContext): Diagnostic {
  const closerTok = ctx.expected[0] === 'RCurly' ? RCurly : ctx.expected[0] === 'RParen' ? RParen : RBracket;
  const openerTok = closerTok === RCurly ? LCurly : closerTok === RParen ? LParen : LBracket;
  const c = closerTok === RCurly ? '}' : closerTok === RParen ? ')' : ']';
  const t = ctx.tok;
  const missing = isEof(t) || STATEMENT_KEYWORDS.has(t.tokenType) || (CLOSERS.has(t.tokenType) && t.tokenType !== closerTok);
  if (missing) {
    const opener = openBracketAt(ctx.input.tokens, ctx.tokIndex, openerTok);
    const callee = opener && ctx.rule === 'callArgs' ? ctx.input.tokens[ctx.input.tokens.indexOf(opener) - 1] : undefined;
    const fn = callee && (tokenMatcher(callee, Name) || callee.tokenType === kw.count) ? callee.image : undefined;
    const openerSpan = opener ? spanAt(opener.startOffset, opener.startOffset + 1, ctx.input.base) : undefined;
    const related = opener && openerSpan ? [{ message: report(M.unclosedOpener, openerSpan, { opener: opener.image }).message, span: openerSpan }] : undefined;
    const extras = related ? { related } : {};
    if (ctx.rule === 'callArgs') {
      return fn ? report(M.callNotClosed, gap(ctx), { fn }, extras) : report(M.parenNotClosed, gap(ctx), { owner: "the '('", closer: c }, extras);
    }
    const owner = ownerOf(ctx, opener);
    return report(owner.message, gap(ctx), { owner: owner.what, closer: c }, extras);
  }
  return unexpectedInBlock(ctx, c);
}

/** What a missing closing bracket belongs to, and the message that says how to close it. */
function ownerOf(ctx: ErrorContext, opener: IToken | undefined): { what: string; message: (typeof M)[UnclosedBlock] } {
  const toks = ctx.input.tokens;
  const at = opener ? toks.indexOf(opener) : ctx.tokIndex;
  const named = (kind: string, keyword: TokenType, quote = "'") => {
    const n = declaredName(toks, at, keyword);
    return n ? `the ${kind} ${quote === "'" ? `'${n}'` : n}` : `the ${kind}`;
  };
  switch (ctx.rule) {
    case 'ruleDecl':
      return { what: named('rule', kw.rule), message: M.ruleNotClosed };
    case 'recordDecl':
      return { what: named('record', kw.record), message: M.recordNotClosed };
    case 'enumDecl':
      return { what: named('enum', kw.enum), message: M.enumNotClosed };
    case 'exampleDecl':
      return { what: named('example', kw.example, '"'), message: M.exampleNotClosed };
    case 'importDecl':
      return { what: 'the list of imported names', message: M.importNotClosed };
    case 'objectLit':
      return { what: "the value that starts with '{'", message: M.tableNotClosed };
    case 'listLit':
      return { what: "the list that starts with '['", message: M.listNotClosed };
    case 'phrasesDecl':
      return { what: named('phrases list', kw.phrases), message: M.phrasesNotClosed };
    case 'postfixOp':
      return { what: "the '[' after the value", message: M.indexNotClosed };
    case 'typeRef':
      return { what: "the 'enum(' type", message: M.inlineEnumNotClosed };
    default:
      return { what: "the '('", message: M.parenNotClosed };
  }
}

function unexpectedInBlock(ctx: ErrorContext, c: string): Diagnostic {
  const t = ctx.tok;
  const span = tokSpan(ctx, t);
  const what = found(ctx);
  const word = tokenMatcher(t, Name) || tokenMatcher(t, Reserved) ? t.image : '';
  switch (ctx.rule) {
    case 'ruleDecl': {
      const guess = word ? didYouMean(word, RULE_LINE_WORDS) : undefined;
      const line = !onLaterLine(ctx) && !guess ? lineKeyword(ctx) : undefined;
      if (line) {
        const condition = line === 'when' || line === 'require' || line === 'forbid';
        return report(condition ? M.textAfterCondition : M.textAfterRuleLine, span, { found: what, line });
      }
      if (guess) return report(M.misspeltRuleLine, span, { found: what, guess });
      return report(['error', 'warning', 'info'].includes(word) ? M.severityInsideRule : M.notARuleLine, span, { found: what });
    }
    case 'recordDecl':
      return report(M.notAField, span, { found: what });
    case 'enumDecl':
      return report(tokenMatcher(t, StringLit) ? M.quotedEnumValue : M.notAnEnumValue, span, { found: what });
    case 'exampleDecl':
      return report(M.notAnExampleLine, span, { found: what });
    case 'objectLit':
      return report(M.notAnEntry, span, { found: what });
    case 'listLit':
      return report(M.notAListItem, span, { found: what });
    case 'phrasesDecl':
      return report(M.notAPhrase, span, { found: what });
    case 'importDecl':
      return report(M.notAnImportedName, span, { found: what });
    default:
      return report(M.expectedCloser, span, { closer: c, found: what });
  }
}

/** The rule-line keyword (`require`, `hint`, ...) that starts the line of the error token, if any. */
function lineKeyword(ctx: ErrorContext): string | undefined {
  const line = ctx.lines.locate(ctx.tok.startOffset).line;
  for (let i = ctx.tokIndex - 1; i >= 0; i--) {
    const t = ctx.input.tokens[i];
    if (ctx.lines.locate(t.startOffset).line !== line) return undefined;
    if (RULE_LINE_WORDS.includes(t.image) && STATEMENT_KEYWORDS.has(t.tokenType)) return t.image;
  }
  return undefined;
}

function missingColon(ctx: ErrorContext): Diagnostic {
  const prev = ctx.prev?.image ?? '';
  if (ctx.rule === 'field') {
    const next = !isEof(ctx.tok) && !onLaterLine(ctx) && tokenMatcher(ctx.tok, Name) ? ctx.tok.image : 'string';
    return report(M.missingFieldColon, gap(ctx), { field: prev, type: next });
  }
  if (ctx.rule === 'entry') return report(M.missingKeyColon, gap(ctx), { key: shown(ctx.prev) });
  if (ctx.rule === 'quantifier') return report(M.missingQuantifierColon, missingSpan(ctx), { found: found(ctx) });
  return generic(ctx);
}

function missingText(ctx: ErrorContext): Diagnostic {
  const after = ctx.prev?.image ?? '';
  const examples: Record<string, string> = {
    from: ctx.rule === 'importDecl' ? '`from "./common.policy"`' : '`from "order-id"`',
    source: '`source "Amazon Buyer-Seller Communication Guidelines"`',
    version: '`version "1.0"`',
    hint: '`hint "Send messages within 30 days of the order."`',
    example: '`example "email in body" {`',
  };
  const what =
    after === 'from' && ctx.rule === 'importDecl'
      ? 'the file to import from, in double quotes,'
      : after === 'from'
        ? "the field's other key in double quotes"
        : after === 'example'
          ? "the example's name in double quotes"
          : 'text in double quotes';
  const args = { what, after, found: found(ctx) };
  return examples[after] ? report(M.missingTextExample, missingSpan(ctx), { ...args, example: examples[after] }) : report(M.missingText, missingSpan(ctx), args);
}

function missingOpenBrace(ctx: ErrorContext): Diagnostic {
  const t = ctx.tok;
  if (!isEof(t) && ctx.next && ctx.next.tokenType === LCurly && !onLaterLine(ctx)) {
    const sev = ['error', 'warning', 'info'].includes(t.image);
    const message = ctx.rule !== 'ruleDecl' ? M.wordBeforeBrace : sev ? M.severityAfterMessage : M.wordBeforeRuleBrace;
    return report(message, tokSpan(ctx, t), { found: found(ctx) });
  }
  const args = { found: found(ctx) };
  switch (ctx.rule) {
    case 'ruleDecl':
      return report(M.ruleWithoutBrace, gap(ctx), args);
    case 'recordDecl':
      return report(M.recordWithoutBrace, gap(ctx), args);
    case 'enumDecl':
      return report(M.enumWithoutBrace, gap(ctx), args);
    case 'exampleDecl':
      return report(M.exampleWithoutBrace, gap(ctx), args);
    case 'importDecl':
      return report(M.importWithoutBrace, gap(ctx), args);
    default:
      return report(M.missingOpenBrace, gap(ctx), args);
  }
}

function missingEquals(ctx: ErrorContext): Diagnostic {
  if (ctx.rule === 'phrasesDecl') {
    return report(M.missingPhrasesEquals, gap(ctx), { name: shown(ctx.prev) });
  }
  if (ctx.rule === 'letDecl') {
    const name = declaredName(ctx.input.tokens, ctx.tokIndex, kw.let) ?? 'name';
    // `let words: list<string> = [...]`: only a const names its type; a let takes the type of its value.
    if (tokenMatcher(ctx.tok, Colon)) return report(M.letWithType, tokSpan(ctx, ctx.tok), { name });
    return report(M.missingLetEquals, gap(ctx), { name });
  }
  return report(M.missingConstEquals, gap(ctx), { name: declaredName(ctx.input.tokens, ctx.tokIndex, kw.const) ?? 'name' });
}

function noAlternative(ctx: ErrorContext): Diagnostic {
  switch (ctx.rule) {
    case 'typeRef':
      return missingType(ctx);
    case 'declName':
      return missingName(ctx);
    case 'expectation':
      return report(M.missingExpectedRule, missingSpan(ctx), { found: found(ctx) });
    case 'fixAction': {
      if (ctx.prev && ctx.prev.tokenType === kw.at) return report(M.missingStartOrEnd, missingSpan(ctx), { found: found(ctx) });
      const guess = tokenMatcher(ctx.tok, Name) ? didYouMean(ctx.tok.image, FIX_WORDS) : undefined;
      const span = onLaterLine(ctx) ? gap(ctx) : tokSpan(ctx, ctx.tok);
      return guess ? report(M.misspeltFix, span, { found: found(ctx), guess }) : report(M.unknownFix, span, { found: found(ctx) });
    }
    default:
      return EXPRESSION_RULES.has(ctx.rule) ? missingValue(ctx) : generic(ctx);
  }
}

const EXPRESSION_RULES = new Set(['expression', 'notExpr', 'comparison', 'arithmetic', 'unary', 'postfix', 'primary']);

function missingType(ctx: ErrorContext): Diagnostic {
  const inField = ctx.parent === 'field';
  const nested = ctx.parent === 'typeRef';
  if (nested) return report(M.missingItemType, missingSpan(ctx), { after: shown(ctx.prev), found: found(ctx) });
  if (inField) return report(M.missingFieldType, missingSpan(ctx), { field: ctx.input.tokens[ctx.tokIndex - 2]?.image ?? 'name' });
  return report(M.missingConstType, missingSpan(ctx), {});
}

function missingName(ctx: ErrorContext): Diagnostic {
  const prev = ctx.prev?.image ?? '';
  const quoted = tokenMatcher(ctx.tok, StringLit) && !isEof(ctx.tok);
  const examples: Partial<Record<CstRuleName, [string, string]>> = {
    ruleDecl: ['a name for the rule', '`rule email-address error "Remove the email address" {`'],
    recordDecl: ['a name for the record', '`record Message {`'],
    enumDecl: ['a name for the enum', '`enum Purpose { order_issue, other }`'],
    constDecl: ['a name for the const', '`const maxDays = 30 days`'],
    letDecl: ['a name for the let', '`let sellerFulfilled = lower(fulfillmentChannel) in channels`'],
    phrasesDecl: ['a name for the phrases', '`phrases marketing = ["coupon"]`'],
    header: ['a name for the policy', '`policy buyer-messaging "Buyer-Seller Messaging"`'],
    headerItem: ['the name of the record each input row is read as', '`input Message`'],
    importDecl: ['a name to import', '`import { Attachment } from "./common.policy"`'],
    nameList: ['the name of a rule', '`expect email-address, phone-number`'],
    typeRef: ["a value name in 'enum(...)'", '`kind: enum(invoice, warranty, other)`'],
  };
  const [what, example] = (ctx.parent && examples[ctx.parent]) || ['a name', '`name`'];
  return report(quoted ? M.quotedName : M.missingName, quoted ? tokSpan(ctx, ctx.tok) : missingSpan(ctx), { what, after: prev, found: found(ctx), example });
}

function missingValue(ctx: ErrorContext): Diagnostic {
  const p = ctx.prev?.tokenType;
  const missing = isEof(ctx.tok) || onLaterLine(ctx) || CLOSERS.has(ctx.tok.tokenType) || STATEMENT_KEYWORDS.has(ctx.tok.tokenType);
  const span = missing ? gap(ctx) : tokSpan(ctx, ctx.tok);
  const args = { after: ctx.prev?.image ?? '', found: found(ctx) };
  const word = ctx.tok.image;
  // A reserved word where a value should start: say what the word is for.
  if (!missing && HARD_KEYWORDS.includes(word as (typeof HARD_KEYWORDS)[number])) {
    const what = p === kw.when || p === kw.require || p === kw.forbid || p === kw.not ? 'a condition' : 'a value';
    if (word === 'count') return report(M.countBeforeValue, span, { ...args, what });
    if (word === 'any' || word === 'all') return report(M.quantifierBeforeValue, span, { ...args, what, word });
    return report(M.operatorBeforeValue, span, { ...args, what, word });
  }
  const message =
    p === kw.forbid
      ? M.missingForbidCondition
      : p === kw.when
        ? M.missingWhenCondition
        : p === kw.require
          ? M.missingRequireCondition
          : p === kw.not
            ? M.missingNotCondition
            : p === kw.given
              ? M.missingGiven
              : p === kw.replace
                ? M.missingReplacement
                : p === kw.insert
                  ? M.missingInsertText
                  : p === kw.into
                    ? M.missingInsertTarget
                    : M.missingValue;
  return report(message, span, args);
}
