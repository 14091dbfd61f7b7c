import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as A from '../src/ast.js';
import { parse, parseExpression } from '../src/index.js';
import { meaning } from '../src/format.js';
import { PolicyParser } from '../src/parser.js';

const sample = readFileSync(fileURLToPath(new URL('./fixtures/sample.policy', import.meta.url)), 'utf8');

/** Parse a file that must have no diagnostics. */
function ok(text: string): A.PolicyFile {
  const { ast, diagnostics } = parse(text);
  expect(diagnostics).toEqual([]);
  return ast;
}

/** An expression without spans, for comparing shapes. */
function expr(text: string): unknown {
  const { expr: e, diagnostics } = parseExpression(text);
  expect(diagnostics).toEqual([]);
  return meaning(e);
}

const id = (name: string) => ({ kind: 'Ident', name });
const num = (value: number) => ({ kind: 'Number', value, raw: String(value) });
const str = (value: string) => ({ kind: 'String', value, raw: value });
const bin = (op: string, left: unknown, right: unknown) => ({ kind: 'Binary', op, left, right });

describe('the sample policy', () => {
  const ast = ok(sample);
  const decl = <K extends A.Declaration['kind']>(kind: K, name: string) =>
    ast.declarations.find(
      (d) => d.kind === kind && ('id' in d ? d.id.text : 'name' in d ? ('text' in d.name ? d.name.text : d.name.value) : '') === name,
    ) as Extract<A.Declaration, { kind: K }>;

  it('reads the header', () => {
    expect(meaning(ast.header)).toEqual({
      kind: 'PolicyHeader',
      id: { kind: 'Name', text: 'buyer-messaging' },
      title: str('Buyer-Seller Messaging'),
      source: str('Amazon Buyer-Seller Communication Guidelines, effective 2020-11-03'),
      version: str('1.0'),
      input: { kind: 'Name', text: 'Message' },
      doc: null,
    });
  });

  it('reads imports and declarations in order', () => {
    expect(ast.imports.map((i) => [i.names.map((n) => n.text), i.from.value])).toEqual([[['Attachment'], './common.policy']]);
    expect(ast.declarations.map((d) => d.kind)).toEqual([
      'EnumDecl', 'RecordDecl', 'ConstDecl', 'ConstDecl', 'ConstDecl', 'ConstDecl', 'PhrasesDecl',
      'RuleDecl', 'RuleDecl', 'RuleDecl', 'RuleDecl', 'ExampleDecl', 'ExampleDecl',
    ]);
  });

  it('keeps every comment and attaches doc comments', () => {
    expect(ast.comments.map((c) => c.text)).toEqual([
      '# Buyer messaging rules',
      '## Why a message was sent.',
      '## The 17-digit Amazon order id, e.g. 112-1234567-1234567.',
    ]);
    expect(decl('EnumDecl', 'Purpose').doc).toBe('Why a message was sent.');
    expect(decl('EnumDecl', 'Purpose').members.map((m) => m.text)).toEqual(['order_issue', 'review_request', 'promotion', 'other']);
    const message = decl('RecordDecl', 'Message');
    expect(message.doc).toBeNull();
    expect(message.fields[0].doc).toBe('The 17-digit Amazon order id, e.g. 112-1234567-1234567.');
    expect(message.fields[1].doc).toBeNull();
  });

  it('reads record fields: types, optional, defaults, aliases', () => {
    const fields = decl('RecordDecl', 'Message').fields.map((f) => meaning({ ...f, doc: undefined }));
    expect(fields[0]).toMatchObject({
      name: { text: 'orderId' },
      type: { kind: 'NamedType', name: { text: 'string' } },
      optional: false,
      default: null,
      aliases: [str('order-id'), str('amazon-order-id')],
    });
    expect(fields[1]).toMatchObject({ name: { text: 'purpose' }, default: str('other') });
    expect(fields[2]).toMatchObject({ name: { text: 'subject' }, type: { name: { text: 'text' } }, optional: true });
    expect(fields[6]).toMatchObject({
      type: { kind: 'ListType', element: { kind: 'NamedType', name: { text: 'Attachment' } } },
      default: { kind: 'List', items: [] },
    });
    expect(fields[7]).toMatchObject({ type: { kind: 'InlineEnumType', members: [{ text: 'a' }, { text: 'b' }] } });
    expect(fields[8]).toMatchObject({ type: { kind: 'MapType', value: { kind: 'NamedType' } }, optional: true });
    expect(fields[9]).toMatchObject({ name: { text: 'priorReviewRequests' }, default: num(0) });
  });

  it('reads consts and phrases with literal values', () => {
    expect(meaning(decl('ConstDecl', 'windowLength').value)).toEqual({ kind: 'Duration', amount: 30, unit: 'day', ms: 30 * 86_400_000, raw: '30 days' });
    const maxRate = decl('ConstDecl', 'maxRate');
    expect(meaning(maxRate.type)).toEqual({ kind: 'NamedType', name: { kind: 'Name', text: 'percent' } });
    expect(meaning(maxRate.value)).toEqual({ kind: 'Percent', value: 0.025, raw: '2.5%' });
    expect(meaning(decl('ConstDecl', 'certificates'))).toMatchObject({
      type: { kind: 'MapType', value: { kind: 'ListType', element: { name: { text: 'string' } } } },
      value: {
        kind: 'Object',
        entries: [
          { key: { text: 'toys' }, value: { kind: 'List', items: [str('CPC')] } },
          { key: { text: 'electronics' }, value: { kind: 'List', items: [str('FCC'), str('CE')] } },
        ],
      },
    });
    expect(decl('PhrasesDecl', 'marketing').phrases.map((p) => p.value)).toEqual(['coupon', 'promo code', '% off']);
  });

  it('reads a rule with when, require, hint and source', () => {
    const r = decl('RuleDecl', 'outside-window');
    expect(r.severity?.value).toBe('error');
    expect(meaning(r.message)).toEqual({
      kind: 'Template',
      raw: 'Sent {days(sentAt - orderCompletedAt)} days after the order completed; the limit is 30',
      parts: [
        { kind: 'Text', value: 'Sent ' },
        { kind: 'Interp', expr: { kind: 'Call', callee: { kind: 'Name', text: 'days' }, args: [bin('-', id('sentAt'), id('orderCompletedAt'))] } },
        { kind: 'Text', value: ' days after the order completed; the limit is 30' },
      ],
    });
    expect(meaning(r.when)).toEqual(
      bin('and', bin('!=', id('purpose'), str('other')), {
        kind: 'Unary',
        op: 'not',
        operand: { kind: 'Paren', expr: bin('contains', id('subject'), str('urgent')) },
      }),
    );
    expect(meaning(r.clauses)).toEqual([
      { kind: 'Clause', mode: 'require', condition: bin('<=', bin('-', id('sentAt'), id('orderCompletedAt')), id('windowLength')), message: null },
    ]);
    expect(r.hint?.parts).toEqual([{ kind: 'Text', value: 'Send messages within 30 days of completing the order.', span: expect.any(Object) }]);
    expect(r.source?.value).toBe('Amazon Buyer-Seller Communication Guidelines, permitted messages');
    expect(r.fix).toBeNull();
  });

  it('reads clause messages and fixes', () => {
    const email = decl('RuleDecl', 'email-address');
    expect(email.clauses.map((c) => [c.mode, c.message?.raw ?? null])).toEqual([
      ['forbid', 'the body gives an email address'],
      ['forbid', null],
    ]);
    expect(email.fix?.kind).toBe('RemoveFix');
    const bad = decl('RuleDecl', 'bad-attachment');
    expect(bad.severity?.value).toBe('warning');
    expect(meaning(bad.fix)).toEqual({
      kind: 'ReplaceFix',
      with: {
        kind: 'Template',
        raw: 'https://{match.text}',
        parts: [
          { kind: 'Text', value: 'https://' },
          { kind: 'Interp', expr: { kind: 'Member', object: id('match'), property: { kind: 'Name', text: 'text' } } },
        ],
      },
    });
    const missing = decl('RuleDecl', 'order-id-missing');
    expect(missing.severity).toBeNull();
    expect(meaning(missing.fix)).toMatchObject({ kind: 'InsertFix', into: id('subject'), at: 'start', text: { kind: 'Template', raw: 'Order {orderId}: ' } });
  });

  it('reads quantifiers with a body that extends as far as possible', () => {
    const cond = decl('RuleDecl', 'bad-attachment').clauses[0].condition;
    expect(meaning(cond)).toEqual({
      kind: 'Quantifier',
      quantifier: 'any',
      variable: { kind: 'Name', text: 'a' },
      collection: id('attachments'),
      body: bin(
        'and',
        bin('not in', { kind: 'Member', object: id('a'), property: { kind: 'Name', text: 'kind' } }, {
          kind: 'List',
          items: [str('instructions'), str('warranty'), str('invoice')],
        }),
        bin('>', { kind: 'Call', callee: { kind: 'Name', text: 'length' }, args: [{ kind: 'Member', object: id('a'), property: { kind: 'Name', text: 'fileName' } }] }, num(0)),
      ),
    });
    const req = decl('RuleDecl', 'order-id-missing').clauses[0].condition;
    expect(meaning(req)).toEqual(
      bin('or', bin('matches', id('orderId'), { kind: 'String', value: '^\\d{3}-\\d{7}-\\d{7}$', raw: '^\\d{3}-\\d{7}-\\d{7}$', rawString: true }), {
        kind: 'Quantifier',
        quantifier: 'count',
        variable: { kind: 'Name', text: 'x' },
        collection: { kind: 'List', items: [num(1), num(2)] },
        body: bin('>', id('x'), num(1)),
      }),
    );
  });

  it('reads count(list) as a call and keeps {count(...)} in templates', () => {
    const msg = decl('RuleDecl', 'bad-attachment').message!;
    expect(meaning(msg.parts[1])).toEqual({ kind: 'Interp', expr: { kind: 'Call', callee: { kind: 'Name', text: 'count' }, args: [id('attachments')] } });
  });

  it('reads examples', () => {
    const [e1, e2] = ast.declarations.filter((d): d is A.ExampleDecl => d.kind === 'ExampleDecl');
    expect(e1.name.value).toBe('email in body');
    expect(meaning(e1.expectations)).toEqual([
      { kind: 'Expectation', mode: 'fires', rules: [{ kind: 'Name', text: 'email-address' }, { kind: 'Name', text: 'bad-attachment' }] },
      { kind: 'Expectation', mode: 'absent', rules: [{ kind: 'Name', text: 'outside-window' }] },
    ]);
    const given = e1.given as A.ObjectLit;
    expect(given.entries.map((e) => e.key.text)).toEqual(['orderId', 'body', 'sentAt', 'orderCompletedAt', 'odd key', 'attachments']);
    expect(meaning(given.entries[3].value)).toEqual({ kind: 'Date', withTime: false, ms: Date.UTC(2026, 0, 1), raw: '2026-01-01' });
    expect(meaning(given.entries[4].value)).toEqual({ kind: 'Unary', op: '-', operand: { kind: 'Number', value: 1.5, raw: '1.5' } });
    expect(meaning(e2.expectations)).toEqual([{ kind: 'Expectation', mode: 'nothing', rules: [] }]);
  });

  it('gives spans that point at the written text', () => {
    const at = (s: A.Span) => sample.slice(s.start, s.end);
    const r = decl('RuleDecl', 'outside-window');
    expect(at(r.id.span)).toBe('outside-window');
    expect(at(r.span).startsWith('rule outside-window')).toBe(true);
    expect(at(r.span).endsWith('}')).toBe(true);
    expect(at(r.message!.span)).toBe('"Sent {days(sentAt - orderCompletedAt)} days after the order completed; the limit is 30"');
    const interp = r.message!.parts[1] as Extract<A.TemplateLit['parts'][number], { kind: 'Interp' }>;
    expect(at(interp.span)).toBe('{days(sentAt - orderCompletedAt)}');
    expect(at(interp.expr.span)).toBe('days(sentAt - orderCompletedAt)');
    expect(at((interp.expr as A.Call).args[0].span)).toBe('sentAt - orderCompletedAt');
    const cmp = r.clauses[0].condition as A.Binary;
    expect(at(cmp.opSpan)).toBe('<=');
    expect(at(r.clauses[0].span)).toBe('require sentAt - orderCompletedAt <= windowLength');
    const field = decl('RecordDecl', 'Message').fields[0];
    expect(at(field.span)).toBe('orderId: string from "order-id", "amazon-order-id"');
    expect(at(decl('RuleDecl', 'order-id-missing').fix!.span)).toBe('fix insert "Order {orderId}: " into subject at start');
  });
});

describe('expressions', () => {
  it('follows precedence: or < and < not < comparison < + - < * /', () => {
    expect(expr('a or b and not c == d + e * f')).toEqual(
      bin('or', id('a'), bin('and', id('b'), { kind: 'Unary', op: 'not', operand: bin('==', id('c'), bin('+', id('d'), bin('*', id('e'), id('f')))) })),
    );
  });

  it('is left-associative', () => {
    expect(expr('a - b - c')).toEqual(bin('-', bin('-', id('a'), id('b')), id('c')));
    expect(expr('a / b * c')).toEqual(bin('*', bin('/', id('a'), id('b')), id('c')));
  });

  it('reads unary minus, members, indexes and calls', () => {
    expect(expr('-x.y[0]')).toEqual({
      kind: 'Unary',
      op: '-',
      operand: { kind: 'Index', object: { kind: 'Member', object: id('x'), property: { kind: 'Name', text: 'y' } }, index: num(0) },
    });
    expect(expr('requiredCertificates[category]')).toEqual({ kind: 'Index', object: id('requiredCertificates'), index: id('category') });
    expect(expr('phrases(body, marketing)')).toEqual({ kind: 'Call', callee: { kind: 'Name', text: 'phrases' }, args: [id('body'), id('marketing')] });
    expect(expr('now()')).toEqual({ kind: 'Call', callee: { kind: 'Name', text: 'now' }, args: [] });
  });

  it('reads every comparison operator', () => {
    for (const op of ['==', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'contains', 'startsWith', 'endsWith', 'matches']) {
      expect(expr(`a ${op} b`)).toEqual(bin(op, id('a'), id('b')));
    }
  });

  it('reads literals', () => {
    expect(expr('true')).toEqual({ kind: 'Bool', value: true });
    expect(expr('null')).toEqual({ kind: 'Null' });
    expect(expr('1e6')).toEqual({ kind: 'Number', value: 1_000_000, raw: '1e6' });
    expect(expr('2026-11-03T10:00:00Z')).toEqual({ kind: 'Date', withTime: true, ms: Date.UTC(2026, 10, 3, 10), raw: '2026-11-03T10:00:00Z' });
    expect(expr('24 hours')).toEqual({ kind: 'Duration', amount: 24, unit: 'hour', ms: 86_400_000, raw: '24 hours' });
    expect(expr('"a\\"b\\\\c\\{"')).toEqual({ kind: 'String', value: 'a"b\\c{', raw: 'a\\"b\\\\c\\{' });
    expect(expr('[1, 2, 3,]')).toEqual({ kind: 'List', items: [num(1), num(2), num(3)] });
    expect(expr('{ a: 1, "b c": 2, }')).toEqual({
      kind: 'Object',
      entries: [
        { kind: 'Entry', key: { kind: 'Name', text: 'a' }, value: num(1) },
        { kind: 'Entry', key: { kind: 'Name', text: 'b c' }, value: num(2) },
      ],
    });
  });

  it('keeps parentheses', () => {
    expect(expr('(a or b) and c')).toEqual(bin('and', { kind: 'Paren', expr: bin('or', id('a'), id('b')) }, id('c')));
  });

  it('reads all and any quantifiers nested', () => {
    expect(expr('all o in orders: any i in o.items: i.price > 0')).toMatchObject({
      kind: 'Quantifier',
      quantifier: 'all',
      body: { kind: 'Quantifier', quantifier: 'any', collection: { kind: 'Member' }, body: { kind: 'Binary', op: '>' } },
    });
  });

  it('accepts soft keywords as names', () => {
    expect(expr('source == start')).toEqual(bin('==', id('source'), id('start')));
    expect(expr('a.from + list')).toEqual(bin('+', { kind: 'Member', object: id('a'), property: { kind: 'Name', text: 'from' } }, id('list')));
  });

  it('shifts spans by the offset', () => {
    const { expr: e } = parseExpression('a + b', 100);
    expect(e.span).toEqual({ start: 100, end: 105 });
    expect((e as A.Binary).opSpan).toEqual({ start: 102, end: 103 });
    const bad = parseExpression('a +', 50);
    expect(bad.diagnostics[0]).toMatchObject({ code: 'SG1018', span: { start: 53, end: 53 } });
    expect(bad.diagnostics[0].message).toBe("expected a value after '+', but found the end of the value");
  });

  it('reports text after the expression', () => {
    const { diagnostics } = parseExpression('a b');
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['SG1019', "unexpected 'b' after the value"]]);
  });
});

describe('names and keywords', () => {
  it('accepts soft keywords as field, record, const and rule names', () => {
    const ast = ok('record source { from: string  when: date  input: text from "in-put" }\nconst start = 1\nrule error "x" { forbid from }\n');
    const rec = ast.declarations[0] as A.RecordDecl;
    expect(rec.name.text).toBe('source');
    expect(rec.fields.map((f) => [f.name.text, f.aliases.map((a) => a.value)])).toEqual([['from', []], ['when', []], ['input', ['in-put']]]);
    expect((ast.declarations[1] as A.ConstDecl).name.text).toBe('start');
    expect((ast.declarations[2] as A.RuleDecl).id.text).toBe('error');
  });

  it('reads a field called `from` after a field without aliases', () => {
    const rec = ok('record R {\n  a: string\n  from: string from "f"\n}\n').declarations[0] as A.RecordDecl;
    expect(rec.fields.map((f) => f.name.text)).toEqual(['a', 'from']);
  });

  it('reports a reserved word used as a name but keeps the declaration', () => {
    const { ast, diagnostics } = parse('const count = 1\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['SG1014']);
    expect((ast.declarations[0] as A.ConstDecl).name.text).toBe('count');
  });

  it('treats a comma after a field as optional (fields are lines of a block)', () => {
    const ast = ok('record R { a: string, b: text c: date }\n');
    expect((ast.declarations[0] as A.RecordDecl).fields.map((f) => f.name.text)).toEqual(['a', 'b', 'c']);
  });
});

describe('templates', () => {
  it('parses interpolations only in messages, hints and fix texts', () => {
    const ast = ok('rule r "a {x}" {\n  forbid y matches r"\\d{3}" "m {y}"\n  hint "h {z}"\n  source "s {not parsed}"\n}\n');
    const r = ast.declarations[0] as A.RuleDecl;
    expect(r.message?.parts.map((p) => p.kind)).toEqual(['Text', 'Interp']);
    expect(r.clauses[0].message?.parts.map((p) => p.kind)).toEqual(['Text', 'Interp']);
    expect(r.hint?.parts.map((p) => p.kind)).toEqual(['Text', 'Interp']);
    expect(r.source).toMatchObject({ kind: 'String', value: 's {not parsed}' });
    expect(((r.clauses[0].condition as A.Binary).right as A.StringLit).value).toBe('\\d{3}');
  });

  it('treats \\{ and \\} as literal braces', () => {
    const r = ok('rule r "use \\{name\\} {x}" { forbid y }\n').declarations[0] as A.RuleDecl;
    expect(r.message?.parts.map((p) => (p.kind === 'Text' ? p.value : 'INTERP'))).toEqual(['use {name} ', 'INTERP']);
  });

  it('keeps a fix text that is not a string as an expression', () => {
    const r = ok('rule r "m" { forbid y\n fix replace lower(match.text) }\n').declarations[0] as A.RuleDecl;
    expect((r.fix as A.ReplaceFix).with.kind).toBe('Call');
  });

  it('reports problems inside interpolations at their place in the file', () => {
    const text = 'rule r "a {x +} b" { forbid y }\n';
    const { diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'SG1018', message: "expected a value after '+', but found '}'" });
    expect(diagnostics[0].span.start).toBe(text.indexOf('+}') + 1);
  });
});

describe('recovery', () => {
  it('keeps the good declarations around a broken one', () => {
    const { ast, diagnostics } = parse('record A { a: string }\nrule "no name" { forbid x }\nrule b "B" { forbid y }\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['SG1012']);
    expect(ast.declarations.map((d) => d.kind)).toEqual(['RecordDecl', 'Error', 'RuleDecl']);
    expect((ast.declarations[2] as A.RuleDecl).id.text).toBe('b');
  });

  it('does not let a rule without its closing brace swallow the next rule or record', () => {
    const { ast, diagnostics } = parse('rule a "A" {\n  forbid x\n\nrule b "B" {\n  forbid y\n}\nrecord R {\n  f: text\n')
    expect(diagnostics.map((d) => d.code)).toEqual(['SG1004', 'SG1004']);
    expect(ast.declarations.map((d) => (d.kind === 'RuleDecl' ? d.id.text : d.kind === 'RecordDecl' ? d.name.text : d.kind))).toEqual(['a', 'b', 'R']);
    expect((ast.declarations[1] as A.RuleDecl).clauses).toHaveLength(1);
    expect((ast.declarations[2] as A.RecordDecl).fields.map((f) => f.name.text)).toEqual(['f']);
  });

  it('turns unreadable parts into ErrorNodes and keeps the rest', () => {
    const { ast } = parse('record R {\n  a:\n  b: text\n}\nconst c = \nconst d = 1\n');
    const rec = ast.declarations[0] as A.RecordDecl;
    expect(rec.fields.map((f) => [f.name.text, f.type.kind])).toEqual([['a', 'Error'], ['b', 'NamedType']]);
    expect((ast.declarations[1] as A.ConstDecl).value.kind).toBe('Error');
    expect((ast.declarations[2] as A.ConstDecl).value).toMatchObject({ kind: 'Number', value: 1 });
  });

  it('reads && as and after reporting it', () => {
    const { ast, diagnostics } = parse('rule r "m" { require a && b }\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['SG1008']);
    expect(meaning((ast.declarations[0] as A.RuleDecl).clauses[0].condition)).toEqual(bin('and', id('a'), id('b')));
  });

  it('reads = as == after reporting it', () => {
    const { ast, diagnostics } = parse('rule r "m" { when purpose = "x" forbid y }\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['SG1010']);
    expect(meaning((ast.declarations[0] as A.RuleDecl).when)).toEqual(bin('==', id('purpose'), str('x')));
  });

  it('never throws and still returns a file for garbage', () => {
    for (const text of ['}}}', '"', 'rule', 'record {', '{[(', '\u0000\uffff', 'policy', 'example "x" { given', '#']) {
      const { ast } = parse(text);
      expect(ast.kind).toBe('PolicyFile');
    }
  });

  it('reports nesting too deep to read instead of crashing', () => {
    const { diagnostics } = parse(`const x = ${'('.repeat(5000)}1${')'.repeat(5000)}`);
    expect(diagnostics.map((d) => d.code)).toEqual(['SG1099']);
    // and the parser still works afterwards
    expect(parse('const y = (1)').diagnostics).toEqual([]);
  });
});

describe('if then else and each', () => {
  it('parses a conditional as a value', async () => {
    const { parseExpression } = await import('../src/index.js');
    const { expr, diagnostics } = parseExpression('if a > 1 then "big" else "small"');
    expect(diagnostics).toEqual([]);
    expect(expr).toMatchObject({ kind: 'Conditional', test: { kind: 'Binary', op: '>' }, then: { kind: 'String', value: 'big' }, else: { kind: 'String', value: 'small' } });
  });
  it('parses a rule that runs once per item', async () => {
    const { parse } = await import('../src/index.js');
    const { ast, diagnostics } = parse('policy p "P"\nrule r error "m {o.id}" {\n  each o in offers\n  forbid o.price > 10\n}\n');
    expect(diagnostics).toEqual([]);
    const rule = ast.declarations[0];
    expect(rule).toMatchObject({ kind: 'RuleDecl', each: { kind: 'Each', variable: { text: 'o' }, collection: { kind: 'Ident', name: 'offers' } } });
  });
});

describe('the grammar itself', () => {
  // Users' runs skip Chevrotain's grammar checks to start faster; here they run, and throw on an ambiguity.
  it('passes the parser generator checks', () => {
    const parser = new PolicyParser({ validate: true });
    expect(parser.definitionErrors).toEqual([]);
  });
});
