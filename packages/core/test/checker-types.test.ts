/**
 * What the checker hands to code generation for each kind of expression: the
 * operation it becomes and its type, including whether the value may be
 * missing (a `?` below). The generated code picks null-safe operations from
 * that flag, so a wrong flag is a wrong answer on records with empty fields.
 * Every expected value is written here by hand from the language's rules
 * (docs/language.md): a field of a missing record may be missing, a table
 * lookup may find nothing, arithmetic on a missing value is missing, and
 * `exists`, `empty`, `count` and `length` always answer.
 */
import { describe, expect, it } from 'vitest';
import type { IrExpr, IrPolicy } from '../src/compile/ir.js';
import { compile } from '../src/index.js';
import type { Type } from '../src/compile/type-system.js';

const HEADER = `policy demo "Demo" source "tests"
record Address { city: string  zip: string? }
record Order {
  id: string
  qty: integer
  price: number?
  rate: percent
  placedOn: date
  shippedAt: datetime?
  note: text?
  status: enum(open, shipped, closed) = "open"
  channel: enum(web, phone) = "web"
  stage: Stage = "new"
  stages: list<Stage> = []
  sizes: list<enum(small, large)> = []
  home: Address
  ship: Address?
  tags: map<string>
  lines: list<integer>
  labels: list<string>?
}
enum Stage { new, paid }
const cap = 3
phrases promo = ["free gift"]
let big = qty > cap
`;

/** A type as written in a policy, with `?` when the value may be missing. */
function typeText(t: Type): string {
  const base = (() => {
    switch (t.k) {
      case 'list':
        return `list<${typeText(t.element)}>`;
      case 'map':
        return `map<${typeText(t.value)}>`;
      case 'record':
        return t.name;
      case 'match':
        return `match(${t.detector})`;
      case 'enum':
        return `enum(${t.members.join(', ')})`;
      default:
        return t.k;
    }
  })();
  return t.nullable ? `${base}?` : base;
}

function compiled(rules: string): { ir: IrPolicy; codes: string[] } {
  const result = compile(HEADER + rules);
  if (!result.ir) throw new Error('no IR');
  return { ir: result.ir, codes: result.diagnostics.map((d) => d.code) };
}

/** The checked form of `expr`, read from `forbid (expr) == null` (the comparison keeps it as its left side). */
function checked(expr: string): { ir: IrExpr; codes: string[] } {
  const { ir, codes } = compiled(`rule r error "m" {\n  forbid (${expr}) == null\n}\n`);
  const condition = ir.rules[0].clauses[0].condition;
  if (condition.op !== 'cmp') throw new Error(`${expr}: ${condition.op}`);
  return { ir: condition.left, codes };
}

describe('the type of each kind of expression, and whether it may be missing', () => {
  const rows: Array<[string, string]> = [
    // literals
    ['1', 'integer'],
    ['1.0', 'number'],
    ['2.5', 'number'],
    ['5%', 'percent'],
    ['3 days', 'duration'],
    ['2026-01-31', 'date'],
    ['2026-01-31T10:00Z', 'datetime'],
    ['"a"', 'string'],
    ['true', 'boolean'],
    // names
    ['qty', 'integer'],
    ['price', 'number?'],
    ['cap', 'integer'],
    ['big', 'boolean'],
    // fields of records and tables
    ['home.city', 'string'],
    ['home.zip', 'string?'],
    ['ship.city', 'string?'],
    ['ship.zip', 'string?'],
    ['tags.color', 'string?'],
    ['tags["color"]', 'string?'],
    ['lines[0]', 'integer?'],
    // unary minus and arithmetic carry "may be missing"
    ['-qty', 'integer'],
    ['-price', 'number?'],
    ['qty + 1', 'integer'],
    ['price + 1', 'number?'],
    ['1 - price', 'number?'],
    ['qty / 2', 'number'],
    ['shippedAt - placedOn', 'duration?'],
    ['placedOn + 2 days', 'date'],
    ['shippedAt + 2 days', 'datetime?'],
    ['id + "x"', 'string'],
    ['lines + [4]', 'list<integer>'],
    ['lines + [2.5]', 'list<number>'],
    // a percent stays a percent only with another percent
    ['1 + rate', 'number'],
    ['rate + 1', 'number'],
    // functions: missing in, missing out, except the ones that always answer
    ['round(price)', 'number?'],
    ['round(price, 2)', 'number?'],
    ['round(2.5, cap)', 'number'],
    ['round(2.5)', 'number'],
    ['lower(note)', 'string?'],
    ['exists(price)', 'boolean'],
    ['empty(note)', 'boolean'],
    ['length(note)', 'integer'],
    ['count(labels)', 'integer'],
    // detectors give lists of matches
    ['emails(note)', 'list<match(emails)>'],
    ['phrases(note, promo)', 'list<match(phrases)>'],
    ['find(note, "x")', 'list<match(find)>'],
    // quantifiers
    ['count l in lines: l > 1', 'integer'],
    ['any l in lines: l > 1', 'boolean'],
    ['all l in lines: l > 1', 'boolean'],
    // if: a null answer makes the other answer's kind optional
    ['if big then null else 2', 'integer?'],
    ['if big then 2 else null', 'integer?'],
    ['if big then 1 else 2.5', 'number'],
    ['if big then 2 else 3', 'integer'],
    // lists and tables take the most specific common type of their items
    ['[1, 2]', 'list<integer>'],
    ['[1, 2.5]', 'list<number>'],
    ['[2.5, 1]', 'list<number>'],
    ['[1, 5%]', 'list<percent>'],
    ['[null, 1]', 'list<integer>'],
    ['[null]', 'list<unknown>'],
    ['[]', 'list<unknown>'],
    ['[1, "a"]', 'list<unknown>'],
    ['[id, "a"]', 'list<string>'],
    ['[lines, []]', 'list<list<integer>>'],
    ['[status, channel]', 'list<string>'],
    ['{ a: 1, b: 2.5 }', 'map<number>'],
    ['{ a: "x" }', 'map<string>'],
    ['{}', 'map<unknown>'],
    // an expression already in error fits everywhere
    ['-id', 'unknown'],
    ['nosuch', 'unknown'],
    ['-nosuch', 'unknown'],
    ['nosuch.city', 'unknown'],
    ['nosuch[0]', 'unknown'],
    ['round(id)', 'unknown'],
    ['round(1, 2, 3)', 'unknown'],
    ['id * 2', 'unknown'],
  ];
  for (const [expr, type] of rows) it(`${expr} is ${type}`, () => expect(typeText(checked(expr).ir.type)).toBe(type));
});

describe('the operation each expression becomes', () => {
  const rows: Array<[string, string]> = [
    ['id + "x"', 'concat'],
    ['lines + lines', 'concat'],
    ['qty + 1', 'arith'],
    ['-qty', 'neg'],
    ['not big', 'not'],
    ['lines contains 2', 'listContains'],
    ['id contains "a"', 'strop'],
    ['id startsWith "a"', 'strop'],
    ['id in ["a"]', 'in'],
    ['"a" in tags', 'in'],
    ['id matches "^a"', 'matches'],
    ['emails(note)', 'detect'],
    ['phrases(note, promo)', 'detect'],
    ['find(note, "x")', 'detect'],
    ['round(2.5)', 'call'],
    ['qty', 'field'],
    ['cap', 'const'],
    ['if big then 1 else 2', 'cond'],
    ['"plain"', 'lit'],
  ];
  for (const [expr, op] of rows) it(`${expr} becomes ${op}`, () => expect(checked(expr).ir.op).toBe(op));

  it('reads a let as its checked value, not as a name', () => {
    const { ir } = checked('big');
    expect(ir).toMatchObject({ op: 'cmp', cmp: '>', left: { op: 'field', name: 'qty' }, right: { op: 'const', name: 'cap' } });
  });

  it('turns a detector used as a condition into "has at least one match"', () => {
    const { ir } = compiled('rule r error "m" {\n  forbid emails(note)\n  forbid not emails(note)\n  forbid big and emails(note)\n}\n');
    const [plain, negated, both] = ir.rules[0].clauses.map((c) => c.condition);
    expect(plain).toMatchObject({ op: 'nonEmpty', list: { op: 'detect', detector: 'emails' }, type: { k: 'boolean' } });
    expect(negated).toMatchObject({ op: 'not', operand: { op: 'nonEmpty' } });
    expect(both).toMatchObject({ op: 'and', left: { op: 'cmp' }, right: { op: 'nonEmpty' } });
  });

  it('reads a list as a condition as "is not empty", on either side of and/or and in an if', () => {
    const { ir, codes } = compiled('rule r error "m" {\n  forbid lines\n  forbid emails(note) or big\n  forbid (if emails(note) then 1 else 2) > 1\n}\n');
    expect(codes).toEqual([]);
    const [list, either, choice] = ir.rules[0].clauses.map((c) => c.condition);
    expect(list).toMatchObject({ op: 'nonEmpty', list: { op: 'field', name: 'lines' } });
    expect(either).toMatchObject({ op: 'or', left: { op: 'nonEmpty' }, right: { op: 'cmp' } });
    expect(choice).toMatchObject({ left: { op: 'cond', test: { op: 'nonEmpty' } } });
  });

  it('lets a detector search a missing value, and refuses null as a condition', () => {
    expect(compiled('rule r error "m" {\n  forbid emails(null)\n}\n').codes).toEqual([]);
    const found = compile(HEADER + 'rule r error "m" {\n  forbid null\n}\n').diagnostics;
    expect(found.map((d) => [d.code, d.message, d.help])).toEqual([['SG3003', 'a condition must be true or false, but this is null', 'compare it with something, e.g. `== "value"`']]);
  });

  it('gives a quantifier its own variable, read in its body', () => {
    const { ir } = checked('count l in lines: l > 1');
    if (ir.op !== 'quant') throw new Error(ir.op);
    expect(ir.q).toBe('count');
    expect(ir.body).toMatchObject({ op: 'cmp', left: { op: 'var', id: ir.varId, type: { k: 'integer' } } });
  });

  it('gives each quantifier a variable of its own', () => {
    const { ir } = checked('count a in lines: any b in lines: a > b');
    if (ir.op !== 'quant' || ir.body.op !== 'quant') throw new Error('not nested quantifiers');
    expect(ir.body.varId).not.toBe(ir.varId);
    expect(ir.body.body).toMatchObject({ left: { op: 'var', id: ir.varId }, right: { op: 'var', id: ir.body.varId } });
  });

  it('spells an enum value as the enum declares it, whatever its case', () => {
    const { ir } = compiled('rule r error "m" {\n  forbid status == "SHIPPED"\n  forbid "Closed" != status\n  forbid status in ["OPEN", "closed"]\n}\n');
    const [eq, ne, within] = ir.rules[0].clauses.map((c) => c.condition);
    expect(eq).toMatchObject({ right: { op: 'lit', value: 'shipped' } });
    expect(ne).toMatchObject({ left: { op: 'lit', value: 'closed' } });
    expect(within).toMatchObject({ collection: { items: [{ value: 'open' }, { value: 'closed' }] } });
  });

  it('keeps a message without braces as plain text, and one with braces as a template', () => {
    const { ir } = compiled('rule plain error "Plain words" {\n  forbid big\n}\nrule filled error "Order {id} is big" {\n  forbid big\n}\n');
    expect(ir.rules[0].message).toMatchObject({ op: 'lit', value: 'Plain words', type: { k: 'string' } });
    expect(ir.rules[1].message).toMatchObject({ op: 'template', parts: ['Order ', { op: 'field', name: 'id' }, ' is big'] });
  });

  it('negates a number and a duration literal as written', () => {
    expect(checked('-2.5').ir).toMatchObject({ op: 'neg', operand: { op: 'lit', value: 2.5 } });
    expect(checked('-(3 days)').ir).toMatchObject({ op: 'neg', operand: { op: 'lit', value: 3 * 24 * 60 * 60 * 1000 } });
  });

  it('reads a date literal as milliseconds since 1970 in UTC', () => {
    expect(checked('2026-01-31').ir).toMatchObject({ op: 'lit', value: Date.UTC(2026, 0, 31) });
    expect(checked('2026-01-31T10:00Z').ir).toMatchObject({ op: 'lit', value: Date.UTC(2026, 0, 31, 10, 0) });
  });
});

describe('names', () => {
  it('offers a close quantifier variable, let or constant for a misspelt name', () => {
    const help = (line: string) => compile(HEADER + `rule r error "m" {\n  ${line}\n}\n`).diagnostics.map((d) => d.help);
    expect(help('forbid any line in lines: lien > 1')).toEqual(['did you mean `line`?']);
    expect(help('forbid bigg')).toEqual(['did you mean `big`?']);
    expect(help('forbid qty > capp')).toEqual(['did you mean `cap`?']);
  });

  it('explains a hyphen between a quantifier variable and another name', () => {
    const found = compile(HEADER + 'rule r error "m" {\n  forbid any l in lines: l-qty > 1\n}\n').diagnostics;
    expect(found.map((d) => [d.code, d.help])).toEqual([['SG2011', 'to subtract, put spaces around the minus sign: `l - qty`']]);
  });

  it('calls a hyphenated name that shares nothing with known names an unknown name', () => {
    const found = compile(HEADER + 'rule r error "m" {\n  forbid foo-bar > 1\n}\n').diagnostics;
    expect(found.map((d) => [d.code, d.message])).toEqual([['SG2001', 'there is no field or constant called `foo-bar`']]);
  });

  it('says when two answers of an if have different kinds, but not when one is null or already wrong', () => {
    expect(checked('if big then 1 else "a"').codes).toEqual(['SG3001']);
    expect(checked('if big then null else "a"').codes).toEqual([]);
    expect(checked('if big then nosuch else "a"').codes).toEqual(['SG2001']);
    expect(checked('if big then "a" else nosuch').codes).toEqual(['SG2001']);
  });

  it('reads a field of a detector match, and refuses a field of a list', () => {
    expect(typeText(checked('any e in emails(note): e.address == "a"').ir.type)).toBe('boolean');
    expect(checked('any e in emails(note): e.address == "a"').codes).toEqual([]);
    expect(checked('lines.city').codes).toEqual(['SG3013']);
  });
});

describe('one mistake, one message', () => {
  // A side already reported as wrong (an unknown name) fits everywhere: only the unknown name is reported.
  const rows = [
    'nosuch in tags',
    'nosuch in id',
    'nosuch in lines',
    '"a" in nosuch',
    'nosuch contains "a"',
    'id startsWith nosuch',
    'lines contains nosuch',
    'nosuch matches "x"',
    'any x in nosuch: x > 1',
    'emails(nosuch)',
    'find(nosuch, "x")',
    'phrases(nosuch, promo)',
    'round(nosuch) > 1',
    'nosuch + 1 > 2',
    'nosuch.a == 1',
    'nosuch["a"] == 1',
    'lines[nosuch] == 1',
    'tags[nosuch] == "a"',
  ];
  for (const line of rows) it(line, () => expect(compiled(`rule r error "m" {\n  forbid ${line}\n}\n`).codes).toEqual(['SG2001']));
});

describe('patterns', () => {
  it('reports a pattern that is not a regular expression once, and the rule then never fires on it', () => {
    const found = compile(HEADER + 'rule r error "m" {\n  forbid id matches "a("\n  forbid find(note, "b[")\n}\n').diagnostics;
    expect(found.map((d) => d.code)).toEqual(['SG3007', 'SG3007']);
    expect(found.every((d) => d.message.startsWith('this pattern is not a valid regular expression'))).toBe(true);
  });

  it('checks a written pattern and keeps its place in the table of patterns', () => {
    const { ir, codes } = compiled('rule r error "m" {\n  forbid id matches "^a"\n  forbid find(note, "b+")\n}\n');
    expect(codes).toEqual([]);
    expect(ir.regexes.map((r) => r.source)).toEqual(['^a', 'b+']);
    const [matches, find] = ir.rules[0].clauses.map((c) => c.condition);
    expect(matches).toMatchObject({ op: 'matches', regex: 0, subject: { op: 'field', name: 'id' } });
    expect(find).toMatchObject({ op: 'nonEmpty', list: { op: 'detect', detector: 'find', regex: 1 } });
  });

  it('searches a phrase list by its place in the table of phrase lists', () => {
    const { ir } = checked('phrases(note, promo)');
    expect(ir).toMatchObject({ op: 'detect', detector: 'phrases', phrases: 0, arg: { op: 'field', name: 'note' } });
  });
});

describe('enum values', () => {
  const message = (line: string) => compile(HEADER + `rule r error "m" {\n  forbid ${line}\n}\n`).diagnostics.map((d) => d.message);
  it('names the field, the enum, or "this enum" as the owner of the values', () => {
    expect(message('stage == "nwe"')).toEqual(['"nwe" is not one of the values of `stage`']);
    expect(message('any s in stages: s == "nwe"')).toEqual(['"nwe" is not one of the values of Stage']);
    expect(message('any s in sizes: s == "medium"')).toEqual(['"medium" is not one of the values of this enum']);
  });
});

describe('written-out values of constants', () => {
  const constants = (decls: string) => {
    const result = compile(HEADER.replace('const cap = 3\n', decls) + 'rule r error "m" {\n  forbid big\n}\n');
    return { values: result.ir?.constants, codes: result.diagnostics.map((d) => d.code) };
  };

  it('keeps numbers, negative numbers, lists and tables as written', () => {
    const { values, codes } = constants('const cap = 3\nconst low = -4\nconst steps = [1, -2.5]\nconst names = { a: "x", b: [1] }\n');
    expect(codes).toEqual([]);
    expect(values).toEqual([3, -4, [1, -2.5], { a: 'x', b: [1] }]);
  });

  it('reads a constant named in another constant', () => {
    const { values, codes } = constants('const cap = 3\nconst under = -cap\nconst both = [cap, under]\n');
    expect(codes).toEqual([]);
    expect(values).toEqual([3, -3, [3, -3]]);
  });

  it('keeps a table key called __proto__ as an ordinary key', () => {
    const { values } = constants('const cap = 3\nconst odd = { "__proto__": 1 }\n');
    const odd = values?.[1] as Record<string, unknown>;
    expect(Object.keys(odd)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
  });

  it('refuses a computed value, also inside a list, a table or a minus sign', () => {
    for (const decl of ['const cap = 1 + 2', 'const cap = [1, 1 + 2]', 'const cap = { a: 1 + 2 }', 'const cap = -(1 + 2)', 'const cap = today()'])
      expect(constants(`${decl}\n`).codes, decl).toEqual(['SG3008']);
  });
});
