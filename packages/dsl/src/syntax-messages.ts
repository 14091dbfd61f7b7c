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
import type { Span } from './ast.js';
import { editDistance, type SyntaxCode } from './catalogue.js';
import type { Diagnostic, RelatedInfo } from './diagnostics.js';
import { LineIndex } from './diagnostics.js';
import {
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

export { SYNTAX_CODES, type SyntaxCode } from './catalogue.js';

export function syntaxError(code: SyntaxCode, message: string, span: Span, help?: string, related?: RelatedInfo[]): Diagnostic {
  const d: Diagnostic = { code, severity: 'error', message, span };
  if (help) d.help = help;
  if (related?.length) d.related = related;
  return d;
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
  const msg = `'${shown}' is not part of the policy language`;
  let help = 'remove it, or put it inside double quotes if it is part of a text';
  if (c === ';') help = "remove the ';': lines need no ending mark";
  else if (c === '`') help = 'write text in double quotes: "..."';
  else if (c === '\\') help = 'a backslash is only used inside text in double quotes';
  else if (c === '&') help = 'write `and` to require both conditions';
  else if (c === '|') help = 'write `or` to accept either condition';
  else if (/\p{L}/u.test(c)) help = "names may only use the letters A to Z, digits, '_' and '-'; put other text in double quotes";
  return syntaxError('SG1001', msg, span, help);
}

/** Tokens the lexer reads but the language does not allow, such as `&&` or `'text'`. */
export function misusedTokenDiagnostic(tok: IToken, base: number): Diagnostic | null {
  const span = spanAt(tok.startOffset, tok.startOffset + tok.image.length, base);
  switch (tok.tokenType.name) {
    case 'UnclosedString':
      return syntaxError(
        'SG1002',
        "this text is missing its closing '\"' before the end of the line",
        span,
        'add \'"\' where the text ends; text in quotes must fit on one line (write \\n for a line break)',
      );
    case 'SingleQuoted': {
      const inner = tok.image.replace(/^'|'$/g, '');
      return syntaxError('SG1020', 'text must be written in double quotes, not single quotes', span, `write "${inner}" instead of ${tok.image}`);
    }
    case 'CurlyQuoted':
      return syntaxError(
        'SG1020',
        'curly quotes “ ” are not understood; text must be in straight double quotes',
        span,
        'retype the quotes as " (curly quotes often come from copying text out of a document)',
      );
    case 'AndAnd':
      return syntaxError('SG1008', "policies join conditions with 'and', not '&&'", span, 'write `and` instead of `&&`');
    case 'OrOr':
      return syntaxError('SG1008', "policies join conditions with 'or', not '||'", span, 'write `or` instead of `||`');
    case 'Bang':
      return syntaxError('SG1009', "policies use 'not', not '!'", span, 'write `not` instead of `!`, e.g. `not (subject contains "urgent")`');
    case 'TripleEq':
      return syntaxError('SG1029', "policies compare with '==', not '==='", span, 'write `==` to check that two values are equal');
    case 'BangEqEq':
      return syntaxError('SG1029', "policies compare with '!=', not '!=='", span, 'write `!=` to check that two values differ');
    default:
      return null;
  }
}

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
  rules: string[];
  rule: string;
  parent: string;
  tok: IToken;
  tokIndex: number;
  prev: IToken | undefined;
  next: IToken | undefined;
  input: ParserErrorInput;
  lines: LineIndex;
}

/** One diagnostic per parser error; errors on a token already reported are dropped. */
export function parserDiagnostics(input: ParserErrorInput): Diagnostic[] {
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
    const rules = e.context?.ruleStack ?? [];
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

const DECLARATION_WORDS = ['record', 'enum', 'const', 'phrases', 'rule', 'example', 'import'];
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
  if (expects('From')) {
    return syntaxError(
      'SG1013',
      "expected 'from' and the file to import from after the imported names",
      gap(ctx),
      'write where the names come from, e.g. `import { Attachment } from "./common.policy"`',
    );
  }
  if (expects('StringLit')) return missingText(ctx);
  if (expects('LCurly')) return missingOpenBrace(ctx);
  if (expects('Equals')) return missingEquals(ctx);
  if (expects('Greater')) {
    return syntaxError('SG1004', "expected '>' to close the type", gap(ctx), 'close the type with \'>\', e.g. `list<string>`');
  }
  if (expects('LBracket')) {
    return syntaxError(
      'SG1019',
      `expected a list of phrases in '[ ]' after '=', but found ${found(ctx)}`,
      missingSpan(ctx),
      'write the phrases in double quotes inside square brackets, e.g. `phrases marketing = ["coupon", "promo code"]`',
    );
  }
  if (expects('In') && ctx.rule === 'quantifier') {
    return syntaxError(
      'SG1019',
      `expected 'in' after ${shown(ctx.prev)}, but found ${found(ctx)}`,
      missingSpan(ctx),
      'write `any a in attachments: a.kind == "invoice"` (also `all` and `count`)',
    );
  }
  if (expects('Name') && ctx.rule === 'quantifier') {
    return syntaxError(
      'SG1012',
      `expected a name for each item after ${shown(ctx.prev)}, but found ${found(ctx)}`,
      missingSpan(ctx),
      'write `any a in attachments: a.kind == "invoice"`: `a` names each item of the list in turn',
    );
  }
  if (expects('Name') && ctx.rule === 'postfixOp') {
    return syntaxError('SG1012', `expected a field name after '.', but found ${found(ctx)}`, missingSpan(ctx), 'write the field to read, e.g. `a.fileName`');
  }
  if (expects('Into')) {
    return syntaxError(
      'SG1019',
      `expected 'into' and the field to insert into, but found ${found(ctx)}`,
      missingSpan(ctx),
      'write `fix insert "text" into subject at start`',
    );
  }
  if (expects('At')) {
    return syntaxError(
      'SG1028',
      `expected 'at start' or 'at end' after the field to insert into, but found ${found(ctx)}`,
      missingSpan(ctx),
      'write `fix insert "text" into subject at start` (or `at end`)',
    );
  }
  return generic(ctx);
}

function generic(ctx: ErrorContext): Diagnostic {
  const words = ctx.expected.map(describeExpected).filter((w, i, all) => all.indexOf(w) === i);
  const list = words.length <= 1 ? (words[0] ?? 'something else') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
  const span = isEof(ctx.tok) || onLaterLine(ctx) ? gap(ctx) : tokSpan(ctx, ctx.tok);
  return syntaxError('SG1019', `expected ${list}, but found ${found(ctx)}`, span, 'check the spelling and punctuation here');
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
  if (t.tokenType === kw.policy) {
    return syntaxError(
      'SG1026',
      "the 'policy' line must come first in the file",
      span,
      'move `policy ...` and its source, version and input lines to the top, before any import or declaration',
    );
  }
  if (t.tokenType === RCurly) {
    return syntaxError('SG1016', "found a '}' that does not close anything", span, "remove it, or add the missing '{' above it");
  }
  if ([kw.when, kw.require, kw.forbid, kw.hint, kw.fix].includes(t.tokenType)) {
    return syntaxError(
      'SG1016',
      `a '${t.image}' line must be inside a rule`,
      span,
      `put it between the '{' and '}' of a rule, e.g. \`rule my-rule "message" { ${t.image} ... }\``,
    );
  }
  if (t.tokenType === kw.given || t.tokenType === kw.expect) {
    return syntaxError('SG1016', `a '${t.image}' line must be inside an example`, span, `put it between the '{' and '}' of an \`example "name" { ... }\``);
  }
  if (t.tokenType === kw.source || t.tokenType === kw.version || t.tokenType === kw.input) {
    return syntaxError(
      'SG1016',
      `a '${t.image}' line belongs to the 'policy' line at the top of the file`,
      span,
      `move it directly under \`policy ...\` (a rule can also have its own \`source "..."\` line inside its '{ }')`,
    );
  }
  const guess = tokenMatcher(t, Name) || tokenMatcher(t, Reserved) ? didYouMean(t.image, DECLARATION_WORDS) : undefined;
  if (guess) {
    return syntaxError('SG1016', `'${t.image}' is not a kind of declaration`, span, `did you mean '${guess}'?`);
  }
  return syntaxError(
    'SG1016',
    `expected a declaration such as record, enum, const, phrases, rule or example, but found ${found(ctx)}`,
    span,
    'every part of a policy starts with one of the words record, enum, const, phrases, rule, example or import',
  );
}

function trailingInExpression(ctx: ErrorContext): Diagnostic {
  return syntaxError(
    'SG1019',
    `unexpected ${found(ctx)} after the value`,
    tokSpan(ctx, ctx.tok),
    'join values with an operator such as `and`, `or`, `==` or `+`',
  );
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
    const owner = ownerOf(ctx, opener);
    const related = opener
      ? [{ message: `the '${opener.image}' that is not closed`, span: spanAt(opener.startOffset, opener.startOffset + 1, ctx.input.base) }]
      : undefined;
    return syntaxError('SG1004', `${owner.what} is missing its closing '${c}'`, gap(ctx), owner.help, related);
  }
  return unexpectedInBlock(ctx, c);
}

function ownerOf(ctx: ErrorContext, opener: IToken | undefined): { what: string; help: string } {
  const toks = ctx.input.tokens;
  const at = opener ? toks.indexOf(opener) : ctx.tokIndex;
  const named = (kind: string, keyword: TokenType, quote = "'") => {
    const n = declaredName(toks, at, keyword);
    return n ? `the ${kind} ${quote === "'" ? `'${n}'` : n}` : `the ${kind}`;
  };
  switch (ctx.rule) {
    case 'ruleDecl':
      return { what: named('rule', kw.rule), help: "add '}' after the rule's last line" };
    case 'recordDecl':
      return { what: named('record', kw.record), help: "add '}' after the record's last field" };
    case 'enumDecl':
      return { what: named('enum', kw.enum), help: "add '}' after the enum's last value" };
    case 'exampleDecl':
      return { what: named('example', kw.example, '"'), help: "add '}' after the example's last line" };
    case 'importDecl':
      return { what: 'the list of imported names', help: "add '}' after the last imported name, then `from \"file.policy\"`" };
    case 'objectLit':
      return { what: "the value that starts with '{'", help: "add '}' after its last `key: value` entry" };
    case 'listLit':
      return { what: "the list that starts with '['", help: "add ']' after its last item" };
    case 'phrasesDecl':
      return { what: named('phrases list', kw.phrases), help: "add ']' after the last phrase" };
    case 'postfixOp':
      return { what: "the '[' after the value", help: "add ']' after the position or key, e.g. `items[0]`" };
    case 'callArgs': {
      const callee = opener ? toks[at - 1] : undefined;
      const name = callee && (tokenMatcher(callee, Name) || callee.tokenType === kw.count) ? callee.image : undefined;
      return name
        ? { what: `the '(' after '${name}'`, help: `add ')' after the last value, e.g. \`${name}(body)\`` }
        : { what: "the '('", help: "add ')' after the last value" };
    }
    case 'typeRef':
      return { what: "the 'enum(' type", help: "add ')' after the last value name" };
    default:
      return { what: "the '('", help: "add ')' where the part in brackets ends, e.g. `(a and b)`" };
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
        return syntaxError(
          'SG1017',
          `unexpected ${what} at the end of the '${line}' line`,
          span,
          condition
            ? 'join it to the condition with `and` or `or`, or put it on a new line that starts with `require` or `forbid`'
            : 'remove it, or start a new line with each, when, require, forbid, hint, source or fix',
        );
      }
      const severity = ['error', 'warning', 'info'].includes(word);
      return syntaxError(
        'SG1017',
        `expected a rule line starting with each, when, require, forbid, hint, source or fix, but found ${what}`,
        span,
        guess
          ? `did you mean '${guess}'?`
          : severity
            ? 'the severity goes on the first line, right after the rule name: `rule my-rule error "message" {`'
            : 'start each line of a rule with each, when, require, forbid, hint, source or fix; a condition continues only with `and`, `or` or an operator such as `==`',
      );
    }
    case 'recordDecl':
      return syntaxError(
        'SG1017',
        `expected a field such as \`orderId: string\`, or '}', but found ${what}`,
        span,
        'each field is a name, a colon and a type; text after a field must start a new field',
      );
    case 'enumDecl':
      return syntaxError(
        'SG1017',
        `expected a value name or '}' in the enum, but found ${what}`,
        span,
        tokenMatcher(t, StringLit) ? 'enum values are plain names without quotes, e.g. `enum Purpose { order_issue, other }`' : 'list the values as plain names separated by commas',
      );
    case 'exampleDecl':
      return syntaxError('SG1017', `expected a 'given' or 'expect' line or '}', but found ${what}`, span, 'an example has `given { ... }` and `expect rule-name` lines');
    case 'objectLit':
      return syntaxError('SG1017', `expected a \`key: value\` entry or '}', but found ${what}`, span, 'separate entries with commas, e.g. `{ body: "hello", orderId: "112-1234567-1234567" }`');
    case 'listLit':
      return syntaxError('SG1017', `expected ',' or ']' in the list, but found ${what}`, span, 'separate the items of a list with commas, e.g. `["CPC", "CE"]`');
    case 'phrasesDecl':
      return syntaxError('SG1017', `expected a phrase in double quotes or ']', but found ${what}`, span, 'write each phrase in double quotes, e.g. `["coupon", "promo code"]`');
    case 'importDecl':
      return syntaxError('SG1017', `expected ',' or '}' in the list of imported names, but found ${what}`, span, 'separate the names with commas: `import { Attachment, marketing } from "./common.policy"`');
    default:
      return syntaxError('SG1019', `expected '${c}' but found ${what}`, span, `check what comes before '${c}'; values are joined with operators such as \`and\`, \`or\`, \`==\` or \`+\``);
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
    return syntaxError('SG1006', `expected ':' after the field name '${prev}'`, gap(ctx), `write the field's name, a colon and its type, e.g. \`${prev}: ${next}\``);
  }
  if (ctx.rule === 'entry') {
    return syntaxError('SG1006', `expected ':' after the key ${shown(ctx.prev)}`, gap(ctx), 'write each entry as `key: value`, e.g. `{ body: "hello" }`');
  }
  if (ctx.rule === 'quantifier') {
    return syntaxError('SG1019', `expected ':' after the list, but found ${found(ctx)}`, missingSpan(ctx), 'write `any a in attachments: a.kind == "invoice"`');
  }
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
  return syntaxError(
    'SG1033',
    `expected ${what} after '${after}', but found ${found(ctx)}`,
    missingSpan(ctx),
    examples[after] ? `write for example ${examples[after]}` : 'put the text in double quotes',
  );
}

function missingOpenBrace(ctx: ErrorContext): Diagnostic {
  const t = ctx.tok;
  if (!isEof(t) && ctx.next && ctx.next.tokenType === LCurly && !onLaterLine(ctx)) {
    const sev = ['error', 'warning', 'info'].includes(t.image);
    return syntaxError(
      'SG1019',
      `unexpected ${found(ctx)} before '{'`,
      tokSpan(ctx, t),
      sev && ctx.rule === 'ruleDecl'
        ? 'the severity goes before the message: `rule my-rule error "message" {`'
        : ctx.rule === 'ruleDecl'
          ? 'a rule starts with `rule name severity "message" {`; remove this word'
          : 'remove it',
    );
  }
  const whose: Record<string, string> = {
    ruleDecl: "the rule's lines",
    recordDecl: "the record's fields",
    enumDecl: "the enum's values",
    exampleDecl: "the example's lines",
    importDecl: 'the names to import',
  };
  const help: Record<string, string> = {
    ruleDecl: 'write `{` at the end of the first line: `rule my-rule error "message" {`',
    recordDecl: 'write `record Message {`, one field per line, then `}`',
    enumDecl: 'write `enum Purpose { order_issue, other }`',
    exampleDecl: 'write `example "name" {`, then the given and expect lines, then `}`',
    importDecl: 'write `import { Attachment } from "./common.policy"`',
  };
  return syntaxError('SG1030', `expected '{' to start ${whose[ctx.rule] ?? 'the block'}, but found ${found(ctx)}`, gap(ctx), help[ctx.rule] ?? "add '{'");
}

function missingEquals(ctx: ErrorContext): Diagnostic {
  if (ctx.rule === 'phrasesDecl') {
    return syntaxError('SG1031', `expected '=' after the phrases name ${shown(ctx.prev)}`, gap(ctx), 'write `phrases marketing = ["coupon", "promo code"]`');
  }
  const name = declaredName(ctx.input.tokens, ctx.tokIndex, kw.const) ?? 'name';
  return syntaxError('SG1031', `expected '=' and a value after the const '${name}'`, gap(ctx), `write \`const ${name} = 30 days\` (any value works after '=')`);
}

function noAlternative(ctx: ErrorContext): Diagnostic {
  switch (ctx.rule) {
    case 'typeRef':
      return missingType(ctx);
    case 'declName':
      return missingName(ctx);
    case 'expectation':
      return syntaxError(
        'SG1007',
        `expected the name of a rule after 'expect', but found ${found(ctx)}`,
        missingSpan(ctx),
        'write `expect rule-name` (the rule should fire), `expect not rule-name` (it should not) or `expect nothing`',
      );
    case 'fixAction': {
      if (ctx.prev && ctx.prev.tokenType === kw.at) {
        return syntaxError('SG1028', `expected 'start' or 'end' after 'at', but found ${found(ctx)}`, missingSpan(ctx), 'write `at start` or `at end`');
      }
      const guess = tokenMatcher(ctx.tok, Name) ? didYouMean(ctx.tok.image, FIX_WORDS) : undefined;
      return syntaxError(
        'SG1027',
        `expected remove, replace or insert after 'fix', but found ${found(ctx)}`,
        onLaterLine(ctx) ? gap(ctx) : tokSpan(ctx, ctx.tok),
        guess ? `did you mean '${guess}'?` : 'write `fix remove`, `fix replace "new text"` or `fix insert "text" into subject at start`',
      );
    }
    default:
      return EXPRESSION_RULES.has(ctx.rule) ? missingValue(ctx) : generic(ctx);
  }
}

const EXPRESSION_RULES = new Set(['expression', 'orExpr', 'andExpr', 'notExpr', 'comparison', 'additive', 'multiplicative', 'unary', 'postfix', 'primary']);

function missingType(ctx: ErrorContext): Diagnostic {
  const inField = ctx.parent === 'field';
  const nested = ctx.parent === 'typeRef';
  const message = nested
    ? `expected a type after ${shown(ctx.prev)}, but found ${found(ctx)}`
    : inField
      ? "expected a field type such as string, text or date after ':'"
      : "expected a type such as string, number or date after ':'";
  const field = inField ? (ctx.input.tokens[ctx.tokIndex - 2]?.image ?? 'name') : 'name';
  return syntaxError(
    'SG1003',
    message,
    missingSpan(ctx),
    nested
      ? 'write the type of the items, e.g. `list<string>` or `map<list<string>>`'
      : inField
        ? `write the type after the colon, e.g. \`${field}: string\`; other types are text, number, integer, percent, boolean, date, datetime, duration, list<...>, map<...> and your own record and enum names`
        : 'write a type after the colon, or leave out the colon and the type',
  );
}

function missingName(ctx: ErrorContext): Diagnostic {
  const prev = ctx.prev?.image ?? '';
  const quoted = tokenMatcher(ctx.tok, StringLit) && !isEof(ctx.tok);
  const examples: Record<string, [string, string]> = {
    ruleDecl: ['a name for the rule', '`rule email-address error "Remove the email address" {`'],
    recordDecl: ['a name for the record', '`record Message {`'],
    enumDecl: ['a name for the enum', '`enum Purpose { order_issue, other }`'],
    constDecl: ['a name for the const', '`const maxDays = 30 days`'],
    phrasesDecl: ['a name for the phrases', '`phrases marketing = ["coupon"]`'],
    header: ['a name for the policy', '`policy buyer-messaging "Buyer-Seller Messaging"`'],
    headerItem: ['the name of the record each input row is read as', '`input Message`'],
    importDecl: ['a name to import', '`import { Attachment } from "./common.policy"`'],
    nameList: ['the name of a rule', '`expect email-address, phone-number`'],
    typeRef: ["a value name in 'enum(...)'", '`kind: enum(invoice, warranty, other)`'],
    enumMembers: ['a value name', '`enum Purpose { order_issue, other }`'],
  };
  const [what, example] = examples[ctx.parent] ?? ['a name', '`name`'];
  const help = quoted ? `names are written without quotes, e.g. ${example}` : `write for example ${example}`;
  return syntaxError('SG1012', `expected ${what} after '${prev}', but found ${found(ctx)}`, quoted ? tokSpan(ctx, ctx.tok) : missingSpan(ctx), help);
}

function missingValue(ctx: ErrorContext): Diagnostic {
  const p = ctx.prev;
  const pi = p?.image ?? '';
  let what = 'a value';
  let help = 'write a value here, such as a field name, a number, a date or text in double quotes';
  if (p && [kw.when, kw.require, kw.forbid].includes(p.tokenType)) {
    what = 'a condition';
    help = p.tokenType === kw.forbid
      ? 'write what must not happen, e.g. `forbid emails(body)`'
      : p.tokenType === kw.when
        ? 'write when the rule applies, e.g. `when purpose != "other"`'
        : 'write what must hold, e.g. `require sentAt - orderCompletedAt <= 30 days`';
  } else if (p && p.tokenType === kw.not) {
    what = 'a condition';
    help = 'write the condition that must not hold, e.g. `not (subject contains "urgent")`';
  } else if (p && p.tokenType === kw.given) {
    what = "the example's input";
    help = 'write the input record, e.g. `given { body: "write to a@b.com" }`';
  } else if (p && p.tokenType === kw.replace) {
    what = 'the replacement text';
    help = 'write `fix replace "new text"`';
  } else if (p && p.tokenType === kw.insert) {
    what = 'the text to insert';
    help = 'write `fix insert "text" into subject at start`';
  } else if (p && p.tokenType === kw.into) {
    what = 'the field to insert into';
    help = 'write `fix insert "text" into subject at start`';
  }
  const missing = isEof(ctx.tok) || onLaterLine(ctx) || CLOSERS.has(ctx.tok.tokenType) || STATEMENT_KEYWORDS.has(ctx.tok.tokenType);
  const word = ctx.tok.image;
  if (!missing && HARD_KEYWORDS.includes(word as (typeof HARD_KEYWORDS)[number])) {
    help =
      word === 'count'
        ? "'count' is a reserved word: write `count(list)` or `count x in list: condition`; a field called count must be renamed"
        : word === 'any' || word === 'all'
          ? `'${word}' is a reserved word: write \`${word} x in list: condition\``
          : `'${word}' joins or compares values; put a value before it`;
  }
  return syntaxError(
    'SG1018',
    `expected ${what} after '${pi}', but found ${found(ctx)}`,
    missing ? gap(ctx) : tokSpan(ctx, ctx.tok),
    help,
  );
}
