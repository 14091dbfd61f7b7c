/**
 * docs/language.md: "A comparison with a missing value is false"; `x == null`
 * and `x != null` test presence. The generated evaluator and the explain
 * interpreter must both read it that way.
 */
import { describe, expect, it } from 'vitest';
import { compile, interpretRecord } from '../src/index.js';

const source = `
policy missing "Missing values"
record R {
  a: string?
  b: string?
  n: number?
}
rule a-eq-b info "a equals b" { forbid a == b }
rule a-ne-b info "a differs from b" { forbid a != b }
rule n-lt-5 info "n below 5" { forbid n < 5 }
rule n-ge-5 info "n at least 5" { forbid n >= 5 }
rule a-null info "a is missing" { forbid a == null }
rule a-not-null info "a is present" { forbid a != null }
rule not-eq info "not (a == b)" { forbid not (a == b) }
`;

const { policy, ir, diagnostics } = compile(source, { fileName: 'missing.policy' });

function fired(record: Record<string, unknown>): { generated: string[]; interpreted: string[] } {
  const decoded = policy!.decode(record);
  if (!decoded.ok) throw new Error('record rejected');
  const ids = (vs: Array<{ rule: string }>) => vs.map((v) => v.rule.replace('missing/', '')).sort();
  return { generated: ids(policy!.evaluate(decoded.value)), interpreted: ids(interpretRecord(ir!, decoded.value)) };
}

describe('comparisons with a missing value', () => {
  it('compiles', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  // Expected rule sets worked out by hand from the documented semantics.
  const rows: Array<[string, Record<string, unknown>, string[]]> = [
    ['both present and equal', { a: 'x', b: 'x', n: 3 }, ['a-eq-b', 'a-not-null', 'n-lt-5']],
    ['both present and different', { a: 'x', b: 'y', n: 7 }, ['a-ne-b', 'a-not-null', 'n-ge-5', 'not-eq']],
    ['b missing', { a: 'x' }, ['a-not-null', 'not-eq']],
    ['a missing', { b: 'y', n: 5 }, ['a-null', 'n-ge-5', 'not-eq']],
    ['both missing', {}, ['a-null', 'not-eq']],
  ];
  it.each(rows)('%s', (_name, record, expected) => {
    const { generated, interpreted } = fired(record);
    expect(generated).toEqual([...expected].sort());
    expect(interpreted).toEqual([...expected].sort());
  });
});
