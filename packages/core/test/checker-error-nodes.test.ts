/**
 * An expression the parser could not read (an empty `{}` in a message, quotes
 * inside `{...}`) reaches the checker as a placeholder: the checker must give
 * it the type "unknown" and say nothing more, so one mistake gives one
 * message, and the rest of the policy is still checked.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSemantics, compile } from '../src/index.js';

const policy = (message: string, condition = 'forbid length(body) > 10') => `policy demo "Demo" source "tests"
record Message {
  body: text
}
rule r error "${message}" {
  ${condition}
}
`;

const at = (text: string) => (d: { code: string; span: { start: number; end: number } }) => [d.code, text.slice(d.span.start, d.span.end)];

describe('expressions the parser could not read', () => {
  it('an empty {} in a message gives only its own syntax error', () => {
    const text = policy('The body {} is too long and {body}');
    expect(compile(text).diagnostics.map(at(text))).toEqual([['SG1022', '{}']]);
    expect(analyzeSemantics(text).diagnostics.map(at(text))).toEqual([['SG1022', '{}']]);
  });

  it('a mistake elsewhere in the same rule is still found next to it', () => {
    const text = policy('The body {} is too long', 'forbid length(body) > "ten"');
    const found = compile(text).diagnostics.map(at(text));
    expect(found[0]).toEqual(['SG1022', '{}']);
    expect(found).toHaveLength(2);
    expect(found[1][0]).toMatch(/^SG3/);
  });
});

