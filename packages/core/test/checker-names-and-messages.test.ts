/**
 * What the checker makes of names and message texts, read from the checked
 * policy (IR) and its diagnostics: a metric named in a rule, `matched` in a
 * message, braces written as text, a table read with a dot, which names an
 * unknown name is compared with for a suggestion, and what editors are told
 * about called built-ins and phrase lists. Every expected value is written
 * here by hand from docs/language.md and docs/diagnostics.md.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSemantics, compile } from '../src/index.js';

const POLICY = `policy demo "Demo" source "tests"
record Sale { sku: string  price: number  body: text  tags: map<string> }
metric sales { count
  group by sku }
`;

function compiled(rules: string) {
  const result = compile(POLICY + rules);
  if (!result.ir) throw new Error('no IR');
  return { ir: result.ir, diagnostics: result.diagnostics };
}

describe('names in rules', () => {
  it('reads a metric named in a rule as that metric', () => {
    const { ir, diagnostics } = compiled('rule many error "m" {\n  forbid sales > 1\n}\n');
    expect(diagnostics).toEqual([]);
    // A metric grouped by sku may have no value for a record's sku: its value may be missing.
    expect(ir.rules[0].clauses[0].condition).toMatchObject({ op: 'cmp', left: { op: 'metric', name: 'sales', index: 0, type: { k: 'integer', nullable: true } } });
  });

  it('reads a table entry written with a dot as a field lookup', () => {
    const { ir, diagnostics } = compiled('rule red error "m" {\n  forbid tags.color == "red"\n}\n');
    expect(diagnostics).toEqual([]);
    expect(ir.rules[0].clauses[0].condition).toMatchObject({ op: 'cmp', left: { op: 'field', name: 'color', object: { op: 'field', name: 'tags' } } });
  });

  it('reads true and false as written values', () => {
    const { ir } = compiled('rule r error "m" {\n  forbid (price > 1) == true\n}\n');
    expect(ir.rules[0].clauses[0].condition).toMatchObject({ op: 'cmp', right: { op: 'lit', value: true, type: { k: 'boolean' } } });
  });
});

describe('messages', () => {
  it('reads matched in a message as the text the rule found', () => {
    const { ir, diagnostics } = compiled('rule mail error "Found {matched}" {\n  forbid emails(body)\n}\n');
    expect(diagnostics).toEqual([]);
    expect(ir.rules[0].message).toMatchObject({ op: 'template', parts: ['Found ', { op: 'matched', type: { k: 'string' } }] });
  });

  it('keeps braces written as text in a message as one plain text', () => {
    const { ir, diagnostics } = compiled('rule r error "Use \\{braces\\} here" {\n  forbid price > 1\n}\n');
    expect(diagnostics).toEqual([]);
    expect(ir.rules[0].message).toMatchObject({ op: 'lit', value: 'Use {braces} here' });
  });
});

describe('suggestions for an unknown name', () => {
  const help = (text: string) => compile(text).diagnostics.find((d) => d.code === 'SG2001')?.help;

  it('does not offer a phrase list, a record or an enum, which are not values', () => {
    const text = 'policy demo "Demo"\nrecord Sale { sku: string }\nenum Sizes { small, large }\nphrases promo = ["free gift"]\nconst cap = 3\nrule r error "m" {\n  forbid promos == "x"\n}\n';
    expect(help(text)).toBe('the fields and constants are `sku`, `cap`');
    expect(help(text.replace('promos ==', 'Sizez =='))).toBe('the fields and constants are `sku`, `cap`');
  });

  it('lists only the constants where there are no fields and no lets, and reports nothing else', () => {
    // Listing `high` itself as a constant must not report it as defined in terms of itself.
    const { diagnostics } = compile('policy demo "Demo"\nconst low = 1\nconst high = zzzz\n');
    expect(diagnostics.map((d) => [d.code, d.message, d.help])).toEqual([
      ['SG2001', 'there is no field or constant called `zzzz`', 'the fields and constants are `low`, `high`'],
    ]);
  });
});

describe('what is listed when nothing is close', () => {
  const first = (text: string) => compile(text).diagnostics[0];

  it('lists the fields of the record for an unknown field', () => {
    const d = first('policy demo "Demo"\nrecord Line { sku: string  qty: integer }\nrecord Order { lines: list<Line> }\nrule r error "m" {\n  forbid any l in lines: l.zzzzzz > 1\n}\n');
    expect([d.code, d.message, d.help]).toEqual(['SG2010', 'Line has no field `zzzzzz`', 'the fields are `sku`, `qty`']);
  });

  it('says that the list is of functions for an unknown function', () => {
    const d = first(POLICY + 'rule r error "m" {\n  forbid zzzzzz(body)\n}\n');
    expect([d.code, d.message]).toEqual(['SG2012', 'there is no function called `zzzzzz`']);
    expect(d.help).toMatch(/^the functions are `[a-z]+`, /);
  });
});

describe('find() with three arguments', () => {
  it('says find() takes a text and a pattern', () => {
    const { diagnostics } = compiled('rule r error "m" {\n  forbid find(body, "x", sku)\n}\n');
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['SG3004', 'find() takes a text and a pattern']]);
  });
});

describe('what editors are told', () => {
  const SOURCE = POLICY + 'phrases promo = ["free gift"]\nrule r error "m" {\n  forbid lower(body) == "x" and emails(body) and phrases(body, promo) and emial(body)\n}\n';

  it('names the built-in at each call of a function or detector, and none at a call of an unknown name', () => {
    const { model } = analyzeSemantics(SOURCE);
    const called = model.uses.filter((u) => u.builtin).map((u) => [u.builtin, SOURCE.slice(u.span.start, u.span.end)]);
    expect(called).toEqual([
      ['lower', 'lower'],
      ['emails', 'emails'],
      ['phrases', 'phrases'],
    ]);
  });

  it('gives a phrase list named in phrases() the phrase-list type and its declaration', () => {
    const { model } = analyzeSemantics(SOURCE);
    const found = model.at('', SOURCE.indexOf('promo)'));
    expect(found?.type).toEqual({ k: 'phrases' });
    expect(found?.decl).toMatchObject({ name: 'promo', span: { start: SOURCE.indexOf('promo =') } });
  });
});
