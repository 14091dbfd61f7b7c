/**
 * The query's own names never equal a source column's name: every one starts
 * with a prefix that no column starts with, in any case. (The engine tests in
 * packages/engines run tables with such columns on DuckDB, PostgreSQL and
 * ClickHouse.)
 */
import { describe, expect, it } from 'vitest';
import { compile } from '@sellguard/core';
import { metricQuery, queryNames, dialect, type SourceColumn } from '@sellguard/core/sql';

const columns = (...names: string[]) => names.map((name) => ({ name, storage: 'text' }) as SourceColumn);

describe('generated names', () => {
  it('start with sg_ when no column does', () => {
    expect(queryNames(columns('k0', 'f0_text', 'invalid', 'as_of_ms', 'sgx'))('f0')).toBe('sg_f0');
  });

  it('take the next free prefix when a column starts with it, whatever its case', () => {
    expect(queryNames(columns('sg_row'))('row')).toBe('sg1_row');
    expect(queryNames(columns('SG_F0'))('f0')).toBe('sg1_f0');
    expect(queryNames(columns('Sg_x', 'sg1_', 'sg2_k0'))('k0')).toBe('sg3_k0');
  });

  it('in a whole query, no name it gives (`… AS name` at the end of a line) is a column of the source', () => {
    const policy = `policy p "P"
  input R

record R {
  day: date from "sg_f0_text"
  shop: string? from "SG1_K0"
}

metric n "N" {
  count
  over 7 days by day
  group by shop
}
`;
    const compiled = compile(policy);
    expect(compiled.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    const source = columns('sg_f0_text', 'SG1_K0', 'invalid', 'k0');
    for (const name of ['duckdb', 'postgres', 'clickhouse'] as const) {
      const { sql } = metricQuery(compiled.ir!, dialect(name), { from: 'orders', columns: source }, { asOfDay: '2026-11-20' });
      const given = [...sql.matchAll(/\bAS ([A-Za-z_]\w*),?$/gm)].map((m) => m[1].toLowerCase());
      expect(given.length).toBeGreaterThan(10);
      expect(given.filter((g) => source.some((c) => c.name.toLowerCase() === g))).toEqual([]);
      expect(given.every((g) => g.startsWith('sg2_'))).toBe(true);
    }
  });
});
