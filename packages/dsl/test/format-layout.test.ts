/**
 * The formatter's canonical layout, one kind of line or comment place at a
 * time: each row is a messy input and the text a seller should get back,
 * written here by hand from the layout rules at the top of src/format.ts
 * (2-space indentation, one line per field, rule line or header line, a blank
 * line between declarations and between the header, the imports and the
 * declarations, comments kept where they were).
 */
import { describe, expect, it } from 'vitest';
import { meaning, sameMeaning } from '../src/format.js';
import { format, parse } from '../src/index.js';

/** Formats `input`, and checks that formatting the output again changes nothing. */
function formatted(input: string): string {
  const once = format(input);
  expect(once.diagnostics).toEqual([]);
  expect(format(once.text)).toEqual({ text: once.text, diagnostics: [], changed: false });
  return once.text;
}

const rows: Array<[string, string, string]> = [
  // the header
  ['header parts, each on its own line in the order written', 'policy p "P" input Msg version "2" source "s"\n', 'policy p "P"\n  input Msg\n  version "2"\n  source "s"\n'],
  ['a header without a title', 'policy p\nsource "s"\n', 'policy p\n  source "s"\n'],
  ['a comment after the title stays on the first line', 'policy p "P" # the title\n  source "s"\n', 'policy p "P" # the title\n  source "s"\n'],
  ['a comment after a header part stays on its line', 'policy p "P"\n  source "s" # where from\n  version "1"\n', 'policy p "P"\n  source "s" # where from\n  version "1"\n'],
  // groups of top-level lines
  [
    'a blank line after the header and after the imports, none between imports',
    'policy p "P"\nimport { A } from "./a.policy"\nimport { B } from "./b.policy"\nconst c = 1\nconst d = 2\n',
    'policy p "P"\n\nimport { A } from "./a.policy"\nimport { B } from "./b.policy"\n\nconst c = 1\n\nconst d = 2\n',
  ],
  ['a blank line between imports the author separated is kept', 'import { A } from "./a.policy"\n\nimport { B } from "./b.policy"\n', 'import { A } from "./a.policy"\n\nimport { B } from "./b.policy"\n'],
  ['a comment above a declaration goes with it, after the blank line', 'const c = 1\n# about d\nconst d = 2\n', 'const c = 1\n\n# about d\nconst d = 2\n'],
  ['a comment at the end of the file stays last', 'const c = 1\n# the end\n', 'const c = 1\n# the end\n'],
  ['a comment after the last declaration, a blank line away, keeps the blank line', 'const c = 1\n\n\n# the end\n', 'const c = 1\n\n# the end\n'],
  ['two comments after a line: the first stays on the line, the second goes below', 'const c = [1, # one\n  2] # two\n', 'const c = [\n  1, # one\n  2\n] # two\n'],
  // blocks
  ['an empty record', 'record R {  }\n', 'record R {}\n'],
  ['a comment after an opening brace stays there', 'record R { # the fields\n  a: string\n}\n', 'record R { # the fields\n  a: string\n}\n'],
  ['a block with only a comment after its brace', 'record R { # nothing yet\n}\n', 'record R { # nothing yet\n}\n'],
  ['a comment before a closing brace stays inside the block', 'record R {\n  a: string\n  # more to come\n}\n', 'record R {\n  a: string\n  # more to come\n}\n'],
  ['a comment at the end of a field line', 'record R {\n  a: string   # the id\n  b: integer\n}\n', 'record R {\n  a: string # the id\n  b: integer\n}\n'],
  ['field types', 'record R { a: list<string>  b: map<text>?  c: enum( x ,y )  d: list<map<integer>> }\n', 'record R {\n  a: list<string>\n  b: map<text>?\n  c: enum(x, y)\n  d: list<map<integer>>\n}\n'],
  ['a field default and names it is read from', 'record R { a: integer = 3 from "A","a1" }\n', 'record R {\n  a: integer = 3 from "A", "a1"\n}\n'],
  ['an enum', 'enum E {a,b,  c}\n', 'enum E { a, b, c }\n'],
  ['an enum with a comment is broken one member per line', 'enum E { a, # first\n b }\n', 'enum E {\n  a, # first\n  b\n}\n'],
  ['a let', 'let   big=qty>3\n', 'let big = qty > 3\n'],
  ['a typed constant', 'const c:list<string> =["a"]\n', 'const c: list<string> = ["a"]\n'],
  ['a short phrase list', 'phrases p = [ "a" ,"b" ]\n', 'phrases p = ["a", "b"]\n'],
  ['a phrase list with a comment is one phrase per line', 'phrases p = ["a", # first\n "b"]\n', 'phrases p = [\n  "a", # first\n  "b"\n]\n'],
  // rules
  [
    'every line of a rule, in the order written',
    'rule r warning "Found {matched}" { each a in items when a.ok forbid emails(a.text) "no emails" hint "Remove it" source "Amazon" fix remove }\n',
    'rule r warning "Found {matched}" {\n  each a in items\n  when a.ok\n  forbid emails(a.text) "no emails"\n  hint "Remove it"\n  source "Amazon"\n  fix remove\n}\n',
  ],
  ['a rule without severity or message', 'rule r {\n forbid x }\n', 'rule r {\n  forbid x\n}\n'],
  ['a rule with a severity and no message', 'rule r error {\n forbid x }\n', 'rule r error {\n  forbid x\n}\n'],
  ['a fix that inserts at the start', 'rule r "m" { forbid x  fix insert "Hi " into body at start }\n', 'rule r "m" {\n  forbid x\n  fix insert "Hi " into body at start\n}\n'],
  ['a fix that replaces with an expression', 'rule r "m" { forbid x  fix replace lower( matched ) }\n', 'rule r "m" {\n  forbid x\n  fix replace lower(matched)\n}\n'],
  ['a comment between rule lines stays between them', 'rule r "m" {\n  when a\n  # and then\n  forbid b\n}\n', 'rule r "m" {\n  when a\n  # and then\n  forbid b\n}\n'],
  // metrics and examples
  [
    'every line of a metric',
    'metric m "M" { rate late   where shipped over 30 days by shipDate group by sku,asin }\n',
    'metric m "M" {\n  rate late\n  where shipped\n  over 30 days by shipDate\n  group by sku, asin\n}\n',
  ],
  ['a metric without a title', 'metric m { count }\n', 'metric m {\n  count\n}\n'],
  ['a total', 'metric m "M" { total price }\n', 'metric m "M" {\n  total price\n}\n'],
  [
    'every line of an example',
    'example "e" { given { a: 1 } as of 2026-01-02 expect not r1,r2 expect r3 }\n',
    'example "e" {\n  given { a: 1 }\n  as of 2026-01-02\n  expect not r1, r2\n  expect r3\n}\n',
  ],
  ['an example that expects nothing', 'example "e" {\n given {}\n expect   nothing }\n', 'example "e" {\n  given {}\n  expect nothing\n}\n'],
  // expressions
  [
    'every kind of expression, spaced canonically',
    'rule r "m" { forbid  a.b[0]==-c and not(d)or e!=null and f in[1,2.5,3%] and g>=2026-01-01 and h<30 days and i==false }\n',
    'rule r "m" {\n  forbid a.b[0] == -c and not (d) or e != null and f in [1, 2.5, 3%] and g >= 2026-01-01 and h < 30 days and i == false\n}\n',
  ],
  ['if and quantifiers', 'rule r "m" { forbid (if a then 1 else 2)>count x in xs:x>1 and all y in ys:y }\n', 'rule r "m" {\n  forbid (if a then 1 else 2) > count x in xs: x > 1 and all y in ys: y\n}\n'],
  ['calls with several arguments', 'rule r "m" { forbid replace( a,"b" , "c")==round(x,2) }\n', 'rule r "m" {\n  forbid replace(a, "b", "c") == round(x, 2)\n}\n'],
  ['tables, empty and not', 'const t = {a:1,"b c":[ ]}\nconst e = { }\n', 'const t = { a: 1, "b c": [] }\n\nconst e = {}\n'],
  ['true and a date with a time', 'const t = true\nconst d = 2026-01-02T10:30Z\n', 'const t = true\n\nconst d = 2026-01-02T10:30Z\n'],
  // patterns read as RE2 reads them
  ['a pattern with backslashes becomes a raw string', 'rule r "m" { forbid a matches "\\\\d+\\\\s" }\n', 'rule r "m" {\n  forbid a matches r"\\d+\\s"\n}\n'],
  ['a find() pattern with backslashes becomes a raw string', 'rule r "m" { forbid find(a, "\\\\bfoo") }\n', 'rule r "m" {\n  forbid find(a, r"\\bfoo")\n}\n'],
  ['a pattern without backslashes stays as written', 'rule r "m" { forbid a matches "^ab" }\n', 'rule r "m" {\n  forbid a matches "^ab"\n}\n'],
  ['a pattern with a real newline escape stays as written', 'rule r "m" { forbid a matches "x\\\\d\\n" }\n', 'rule r "m" {\n  forbid a matches "x\\\\d\\n"\n}\n'],
  ['a pattern with an escaped quote stays as written', 'rule r "m" { forbid a matches "\\"\\\\d" }\n', 'rule r "m" {\n  forbid a matches "\\"\\\\d"\n}\n'],
  ['the second argument of another function is not a pattern', 'rule r "m" { forbid replace(a, "\\\\d", "") == "" }\n', 'rule r "m" {\n  forbid replace(a, "\\\\d", "") == ""\n}\n'],
  ['a raw pattern stays raw', 'rule r "m" { forbid a matches r"\\d" }\n', 'rule r "m" {\n  forbid a matches r"\\d"\n}\n'],
];

describe('canonical layout', () => {
  for (const [what, input, output] of rows) it(what, () => expect(formatted(input)).toBe(output));
});

describe('what format() reports', () => {
  it('says whether the text changed', () => {
    expect(format('const c = 1\n')).toEqual({ text: 'const c = 1\n', diagnostics: [], changed: false });
    expect(format('const c=1\n')).toEqual({ text: 'const c = 1\n', diagnostics: [], changed: true });
    expect(format('const c = 1')).toEqual({ text: 'const c = 1\n', diagnostics: [], changed: true });
  });

  it('keeps the warnings of a file that reads with warnings only', () => {
    // `"\d"` is an unknown escape in language 1.0: a warning (SG1034), and the formatter writes it as r"\d".
    const r = format('const c = "\\d"\n');
    expect(r.text).toBe('const c = r"\\d"\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SG1034']);
    expect(r.changed).toBe(true);
  });
});

describe('filling a long phrase list', () => {
  it('packs phrases into lines that end at column 100 at most', () => {
    // "word-NN", is 10 characters: after the 2-space indent, 9 of them and the 8 spaces between make 100 columns.
    const words = Array.from({ length: 20 }, (_, i) => `"word-${String(i).padStart(2, '0')}"`);
    const line = (from: number, to: number) => `  ${words.slice(from, to).join(', ')}${to < words.length ? ',' : ''}`;
    expect(line(0, 9)).toHaveLength(100);
    expect(formatted(`phrases p = [${words.join(', ')}]\n`)).toBe(`phrases p = [\n${line(0, 9)}\n${line(9, 18)}\n${line(18, 20)}\n]\n`);
  });

  it('keeps a phrase list on one line when it ends at column 100', () => {
    // `phrases p = [` is 13 columns and `]` one more: 86 columns of phrases between them.
    const one = `"${'a'.repeat(84)}"`;
    expect(`phrases p = [${one}]`).toHaveLength(100);
    expect(formatted(`phrases p = [${one}]\n`)).toBe(`phrases p = [${one}]\n`);
    const over = `"${'a'.repeat(85)}"`;
    expect(formatted(`phrases p = [${over}]\n`)).toBe(`phrases p = [\n  ${over}\n]\n`);
  });
});

describe('what the formatter must not change', () => {
  it('compares syntax trees without their places, and comments by their text', () => {
    const a = parse('const c = "x" # note\n').ast;
    expect(sameMeaning(a, parse('const   c =   "x"   # note\n').ast)).toBe(true);
    expect(sameMeaning(a, parse('const c = "y" # note\n').ast)).toBe(false);
    expect(sameMeaning(a, parse('const c = "x" # other\n').ast)).toBe(false);
    expect((meaning(a) as { comments: unknown }).comments).toEqual(['# note']);
    expect(JSON.stringify(meaning(parse('rule r "m" {\n  forbid a + b > 1\n}\n').ast))).not.toMatch(/"(span|opSpan)"/);
  });

  it('ignores how a text is quoted only when asked to', () => {
    const plain = parse('const c = "\\\\d"\n').ast;
    const raw = parse('const c = r"\\d"\n').ast;
    expect(sameMeaning(plain, raw)).toBe(true);
    expect(meaning(plain)).not.toEqual(meaning(raw));
    expect(meaning(plain, false)).toEqual(meaning(raw, false));
  });
});

describe('which long lists are filled and which are broken one item per line', () => {
  // 30 items of "NNN" style: far wider than 100 columns on one line.
  const numbers = Array.from({ length: 30 }, (_, i) => String(100 + i));
  it('fills lists of plain numbers, percents and dates', () => {
    for (const [what, items] of [
      ['numbers', numbers],
      ['percents', numbers.map((n) => `${n}%`)],
      ['dates', numbers.map((n) => `2026-01-${n.slice(1)}`.replace(/-(\d\d)$/, (_, d) => `-${String((Number(d) % 28) + 1).padStart(2, '0')}`))],
    ] as const) {
      const out = formatted(`const c = [${items.join(', ')}]\n`);
      const lines = out.split('\n');
      // Filled: far fewer lines than items, each at most 100 columns, all items kept in order.
      expect(lines.length, what).toBeLessThan(items.length / 3);
      for (const l of lines) expect(l.length, what).toBeLessThanOrEqual(100);
      expect(out.replace(/\s+/g, ' '), what).toBe(`const c = [ ${items.join(', ')} ] `);
    }
  });

  it('breaks a list of names, or of names mixed with numbers, one item per line', () => {
    const mixed = numbers.map((n, i) => (i % 2 ? `n${n}` : n));
    expect(formatted(`const c = [${mixed.join(', ')}]\n`)).toBe(`const c = [\n${mixed.map((m) => `  ${m}`).join(',\n')}\n]\n`);
  });
});

describe('texts written with language 1.0 escapes', () => {
  it('doubles only the unknown backslashes when the text also holds real escapes', () => {
    const r = format('const a = "\\d\\w\\n"\n');
    expect(r.text).toBe('const a = "\\\\d\\\\w\\n"\n');
    expect(new Set(r.diagnostics.map((d) => d.code))).toEqual(new Set(['SG1034']));
  });

  it('doubles the unknown backslash next to an escaped quote', () => {
    expect(format('const a = "\\d \\"q\\""\n').text).toBe('const a = "\\\\d \\"q\\""\n');
  });

  it('writes a pattern with a 1.0 escape as a raw string', () => {
    expect(format('rule r "m" {\n  forbid a matches "\\d+"\n}\n').text).toBe('rule r "m" {\n  forbid a matches r"\\d+"\n}\n');
  });
});
