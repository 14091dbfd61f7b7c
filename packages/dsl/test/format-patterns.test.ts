/**
 * Which texts the formatter reads as regular expressions (the pattern after
 * `matches` and the second argument of find(), and nothing else), how it
 * writes them, and what it compares to make sure a layout means the same.
 * Expected texts are written here by hand.
 */
import { describe, expect, it } from 'vitest';
import { meaning, sameMeaning } from '../src/format.js';
import { format, parse } from '../src/index.js';

/** The rule `rule r "m" { forbid <condition> }` in canonical layout. */
const rule = (condition: string) => `rule r "m" {\n  forbid ${condition}\n}\n`;

describe('only patterns are rewritten as raw strings', () => {
  const unchanged = [
    // a comparison with a text that holds a backslash is not a pattern
    'a == "\\\\d"',
    // a pattern that is a name, not a written text
    'a matches b',
    // find() with a name as its pattern, and with a text as the thing searched
    'find(a, b)',
    'find("\\\\d", a)',
    // a real escape that is not a backslash (`\\u0041` is A) keeps the pattern in double quotes
    'a matches "\\\\d\\u0041"',
    'a matches "\\\\d\\{"',
  ];
  for (const condition of unchanged)
    it(condition, () => expect(format(rule(condition))).toEqual({ text: rule(condition), diagnostics: [], changed: false }));

  it('writes a pattern with a language 1.0 escape and a doubled backslash as one raw string', () => {
    // `"\d\\w"`: `\d` is an unknown escape kept as written, `\\` is one backslash; both mean `\d\w` to RE2.
    const r = format(rule('a matches "\\d\\\\w"'));
    expect(r.text).toBe(rule('a matches r"\\d\\w"'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SG1034']);
  });
});

describe('what counts as the same meaning', () => {
  it('keeps lists as lists when it drops the places', () => {
    expect(meaning({ kind: 'List', items: [{ kind: 'Number', value: 1, span: { start: 0, end: 1 } }] })).toEqual({ kind: 'List', items: [{ kind: 'Number', value: 1 }] });
  });

  it('tells 1.0 from 1, and 5.00% from 5%, even when quoting is ignored', () => {
    expect(sameMeaning(parse('const c = 1.0\n').ast, parse('const c = 1\n').ast)).toBe(false);
    expect(sameMeaning(parse('const c = 5.00%\n').ast, parse('const c = 5%\n').ast)).toBe(false);
    expect(sameMeaning(parse('const c = 1.0\n').ast, parse('const   c   = 1.0\n').ast)).toBe(true);
  });
});
