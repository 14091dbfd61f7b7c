/**
 * The engine comparison as a user runs it one engine at a time
 * (`node bench/src/engines.mjs --data DIR --out DIR/runs.jsonl`): runs already
 * in the --out file are kept, not run again, and still take part in the
 * check that every engine reports the same counts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'sellguard-bench-engines-test-'));
const out = join(dir, 'runs.jsonl');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bench = (engines: string) =>
  spawnSync(process.execPath, [join(root, 'bench/src/engines.mjs'), '--sizes', '2000', '--engines', engines, '--data', dir, '--out', out], { encoding: 'utf8' });
const lines = () => readFileSync(out, 'utf8').trim().split('\n');

describe('the engine comparison, one engine at a time', () => {
  it('keeps each run, skips it next time, and compares the counts of old and new runs', { timeout: 300_000 }, () => {
    const first = bench('js');
    expect(first.status, first.stderr).toBe(0);
    expect(lines()).toHaveLength(1);
    const js = JSON.parse(lines()[0]);
    expect(js).toMatchObject({ rows: 2000, engine: 'JavaScript', input: 'CSV', finished: true });
    expect(js.memoryPeakMb).toBeGreaterThan(20);
    expect(js.cpuSeconds).toBeGreaterThan(0);
    expect(js.inputBytes).toBe(readFileSync(join(dir, 'orders-2000.csv')).length);

    const second = bench('js,duckdb-parquet');
    expect(second.status, second.stderr).toBe(0);
    expect(lines()).toHaveLength(2);
    expect(JSON.parse(lines()[0])).toEqual(js);
    const parquet = JSON.parse(lines()[1]);
    expect(parquet).toMatchObject({ rows: 2000, engine: 'DuckDB', input: 'Parquet', finished: true, countsDigest: js.countsDigest });
    expect(parquet.loadSeconds).toBeGreaterThan(0);
    const table = second.stdout.split('\n').filter((l) => l.startsWith('| 2,000 |'));
    expect(table).toHaveLength(2);
    expect(table[0]).toContain('| JavaScript |');
    expect(table[1]).toContain('| DuckDB | Parquet');

    // An earlier run whose counts differ from a new engine's: the comparison fails and says so.
    writeFileSync(out, `${JSON.stringify({ ...js, countsDigest: 'different' })}\n${lines()[1]}\n`);
    const third = bench('duckdb-csv');
    expect(third.status).not.toBe(0);
    expect(third.stderr).toContain('the engines disagree on 2000 rows');
  });
});
