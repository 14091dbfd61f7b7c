/**
 * Properties: parsing never throws, for any text; every span lies within the source,
 * children lie within their parents, and lists of siblings are in source order.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../src/ast.js';
import { format, parse, parseExpression, tokenize } from '../src/index.js';
import { meaning } from '../src/format.js';

const sample = readFileSync(fileURLToPath(new URL('./fixtures/sample.policy', import.meta.url)), 'utf8');

/** Words and symbols of the language, so random text reaches deep into the grammar. */
const pieces = [
  'policy', 'source', 'version', 'input', 'import', 'from', 'record', 'enum', 'const', 'phrases', 'rule', 'when',
  'require', 'forbid', 'hint', 'fix', 'remove', 'replace', 'insert', 'into', 'at', 'start', 'end', 'example', 'given',
  'expect', 'nothing', 'error', 'warning', 'info', 'list', 'map', 'and', 'or', 'not', 'in', 'any', 'all', 'count',
  'true', 'false', 'null', 'contains', 'startsWith', 'endsWith', 'matches', 'x', 'order-id', 'body', 'Message',
  '"text"', '"a {x} b"', '"{', '"', "'q'", '42', '2.5%', '30 days', '2026-02-30', '2026-11-03T10:00:00Z', '1e999',
  '{', '}', '(', ')', '[', ']', '<', '>', '<=', '>=', '==', '!=', '=', ':', ',', '.', '?', '+', '-', '*', '/',
  '&&', '||', '!', '===', '#', '## doc', '@', ';', '\\', '\n', ' ', '  ', '\t', '\r\n',
];
const languageText = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((p) => p.join(' '));
const tightText = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(''));

/** The sample with a few random edits: deletions, insertions and duplications. */
const mutatedSample = fc
  .array(
    fc.record({
      at: fc.nat(sample.length),
      len: fc.nat(40),
      kind: fc.constantFrom('delete', 'insert', 'duplicate'),
      text: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 5 })),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) => {
    let s = sample;
    for (const e of edits) {
      const at = Math.min(e.at, s.length);
      if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.len);
      else if (e.kind === 'insert') s = s.slice(0, at) + e.text + s.slice(at);
      else s = s.slice(0, at) + s.slice(at, at + e.len) + s.slice(at);
    }
    return s;
  });

const commented = readFileSync(fileURLToPath(new URL('./fixtures/comments.policy', import.meta.url)), 'utf8');

/** A valid policy with comments inserted at token boundaries. */
const withComments = fc
  .tuple(
    fc.constantFrom(sample, commented),
    fc.array(fc.tuple(fc.nat(5000), fc.constantFrom(' # c\n', '\n# own line\n', '# x\n', ' ## doc\n', '\n\n# after a gap\n\n', '\n')), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  .map(([base, inserts]) => {
    let s = base;
    for (const [at, text] of inserts) {
      let i = at % (s.length + 1);
      while (i < s.length && !/[\s,{}()[\]]/.test(s[i])) i++;
      s = s.slice(0, i) + text + s.slice(i);
    }
    return s;
  });

const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), languageText, tightText, mutatedSample);

/** Checks span invariants over the whole tree; returns a list of problems (empty when fine). */
function spanProblems(root: unknown, length: number): string[] {
  const problems: string[] = [];
  const isNode = (v: unknown): v is { span: Span; kind?: string } =>
    !!v && typeof v === 'object' && 'span' in v && typeof (v as { span: Span }).span?.start === 'number';
  const visit = (node: { span: Span; kind?: string }, parent: Span | null, path: string) => {
    const s = node.span;
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length)) {
      problems.push(`${path}: span ${JSON.stringify(s)} outside 0..${length}`);
    }
    if (parent && (s.start < parent.start || s.end > parent.end)) {
      problems.push(`${path}: span ${JSON.stringify(s)} outside its parent ${JSON.stringify(parent)}`);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'span' || key === 'opSpan') continue;
      if (key === 'opSpan' || key === 'comments') continue;
      if (isNode(value)) visit(value, s, `${path}.${key}`);
      else if (Array.isArray(value)) {
        let prev = -1;
        value.forEach((v, i) => {
          if (!isNode(v)) return;
          if (v.span.start < prev) problems.push(`${path}.${key}[${i}]: starts before the element before it`);
          prev = v.span.start;
          visit(v, s, `${path}.${key}[${i}]`);
        });
      }
    }
    const op = (node as { opSpan?: Span }).opSpan;
    if (op && (op.start < s.start || op.end > s.end || op.start > op.end)) problems.push(`${path}: opSpan outside the node`);
  };
  visit(root as { span: Span }, null, 'file');
  return problems;
}

/**
 * A file with syntax errors must come back exactly as it was, unchanged and
 * with its errors; says whether that was the case (then there is nothing more to check).
 */
function leftAlone(text: string, result: ReturnType<typeof format>): boolean {
  const errors = parse(text).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return false;
  expect(result.text).toBe(text);
  expect(result.changed).toBe(false);
  expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(errors.map((d) => d.code));
  return true;
}

describe('properties', () => {
  it('parse never throws and always returns a file', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { ast, diagnostics } = parse(text);
        expect(ast.kind).toBe('PolicyFile');
        // A file that reads without errors has declarations or is blank; an empty file is not an error.
        if (diagnostics.length === 0 && text.trim() !== '') expect(ast.declarations.length + ast.comments.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('spans lie within the source, within their parents, in order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { ast, diagnostics } = parse(text);
        expect(spanProblems(ast, text.length)).toEqual([]);
        for (const c of ast.comments) expect(text.slice(c.span.start, c.span.end)).toBe(c.text);
        for (const d of diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.start).toBeLessThanOrEqual(d.span.end);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
          expect(d.code).toMatch(/^SG10\d\d$/);
          expect(d.message).not.toMatch(/Exception|RCurly|LCurly|StringLit|Identifier|NumberLit|EOF/);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('diagnostics are sorted by position', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const starts = parse(text).diagnostics.map((d) => d.span.start);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('parseExpression never throws and shifts spans by the offset', () => {
    fc.assert(
      fc.property(fc.oneof(languageText, fc.string({ maxLength: 60 })), fc.nat(1000), (text, offset) => {
        const { expr, diagnostics } = parseExpression(text, offset);
        const problems = spanProblems({ span: { start: 0, end: offset + text.length }, expr }, offset + text.length);
        expect(problems).toEqual([]);
        for (const d of diagnostics) expect(d.span.start).toBeGreaterThanOrEqual(offset);
      }),
      { numRuns: 200 },
    );
  });

  it('tokenize never throws and gives ordered, non-overlapping tokens', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { tokens } = tokenize(text);
        let end = 0;
        for (const t of tokens) {
          expect(t.span.start).toBeGreaterThanOrEqual(end);
          expect(t.span.end).toBeGreaterThan(t.span.start);
          end = t.span.end;
        }
        expect(end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 200 },
    );
  });

  it('format keeps every comment, the meaning, and is idempotent with comments anywhere', () => {
    let formatted = 0;
    fc.assert(
      fc.property(withComments, (text) => {
        const once = format(text);
        if (leftAlone(text, once)) return;
        formatted++;
        expect(once.diagnostics.filter((d) => d.code === 'SG1098')).toEqual([]);
        expect(parse(once.text).ast.comments.map((c) => c.text)).toEqual(parse(text).ast.comments.map((c) => c.text));
        expect(meaning(parse(once.text).ast, false)).toEqual(meaning(parse(text).ast, false));
        expect(format(once.text).text).toBe(once.text);
      }),
      { numRuns: 300 },
    );
    // A comment can land inside a line that needs to end first; about 40% of the files still parse and are checked above.
    expect(formatted).toBeGreaterThanOrEqual(60);
  });

  it('format never changes meaning and is idempotent on anything that parses', () => {
    let formatted = 0;
    fc.assert(
      fc.property(mutatedSample, (text) => {
        const once = format(text);
        if (leftAlone(text, once)) return;
        formatted++;
        expect(once.diagnostics.filter((d) => d.code === 'SG1098')).toEqual([]);
        expect(meaning(parse(once.text).ast, false)).toEqual(meaning(parse(text).ast, false));
        expect(format(once.text).text).toBe(once.text);
      }),
      { numRuns: 200 },
    );
    // Most random edits break the syntax (those files are checked by leftAlone); about 15% still parse and are checked above.
    expect(formatted).toBeGreaterThanOrEqual(5);
  });
});
