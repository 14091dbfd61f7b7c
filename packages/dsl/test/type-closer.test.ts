/**
 * A type argument closed right before `=` (`tags: list<string>= []`): the
 * same policy as with a space, never "expected '>' to close the type". A map
 * written with a key type gets a message of its own.
 */
import { describe, expect, it } from 'vitest';
import { format, parse } from '../src/index.js';
import { meaning } from '../src/format.js';

const header = 'policy p "P"\n  input R\n\n';

describe('a type closed right before =', () => {
  const spellings: Array<[string, string]> = [
    ['record R {\n  tags: list<string>= []\n}\n', 'record R {\n  tags: list<string> = []\n}\n'],
    ['record R {\n  scores: map<number>= {"a": 1}\n}\n', 'record R {\n  scores: map<number> = {"a": 1}\n}\n'],
    ['record R {\n  groups: map<list<string>>= {"a": ["b"]}\n}\n', 'record R {\n  groups: map<list<string>> = {"a": ["b"]}\n}\n'],
    ['const gated: list<string>= ["jewelry", "watches"]\n', 'const gated: list<string> = ["jewelry", "watches"]\n'],
  ];

  it.each(spellings)('%j reads like the spaced spelling', (tight, spaced) => {
    const a = parse(header + tight);
    const b = parse(header + spaced);
    expect(a.diagnostics).toEqual([]);
    expect(b.diagnostics).toEqual([]);
    expect(meaning(a.ast)).toEqual(meaning(b.ast));
  });

  it('is written with a space by fmt', () => {
    const r = format(`${header}record R {\n  tags: list<string>= []\n}\n`);
    expect(r.diagnostics).toEqual([]);
    expect(r.text).toBe(`${header}record R {\n  tags: list<string> = []\n}\n`);
  });

  it('leaves comparisons alone', () => {
    const r = parse(`${header}record R {\n  n: number\n}\n\nrule r error "x" {\n  forbid n>=3\n}\n`);
    expect(r.diagnostics).toEqual([]);
  });

  it('says that a map takes only the type of its values', () => {
    const text = `${header}record R {\n  m: map<string, number>= {}\n}\n`;
    const [first] = parse(text).diagnostics;
    expect(first.code).toBe('SG1004');
    expect(first.message).toBe("a map names only the type of its values: its keys are always text, so 'string,' is not needed");
    expect(text.slice(first.span.start, first.span.end)).toBe(',');
  });
});
