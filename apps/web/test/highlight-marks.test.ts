// @vitest-environment jsdom
/**
 * The policy editor's colours: each token kind gets its own class, from one
 * table made once (no cache that grows while the page lives). Expected
 * ranges are counted by hand on a short line.
 */
import { tokenize } from '@sellguard/dsl';
import { describe, expect, it } from 'vitest';
import { tokenDecorations } from '../src/editor/policyLanguage';

function marks(text: string): Array<[string, string]> {
  const set = tokenDecorations(tokenize(text).tokens, text.length);
  const out: Array<[string, string]> = [];
  for (let it = set.iter(); it.value; it.next()) out.push([text.slice(it.from, it.to), String(it.value.spec.class)]);
  return out;
}

describe('the policy editor highlighting', () => {
  it('marks each kind of token with its class', () => {
    const text = 'rule r error "hi {n}" {\n  forbid n >= 3 # why\n}\n';
    expect(marks(text)).toEqual([
      ['rule', 'tok-keyword'],
      ['error', 'tok-severity'],
      ['"hi ', 'tok-string'],
      ['{', 'tok-interpolation'],
      ['}', 'tok-interpolation'],
      ['"', 'tok-string'],
      ['forbid', 'tok-keyword'],
      ['>=', 'tok-operator'],
      ['3', 'tok-number'],
      ['# why', 'tok-comment'],
    ]);
  });

  it('gives the same mark object to every token of a kind', () => {
    const set = tokenDecorations(tokenize('rule a error "x" { forbid 1 > 2 }\nrule b error "y" { forbid 3 > 4 }\n').tokens, 200);
    const keywordMarks = new Set<unknown>();
    for (let it = set.iter(); it.value; it.next()) if (it.value.spec.class === 'tok-keyword') keywordMarks.add(it.value);
    expect(keywordMarks.size).toBe(1);
  });
});
