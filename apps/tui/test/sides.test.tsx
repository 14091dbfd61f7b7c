/** Records with two sides (a follow-sell request): which fields are the sides, how values compare, and the view at 80 and 60 columns. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { render } from 'ink-testing-library';
import { evalContext, loadPolicy } from '@sellguard/core/node';
import type { CompiledPolicy } from '@sellguard/core';
import { compare, sideRows, twoSides } from '../src/sides.js';
import { RecordView } from '../src/screens/RecordView.js';
import { textWidth } from '../src/layout.js';
import { ThemeContext } from '../src/theme.js';
import { fixturePolicy } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const POLICY = `${ROOT}policies/follow-selling.policy`;
const REQUESTS = `${ROOT}examples/follow-selling/requests.jsonl`;

function followSelling(): { policy: CompiledPolicy; source: string } {
  const { policy, source } = loadPolicy(POLICY);
  if (!policy) throw new Error('follow-selling.policy does not compile');
  return { policy, source };
}

/** Line 2 of the sample requests: the offer is Dark walnut and 1.5 kg, the listing Natural and 1.2 kg. */
const secondRequest = () => JSON.parse(readFileSync(REQUESTS, 'utf8').split('\n')[1]) as { listing: Record<string, unknown>; offer: Record<string, unknown> };

describe('twoSides', () => {
  test('a follow-sell request has two sides: listing and offer (the seller is not a side)', () => {
    const sides = twoSides(followSelling().policy)!;
    expect([sides.left.field, sides.right.field]).toEqual(['listing', 'offer']);
  });

  test('a policy about one message has no sides', () => {
    expect(twoSides(fixturePolicy().policy)).toBeUndefined();
  });
});

describe('compare', () => {
  test.each([
    ['Natural', 'Natural', 'same'],
    ['Natural', 'natural', 'spelled'],
    ['Grey', 'gray', 'spelled'],
    ['0.3 kg', '300 g', 'spelled'],
    ['1.2 kg', '1.5 kg', 'differs'],
    ['Natural', 'Dark walnut', 'differs'],
    ['Natural', undefined, 'one-side'],
    [undefined, null, 'same'],
  ])('%s vs %s: %s', (a, b, expected) => {
    expect(compare(a, b)).toBe(expected);
  });

  test('pictures: the offer may show some of the listing’s pictures, not others', () => {
    expect(compare(['a1', 'b2'], ['a1'])).toBe('spelled');
    expect(compare(['a1', 'b2'], ['c3'])).toBe('differs');
  });
});

describe('sideRows', () => {
  test('the second sample request differs in color and weight only', () => {
    const { policy } = followSelling();
    const decoded = policy.decode(secondRequest());
    if (!decoded.ok) throw new Error('sample does not decode');
    const rows = sideRows(decoded.value, twoSides(policy)!);
    expect(rows.filter((r) => r.comparison === 'differs').map((r) => [r.label, r.left, r.right])).toEqual([
      ['color', 'Natural', 'Dark walnut'],
      ['parameters › weight', '1.2 kg', '1.5 kg'],
    ]);
    // Fields only the listing has (asin) or only the offer has (stock) are not differences.
    expect(rows.find((r) => r.label === 'asin')?.comparison).toBe('one-side');
    expect(rows.find((r) => r.label === 'stock')).toMatchObject({ left: '', comparison: 'one-side' });
  });
});

describe('the record view of a follow-sell request', () => {
  const view = (width: number) => {
    const { policy, source } = followSelling();
    const raw = secondRequest();
    const decoded = policy.decode(raw);
    if (!decoded.ok) throw new Error('sample does not decode');
    const violations = policy.evaluate(decoded.value, evalContext());
    const record = { index: 1, line: 2, file: REQUESTS, raw, violations };
    const frame =
      render(
        <ThemeContext.Provider value={{ color: false }}>
          <RecordView record={record} policy={policy} context={evalContext()} policySource={source} width={width} height={60} scroll={0} color={false} />
        </ThemeContext.Provider>,
      ).lastFrame() ?? '';
    return frame.split('\n');
  };

  test('at 80 columns: two columns, the differing fields marked ≠, no trace', () => {
    const rows = view(80);
    expect(rows).toContain('listing and offer side by side  ·  2 fields differ');
    expect(rows.find((r) => r.startsWith('≠ color'))).toMatch(/^≠ color\s+Natural\s+│ Dark walnut$/);
    expect(rows.find((r) => r.startsWith('≠ parameters › weight'))).toMatch(/1\.2 kg\s+│ 1\.5 kg$/);
    expect(rows.find((r) => r.includes('parameters › size'))).toMatch(/^≈ /);
    expect(rows.find((r) => r.includes(' brand '))).toMatch(/^ {2}brand\s+Generic\s+│ Generic$/);
    expect(rows.join('\n')).not.toContain('Why it fired');
    for (const r of rows) expect(textWidth(r)).toBeLessThanOrEqual(80);
  });

  test('at 60 columns: the sides are stacked under each field', () => {
    const rows = view(60);
    const at = rows.indexOf('≠ color');
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toMatch(/^ {4}listing: Natural$/);
    expect(rows[at + 2]).toMatch(/^ {4}offer: {3}Dark walnut$/);
    for (const r of rows) expect(textWidth(r)).toBeLessThanOrEqual(60);
  });
});
