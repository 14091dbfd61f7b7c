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
  it('explains the metric a rule reads on hover', () => {
    const at = SOURCE.indexOf('require defect-rate') + 'require '.length + 2;
    expect(a.hover(at)?.text).toBe('metric defect-rate: percent\nDefect rate (rate, last 60 days by purchaseDate)');
  });
  it('offers fields and metrics inside a rule, and the metric keywords where a metric statement starts', () => {
    const inRule = a.completions(SOURCE.indexOf('require defect-rate') + 'require '.length).items.map((c) => c.label);
    expect(inRule).toEqual(expect.arrayContaining(['purchaseDate', 'defect-rate', 'count', 'empty']));
    expect(inRule).not.toContain('metric');
    const withLine = SOURCE.replace('  rate defect\n', '  rate defect\n  \n');
    const inMetric = analyze(withLine).completions(withLine.indexOf('rate defect\n  ') + 'rate defect\n  '.length).items.map((c) => c.label);
    expect(inMetric).toEqual(expect.arrayContaining(['rate', 'over', 'group', 'where']));
    expect(inMetric).not.toContain('purchaseDate');
  });
});

describe('analyze with a let', () => {
  const text = `policy orders "Orders"
record Order { orderId: string  channel: string }
let sellerFulfilled = lower(channel) == "mfn"
rule seller "Seller order" { forbid sellerFulfilled }
`;
  const a = analyze(text);
  it('lists the let in the outline, offers it in a condition and the keyword at the top level, and shows its type on hover', () => {
    expect(a.diagnostics).toEqual([]);
    expect(a.symbols.map((s) => `${s.kind} ${s.name}`)).toContain('let sellerFulfilled');
    expect(a.completions(text.indexOf('forbid sellerFulfilled') + 'forbid '.length).items.map((c) => c.label)).toContain('sellerFulfilled');
    expect(a.completions(text.length).items.map((c) => c.label)).toContain('let');
    expect(a.hover(text.indexOf('forbid sellerFulfilled') + 'forbid '.length + 1)?.text).toBe('let sellerFulfilled: boolean');
  });
});
