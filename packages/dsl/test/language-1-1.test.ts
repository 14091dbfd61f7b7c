/**
 * Language 1.1: one separator rule, `let`, raw strings, and the formatter's migration
 * of 1.0 files (missing commas, `1 -1`, unknown escapes) to the new forms.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as A from '../src/ast.js';
import { meaning, sameMeaning } from '../src/format.js';
import { format, parse } from '../src/index.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const codes = (text: string) => parse(text).diagnostics.map((d) => `${d.code} ${d.severity}`);

describe('migrating a 1.0 file with `sellguard fmt`', () => {
  const old = fixture('language-1.0.policy');
  // Formatted inside each test, not once for all: mutation testing then knows which tests run the formatter.
  const migrate = () => format(old);

  it('reads the 1.0 file with warnings only, one per old form', () => {
    expect(codes(old)).toEqual([
      'SG1035 warning', // enum member without comma
      'SG1035 warning', // phrases: two missing commas
      'SG1035 warning',
      'SG1036 warning', // [1 -1]
      'SG1035 warning', // table entry without comma
      'SG1034 warning', // "\d" in the rule message
      'SG1034 warning', // "^\d{3}-"
      'SG1034 warning', // "\bcoupon\b"
      'SG1034 warning', // "\w" next to a real escape
    ]);
  });

  it('rewrites the old forms into the new ones', () => {
    expect(migrate().text).toBe(fixture('language-1.0.formatted.policy'));
    expect(migrate().changed).toBe(true);
  });

  it('keeps the meaning: the same syntax tree, values and message parts', () => {
    expect(sameMeaning(parse(migrate().text).ast, parse(old).ast)).toBe(true);
    expect(meaning(parse(migrate().text).ast, false)).toEqual(meaning(parse(old).ast, false));
    const rule = parse(migrate().text).ast.declarations.find((d) => d.kind === 'RuleDecl') as A.RuleDecl;
    expect((rule.clauses[1].condition as A.Binary).right).toMatchObject({ value: '\\bcoupon\\b', rawString: true });
    expect(rule.clauses[1].message?.parts).toMatchObject([{ kind: 'Text', value: 'the body offers a "coupon" \\w' }]);
    const offsets = parse(migrate().text).ast.declarations.find((d) => d.kind === 'ConstDecl') as A.ConstDecl;
    expect((offsets.value as A.ListLit).items).toHaveLength(1);
  });

  it('leaves a file without warnings, and formatting again changes nothing', () => {
    expect(parse(migrate().text).diagnostics).toEqual([]);
    expect(format(migrate().text)).toEqual({ text: migrate().text, diagnostics: [], changed: false });
  });
});

describe('separators and line breaks', () => {
  it('separates list items, table entries, enum members, phrases and arguments with commas; a last comma is allowed', () => {
    const text = 'enum E { a, b, }\nphrases p = ["x", "y",]\nconst l = [1, -1,]\nconst t = { a: 1, b: 2, }\nconst n = round(2.5, 0,)\n';
    expect(parse(text).diagnostics).toEqual([]);
    const decls = parse(text).ast.declarations;
    expect((decls[2] as A.ConstDecl).value).toMatchObject({ kind: 'List', items: [{ kind: 'Number', value: 1 }, { kind: 'Unary', op: '-' }] });
    expect(((decls[4] as A.ConstDecl).value as A.Call).args).toHaveLength(2);
  });

  it('reads `[1 -1]` as one item and says so', () => {
    const { ast, diagnostics } = parse('const l = [1 -1]\n');
    expect(((ast.declarations[0] as A.ConstDecl).value as A.ListLit).items).toMatchObject([{ kind: 'Binary', op: '-' }]);
    expect(diagnostics).toMatchObject([{ code: 'SG1036', severity: 'warning', span: { start: 11, end: 15 } }]);
    expect(diagnostics[0].help).toContain('`1, -1`');
    expect(codes('const l = [1 - 1, 2-1]\n')).toEqual([]);
  });

  it('places a missing-comma warning right after the item before it', () => {
    const { diagnostics } = parse('const l = ["a" "b"]\n');
    expect(diagnostics).toMatchObject([{ code: 'SG1035', severity: 'warning', message: "a comma is missing after '\"a\"'", span: { start: 14, end: 14 } }]);
  });

  it('continues an expression on the next line after an operator, even with a field named like a line keyword', () => {
    const text = 'rule r "m" {\n  require length(body) > 0 and\n    source != ""\n  forbid hint ==\n    "x"\n}\n';
    const { ast, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    const r = ast.declarations[0] as A.RuleDecl;
    expect(((r.clauses[0].condition as A.Binary).right as A.Binary).left).toMatchObject({ kind: 'Ident', name: 'source' });
    expect(r.clauses[1].condition).toMatchObject({ kind: 'Binary', left: { kind: 'Ident', name: 'hint' }, right: { kind: 'String', value: 'x' } });
  });

  it('still reads a `hint "..."` line after a missing value as the hint line', () => {
    const { ast, diagnostics } = parse('rule r "m" {\n  forbid purpose ==\n  hint "Only order messages."\n}\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['SG1018']);
    expect((ast.declarations[0] as A.RuleDecl).hint?.raw).toBe('Only order messages.');
  });
});

describe('let', () => {
  it('declares a named condition at the top level', () => {
    const { ast, diagnostics } = parse('## Orders the seller ships.\nlet sellerFulfilled = lower(trim(fulfillmentChannel)) in channels\n');
    expect(diagnostics).toEqual([]);
    expect(ast.declarations[0]).toMatchObject({
      kind: 'LetDecl',
      name: { text: 'sellerFulfilled' },
      value: { kind: 'Binary', op: 'in', right: { kind: 'Ident', name: 'channels' } },
      doc: 'Orders the seller ships.',
    });
  });

  it('is formatted on one line and keeps its meaning', () => {
    const text = 'let   late=shippedAt>promisedAt   and\n  not cancelled\n';
    const out = format(text);
    expect(out.text).toBe('let late = shippedAt > promisedAt and not cancelled\n');
    expect(meaning(parse(out.text).ast)).toEqual(meaning(parse(text).ast));
  });

  it('is still an ordinary name elsewhere: a field called `let`', () => {
    expect(parse('record R {\n  let: string\n}\nrule r "m" { forbid let == "x" }\n').diagnostics).toEqual([]);
  });

  it('asks for a name after `let`', () => {
    const { diagnostics } = parse('let = 1\n');
    expect(diagnostics[0]).toMatchObject({ code: 'SG1012' });
  });
});

describe('raw strings', () => {
  it('keep every backslash: r"\\bfoo\\b" is the pattern as written', () => {
    const { ast, diagnostics } = parse('const p = r"\\bfoo\\b \\" \\n"x"\n'.replace('\\" \\n"x"', '\\n"'));
    expect(diagnostics).toEqual([]);
    expect((ast.declarations[0] as A.ConstDecl).value).toMatchObject({ kind: 'String', value: '\\bfoo\\b \\n', rawString: true });
  });

  it('are templates in messages: `{` starts a value, a backslash is text', () => {
    const r = parse('rule r r"\\d {x}" { forbid y }\n').ast.declarations[0] as A.RuleDecl;
    expect(r.message?.parts).toMatchObject([{ kind: 'Text', value: '\\d ' }, { kind: 'Interp', expr: { kind: 'Ident', name: 'x' } }]);
    expect(r.message?.rawString).toBe(true);
  });

  it('work as table keys', () => {
    const c = parse('const t = { r"a\\b": 1 }\n').ast.declarations[0] as A.ConstDecl;
    expect((c.value as A.ObjectLit).entries[0].key.text).toBe('a\\b');
  });

  it('stay raw through the formatter', () => {
    const text = 'const p = r"\\d{17}"\n';
    expect(format(text)).toEqual({ text, diagnostics: [], changed: false });
  });

  it('a name starting with r is still a name', () => {
    const { ast, diagnostics } = parse('rule r "m" { forbid rate == r }\n');
    expect(diagnostics).toEqual([]);
    expect((ast.declarations[0] as A.RuleDecl).clauses[0].condition).toMatchObject({ right: { kind: 'Ident', name: 'r' } });
  });
});

describe('unknown escapes in text in double quotes', () => {
  it('warn once per text, at the first one, and keep the backslash', () => {
    const text = 'const p = "\\bfoo\\b"\n';
    const { ast, diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'SG1034', severity: 'warning', span: { start: 11, end: 13 } });
    expect(diagnostics[0].help).toContain('r"\\bfoo\\b"');
    expect((ast.declarations[0] as A.ConstDecl).value).toMatchObject({ value: '\\bfoo\\b' });
  });

  it('do not warn for the escapes the language knows', () => {
    expect(codes('const p = "\\" \\\\ \\n \\t \\{ \\} \\u00e9"\n')).toEqual([]);
  });
});

describe('patterns', () => {
  it('are rewritten as raw strings by the formatter, whether their backslashes were single or doubled', () => {
    const text = String.raw`rule r "m" {
  forbid body matches "\\bfoo\\b"
  forbid find(body, "\\d+\\s")
  forbid find(body, "\d+")
}
`;
    const out = format(text);
    expect(out.text).toBe(String.raw`rule r "m" {
  forbid body matches r"\bfoo\b"
  forbid find(body, r"\d+\s")
  forbid find(body, r"\d+")
}
`);
    expect(sameMeaning(parse(out.text).ast, parse(text).ast)).toBe(true);
  });

  it('stay in double quotes when a raw string cannot say the same (a quote or a real escape in them)', () => {
    const text = String.raw`rule r "m" {
  forbid body matches "say \"hi\"\\b"
  forbid body matches "a\nb"
}
`;
    expect(parse(text).diagnostics).toEqual([]);
    expect(format(text).text).toBe(text);
  });
});
