/** The language service: outline, hover and completions, metrics included. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';

const SOURCE = `policy orders "Orders"
record Order { orderId: string  purchaseDate: datetime  defect: boolean = false }
metric defect-rate "Defect rate" {
  rate defect
  over 60 days by purchaseDate
}
rule defect-rate error "Too many defects: {defect-rate}" { require defect-rate < 1% }
example "clean" { as of 2026-11-20  given [{ orderId: "1", purchaseDate: "2026-11-01" }]  expect nothing }
`;

describe('analyze', () => {
  const a = analyze(SOURCE);
  it('compiles and lists every declaration in the outline', () => {
    expect(a.diagnostics).toEqual([]);
    expect(a.symbols.map((s) => `${s.kind} ${s.name}`)).toEqual([
      'record Order',
      'field orderId',
      'field purchaseDate',
      'field defect',
      'metric defect-rate',
      'rule defect-rate',
      'example clean',
    ]);
  });
  it('explains a metric and the rule about it on hover', () => {
    const at = SOURCE.indexOf('require defect-rate') + 'require '.length + 2;
    expect(a.hover(at)?.text).toBe(
      'metric defect-rate: Defect rate (rate, last 60 days by purchaseDate)\nrule orders/defect-rate (error): Too many defects: {defect-rate}',
    );
  });
  it('offers fields, metrics and the metric keywords as completions', () => {
    const labels = a.completions().map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['purchaseDate', 'defect-rate', 'metric', 'rate', 'over', 'group']));
  });
});

describe('analyze with a let', () => {
  const text = `policy orders "Orders"
record Order { orderId: string  channel: string }
let sellerFulfilled = lower(channel) == "mfn"
rule seller "Seller order" { forbid sellerFulfilled }
`;
  const a = analyze(text);
  it('lists the let in the outline, offers it and the keyword as completions, and names it on hover', () => {
    expect(a.diagnostics).toEqual([]);
    expect(a.symbols.map((s) => `${s.kind} ${s.name}`)).toContain('let sellerFulfilled');
    expect(a.completions().map((c) => c.label)).toEqual(expect.arrayContaining(['sellerFulfilled', 'let']));
    expect(a.hover(text.indexOf('forbid sellerFulfilled') + 'forbid '.length + 1)?.text).toBe('let sellerFulfilled');
  });
});
