/**
 * What the formatter keeps where the author put it: the order of the lines of a
 * rule, a metric and an example, comments written right against a bracket or a
 * line, comments between a name and its value, and blank lines written between
 * a keyword and its value. Each expected text is written here by hand from the
 * layout rules at the top of src/format.ts.
 */
import { describe, expect, it } from 'vitest';
import { format } from '../src/index.js';

/** Formats `input`, and checks that formatting the output again changes nothing. */
function formatted(input: string): string {
  const once = format(input);
  expect(once.diagnostics).toEqual([]);
  expect(format(once.text)).toEqual({ text: once.text, diagnostics: [], changed: false });
  return once.text;
}

describe('the lines of a block stay in the order written', () => {
  const rows: Array<[string, string, string]> = [
    ['a rule written hint first and forbid last', 'rule r "m" { hint "h" when a source "s" forbid x }\n', 'rule r "m" {\n  hint "h"\n  when a\n  source "s"\n  forbid x\n}\n'],
    ['a metric written where first', 'metric m { where shipped group by sku rate late over 30 days by shipDate }\n', 'metric m {\n  where shipped\n  group by sku\n  rate late\n  over 30 days by shipDate\n}\n'],
    ['an example with expectations around its given', 'example "e" { expect r1 given { a: 1 } as of 2026-01-02 expect r2 }\n', 'example "e" {\n  expect r1\n  given { a: 1 }\n  as of 2026-01-02\n  expect r2\n}\n'],
  ];
  for (const [what, input, output] of rows) it(what, () => expect(formatted(input)).toBe(output));
});

describe('a keyword and its value', () => {
  it('joins a value written lines below its keyword without adding a blank line above', () => {
    expect(formatted('rule r "m" {\n  forbid x\n  hint\n\n  "Remove it"\n}\n')).toBe('rule r "m" {\n  forbid x\n  hint "Remove it"\n}\n');
    expect(formatted('rule r "m" {\n  forbid x\n  when\n\n  a\n}\n')).toBe('rule r "m" {\n  forbid x\n  when a\n}\n');
  });

  it('moves a short comment between a keyword and its value above the line', () => {
    // The comment `# a` is shorter than the keyword `hint`: it still leads the line.
    expect(formatted('rule r "m" {\n  forbid x\n  hint # a\n  "Remove it"\n}\n')).toBe('rule r "m" {\n  forbid x\n  # a\n  hint "Remove it"\n}\n');
  });
});

describe('comments written right against the text', () => {
  const rows: Array<[string, string, string]> = [
    ['a comment right after the closing brace of a record', 'record R {\n  a: string\n}# after\n', 'record R {\n  a: string\n} # after\n'],
    ['a comment right after the closing brace of a rule', 'rule r "m" {\n  forbid x\n}# after\n', 'rule r "m" {\n  forbid x\n} # after\n'],
    ['a comment right after the closing brace of a metric', 'metric m {\n  count\n}# after\n', 'metric m {\n  count\n} # after\n'],
    ['a comment right after the closing brace of an example', 'example "e" {\n  expect nothing\n}# after\n', 'example "e" {\n  expect nothing\n} # after\n'],
    ['a comment right after the bracket of a broken list', 'const c = [1, # one\n  2]# two\n', 'const c = [\n  1, # one\n  2\n] # two\n'],
    ['a comment right after a field', 'record R {\n  a: string# the id\n  b: integer\n}\n', 'record R {\n  a: string # the id\n  b: integer\n}\n'],
    ['a one-character comment that ends the file without a newline', 'const c = 1\n#', 'const c = 1\n#\n'],
  ];
  for (const [what, input, output] of rows) it(what, () => expect(formatted(input)).toBe(output));
});

describe('a comment next to a list does not break the list', () => {
  const rows: Array<[string, string, string]> = [
    ['a comment after the list', 'const c = [1, 2] # two\n', 'const c = [1, 2] # two\n'],
    ['a comment right after the bracket', 'const c = [1, 2]# two\n', 'const c = [1, 2] # two\n'],
    ['a comment on the line below', 'const c = [1, 2]\n# about d\nconst d = 1\n', 'const c = [1, 2]\n\n# about d\nconst d = 1\n'],
    ['a comment between the equals sign and the list', 'const c = # why\n  [1, 2]\n', 'const c = [1, 2] # why\n'],
    ['a comment between a phrase list name and its phrases', 'phrases p = # why\n  ["a", "b"]\n', 'phrases p = ["a", "b"] # why\n'],
    ['a comment between an enum name and its brace', 'enum E # why\n{ a, b }\n', 'enum E { a, b } # why\n'],
  ];
  for (const [what, input, output] of rows) it(what, () => expect(formatted(input)).toBe(output));
});

describe('empty and filled lists', () => {
  it('keeps an empty list that starts after column 100 as []', () => {
    // `const ` (6) + a 92-letter name + ` = ` (3): the list starts at column 101.
    const name = `n${'x'.repeat(91)}`;
    expect(`const ${name} = `).toHaveLength(101);
    expect(formatted(`const ${name} = []\n`)).toBe(`const ${name} = []\n`);
  });

  it('fills a long constant list of texts like a phrase list', () => {
    // "word-NN", is 10 characters: after the 2-space indent, 9 of them and the 8 spaces between make 100 columns.
    const words = Array.from({ length: 20 }, (_, i) => `"word-${String(i).padStart(2, '0')}"`);
    const line = (from: number, to: number) => `  ${words.slice(from, to).join(', ')}${to < words.length ? ',' : ''}`;
    expect(line(0, 9)).toHaveLength(100);
    expect(formatted(`const c = [${words.join(', ')}]\n`)).toBe(`const c = [\n${line(0, 9)}\n${line(9, 18)}\n${line(18, 20)}\n]\n`);
  });
});
