/**
 * The formatter: prints the AST in the canonical layout and puts the comments back.
 *
 * Layout: 2-space indentation; one field, rule line, example line or header line per
 * line; a blank line between top-level declarations; spaces around binary operators;
 * lists, objects and enums on one line when they fit in 100 columns (and hold no
 * comment), else one entry per line. Literals are printed as written (`raw`).
 *
 * Comments: a comment on its own line stays above the line it preceded; a comment at
 * the end of a line stays at the end of that line; comments before a closing `}` stay
 * there. A comment inside an expression that is printed on one line moves to the end
 * of that line. Single blank lines between lines of a block are kept.
 *
 * A file with syntax errors is returned unchanged. The result is parsed again and
 * compared with the original AST: if the meaning would change, the input is returned
 * unchanged with a warning (SG1098).
 */
import type * as A from './ast.js';
import type { Diagnostic } from './diagnostics.js';
import { parseDetailed } from './parse.js';
import { unknownEscapes } from './literals.js';
import { report } from './catalogue.js';
import { SYNTAX_MESSAGES as M } from './syntax-catalogue.js';

const WIDTH = 100;

export function format(text: string): { text: string; diagnostics: Diagnostic[]; changed: boolean } {
  const parsed = parseDetailed(text);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return { text, diagnostics: parsed.diagnostics, changed: false };
  let out: string;
  try {
    out = new Printer(text, parsed.ast).file();
  } catch (e) {
    return { text, diagnostics: [...parsed.diagnostics, unsafe(String(e))], changed: false };
  }
  const again = parseDetailed(out);
  if (again.diagnostics.length > 0 || !sameMeaning(parsed.ast, again.ast)) {
    return { text, diagnostics: [...parsed.diagnostics, unsafe('the result would read differently')], changed: false };
  }
  return { text: out, diagnostics: parsed.diagnostics, changed: out !== text };
}

function unsafe(why: string): Diagnostic {
  return report(M.formatterUnsafe, { start: 0, end: 0 }, { why });
}

/** The AST without positions. */
export function meaning(node: unknown, quoting = true): unknown {
  if (Array.isArray(node)) return node.map((n) => meaning(n, quoting));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const quoted = (node as { kind?: unknown }).kind === 'String' || (node as { kind?: unknown }).kind === 'Template';
  for (const [k, v] of Object.entries(node)) {
    if (k === 'span' || k === 'opSpan') continue;
    if (!quoting && quoted && (k === 'raw' || k === 'rawString')) continue;
    out[k] = k === 'comments' ? (v as A.Comment[]).map((c) => c.text) : meaning(v, quoting);
  }
  return out;
}

/**
 * What formatting must not change: the AST without positions and without how texts
 * are quoted (the migration writes `"\d"` as `r"\d"`); values and message parts stay.
 */
export function sameMeaning(a: A.PolicyFile, b: A.PolicyFile): boolean {
  return JSON.stringify(meaning(a, false)) === JSON.stringify(meaning(b, false));
}

interface Item {
  /** Source offsets of the item: comments before `start` lead it, comments inside or after `end` on its line trail it. */
  start: number;
  end: number;
  /** Top level only: header, import or declaration. */
  group?: 'header' | 'import' | 'decl';
  /** The item's lines, each indented. */
  render: (indent: number) => string;
}

const pad = (n: number) => ' '.repeat(n);

/** Column after printing `s` starting at column `col`. */
function endCol(s: string, col: number): number {
  const nl = s.lastIndexOf('\n');
  return nl < 0 ? col + s.length : s.length - nl - 1;
}

class Printer {
  private readonly comments: A.Comment[];
  /** Next comment not printed yet. */
  private next = 0;

  constructor(
    private readonly src: string,
    private readonly ast: A.PolicyFile,
  ) {
    this.comments = [...ast.comments].sort((a, b) => a.span.start - b.span.start);
  }

  // ------------------------------------------------------------ comments

  private takeBefore(offset: number): A.Comment[] {
    const out: A.Comment[] = [];
    while (this.next < this.comments.length && this.comments[this.next].span.start < offset) out.push(this.comments[this.next++]);
    return out;
  }

  /** The comment right after `offset` on the same line (only spaces and commas between), if any. */
  private takeTrailing(offset: number): A.Comment[] {
    const c = this.comments[this.next];
    if (c && c.span.start >= offset && /^[ \t,]*$/.test(this.src.slice(offset, c.span.start))) {
      this.next++;
      return [c];
    }
    return [];
  }

  private hasCommentsIn(span: A.Span): boolean {
    for (let i = this.next; i < this.comments.length; i++) {
      const c = this.comments[i];
      if (c.span.start >= span.end) return false;
      if (c.span.start > span.start) return true;
    }
    return false;
  }

  private blankBetween(from: number | null, to: number): boolean {
    if (from === null) return false;
    const gap = this.src.slice(from, to);
    return (gap.match(/\n/g) ?? []).length >= 2;
  }

  /** Offset of `ch` after `from`, skipping only whitespace and comments; -1 if something else comes first. */
  private findChar(from: number, ch: string): number {
    let i = from;
    while (i < this.src.length) {
      const c = this.src[i];
      if (c === ch) return i;
      if (c === '#') {
        const nl = this.src.indexOf('\n', i);
        i = nl < 0 ? this.src.length : nl;
      } else if (/\s/.test(c)) i++;
      else return -1;
    }
    return -1;
  }

  /** Start of the keyword `word` written just before `offset`, or `offset`. */
  private keywordBefore(offset: number, word: string): number {
    let i = offset;
    while (i > 0 && /\s/.test(this.src[i - 1])) i--;
    return this.src.slice(i - word.length, i) === word ? i - word.length : offset;
  }

  // --------------------------------------------------------------- blocks

  /** Items one per line with their comments; comments left before `closeAt` are printed after them. */
  private sequence(items: Item[], indent: number, closeAt: number, top = false): string[] {
    const out: string[] = [];
    let lastEnd: number | null = null;
    let prevGroup: Item['group'] | null = null;
    const separate = (at: number, groupBreak: boolean) => {
      if (out.length > 0 && (groupBreak || this.blankBetween(lastEnd, at)) && out[out.length - 1] !== '') out.push('');
    };
    // Comments left over from the previous item beyond its trailing one: they lead the next item,
    // which is where a second formatting pass would find them.
    let carry: A.Comment[] = [];
    for (const item of items) {
      const groupBreak = top && prevGroup !== null && (item.group === 'decl' || item.group !== prevGroup);
      let first = true;
      const leading = [...carry, ...this.takeBefore(item.start)];
      carry = [];
      for (const c of leading) {
        separate(c.span.start, first && groupBreak);
        out.push(pad(indent) + c.text);
        lastEnd = c.span.end;
        first = false;
      }
      separate(item.start, first && groupBreak);
      out.push(...item.render(indent).split('\n'));
      lastEnd = Math.max(item.end, lastEnd ?? 0);
      const after = [...this.takeBefore(item.end), ...this.takeTrailing(item.end)];
      if (after.length > 0) {
        out[out.length - 1] += ` ${after[0].text}`;
        carry = after.slice(1);
        lastEnd = Math.max(lastEnd, after[0].span.end);
      }
      prevGroup = item.group ?? null;
    }
    for (const c of [...carry, ...this.takeBefore(closeAt)]) {
      separate(c.span.start, false);
      out.push(pad(indent) + c.text);
      lastEnd = c.span.end;
    }
    return out;
  }

  /** `head {` + items + `}`; `head {}` when there is nothing inside. */
  private block(head: string, openAt: number, items: Item[], indent: number, closeAt: number): string {
    const opener = openAt >= 0 ? this.takeTrailing(openAt + 1) : [];
    const body = this.sequence(items, indent + 2, closeAt);
    if (opener.length === 0 && body.length === 0) return `${pad(indent)}${head} {}`;
    const first = `${pad(indent)}${head} {${opener.length ? ` ${opener[0].text}` : ''}`;
    return [first, ...body, `${pad(indent)}}`].join('\n');
  }

  /**
   * `[a, b]` on one line if it fits (and holds no comment), else one element
   * per line. With `fill` (lists of plain literals such as phrase lists), the
   * elements are packed into as few lines as fit instead.
   */
  private group(open: string, close: string, span: A.Span, elems: Item[], indent: number, col: number, spaced: boolean, fill = false): string {
    const flatElems = elems.map((e) => e.render(-1));
    const inner = flatElems.join(', ');
    const flat = elems.length === 0 ? `${open}${close}` : spaced ? `${open} ${inner} ${close}` : `${open}${inner}${close}`;
    const commented = this.hasCommentsIn(span);
    const multiline = commented || (col + flat.length > WIDTH && elems.length > 0) || flat.includes('\n');
    if (!multiline) return flat;
    if (fill && !commented) {
      const lines: string[] = [open];
      let line = '';
      flatElems.forEach((text, i) => {
        const piece = text + (i < flatElems.length - 1 ? ',' : '');
        if (line && indent + 2 + line.length + 1 + piece.length > WIDTH) {
          lines.push(pad(indent + 2) + line);
          line = piece;
        } else line = line ? `${line} ${piece}` : piece;
      });
      if (line) lines.push(pad(indent + 2) + line);
      lines.push(pad(indent) + close);
      return lines.join('\n');
    }
    const lines: string[] = [];
    const opener = this.takeTrailing(span.start + 1);
    lines.push(open + (opener.length ? ` ${opener[0].text}` : ''));
    const body = this.sequence(
      elems.map((e, i) => ({ ...e, render: (ind: number) => e.render(ind) + (i < elems.length - 1 ? ',' : '') })),
      indent + 2,
      span.end - 1,
    );
    lines.push(...body, pad(indent) + close);
    return lines.join('\n');
  }

  // ----------------------------------------------------------------- file

  file(): string {
    const a = this.ast;
    const items: Item[] = [];
    if (a.header) {
      const h = a.header;
      items.push({ group: 'header', start: h.span.start, end: h.span.end, render: (ind) => this.header(h, ind) });
    }
    for (const imp of a.imports) {
      items.push({ group: 'import', start: imp.span.start, end: imp.span.end, render: (ind) => pad(ind) + this.importLine(imp) });
    }
    for (const d of a.declarations) items.push({ group: 'decl', start: d.span.start, end: d.span.end, render: (ind) => this.declaration(d, ind) });
    items.sort((x, y) => x.start - y.start);
    const lines = this.sequence(items, 0, this.src.length + 1, true);
    return lines.length ? `${lines.join('\n')}\n` : '';
  }

  private header(h: A.PolicyHeader, indent: number): string {
    const last = h.title ?? h.id;
    let first = `${pad(indent)}policy ${h.id.text}${h.title ? ` ${q(h.title)}` : ''}`;
    const trailing = this.takeTrailing(last.span.end);
    if (trailing.length) first += ` ${trailing[0].text}`;
    const parts: Item[] = [];
    if (h.source) {
      const s = h.source;
      parts.push({ start: this.keywordBefore(s.span.start, 'source'), end: s.span.end, render: (ind) => `${pad(ind)}source ${q(s)}` });
    }
    if (h.version) {
      const v = h.version;
      parts.push({ start: this.keywordBefore(v.span.start, 'version'), end: v.span.end, render: (ind) => `${pad(ind)}version ${q(v)}` });
    }
    if (h.input) {
      const n = h.input;
      parts.push({ start: this.keywordBefore(n.span.start, 'input'), end: n.span.end, render: (ind) => `${pad(ind)}input ${n.text}` });
    }
    parts.sort((x, y) => x.start - y.start);
    return [first, ...this.sequence(parts, indent + 2, h.span.end)].join('\n');
  }

  private importLine(imp: A.ImportDecl): string {
    return `import { ${imp.names.map((n) => n.text).join(', ')} } from ${q(imp.from)}`;
  }

  private declaration(d: A.Declaration, indent: number): string {
    switch (d.kind) {
      case 'RecordDecl':
        return this.block(
          `record ${d.name.text}`,
          this.findChar(d.name.span.end, '{'),
          d.fields.map((f) => ({ start: f.span.start, end: f.span.end, render: (ind: number) => pad(ind) + this.field(f, ind) })),
          indent,
          d.span.end - 1,
        );
      case 'EnumDecl': {
        const open = this.findChar(d.name.span.end, '{');
        const head = `${pad(indent)}enum ${d.name.text} `;
        const members = d.members.map((m) => ({ start: m.span.start, end: m.span.end, render: (ind: number) => pad(Math.max(ind, 0)) + m.text }));
        return head + this.group('{', '}', { start: open, end: d.span.end }, members, indent, head.length, true);
      }
      case 'ConstDecl': {
        const head = `${pad(indent)}const ${d.name.text}${d.type ? `: ${typeText(d.type)}` : ''} = `;
        return head + this.expr(d.value, indent, head.length);
      }
      case 'LetDecl': {
        const head = `${pad(indent)}let ${d.name.text} = `;
        return head + this.expr(d.value, indent, head.length);
      }
      case 'PhrasesDecl': {
        const head = `${pad(indent)}phrases ${d.name.text} = `;
        const open = this.findChar(this.findChar(d.name.span.end, '=') + 1, '[');
        const items = d.phrases.map((p) => ({ start: p.span.start, end: p.span.end, render: (ind: number) => pad(Math.max(ind, 0)) + q(p) }));
        return head + this.group('[', ']', { start: open, end: d.span.end }, items, indent, head.length, false, true);
      }
      case 'MetricDecl':
        return this.metric(d, indent);
      case 'RuleDecl':
        return this.rule(d, indent);
      case 'ExampleDecl':
        return this.example(d, indent);
      case 'Error':
        throw new Error('cannot format a declaration that could not be read');
    }
  }

  private field(f: A.FieldDecl, indent: number): string {
    let s = `${f.name.text}: ${typeText(f.type)}${f.optional ? '?' : ''}`;
    if (f.default) s += ` = ${this.expr(f.default, indent, indent + s.length + 3)}`;
    if (f.aliases.length) s += ` from ${f.aliases.map(q).join(', ')}`;
    return s;
  }

  private rule(r: A.RuleDecl, indent: number): string {
    const head = `rule ${r.id.text}${r.severity ? ` ${r.severity.value}` : ''}${r.message ? ` ${q(r.message)}` : ''}`;
    const items: Item[] = [];
    const line = (start: number, end: number, render: (ind: number) => string) => items.push({ start, end, render });
    if (r.each) {
      const e = r.each;
      line(e.span.start, e.span.end, (ind) => {
        const head = `${pad(ind)}each ${e.variable.text} in `;
        return head + this.expr(e.collection, ind, head.length);
      });
    }
    if (r.when) {
      const w = r.when;
      line(this.keywordBefore(w.span.start, 'when'), w.span.end, (ind) => `${pad(ind)}when ${this.expr(w, ind, ind + 5)}`);
    }
    for (const c of r.clauses) {
      line(c.span.start, c.span.end, (ind) => {
        const head = `${pad(ind)}${c.mode} `;
        const cond = this.expr(c.condition, ind, head.length);
        return `${head}${cond}${c.message ? ` ${q(c.message)}` : ''}`;
      });
    }
    if (r.hint) {
      const h = r.hint;
      line(this.keywordBefore(h.span.start, 'hint'), h.span.end, (ind) => `${pad(ind)}hint ${q(h)}`);
    }
    if (r.source) {
      const s = r.source;
      line(this.keywordBefore(s.span.start, 'source'), s.span.end, (ind) => `${pad(ind)}source ${q(s)}`);
    }
    if (r.fix) {
      const f = r.fix;
      line(f.span.start, f.span.end, (ind) => pad(ind) + this.fix(f, ind));
    }
    items.sort((x, y) => x.start - y.start);
    const after = r.message ?? r.severity ?? r.id;
    return this.block(head, this.findChar(after.span.end, '{'), items, indent, r.span.end - 1);
  }

  private fix(f: A.FixNode, indent: number): string {
    switch (f.kind) {
      case 'RemoveFix':
        return 'fix remove';
      case 'ReplaceFix':
        return `fix replace ${this.expr(f.with, indent, indent + 12)}`;
      case 'InsertFix': {
        let s = 'fix insert ';
        s += this.expr(f.text, indent, indent + s.length);
        s += ' into ';
        s += this.expr(f.into, indent, endCol(s, indent));
        return `${s} at ${f.at}`;
      }
    }
  }

  private metric(m: A.MetricDecl, indent: number): string {
    const items: Item[] = [];
    const add = (start: number, end: number, head: string, e: A.Expr | null) =>
      items.push({ start, end, render: (ind) => `${pad(ind)}${head}${e ? ` ${this.expr(e, ind, ind + head.length + 1)}` : ''}` });
    if (m.aggregate) add(m.aggregate.span.start, m.aggregate.span.end, m.aggregate.aggregate, m.aggregate.expr);
    if (m.where) add(this.keywordBefore(m.where.span.start, 'where'), m.where.span.end, 'where', m.where);
    if (m.window) {
      const w = m.window;
      items.push({ start: w.span.start, end: w.span.end, render: (ind) => `${pad(ind)}over ${w.length.raw} by ${this.expr(w.by, ind, ind + 9 + w.length.raw.length)}` });
    }
    if (m.groupBy.length) {
      const first = m.groupBy[0];
      const last = m.groupBy[m.groupBy.length - 1];
      const start = this.keywordBefore(this.keywordBefore(first.span.start, 'by'), 'group');
      items.push({ start, end: last.span.end, render: (ind) => `${pad(ind)}group by ${m.groupBy.map((g) => this.expr(g, -1, 0)).join(', ')}` });
    }
    items.sort((x, y) => x.start - y.start);
    const head = `metric ${m.name.text}${m.title ? ` ${q(m.title)}` : ''}`;
    return this.block(head, this.findChar((m.title ?? m.name).span.end, '{'), items, indent, m.span.end - 1);
  }

  private example(e: A.ExampleDecl, indent: number): string {
    const items: Item[] = [];
    if (e.given) {
      const g = e.given;
      items.push({ start: this.keywordBefore(g.span.start, 'given'), end: g.span.end, render: (ind) => `${pad(ind)}given ${this.expr(g, ind, ind + 6)}` });
    }
    if (e.asOf) {
      const a = e.asOf;
      items.push({ start: this.keywordBefore(this.keywordBefore(a.span.start, 'of'), 'as'), end: a.span.end, render: (ind) => `${pad(ind)}as of ${a.raw}` });
    }
    for (const x of e.expectations) {
      items.push({
        start: x.span.start,
        end: x.span.end,
        render: (ind) =>
          `${pad(ind)}expect ${x.mode === 'nothing' ? 'nothing' : `${x.mode === 'absent' ? 'not ' : ''}${x.rules.map((r) => r.text).join(', ')}`}`,
      });
    }
    items.sort((x, y) => x.start - y.start);
    return this.block(`example ${q(e.name)}`, this.findChar(e.name.span.end, '{'), items, indent, e.span.end - 1);
  }

  // ---------------------------------------------------------- expressions

  /**
   * An expression starting at column `col` of a line indented by `indent`. Lists and
   * objects that do not fit (or hold comments) are broken one element per line;
   * nothing else is broken. `indent < 0` means "flat, and take no comments".
   */
  private expr(e: A.Expr, indent: number, col: number): string {
    const sub = (x: A.Expr, c: number) => this.expr(x, indent, c);
    switch (e.kind) {
      case 'Number':
      case 'Percent':
      case 'Duration':
      case 'Date':
        return e.raw;
      case 'String':
      case 'Template':
        return q(e);
      case 'Bool':
        return e.value ? 'true' : 'false';
      case 'Null':
        return 'null';
      case 'Ident':
        return e.name;
      case 'Member':
        return `${sub(e.object, col)}.${e.property.text}`;
      case 'Index': {
        const o = sub(e.object, col);
        return `${o}[${sub(e.index, endCol(o, col) + 1)}]`;
      }
      case 'Call': {
        let s = `${e.callee.text}(`;
        e.args.forEach((a, i) => {
          if (i > 0) s += ', ';
          s += e.callee.text === 'find' && i === 1 && a.kind === 'String' ? pattern(a) : sub(a, endCol(s, col));
        });
        return `${s})`;
      }
      case 'Unary':
        return e.op === 'not' ? `not ${sub(e.operand, col + 4)}` : `-${sub(e.operand, col + 1)}`;
      case 'Binary': {
        const l = sub(e.left, col);
        const r = e.op === 'matches' && e.right.kind === 'String' ? pattern(e.right) : sub(e.right, endCol(l, col) + e.op.length + 2);
        return `${l} ${e.op} ${r}`;
      }
      case 'Paren':
        return `(${sub(e.expr, col + 1)})`;
      case 'Conditional': {
        let s = 'if ';
        s += sub(e.test, col + s.length);
        s += ' then ';
        s += sub(e.then, endCol(s, col));
        s += ' else ';
        return s + sub(e.else, endCol(s, col));
      }
      case 'Quantifier': {
        let s = `${e.quantifier} ${e.variable.text} in `;
        s += sub(e.collection, col + s.length);
        s += ': ';
        return s + sub(e.body, endCol(s, col));
      }
      case 'List':
        if (indent < 0) return `[${e.items.map((x) => this.expr(x, -1, 0)).join(', ')}]`;
        return this.group(
          '[',
          ']',
          e.span,
          e.items.map((x) => ({ start: x.span.start, end: x.span.end, render: (ind: number) => (ind < 0 ? this.expr(x, -1, 0) : pad(ind) + this.expr(x, ind, ind)) })),
          indent,
          col,
          false,
          e.items.every((x) => x.kind === 'String' || x.kind === 'Number' || x.kind === 'Percent' || x.kind === 'Date'),
        );
      case 'Object':
        if (indent < 0) return e.entries.length ? `{ ${e.entries.map((x) => this.entry(x, -1)).join(', ')} }` : '{}';
        return this.group(
          '{',
          '}',
          e.span,
          e.entries.map((x) => ({ start: x.span.start, end: x.span.end, render: (ind: number) => (ind < 0 ? this.entry(x, -1) : pad(ind) + this.entry(x, ind)) })),
          indent,
          col,
          true,
        );
      case 'Error':
        throw new Error('cannot format an expression that could not be read');
    }
  }

  private entry(x: A.ObjectEntry, indent: number): string {
    // A quoted key is printed as written.
    const key = this.src[x.key.span.start] === '"' ? this.src.slice(x.key.span.start, x.key.span.end) : x.key.text;
    return `${key}: ${this.expr(x.value, indent, Math.max(indent, 0) + key.length + 2)}`;
  }
}

/**
 * Text in quotes as written, except that language 1.0's unknown escapes (`"\d{17}"`,
 * SG1034) are rewritten to what they always meant: a raw string `r"\d{17}"`, or a
 * doubled backslash where a raw string cannot say the same (text that also holds real
 * escapes or quotes).
 */
function q(s: A.StringLit | A.TemplateLit): string {
  if (s.rawString) return `r"${s.raw}"`;
  const unknown = unknownEscapes(s.raw);
  if (unknown.length === 0) return `"${s.raw}"`;
  // With no real escape in it, the same characters in a raw string mean the same text (and the same message template).
  const onlyUnknown = unknown.length === (s.raw.match(/\\/g) ?? []).length && !s.raw.includes('"');
  if (onlyUnknown) return `r"${s.raw}"`;
  let out = s.raw;
  for (const at of [...unknown].reverse()) out = `${out.slice(0, at)}\\${out.slice(at)}`;
  return `"${out}"`;
}

/**
 * A regular expression (`matches "..."`, `find(t, "...")`) is written as a raw string
 * whenever one says the same, so that `\\b` and `\b` in old patterns both become the
 * one `r"\b"`: a pattern reads as RE2 reads it.
 */
function pattern(s: A.StringLit): string {
  if (s.rawString) return q(s);
  const escapes = s.raw.match(/\\./g) ?? [];
  const onlyBackslashes = escapes.every((e) => e === '\\\\' || !'"{}ntu'.includes(e[1]));
  const writable = !/["\u0000-\u001f]/.test(s.value);
  return escapes.length > 0 && onlyBackslashes && writable ? `r"${s.value}"` : q(s);
}

function typeText(t: A.TypeRef): string {
  switch (t.kind) {
    case 'NamedType':
      return t.name.text;
    case 'ListType':
      return `list<${typeText(t.element)}>`;
    case 'MapType':
      return `map<${typeText(t.value)}>`;
    case 'InlineEnumType':
      return `enum(${t.members.map((m) => m.text).join(', ')})`;
    case 'Error':
      throw new Error('cannot format a type that could not be read');
  }
}
