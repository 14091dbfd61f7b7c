import { describe, expect, it } from 'vitest';
import { csvQuirks, csvContenders } from '../src/workloads/csv-parsers.mjs';

describe('the CSV parser comparison', () => {
  it('reads every quirk as written with the parser the reader used before and with the one it uses now', () => {
    const quirks = csvQuirks();
    expect(quirks['csv-parse (before)'].failed).toEqual([]);
    expect(quirks['sellguard tokenizer'].failed).toEqual([]);
    expect(quirks['sellguard tokenizer'].unclosed).toBe('fails with CSV_QUOTE_NOT_CLOSED');
  });

  it('times only parsers checked against the same rows', () => {
    // Two rows by hand; every parser reads them the same.
    const contenders = csvContenders('id,note\n1,"a ""b"""\n');
    expect(contenders.map((c) => c.name)).toEqual(['csv-parse (before)', 'sellguard tokenizer', 'udsv', 'papaparse', 'd3-dsv']);
    expect(contenders.every((c) => c.same)).toBe(true);
    expect(contenders[0].run()).toBe(2);
  });
});
