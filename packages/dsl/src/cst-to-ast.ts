/**
 * CST to AST: a Chevrotain visitor that builds the AST of ast.ts with spans.
 *
 * The CST may be partial after error recovery, so every child is optional here:
 * a missing expression or type becomes an `ErrorNode`, a declaration without its
 * name becomes an `ErrorNode`. The parser already reported those; the builder adds
 * the diagnostics that need the tree: impossible dates, `=` for `==`, chained
 * comparisons, reserved words as names, unknown severities, repeated lines.
 */
import type { CstNode, IToken } from 'chevrotain';
import type * as C from './cst-types.js';
import type * as A from './ast.js';
import type { Diagnostic } from './diagnostics.js';
import type { CommentIndex } from './comments.js';
import { dateValue, decodeEscapes, durationValue, numberValue, percentValue, stringRaw, unknownEscapes } from './literals.js';
import { policyParser } from './parser.js';
import { report } from './catalogue.js';
import { SYNTAX_MESSAGES as M, type RepeatedLine } from './syntax-catalogue.js';
import { didYouMean, missingCommaWarning, tightMinusWarning, unknownEscapeWarning } from './syntax-messages.js';
import { templateFromString, type ExpressionParser } from './templates.js';
import { HARD_KEYWORDS } from './tokens.js';

type Spanned = { span: A.Span } | IToken | undefined | null;

function isToken(e: unknown): e is IToken {
  return !!e && typeof e === 'object' && 'image' in e && 'tokenType' in e;
}

/** Real tokens only: a token inserted by error recovery has no position. */
function tok(list: IToken[] | undefined, i = 0): IToken | undefined {
  const t = list?.[i];
  return t && !Number.isNaN(t.startOffset) ? t : undefined;
}

function toks(list: IToken[] | undefined): IToken[] {
  return (list ?? []).filter((t) => !Number.isNaN(t.startOffset));
}

/** Where the text of a CST node starts: its first real token (Infinity when it has none). */
function firstOffset(n: CstNode): number {
  let first = Infinity;
  for (const list of Object.values(n.children)) {
    for (const child of list) {
      const at = 'children' in child ? firstOffset(child) : child.startOffset;
      if (at < first) first = at;
    }
  }
  return first;
}

/** The CST may be partial after recovery: every child list may be missing. */
function node<N extends CstNode>(list: N[] | undefined, i = 0): N | undefined {
  return list?.[i];
}

function nodes<N extends CstNode>(list: N[] | undefined): N[] {
  return list ?? [];
}

/** The first real token among several optional children (e.g. the alternatives of one grammar choice). */
function firstTok(...lists: Array<IToken[] | undefined>): IToken | undefined {
  for (const l of lists) {
    const t = tok(l);
    if (t) return t;
  }
  return undefined;
}

const RESERVED_LIST = HARD_KEYWORDS.join(', ');

/** A binary operator where it is written. */
type Op = { op: A.BinaryOp; span: A.Span };

/** The comparison operators written with one token, in the order compOp() looks for them. */
const COMPARISON_OPS: ReadonlyArray<readonly [keyof C.CompOpCstChildren, A.BinaryOp]> = [
  ['EqEq', '=='], ['NotEq', '!='], ['LessEq', '<='], ['GreaterEq', '>='], ['Less', '<'], ['Greater', '>'],
  ['Contains', 'contains'], ['StartsWith', 'startsWith'], ['EndsWith', 'endsWith'], ['Matches', 'matches'],
];

export interface BuilderOptions {
  /** The parsed text (used to quote the author's own words in help texts). */
  text: string;
  /** Offset of the parsed text in the source the spans point into. */
  base: number;
  parseExpr: ExpressionParser;
  docs?: CommentIndex;
}

/**
 * Chevrotain's visitor base, taken from the parser when the first tree is
 * visited rather than when this module loads: building the parser analyses
 * the whole grammar, and a run that never parses (a policy read from the
 * CLI's cache of compiled policies) should not pay for it.
 */
class LazyBaseVisitor {
  /** What Chevrotain's visit() does (the first of a list; nothing for nothing), without its indirection on every node. */
  visit(cstNode: CstNode | CstNode[] | undefined, param?: unknown): unknown {
    const n = Array.isArray(cstNode) ? cstNode[0] : cstNode;
    if (n === undefined) return undefined;
    return (this as unknown as Record<string, (children: CstNode['children'], param?: unknown) => unknown>)[n.name](n.children, param);
  }

  validateVisitor(): void {
    baseVisitor().validateVisitor.call(this);
  }
}

function baseVisitor(): { visit(this: unknown, cstNode: CstNode | CstNode[] | undefined, param?: unknown): unknown; validateVisitor(this: unknown): void } {
  return policyParser().getBaseCstVisitorConstructor().prototype;
}

export class AstBuilder extends LazyBaseVisitor {
  readonly diagnostics: Diagnostic[] = [];
  /** End of the last token seen: where a missing piece is placed. */
  private cursor: number;

  constructor(private readonly opts: BuilderOptions) {
    super();
    this.cursor = opts.base;
    this.validateVisitor();
  }

  // ------------------------------------------------------------- helpers

  private span(t: IToken): A.Span {
    const s = { start: t.startOffset + this.opts.base, end: t.startOffset + t.image.length + this.opts.base };
    if (s.end > this.cursor) this.cursor = s.end;
    return s;
  }

  /** The smallest span covering the given tokens and nodes; empty at the cursor if none. */
  private cover(...items: Spanned[]): A.Span {
    let start = Infinity;
    let end = -Infinity;
    for (const it of items) {
      if (!it) continue;
      const s = isToken(it) ? (Number.isNaN(it.startOffset) ? null : this.span(it)) : it.span;
      if (!s) continue;
      if (s.start < start) start = s.start;
      if (s.end > end) end = s.end;
    }
    return start === Infinity ? { start: this.cursor, end: this.cursor } : { start, end };
  }

  private error(...items: Spanned[]): A.ErrorNode {
    return { kind: 'Error', span: this.cover(...items) };
  }

  private expr(n: CstNode | undefined, fallback: Spanned = null): A.Expr {
    if (!n) return this.error(fallback);
    const e = this.visit(n) as A.Expr | undefined;
    return e ?? this.error(fallback);
  }

  private name(n: CstNode | undefined, role: string): A.Name | null {
    return n ? ((this.visit(n, role) as A.Name | null) ?? null) : null;
  }

  private stringLit(t: IToken | undefined): A.StringLit | null {
    if (!t) return null;
    const raw = stringRaw(t.image, t.tokenType.name);
    if (t.tokenType.name === 'RawString') return { kind: 'String', value: raw, raw, rawString: true, span: this.span(t) };
    const unknown = unknownEscapes(raw);
    if (unknown.length > 0) this.diagnostics.push(unknownEscapeWarning(raw, unknown, t.startOffset + 1 + this.opts.base));
    return { kind: 'String', value: decodeEscapes(raw), raw, span: this.span(t) };
  }

  private template(t: IToken | undefined): A.TemplateLit | null {
    const s = this.stringLit(t);
    return s ? this.toTemplate(s) : null;
  }

  private toTemplate(s: A.StringLit): A.TemplateLit {
    const { template, diagnostics } = templateFromString(s, this.opts.parseExpr);
    this.diagnostics.push(...diagnostics);
    return template;
  }

  private doc(t: IToken | undefined): string | null {
    return t && this.opts.docs ? this.opts.docs.docAbove(t.startOffset + this.opts.base) : null;
  }

  /** The source text of a span, as written. */
  private written(span: A.Span): string {
    return this.opts.text.slice(span.start - this.opts.base, span.end - this.opts.base);
  }

  /** A line a block may have once, given again. */
  private repeated(t: IToken, message: (typeof M)[RepeatedLine]): void {
    this.diagnostics.push(report(message, this.span(t), {}));
  }

  // ---------------------------------------------------------- file level

  file(ctx: C.FileCstChildren): A.PolicyFile {
    const header = node(ctx.header) ? (this.visit(node(ctx.header)!) as A.PolicyHeader | null) : null;
    const imports: A.ImportDecl[] = [];
    const declarations: A.Declaration[] = [];
    const firstDecl = nodes(ctx.declaration)[0];
    const firstDeclStart = firstDecl ? firstOffset(firstDecl) : Infinity;
    for (const n of nodes(ctx.importDecl)) {
      const imp = this.visit(n) as A.ImportDecl | null;
      if (!imp) continue;
      if (imp.span.start - this.opts.base > firstDeclStart) {
        this.diagnostics.push(report(M.importAfterDeclarations, { start: imp.span.start, end: imp.span.start + 6 }, {}));
      }
      imports.push(imp);
    }
    for (const n of nodes(ctx.declaration)) declarations.push(this.visit(n) as A.Declaration);
    return { kind: 'PolicyFile', header, imports, declarations, comments: [], span: { start: this.opts.base, end: this.opts.base } };
  }

  expressionOnly(ctx: C.ExpressionOnlyCstChildren): A.Expr {
    return this.expr(node(ctx.expression));
  }

  header(ctx: C.HeaderCstChildren): A.PolicyHeader | null {
    const policy = tok(ctx.Policy);
    const id = this.name(node(ctx.name), 'policy');
    const title = this.stringLit(tok(ctx.title));
    const h: A.PolicyHeader = {
      kind: 'PolicyHeader',
      id: id ?? { kind: 'Name', text: '', span: this.cover(policy) },
      title,
      source: null,
      version: null,
      input: null,
      doc: this.doc(policy),
      span: { start: 0, end: 0 },
    };
    const parts: Spanned[] = [policy, id, title];
    for (const item of nodes(ctx.headerItem)) {
      const c = item.children;
      const source = tok(c.Source);
      const version = tok(c.Version);
      const input = tok(c.Input);
      if (source) {
        if (h.source) this.repeated(source, M.headerSourceTwice);
        else h.source = this.stringLit(tok(c.StringLit));
        parts.push(source, h.source);
      } else if (version) {
        if (h.version) this.repeated(version, M.headerVersionTwice);
        else h.version = this.stringLit(tok(c.StringLit));
        parts.push(version, h.version);
      } else if (input) {
        const name = this.name(node(c.name), 'input');
        if (h.input) this.repeated(input, M.headerInputTwice);
        else h.input = name;
        parts.push(input, name);
      }
    }
    if (!id) return null;
    h.span = this.cover(...parts);
    return h;
  }

  headerItem(): void {
    // read by header()
  }

  importDecl(ctx: C.ImportDeclCstChildren): A.ImportDecl | null {
    const names = nodes(ctx.name)
      .map((n) => this.name(n, 'import'))
      .filter((n): n is A.Name => !!n);
    const from = this.stringLit(tok(ctx.StringLit));
    if (!from || names.length === 0) return null;
    return { kind: 'ImportDecl', names, from, span: this.cover(tok(ctx.Import), from) };
  }

  declaration(ctx: C.DeclarationCstChildren): A.Declaration {
    const n =
      node(ctx.recordDecl) ?? node(ctx.enumDecl) ?? node(ctx.constDecl) ?? node(ctx.letDecl) ?? node(ctx.phrasesDecl) ?? node(ctx.metricDecl) ?? node(ctx.ruleDecl) ?? node(ctx.exampleDecl);
    return n ? (this.visit(n) as A.Declaration) : this.error();
  }

  /** A name; a reserved word is reported and still returned so the rest of the tree stays useful. */
  declName(ctx: C.DeclNameCstChildren, role?: string): A.Name | null {
    const name = tok(ctx.Name);
    if (name && name.image) return { kind: 'Name', text: name.image, span: this.span(name) };
    const reserved = tok(ctx.Reserved);
    if (!reserved) return null;
    const word = reserved.image;
    this.diagnostics.push(
      role === 'field' ? report(M.reservedFieldName, this.span(reserved), { word }) : report(M.reservedName, this.span(reserved), { word, reserved: RESERVED_LIST }),
    );
    return { kind: 'Name', text: word, span: this.span(reserved) };
  }

  // -------------------------------------------------------- declarations

  recordDecl(ctx: C.RecordDeclCstChildren): A.RecordDecl | A.ErrorNode {
    const keyword = tok(ctx.Record);
    const name = this.name(node(ctx.name), 'record');
    const fields = nodes(ctx.field)
      .map((n) => this.visit(n) as A.FieldDecl | null)
      .filter((f): f is A.FieldDecl => !!f);
    const span = this.cover(keyword, name, ...fields, tok(ctx.RCurly));
    if (!name) return { kind: 'Error', span };
    return { kind: 'RecordDecl', name, fields, doc: this.doc(keyword), span };
  }

  field(ctx: C.FieldCstChildren): A.FieldDecl | null {
    const name = this.name(node(ctx.name), 'field');
    if (!name) return null;
    const colon = tok(ctx.Colon);
    const typeNode = node(ctx.typeRef);
    const type = typeNode ? (this.visit(typeNode) as A.TypeRef) : this.error(colon ?? name);
    const question = tok(ctx.Question);
    const equals = tok(ctx.Equals);
    const def = equals ? this.expr(node(ctx.expression), equals) : null;
    const aliases = toks(ctx.StringLit)
      .map((t) => this.stringLit(t))
      .filter((s): s is A.StringLit => !!s);
    return {
      kind: 'FieldDecl',
      name,
      type,
      optional: !!question,
      default: def,
      aliases,
      doc: this.opts.docs ? this.opts.docs.docAbove(name.span.start) : null,
      span: this.cover(name, colon, type, question, equals, def, ...aliases),
    };
  }

  typeRef(ctx: C.TypeRefCstChildren): A.TypeRef {
    const list = tok(ctx.List);
    const map = tok(ctx.Map);
    const inner = node(ctx.typeRef);
    if (list || map) {
      let element = inner ? (this.visit(inner) as A.TypeRef) : this.error(tok(ctx.Less) ?? list ?? map);
      const comma = map ? tok(ctx.Comma) : undefined;
      const valueType = node(ctx.typeRef, 1);
      if (comma) {
        // `map<string, number>`: the keys of a map are always text; the second type is the values'.
        this.diagnostics.push(report(M.mapKeyType, this.span(comma), { key: this.written(element.span) }));
        if (valueType) element = this.visit(valueType) as A.TypeRef;
      }
      const span = this.cover(list ?? map, tok(ctx.Less), element, tok(ctx.Greater));
      return list ? { kind: 'ListType', element, span } : { kind: 'MapType', value: element, span };
    }
    const en = tok(ctx.Enum);
    if (en) {
      const members = nodes(ctx.member)
        .map((n) => this.name(n, 'enum value'))
        .filter((n): n is A.Name => !!n);
      return { kind: 'InlineEnumType', members, span: this.cover(en, ...members, tok(ctx.RParen)) };
    }
    const name = tok(ctx.Name);
    if (name) return { kind: 'NamedType', name: { kind: 'Name', text: name.image, span: this.span(name) }, span: this.span(name) };
    const reserved = tok(ctx.Reserved);
    if (reserved) {
      this.diagnostics.push(report(M.reservedType, this.span(reserved), { word: reserved.image }));
    }
    return this.error(reserved);
  }

  enumDecl(ctx: C.EnumDeclCstChildren): A.EnumDecl | A.ErrorNode {
    const keyword = tok(ctx.Enum);
    const name = this.name(node(ctx.name), 'enum');
    const members = nodes(ctx.member)
      .map((n) => this.name(n, 'enum value'))
      .filter((n): n is A.Name => !!n);
    this.checkCommas(members, ctx.Comma);
    const span = this.cover(keyword, name, ...members, tok(ctx.RCurly));
    if (!name) return { kind: 'Error', span };
    return { kind: 'EnumDecl', name, members, doc: this.doc(keyword), span };
  }

  constDecl(ctx: C.ConstDeclCstChildren): A.ConstDecl | A.ErrorNode {
    const keyword = tok(ctx.Const);
    const name = this.name(node(ctx.name), 'const');
    const typeNode = node(ctx.typeRef);
    const type = typeNode ? (this.visit(typeNode) as A.TypeRef) : tok(ctx.Colon) ? this.error(tok(ctx.Colon)) : null;
    const value = this.expr(node(ctx.expression), tok(ctx.Equals) ?? name);
    const span = this.cover(keyword, name, type, value);
    if (!name) return { kind: 'Error', span };
    return { kind: 'ConstDecl', name, type, value, doc: this.doc(keyword), span };
  }

  letDecl(ctx: C.LetDeclCstChildren): A.LetDecl | A.ErrorNode {
    const keyword = tok(ctx.Let);
    const name = this.name(node(ctx.name), 'let');
    const value = this.expr(node(ctx.expression), tok(ctx.Equals) ?? name);
    const span = this.cover(keyword, name, value);
    if (!name) return { kind: 'Error', span };
    return { kind: 'LetDecl', name, value, doc: this.doc(keyword), span };
  }

  phrasesDecl(ctx: C.PhrasesDeclCstChildren): A.PhrasesDecl | A.ErrorNode {
    const keyword = tok(ctx.Phrases);
    const name = this.name(node(ctx.name), 'phrases');
    const phrases = toks(ctx.StringLit)
      .map((t) => this.stringLit(t))
      .filter((s): s is A.StringLit => !!s);
    this.checkCommas(phrases, ctx.Comma);
    const span = this.cover(keyword, name, tok(ctx.LBracket), ...phrases, tok(ctx.RBracket));
    if (!name) return { kind: 'Error', span };
    return { kind: 'PhrasesDecl', name, phrases, doc: this.doc(keyword), span };
  }

  ruleDecl(ctx: C.RuleDeclCstChildren): A.RuleDecl | A.ErrorNode {
    const keyword = tok(ctx.Rule);
    const id = this.name(node(ctx.name), 'rule');
    const sevNode = node(ctx.severity);
    const severity = sevNode ? (this.visit(sevNode) as A.SeverityNode | null) : null;
    const message = this.template(tok(ctx.StringLit));
    const rule: A.RuleDecl = {
      kind: 'RuleDecl',
      id: id ?? { kind: 'Name', text: '', span: this.cover(keyword) },
      severity,
      message,
      each: null,
      when: null,
      clauses: [],
      hint: null,
      source: null,
      fix: null,
      doc: this.doc(keyword),
      span: { start: 0, end: 0 },
    };
    const parts: Spanned[] = [keyword, id, severity, message, tok(ctx.LCurly)];
    for (const item of nodes(ctx.ruleItem)) parts.push({ span: this.ruleItemInto(item, rule) });
    parts.push(tok(ctx.RCurly));
    rule.span = this.cover(...parts);
    return id ? rule : { kind: 'Error', span: rule.span };
  }

  severity(ctx: C.SeverityCstChildren): A.SeverityNode | null {
    const known = firstTok(ctx.Error, ctx.Warning, ctx.Info);
    if (known) return { kind: 'Severity', value: known.image as A.SeverityNode['value'], span: this.span(known) };
    const other = tok(ctx.Identifier);
    if (other) {
      const guess = didYouMean(other.image, ['error', 'warning', 'info']);
      this.diagnostics.push(
        guess ? report(M.misspeltSeverity, this.span(other), { word: other.image, guess }) : report(M.unknownSeverity, this.span(other), { word: other.image }),
      );
    }
    return null;
  }

  /** Reads one rule line into `rule`; returns its span. */
  private ruleItemInto(item: C.RuleItemCstNode, rule: A.RuleDecl): A.Span {
    const c = item.children;
    const each = tok(c.Each);
    const when = tok(c.When);
    const require = tok(c.Require);
    const forbid = tok(c.Forbid);
    const hint = tok(c.Hint);
    const source = tok(c.Source);
    const fix = tok(c.Fix);
    if (each) {
      const variable = tok(c.variable);
      const collection = this.expr(node(c.collection), tok(c.In) ?? each);
      const span = this.cover(each, collection);
      if (rule.each) this.repeated(each, M.ruleEachTwice);
      else if (variable) rule.each = { kind: 'Each', variable: { kind: 'Name', text: variable.image, span: this.span(variable) }, collection, span };
      return span;
    }
    if (when) {
      const e = this.expr(node(c.expression), when);
      if (rule.when) this.repeated(when, M.ruleWhenTwice);
      else rule.when = e;
      return this.cover(when, e);
    }
    if (require || forbid) {
      const kwTok = (require ?? forbid)!;
      const condition = this.expr(node(c.expression), kwTok);
      const message = this.template(tok(c.StringLit));
      const clause: A.Clause = {
        kind: 'Clause',
        mode: require ? 'require' : 'forbid',
        condition,
        message,
        span: this.cover(kwTok, condition, message),
      };
      rule.clauses.push(clause);
      return clause.span;
    }
    if (hint) {
      const t = this.template(tok(c.StringLit));
      if (rule.hint) this.repeated(hint, M.ruleHintTwice);
      else rule.hint = t;
      return this.cover(hint, t);
    }
    if (source) {
      const s = this.stringLit(tok(c.StringLit));
      if (rule.source) this.repeated(source, M.ruleSourceTwice);
      else rule.source = s;
      return this.cover(source, s);
    }
    if (fix) {
      const f = node(c.fixAction) ? (this.visit(node(c.fixAction)!, fix) as A.FixNode | null) : null;
      if (rule.fix) this.repeated(fix, M.ruleFixTwice);
      else if (f) rule.fix = f;
      return this.cover(fix, f);
    }
    return this.cover();
  }

  ruleItem(): void {
    // read by ruleDecl()
  }

  fixAction(ctx: C.FixActionCstChildren, fixTok?: IToken): A.FixNode | null {
    const remove = tok(ctx.Remove);
    if (remove) return { kind: 'RemoveFix', span: this.cover(fixTok, remove) };
    const replace = tok(ctx.Replace);
    if (replace) {
      const w = this.fixText(this.expr(node(ctx.expression), replace));
      return { kind: 'ReplaceFix', with: w, span: this.cover(fixTok, replace, w) };
    }
    const insert = tok(ctx.Insert);
    if (insert) {
      const text = this.fixText(this.expr(node(ctx.text), insert));
      const into = this.expr(node(ctx.target), tok(ctx.Into) ?? text);
      const start = tok(ctx.Start);
      const end = tok(ctx.End);
      return {
        kind: 'InsertFix',
        text,
        into,
        at: end ? 'end' : 'start',
        span: this.cover(fixTok, insert, text, tok(ctx.Into), into, tok(ctx.At), start, end),
      };
    }
    return null;
  }

  /** In a fix, a plain string is a template so `{match.text}` interpolates. */
  private fixText(e: A.Expr): A.Expr {
    return e.kind === 'String' ? this.toTemplate(e) : e;
  }

  exampleDecl(ctx: C.ExampleDeclCstChildren): A.ExampleDecl | A.ErrorNode {
    const keyword = tok(ctx.Example);
    const name = this.stringLit(tok(ctx.StringLit));
    const ex: A.ExampleDecl = { kind: 'ExampleDecl', name: name!, given: null, asOf: null, expectations: [], span: { start: 0, end: 0 } };
    const parts: Spanned[] = [keyword, name, tok(ctx.LCurly)];
    for (const item of nodes(ctx.exampleItem)) {
      const c = item.children;
      const given = tok(c.Given);
      const expect = tok(c.Expect);
      const as = tok(c.As);
      if (as) {
        const t = tok(c.DateLit) ?? tok(c.DatetimeLit);
        if (t) {
          const { ms, withTime } = dateValue(t.image);
          if (ex.asOf) this.repeated(as, M.exampleAsOfTwice);
          else ex.asOf = { kind: 'Date', withTime, ms, raw: t.image, span: this.span(t) };
        }
        parts.push(as, t ? { span: this.span(t) } : null);
        continue;
      }
      if (given) {
        const e = this.expr(node(c.expression), given);
        if (ex.given) this.repeated(given, M.exampleGivenTwice);
        else ex.given = e;
        parts.push(given, e);
      } else if (expect) {
        const exp = node(c.expectation) ? (this.visit(node(c.expectation)!, expect) as A.Expectation | null) : null;
        if (exp) ex.expectations.push(exp);
        parts.push(expect, exp);
      }
    }
    parts.push(tok(ctx.RCurly));
    ex.span = this.cover(...parts);
    return name ? ex : { kind: 'Error', span: ex.span };
  }

  metricDecl(ctx: C.MetricDeclCstChildren): A.MetricDecl | A.ErrorNode {
    const keyword = tok(ctx.Metric);
    const name = this.name(node(ctx.name), 'metric');
    const title = this.stringLit(tok(ctx.StringLit));
    const metric: A.MetricDecl = {
      kind: 'MetricDecl',
      name: name ?? { kind: 'Name', text: '', span: this.cover(keyword) },
      title,
      aggregate: null,
      where: null,
      window: null,
      groupBy: [],
      doc: this.doc(keyword),
      span: { start: 0, end: 0 },
    };
    const parts: Spanned[] = [keyword, name, title, tok(ctx.LCurly)];
    for (const item of nodes(ctx.metricItem)) {
      const c = item.children;
      const kindTok = firstTok(c.Count, c.Rate, c.Total, c.Average, c.Minimum, c.Maximum);
      const where = tok(c.Where);
      const over = tok(c.Over);
      const group = tok(c.Group);
      if (kindTok) {
        const expr = node(c.aggregateExpr) ? this.expr(node(c.aggregateExpr), kindTok) : null;
        const agg: A.MetricAggregate = { kind: 'Aggregate', aggregate: kindTok.image as A.MetricAggregate['aggregate'], expr, span: this.cover(kindTok, expr) };
        if (metric.aggregate) this.diagnostics.push(report(M.metricMeasuresTwice, this.span(kindTok), {}));
        else metric.aggregate = agg;
        parts.push(agg);
      } else if (where) {
        const e = this.expr(node(c.whereExpr), where);
        if (metric.where) this.repeated(where, M.metricWhereTwice);
        else metric.where = e;
        parts.push(where, e);
      } else if (over) {
        const d = tok(c.DurationLit);
        const by = this.expr(node(c.byExpr), tok(c.By) ?? over);
        const span = this.cover(over, by);
        if (d) {
          const length: A.DurationLit = { kind: 'Duration', ...durationValue(d.image), raw: d.image, span: this.span(d) };
          if (metric.window) this.repeated(over, M.metricOverTwice);
          else metric.window = { length, by, span };
        }
        parts.push({ span });
      } else if (group) {
        const exprs = nodes(c.groupExpr).map((n) => this.expr(n, group));
        metric.groupBy.push(...exprs);
        parts.push(group, ...exprs);
      }
    }
    parts.push(tok(ctx.RCurly));
    metric.span = this.cover(...parts);
    return name ? metric : { kind: 'Error', span: metric.span };
  }

  metricItem(): void {
    // read by metricDecl()
  }

  exampleItem(): void {
    // read by exampleDecl()
  }

  expectation(ctx: C.ExpectationCstChildren, expectTok?: IToken): A.Expectation | null {
    const nothing = tok(ctx.Nothing);
    if (nothing) return { kind: 'Expectation', mode: 'nothing', rules: [], span: this.cover(expectTok, nothing) };
    const not = tok(ctx.Not);
    const list = node(ctx.nameList);
    const rules = list ? (this.visit(list) as A.Name[]) : [];
    if (rules.length === 0) return null;
    return { kind: 'Expectation', mode: not ? 'absent' : 'fires', rules, span: this.cover(expectTok, not, ...rules) };
  }

  nameList(ctx: C.NameListCstChildren): A.Name[] {
    return nodes(ctx.name)
      .map((n) => this.name(n, 'rule'))
      .filter((n): n is A.Name => !!n);
  }

  // --------------------------------------------------------- expressions

  // Most levels of an expression hold one operand and no operator: it is passed up as it is,
  // without the lists and sorting that folding operators needs.

  /** `a and b or c`: 'and' binds tighter than 'or'; both group from the left. */
  expression(ctx: C.ExpressionCstChildren): A.Expr {
    if (!ctx.And && !ctx.Or && !ctx.notExpr?.[1]) return this.expr(node(ctx.notExpr));
    const operands = nodes(ctx.notExpr).map((n) => this.expr(n));
    return this.foldByPrecedence(operands, this.opsOf([[ctx.And, 'and'], [ctx.Or, 'or']]), 'or');
  }

  private fold(operands: A.Expr[], ops: Op[]): A.Expr {
    let left = operands[0] ?? this.error();
    for (let i = 0; i < ops.length; i++) {
      const right = operands[i + 1] ?? this.error(ops[i]);
      left = { kind: 'Binary', op: ops[i].op, left, right, opSpan: ops[i].span, span: this.cover(left, ops[i], right) };
    }
    return left;
  }

  /** Two precedence levels written at one grammar level, folded (see splitByPrecedence). */
  private foldByPrecedence(operands: A.Expr[], ops: Op[], ...loose: A.BinaryOp[]): A.Expr {
    const { groups, looseOps } = this.splitByPrecedence(operands, ops, loose);
    return this.fold(groups.map((g) => g.expr), looseOps);
  }

  /**
   * The operands between the `loose` operators (or; + and -), each folded from the left with
   * the tight operators between its operands (and; * and /), and the loose operators between
   * them. `present`: the group's first operand was written (recovery can leave it out).
   */
  private splitByPrecedence(operands: A.Expr[], ops: Op[], loose: readonly A.BinaryOp[]): { groups: { expr: A.Expr; present: boolean }[]; looseOps: Op[] } {
    const groups: { expr: A.Expr; present: boolean }[] = [];
    const looseOps: Op[] = [];
    let from = 0;
    for (let i = 0; i <= ops.length; i++) {
      if (i < ops.length && !loose.includes(ops[i].op)) continue;
      const first = operands[from] ?? this.error(from > 0 ? ops[from - 1] : null);
      groups.push({ expr: this.fold([first, ...operands.slice(from + 1, i + 1)], ops.slice(from, i)), present: from < operands.length });
      if (i < ops.length) looseOps.push(ops[i]);
      from = i + 1;
    }
    return { groups, looseOps };
  }

  /** The operators between the operands of one precedence level, in source order. */
  private opsOf(byOp: Array<[IToken[] | undefined, A.BinaryOp]>): Op[] {
    const all: Op[] = [];
    for (const [list, op] of byOp) for (const t of toks(list)) all.push({ op, span: this.span(t) });
    return all.sort((a, b) => a.span.start - b.span.start);
  }

  notExpr(ctx: C.NotExprCstChildren): A.Expr {
    const not = tok(ctx.Not);
    if (not) {
      const operand = this.expr(node(ctx.notExpr), not);
      return { kind: 'Unary', op: 'not', operand, span: this.cover(not, operand) };
    }
    return this.expr(node(ctx.comparison));
  }

  comparison(ctx: C.ComparisonCstChildren): A.Expr {
    if (!ctx.compOp && !ctx.arithmetic?.[1]) return this.expr(node(ctx.arithmetic));
    const operands = nodes(ctx.arithmetic).map((n) => this.expr(n));
    const ops = nodes(ctx.compOp).map((n) => this.visit(n) as { op: A.BinaryOp; span: A.Span; single: boolean });
    ops.forEach((o, i) => {
      if (!o.single) return;
      const [l, r] = [operands[i], operands[i + 1]];
      const example = l && r ? `\`${this.written(l.span)} == ${this.written(r.span)}\`` : '`purpose == "other"`';
      this.diagnostics.push(report(M.singleEquals, o.span, { example }));
    });
    if (ops.length > 1) {
      const [a, b, c] = operands;
      const example =
        a && b && c
          ? `\`${this.written(a.span)} ${ops[0].op} ${this.written(b.span)} and ${this.written(b.span)} ${ops[1].op} ${this.written(c.span)}\``
          : '`a < b and b < c`';
      this.diagnostics.push(report(M.chainedComparison, ops[1].span, { example }));
    }
    return this.fold(operands, ops);
  }

  compOp(ctx: C.CompOpCstChildren): { op: A.BinaryOp; span: A.Span; single: boolean } {
    const not = tok(ctx.Not);
    const inTok = tok(ctx.In);
    if (not) return { op: 'not in', span: this.cover(not, inTok), single: false };
    if (inTok) return { op: 'in', span: this.span(inTok), single: false };
    const single = tok(ctx.Equals);
    if (single) return { op: '==', span: this.span(single), single: true };
    for (const [key, op] of COMPARISON_OPS) {
      const t = tok(ctx[key]);
      if (t) return { op, span: this.span(t), single: false };
    }
    return { op: '==', span: this.cover(), single: false };
  }

  /** `a + b * c`: '*' and '/' bind tighter than '+' and '-'; both group from the left. */
  arithmetic(ctx: C.ArithmeticCstChildren): A.Expr {
    if (!ctx.Plus && !ctx.Minus && !ctx.Star && !ctx.Slash && !ctx.unary?.[1]) return this.expr(node(ctx.unary));
    const operands = nodes(ctx.unary).map((n) => this.expr(n));
    const ops = this.opsOf([[ctx.Plus, '+'], [ctx.Minus, '-'], [ctx.Star, '*'], [ctx.Slash, '/']]);
    const { groups, looseOps } = this.splitByPrecedence(operands, ops, ['+', '-']);
    looseOps.forEach((o, i) => {
      const [l, r] = [groups[i], groups[i + 1]];
      if (o.op === '-' && l?.present && r?.present && this.tightMinus(o.span)) {
        this.diagnostics.push(tightMinusWarning(this.cover(l.expr, r.expr), this.written(l.expr.span), this.written(r.expr.span)));
      }
    });
    return this.fold(groups.map((g) => g.expr), looseOps);
  }

  /** `1 -1`: a space before the minus and none after it, as in a list item written `-1`. */
  private tightMinus(minus: A.Span): boolean {
    const at = minus.start - this.opts.base;
    const before = this.opts.text[at - 1] ?? '';
    const after = this.opts.text[at + 1] ?? '';
    return /\s/.test(before) && after !== '' && !/\s/.test(after);
  }

  /** Language 1.1: the items of a list, table or enum are separated by commas (a warning, so 1.0 files still read). */
  private checkCommas(items: Array<{ span: A.Span }>, commas: IToken[] | undefined): void {
    const at = toks(commas).map((c) => c.startOffset + this.opts.base);
    for (let i = 0; i + 1 < items.length; i++) {
      const end = items[i].span.end;
      const next = items[i + 1].span.start;
      if (at.some((c) => c >= end && c < next)) continue;
      const shown = this.written(items[i].span);
      this.diagnostics.push(missingCommaWarning(end, shown.length > 30 ? `'${shown.slice(0, 27)}...'` : `'${shown}'`));
    }
  }

  unary(ctx: C.UnaryCstChildren): A.Expr {
    const minus = tok(ctx.Minus);
    if (minus) {
      const operand = this.expr(node(ctx.unary), minus);
      return { kind: 'Unary', op: '-', operand, span: this.cover(minus, operand) };
    }
    return this.expr(node(ctx.postfix));
  }

  postfix(ctx: C.PostfixCstChildren): A.Expr {
    let object = this.expr(node(ctx.primary));
    for (const op of nodes(ctx.postfixOp)) {
      const c = op.children;
      const dot = tok(c.Dot);
      if (dot) {
        const n = tok(c.Name);
        if (!n) {
          object = this.error(object, dot);
          continue;
        }
        const property: A.Name = { kind: 'Name', text: n.image, span: this.span(n) };
        object = { kind: 'Member', object, property, span: this.cover(object, property) };
      } else {
        const lb = tok(c.LBracket);
        const index = this.expr(node(c.expression), lb);
        object = { kind: 'Index', object, index, span: this.cover(object, lb, index, tok(c.RBracket)) };
      }
    }
    return object;
  }

  postfixOp(): void {
    // read by postfix()
  }

  primary(ctx: C.PrimaryCstChildren): A.Expr {
    let t: IToken | undefined;
    if ((t = tok(ctx.NumberLit))) {
      const value = numberValue(t.image);
      if (!Number.isFinite(value)) {
        this.diagnostics.push(report(M.numberTooLarge, this.span(t), { number: t.image }));
      }
      return { kind: 'Number', value, raw: t.image, span: this.span(t) };
    }
    if ((t = tok(ctx.PercentLit))) return { kind: 'Percent', value: percentValue(t.image), raw: t.image, span: this.span(t) };
    if ((t = tok(ctx.DurationLit))) return { kind: 'Duration', ...durationValue(t.image), raw: t.image, span: this.span(t) };
    if ((t = tok(ctx.DateLit) ?? tok(ctx.DatetimeLit))) {
      const { ms, withTime, problem } = dateValue(t.image);
      if (problem) {
        this.diagnostics.push(report(withTime ? M.impossibleDatetime : M.impossibleDate, this.span(t), { problem }));
      }
      return { kind: 'Date', withTime, ms, raw: t.image, span: this.span(t) };
    }
    if ((t = tok(ctx.StringLit))) return this.stringLit(t)!;
    if ((t = tok(ctx.True))) return { kind: 'Bool', value: true, span: this.span(t) };
    if ((t = tok(ctx.False))) return { kind: 'Bool', value: false, span: this.span(t) };
    if ((t = tok(ctx.Null))) return { kind: 'Null', span: this.span(t) };
    const n =
      node(ctx.quantifier) ?? node(ctx.conditional) ?? node(ctx.countCall) ?? node(ctx.nameOrCall) ?? node(ctx.parenExpr) ?? node(ctx.listLit) ?? node(ctx.objectLit);
    return n ? this.expr(n) : this.error();
  }

  quantifier(ctx: C.QuantifierCstChildren): A.Expr {
    const q = tok(ctx.Any) ?? tok(ctx.All) ?? tok(ctx.Count);
    const v = tok(ctx.Name);
    const collection = this.expr(node(ctx.collection), tok(ctx.In) ?? v ?? q);
    const body = this.expr(node(ctx.body), tok(ctx.Colon) ?? collection);
    const span = this.cover(q, v, collection, body);
    if (!q || !v) return { kind: 'Error', span };
    return {
      kind: 'Quantifier',
      quantifier: q.image as A.Quantifier['quantifier'],
      variable: { kind: 'Name', text: v.image, span: this.span(v) },
      collection,
      body,
      span,
    };
  }

  conditional(ctx: C.ConditionalCstChildren): A.Expr {
    const ifTok = tok(ctx.If)!;
    const test = this.expr(node(ctx.test), ifTok);
    const then = this.expr(node(ctx.then), tok(ctx.Then) ?? test);
    const otherwise = this.expr(node(ctx.else), tok(ctx.Else) ?? then);
    return { kind: 'Conditional', test, then, else: otherwise, span: this.cover(ifTok, test, then, otherwise) };
  }

  countCall(ctx: C.CountCallCstChildren): A.Expr {
    const c = tok(ctx.Count)!;
    const args = node(ctx.callArgs);
    const callee: A.Name = { kind: 'Name', text: 'count', span: this.span(c) };
    const { list, end } = args ? (this.visit(args) as { list: A.Expr[]; end: IToken | undefined }) : { list: [], end: undefined };
    return { kind: 'Call', callee, args: list, span: this.cover(c, ...list, end) };
  }

  nameOrCall(ctx: C.NameOrCallCstChildren): A.Expr {
    const n = tok(ctx.Name);
    if (!n) return this.error();
    const args = node(ctx.callArgs);
    if (!args) return { kind: 'Ident', name: n.image, span: this.span(n) };
    const callee: A.Name = { kind: 'Name', text: n.image, span: this.span(n) };
    const { list, end } = this.visit(args) as { list: A.Expr[]; end: IToken | undefined };
    return { kind: 'Call', callee, args: list, span: this.cover(n, ...list, end) };
  }

  callArgs(ctx: C.CallArgsCstChildren): { list: A.Expr[]; end: IToken | undefined } {
    return { list: nodes(ctx.expression).map((n) => this.expr(n)), end: tok(ctx.RParen) ?? tok(ctx.LParen) };
  }

  parenExpr(ctx: C.ParenExprCstChildren): A.Expr {
    const lp = tok(ctx.LParen);
    const e = this.expr(node(ctx.expression), lp);
    return { kind: 'Paren', expr: e, span: this.cover(lp, e, tok(ctx.RParen)) };
  }

  listLit(ctx: C.ListLitCstChildren): A.Expr {
    const items = nodes(ctx.expression).map((n) => this.expr(n));
    this.checkCommas(items, ctx.Comma);
    return { kind: 'List', items, span: this.cover(tok(ctx.LBracket), ...items, tok(ctx.RBracket)) };
  }

  objectLit(ctx: C.ObjectLitCstChildren): A.Expr {
    const entries = nodes(ctx.entry)
      .map((n) => this.visit(n) as A.ObjectEntry | null)
      .filter((e): e is A.ObjectEntry => !!e);
    this.checkCommas(entries, ctx.Comma);
    return { kind: 'Object', entries, span: this.cover(tok(ctx.LCurly), ...entries, tok(ctx.RCurly)) };
  }

  entry(ctx: C.EntryCstChildren): A.ObjectEntry | null {
    const k = tok(ctx.key);
    if (!k) return null;
    let text = k.image;
    if (k.tokenType.name === 'RawString') {
      text = stringRaw(k.image, k.tokenType.name);
    } else if (k.tokenType.name === 'DoubleQuoted' || k.tokenType.name === 'UnclosedString' || k.tokenType.name === 'SingleQuoted' || k.tokenType.name === 'CurlyQuoted') {
      text = decodeEscapes(stringRaw(k.image, k.tokenType.name));
    } else if (HARD_KEYWORDS.includes(k.image as (typeof HARD_KEYWORDS)[number])) {
      this.diagnostics.push(report(M.reservedKey, this.span(k), { word: k.image }));
    }
    const key: A.Name = { kind: 'Name', text, span: this.span(k) };
    const value = this.expr(node(ctx.expression), tok(ctx.Colon) ?? k);
    return { kind: 'Entry', key, value, span: this.cover(key, value) };
  }
}
