/**
 * The formatter's 100-column rule in every place a list can stand: a list that
 * ends exactly at column 100 stays on one line, one column more and it is
 * broken one item per line. The columns are counted here, by hand, from the
 * canonical text of each place.
 */
import { describe, expect, it } from 'vitest';
import { format } from '../src/index.js';

const WIDTH = 100;

/**
 * Each place: the declaration around the list, as canonical text, with `@`
 * where the list goes; the list ends its line.
 */
const PLACES: Array<[string, string]> = [
  ['a when line', 'rule r "m" {\n  when x in @\n  forbid y\n}\n'],
  ['a forbid line', 'rule r "m" {\n  forbid x in @\n}\n'],
  ['a require line with not in', 'rule r "m" {\n  require x not in @\n}\n'],
  ['after not', 'rule r "m" {\n  forbid not @\n}\n'],
  ['after a minus sign', 'rule r "m" {\n  forbid x == -@\n}\n'],
  ['the else of an if', 'rule r "m" {\n  forbid if c then a else @\n}\n'],
  ['the body of a quantifier', 'rule r "m" {\n  forbid any a in b: a in @\n}\n'],
  ['an each line', 'rule r "m" {\n  each a in @\n  forbid a\n}\n'],
  ['a fix replace line', 'rule r "m" {\n  forbid x\n  fix replace @\n}\n'],
  ['a rate line', 'metric m "M" {\n  rate x in @\n}\n'],
  ['a where line', 'metric m "M" {\n  count\n  where x in @\n}\n'],
  ['a given line', 'example "e" {\n  given @\n  expect nothing\n}\n'],
  ['a constant', 'const c = @\n'],
  ['a field default', 'record R {\n  f: list<string> = @\n}\n'],
  ['a call argument after another', 'rule r "m" {\n  forbid x == f(y, z) + @\n}\n'],
  ['an index', 'rule r "m" {\n  forbid x[0] == @\n}\n'],
  // Places where more text follows the list on its line: only the list's own end counts.
  ['parentheses', 'rule r "m" {\n  forbid (@) == x\n}\n'],
  ['the test of an if', 'rule r "m" {\n  forbid if @ then a else b\n}\n'],
  ['the list of a quantifier', 'rule r "m" {\n  forbid any a in @: a\n}\n'],
  ['the index of a lookup', 'rule r "m" {\n  forbid x[@] == 1\n}\n'],
  ['the text of a fix insert', 'rule r "m" {\n  forbid x\n  fix insert @ into body at start\n}\n'],
  ['the date of a metric window', 'metric m "M" {\n  count\n  over 30 days by @\n}\n'],
  ['a table entry of a table broken by its comment', 'const c = { # why\n  k: @\n}\n'],
  // The else starts on the last line of the broken then-list, at the column after `] else `.
  ['the else of an if after a broken list', `rule r "m" {\n  forbid if c then [\n    ${'b'.repeat(120)}\n  ] else @\n}\n`],
];

/** A one-item list of a name, so long that the list ends at column `end`. */
function place(template: string, end: number): { text: string; name: string } {
  const line = template.split('\n').find((l) => l.includes('@'))!;
  const before = line.indexOf('@');
  const name = `n${'x'.repeat(end - before - 3)}`;
  return { text: template.replace('@', `[${name}]`), name };
}

/** The column where the list `[name]` ends in `text`. */
function listEnd(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.includes(`[${name}]`))!;
  return line.indexOf(`[${name}]`) + name.length + 2;
}

describe('the 100-column rule', () => {
  for (const [where, template] of PLACES) {
    it(`keeps a list that ends at column 100 on one line, and breaks one that ends at 101, in ${where}`, () => {
      const fits = place(template, WIDTH);
      expect(listEnd(fits.text, fits.name)).toBe(WIDTH);
      expect(format(fits.text)).toEqual({ text: fits.text, diagnostics: [], changed: false });

      const over = place(template, WIDTH + 1);
      const line = over.text.split('\n').find((l) => l.includes(`[${over.name}]`))!;
      const indent = line.length - line.trimStart().length;
      const broken = over.text.replace(`[${over.name}]`, `[\n${' '.repeat(indent + 2)}${over.name}\n${' '.repeat(indent)}]`);
      expect(format(over.text)).toEqual({ text: broken, diagnostics: [], changed: true });
    });
  }
});

describe('canonical layout of each kind of line', () => {
  const rows: Array<[string, string, string]> = [
    ['fix insert', 'rule r "m" {\n  forbid x\n  fix   insert "a"   into   subject   at   end\n}\n', 'rule r "m" {\n  forbid x\n  fix insert "a" into subject at end\n}\n'],
    ['fix remove', 'rule r "m" {\n  forbid x\n  fix    remove\n}\n', 'rule r "m" {\n  forbid x\n  fix remove\n}\n'],
    ['a metric', 'metric   m  "M"{average   price where   x>1 over 30 days by   soldOn group   by sku,market}', 'metric m "M" {\n  average price\n  where x > 1\n  over 30 days by soldOn\n  group by sku, market\n}\n'],
    ['an example with as of', 'example "e"{given [{a:1},{a:2}] as   of 2026-11-20 expect not r,s}', 'example "e" {\n  given [{ a: 1 }, { a: 2 }]\n  as of 2026-11-20\n  expect not r, s\n}\n'],
    ['a rule with each, hint and source', 'rule r warning "m"{each a in xs forbid a.b>1 "why" hint "h" source "s"}', 'rule r warning "m" {\n  each a in xs\n  forbid a.b > 1 "why"\n  hint "h"\n  source "s"\n}\n'],
    ['expressions', 'const c=[if a then -b else(c),count x in y:x[0]>=1, f(a,b)]', 'const c = [if a then -b else (c), count x in y: x[0] >= 1, f(a, b)]\n'],
    ['an empty object and list', 'const c={ }\nconst d=[ ]', 'const c = {}\n\nconst d = []\n'],
    ['a long enum', `enum E { ${Array.from({ length: 20 }, (_, i) => `member${i}`).join(', ')} }`, `enum E {\n${Array.from({ length: 20 }, (_, i) => `  member${i}`).join(',\n')}\n}\n`],
  ];
  for (const [what, input, output] of rows) it(what, () => expect(format(input)).toEqual({ text: output, diagnostics: [], changed: input !== output }));
});
