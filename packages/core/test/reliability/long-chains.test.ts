/**
 * Flat chains of thousands of `and`, `or` and `+` terms: compiling and
 * analysing never throw; a chain too deep to handle gets a plain diagnostic
 * at the expression, and a long but reasonable chain still works.
 */
import { format } from '@sellguard/dsl';
import { describe, expect, it } from 'vitest';
import { analyze, checkOne, compile, evalContext } from '../../src/index.js';

const terms = (n: number, term: (i: number) => string, op: string) => Array.from({ length: n }, (_, i) => term(i)).join(` ${op} `);

function policyWith(body: string): string {
  return `policy chains "Chains"\n  input Rec\n\nrecord Rec {\n  x: number\n}\n\n${body}\n`;
}

const codes = (ds: ReadonlyArray<{ code: string }>) => ds.map((d) => d.code);

describe('long chains of operators', () => {
  const huge = policyWith(
    [
      `const total = ${terms(3000, () => 'x', '+')}`,
      `rule many-ands error "Too many" {\n  require ${terms(2500, (i) => `x > ${i}`, 'and')}\n}`,
      `rule many-ors error "Sum is {${terms(2200, () => 'x', '+')}}" {\n  require ${terms(2200, (i) => `x == ${i}`, 'or')}\n}`,
    ].join('\n\n'),
  );

  it('compile reports each too-deep expression with SG1037 at its place, and does not throw', () => {
    const r = compile(huge, { fileName: 'chains.policy' });
    expect(r.policy).toBeUndefined();
    const deep = r.diagnostics.filter((d) => d.code === 'SG1037');
    // Four expressions are too deep: the constant, the `and` chain, the sum in the message, the `or` chain.
    expect(deep).toHaveLength(4);
    expect(codes(r.diagnostics)).not.toContain('SG9001');
    expect(codes(r.diagnostics)).not.toContain('SG1099');
    const constStart = huge.indexOf('const total = ') + 'const total = '.length;
    expect(deep.some((d) => d.span.start === constStart)).toBe(true);
    expect(deep[0].help).toMatch(/split/);
  });

  it('analyze (the editor and the playground) returns diagnostics instead of throwing', () => {
    const a = analyze(huge, { fileName: 'chains.policy' });
    expect(codes(a.diagnostics).filter((c) => c === 'SG1037')).toHaveLength(4);
  });

  it('the formatter refuses a too-deep file with the diagnostic instead of crashing', () => {
    const r = format(huge);
    expect(codes(r.diagnostics)).toContain('SG1037');
  });

  it('a chain of 300 terms still compiles and is checked correctly', () => {
    // 300 copies of x: x = 1 sums to 300 (not below 5: a violation), x = 0 sums to 0.
    const src = policyWith(`rule small-sum error "Sum too large" {\n  require ${terms(300, () => 'x', '+')} < 5\n}`);
    const { policy, diagnostics } = compile(src, { fileName: 'sum.policy' });
    expect(diagnostics).toEqual([]);
    const ctx = evalContext();
    const one = checkOne(policy!, { index: 0, raw: { x: 1 } }, ctx).result;
    const zero = checkOne(policy!, { index: 1, raw: { x: 0 } }, ctx).result;
    expect(one.violations.map((v) => v.rule)).toEqual(['chains/small-sum']);
    expect(zero.violations).toEqual([]);
  });
});
