/**
 * What the checker makes of names and message texts, read from the checked
 * policy (IR) and its diagnostics: a metric named in a rule, `matched` in a
 * message, braces written as text, a table read with a dot, and which names an
 * unknown name is compared with for a suggestion. Every expected value is
 * written here by hand from docs/language.md.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';

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

  it('lists only the constants where there are no fields and no lets', () => {
    expect(help('policy demo "Demo"\nconst low = 1\nconst high = zzzz\n')).toBe('the fields and constants are `low`, `high`');
  });
});
