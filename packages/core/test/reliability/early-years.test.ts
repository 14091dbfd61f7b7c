/**
 * Years 0000-0099 are those years, in data and in --as-of, not 1900-1999
 * (the two-digit-year rule of JavaScript's Date.UTC).
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { folderWith, sellguard } from './support.js';

const policy = `policy shipping "Shipping"
  input Shipment

record Shipment {
  id: string
  shipBy: date
}

rule overdue error "Shipment {id} is overdue" {
  require shipBy >= today()
}

rule before-year-1000 warning "Shipment {id} is dated before the year 1000" {
  require shipBy >= 1000-01-01
}
`;

// By hand, as of 0026-11-20:
//   a 0026-10-01: before the as-of day (overdue) and before 1000 (warning)
//   b 1926-11-01: long after the year 26: nothing (read as 1926 both would put it before 1926-11-20)
//   c 0099-12-31: after the as-of day, before 1000: the warning only
//   d 0000-02-29: the year 0 is a leap year: both
const records = [
  { id: 'a', shipBy: '0026-10-01' },
  { id: 'b', shipBy: '1926-11-01' },
  { id: 'c', shipBy: '0099-12-31' },
  { id: 'd', shipBy: '0000-02-29' },
];

const dir = folderWith({ 'shipping.policy': policy, 'shipments.jsonl': records.map((r) => JSON.stringify(r)).join('\n') + '\n' });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('years below 100', () => {
  it('are read as written in the data and in --as-of', () => {
    const r = sellguard(['check', 'shipping.policy', 'shipments.jsonl', '--as-of', '0026-11-20', '--format', 'json', '--fail-on', 'never'], dir);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.summary.invalid).toBe(0);
    const fired = (index: number) =>
      (report.results.find((x: { index: number }) => x.index === index)?.violations ?? []).map((v: { rule: string }) => v.rule).sort();
    expect(fired(0)).toEqual(['shipping/before-year-1000', 'shipping/overdue']);
    expect(fired(1)).toEqual([]);
    expect(fired(2)).toEqual(['shipping/before-year-1000']);
    expect(fired(3)).toEqual(['shipping/before-year-1000', 'shipping/overdue']);
  });

  it('an impossible early date is still refused', () => {
    // 0001 is not a leap year: there is no 0001-02-29.
    const bad = folderWith({ 'shipping.policy': policy, 'one.jsonl': JSON.stringify({ id: 'x', shipBy: '0001-02-29' }) + '\n' });
    const r = sellguard(['check', 'shipping.policy', 'one.jsonl', '--as-of', '0026-11-20', '--format', 'json', '--fail-on', 'never'], bad);
    rmSync(bad, { recursive: true, force: true });
    expect(JSON.parse(r.stdout).summary.invalid).toBe(1);
  });
});
