/**
 * DuckDB against the JavaScript engine on generated order reports with
 * every edge case: the whole report must be identical — metric values,
 * numerators and denominators for every metric and group, unreadable rows
 * with their lines and messages, rule violations, summary counts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { compile, evalContext, type CompiledPolicy, type Report } from '@sellguard/core';
import { checkRecords, loadPolicy, readRecords } from '@sellguard/core/node';
import { checkWithDuckdb } from '../src/duckdb.js';
import type { SqlPolicy } from '../src/sql-run.js';
import { AS_OF, LOOKALIKE_HEADER, LOOKALIKE_POLICY, ORDER_HEADER, SALES_HEADER, SALES_POLICY, lookalikeSales, orders, sales, writeCsv, writeJsonl } from './fixtures.js';

const root = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let ordersPolicy: SqlPolicy;
let salesPolicy: SqlPolicy;
let lookalikePolicy: SqlPolicy;

async function js(policy: CompiledPolicy, files: string[], asOf = AS_OF): Promise<Report> {
  async function* all() {
    let next = 0;
    for (const f of files)
      for await (const r of readRecords(f, { startIndex: next })) {
        next = r.index + 1;
        yield r;
      }
  }
  return checkRecords(policy, all(), evalContext({ asOf }));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sellguard-duckdb-'));
  const loaded = loadPolicy(join(root, 'policies/account-health-orders.policy'));
  ordersPolicy = { ir: loaded.ir!, policy: loaded.policy!, source: loaded.source };
  const s = compile(SALES_POLICY);
  if (!s.policy) throw new Error(JSON.stringify(s.diagnostics));
  salesPolicy = { ir: s.ir!, policy: s.policy, source: SALES_POLICY };
  const rows = orders(3000);
  // A quoted line break inside a value, and two rows with the wrong number of values.
  rows[10]['order-status'] = 'Shipped,\n"late"';
  writeCsv(join(dir, 'orders.csv'), ORDER_HEADER, rows, { 20: '114-1,2026-11-01', 2500: `${'x,'.repeat(15)}x` });
  writeJsonl(join(dir, 'orders.jsonl'), rows);
  writeFileSync(join(dir, 'orders.tsv'), [ORDER_HEADER.join('\t'), ...rows.map((r) => ORDER_HEADER.map((h) => r[h].replace(/[\t\n]/g, ' ')).join('\t'))].join('\n'));
  writeCsv(join(dir, 'part-1.csv'), ORDER_HEADER, rows.slice(0, 1200));
  writeCsv(join(dir, 'part-2.csv'), ORDER_HEADER, rows.slice(1200));
  writeCsv(join(dir, 'sales.csv'), SALES_HEADER, sales(2000));
  const l = compile(LOOKALIKE_POLICY);
  if (!l.policy) throw new Error(JSON.stringify(l.diagnostics));
  lookalikePolicy = { ir: l.ir!, policy: l.policy, source: LOOKALIKE_POLICY };
  writeCsv(join(dir, 'lookalike.csv'), LOOKALIKE_HEADER, lookalikeSales(2000));
  writeJsonl(join(dir, 'lookalike.jsonl'), lookalikeSales(2000));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DuckDB gives the JavaScript engine\'s report', () => {
  for (const file of ['orders.csv', 'orders.jsonl', 'orders.tsv']) {
    it(`on ${file}`, async () => {
      const path = join(dir, file);
      const expected = await js(ordersPolicy.policy, [path]);
      const actual = await checkWithDuckdb(ordersPolicy, [path], { asOf: AS_OF });
      expect(actual).toEqual(expected);
      // The fixture has unreadable rows and breakdowns; an empty comparison would prove nothing.
      expect(expected.summary.invalid).toBeGreaterThanOrEqual(7);
      expect(Object.keys(expected.metrics!['order-defect-rate'].groups!.sku).length).toBeGreaterThan(10);
    });
  }

  it('on a glob over two files, numbering records across them', async () => {
    const files = [join(dir, 'part-1.csv'), join(dir, 'part-2.csv')];
    const expected = await js(ordersPolicy.policy, files);
    expect(await checkWithDuckdb(ordersPolicy, [join(dir, 'part-*.csv')], { asOf: AS_OF })).toEqual(expected);
  });

  it('when every window is empty (no data, not a failure)', async () => {
    const asOf = Date.UTC(2027, 5, 1);
    const path = join(dir, 'orders.csv');
    const expected = await js(ordersPolicy.policy, [path], asOf);
    expect(Object.values(expected.metrics!).every((m) => m.status === 'no data')).toBe(true);
    expect(await checkWithDuckdb(ordersPolicy, [path], { asOf })).toEqual(expected);
  });

  it('for count, total, average, minimum and maximum, with record rules', async () => {
    const path = join(dir, 'sales.csv');
    const expected = await js(salesPolicy.policy, [path]);
    const actual = await checkWithDuckdb(salesPolicy, [path], { asOf: AS_OF });
    expect(actual).toEqual(expected);
    expect(expected.summary.byRule['sales/test-sale']).toBeGreaterThan(10);
    expect(expected.summary.byRule['sales/big-discount']).toBeGreaterThan(10);
  });

  for (const file of ['lookalike.csv', 'lookalike.jsonl'])
    it(`when columns are named like the query's own names (k0, f0_text, invalid, as_of_ms, sg_row...), on ${file.split('.')[1]}`, async () => {
      const path = join(dir, file);
      const expected = await js(lookalikePolicy.policy, [path]);
      expect(await checkWithDuckdb(lookalikePolicy, [path], { asOf: AS_OF })).toEqual(expected);
      // The same sales as sales.csv, in other columns: the same metrics.
      const plain = await js(salesPolicy.policy, [join(dir, 'sales.csv')]);
      expect(expected.metrics).toEqual(plain.metrics);
      expect(expected.summary.invalid).toBe(plain.summary.invalid);
    });

  it('on Parquet, with text and with native timestamp columns', async () => {
    const csv = join(dir, 'orders.csv');
    const asText = join(dir, 'orders-text.parquet');
    const typed = join(dir, 'orders-typed.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const read = `read_csv('${csv}', all_varchar=true, header=true, ignore_errors=true)`;
    await conn.run(`COPY (SELECT * FROM ${read}) TO '${asText}' (FORMAT parquet)`);
    // Native types for the readable rows only: timestamps, booleans.
    await conn.run(`COPY (SELECT "amazon-order-id", CAST("purchase-date" AS TIMESTAMPTZ) AS "purchase-date", "fulfillment-channel", "cancelled-by",
      CAST(nullif("ship-date", '') AS TIMESTAMPTZ) AS "ship-date", CAST("expected-ship-date" AS TIMESTAMPTZ) AS "expected-ship-date", "tracking-id",
      CAST(nullif(trim("tracking-valid"), '') AS BOOLEAN) AS "tracking-valid", sku, asin
      FROM ${read} WHERE "amazon-order-id" NOT LIKE '114-09%') TO '${typed}' (FORMAT parquet)`);
    const typedCsv = join(dir, 'orders-typed.csv');
    await conn.run(`COPY (SELECT "amazon-order-id", "purchase-date", "fulfillment-channel", "cancelled-by", "ship-date", "expected-ship-date", "tracking-id", "tracking-valid", sku, asin
      FROM ${read} WHERE "amazon-order-id" NOT LIKE '114-09%') TO '${typedCsv}' (HEADER, DELIMITER ',')`);
    conn.closeSync();
    instance.closeSync();

    const fromCsv = await js(ordersPolicy.policy, [csv]);
    const fromText = await checkWithDuckdb(ordersPolicy, [asText], { asOf: AS_OF });
    expect(fromText.metrics).toEqual(fromCsv.metrics);
    expect(fromText.datasetViolations).toEqual(fromCsv.datasetViolations);

    const fromTypedCsv = await js(ordersPolicy.policy, [typedCsv]);
    expect(fromTypedCsv.summary.invalid).toBe(0);
    const fromTyped = await checkWithDuckdb(ordersPolicy, [typed], { asOf: AS_OF });
    expect(fromTyped.metrics).toEqual(fromTypedCsv.metrics);
    expect(fromTyped.summary).toEqual(fromTypedCsv.summary);
  });
});

describe('DuckDB on a report small enough to count by hand', () => {
  it('gives the numerator and denominator worked out by hand', async () => {
    const path = join(dir, 'small.csv');
    writeFileSync(
      path,
      [
        'amazon-order-id,purchase-date,fulfillment-channel,expected-ship-date,ship-date,negative-feedback,sku',
        // In the 60-day window and MFN: counted; defective.
        'A,2026-11-01T10:00:00Z,MFN,2026-11-03T00:00:00Z,2026-11-02T00:00:00Z,yes,K1',
        // In the window and MFN: counted; not defective.
        'B,2026-09-22T00:00:00+00:00,merchant,2026-09-24T00:00:00Z,2026-09-23T00:00:00Z,no,K1',
        // One second before the window opens: not counted.
        'C,2026-09-21T23:59:59Z,MFN,2026-09-24T00:00:00Z,2026-09-23T00:00:00Z,yes,K2',
        // Amazon fulfils it: not counted.
        'D,2026-11-01T10:00:00Z,AFN,2026-11-03T00:00:00Z,2026-11-02T00:00:00Z,yes,K2',
        // Unreadable: 2026-02-30 is no date.
        'E,2026-02-30T10:00:00Z,MFN,2026-11-03T00:00:00Z,2026-11-02T00:00:00Z,no,K2',
      ].join('\n'),
    );
    const report = await checkWithDuckdb(ordersPolicy, [path], { asOf: AS_OF });
    const odr = report.metrics!['order-defect-rate'];
    expect([odr.numerator, odr.denominator]).toEqual([1, 2]);
    expect(odr.groups!.sku).toEqual({ K1: { value: 0.5, numerator: 1, denominator: 2 } });
    expect(report.summary).toMatchObject({ records: 5, checked: 4, invalid: 1 });
    expect(report.results).toEqual([
      { index: 4, line: 6, file: path, violations: [], invalid: [{ path: 'purchaseDate', message: 'expected a date and time such as 2026-11-03T14:30:00Z, got "2026-02-30T10:00:00Z"' }] },
    ]);
  });
});
