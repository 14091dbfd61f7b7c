/**
 * `sellguard check --engine duckdb` and `sellguard compile --target sql`,
 * spawned as a user runs them: same report and exit code as the JavaScript
 * engine, plain messages when a policy part has no SQL form or an option is
 * wrong, and the query printed per dialect.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'apps/cli/dist/main.js');
let dir: string;

function sellguard(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-b', 'apps/cli'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0 || !existsSync(bin)) throw new Error(`could not build the CLI:\n${build.stdout}${build.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'sellguard-cli-sql-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ORDERS = ['policies/account-health-orders.policy', 'examples/orders/orders.csv', '--as-of', '2026-11-20'];

describe('sellguard check --engine duckdb', () => {
  for (const format of ['json', 'text']) {
    it(`prints the JavaScript engine's ${format} report, with its exit code`, () => {
      const js = sellguard(['check', ...ORDERS, '--engine', 'js', '--format', format]);
      const duck = sellguard(['check', ...ORDERS, '--engine', 'duckdb', '--format', format]);
      expect(duck.stderr).toBe('');
      expect(duck.stdout).toBe(js.stdout);
      expect([duck.code, js.code]).toEqual([1, 1]);
    });
  }

  it('reports unreadable rows by line, like the JavaScript engine, and fails on them', () => {
    const file = join(dir, 'orders.csv');
    writeFileSync(
      file,
      'amazon-order-id,purchase-date,fulfillment-channel,ship-date\nA,2026-11-01T10:00:00Z,MFN,\nB,2026-11-31,MFN,\nC,2026-11-02,MFN,maybe\n',
    );
    const js = sellguard(['check', 'policies/account-health-orders.policy', file, '--as-of', '2026-11-20', '--format', 'json', '--engine', 'js']);
    const duck = sellguard(['check', 'policies/account-health-orders.policy', file, '--as-of', '2026-11-20', '--format', 'json', '--engine', 'duckdb']);
    expect(duck.stdout).toBe(js.stdout);
    expect(duck.code).toBe(1);
    const report = JSON.parse(duck.stdout);
    expect(report.results.map((r: { line: number }) => r.line)).toEqual([3, 4]);
  });

  it('names the rule and the construct that has no SQL form', () => {
    const r = sellguard(['check', 'policies/buyer-messaging.policy', 'examples/buyer-messaging/messages.jsonl', '--engine', 'duckdb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sellguard: --engine duckdb: the rule '[\w-]+' cannot run as SQL: it uses .+, which has no SQL form\. Check with --engine js instead\.\n$/);
  });

  it('keeps the JavaScript engine for CSV, TSV and JSON lines by default, and says when DuckDB is the default', () => {
    const help = sellguard(['check', '--help']);
    expect(help.stdout).toMatch(/--engine <engine>/);
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/auto: duckdb for policies with metrics when the inputs are Parquet or a glob .*js otherwise/);
  });

  it('says plainly when a file does not exist', () => {
    const r = sellguard(['check', 'policies/account-health-orders.policy', join(dir, 'nope.csv'), '--engine', 'duckdb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`sellguard: cannot read input file '${join(dir, 'nope.csv')}': no such file\n`);
  });
});

describe('sellguard check --db', () => {
  it('refuses a URL without a table, without echoing the password', () => {
    const r = sellguard(['check', 'policies/account-health-orders.policy', '--db', 'postgres://seller:s3cret-pw@127.0.0.1:1/shop']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sellguard: --db: say which table holds the records, e.g. ?table=orders at the end of the URL\n');
  });

  it('says where it could not connect, never with the password', () => {
    const r = sellguard(['check', 'policies/account-health-orders.policy', '--db', 'postgres://seller:s3cret-pw@127.0.0.1:1/shop?table=orders']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sellguard: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/shop, table orders: /);
    expect(r.stderr).not.toContain('s3cret-pw');
    expect(r.stderr).not.toContain('seller');
  });

  it('asks for inputs or --db when given neither', () => {
    const r = sellguard(['check', 'policies/account-health-orders.policy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sellguard: no input to check: name the data files, e.g. sellguard check --policy policies/buyer-messaging.policy messages.jsonl, list "inputs" in sellguard.config.json, or read a database table with --db URL (see sellguard check --help)\n');
  });
});

describe('sellguard compile --target sql', () => {
  it('prints one query per dialect, with the as-of day where the engine has no parameters', () => {
    for (const dialect of ['duckdb', 'postgres', 'clickhouse', 'spark', 'trino', 'bigquery']) {
      const r = sellguard(['compile', 'policies/account-health-orders.policy', '--target', 'sql', '--dialect', dialect, '--table', 'shop.orders', '--as-of', '2026-11-20']);
      expect(r.code, r.stderr).toBe(0);
      // One statement: a single top-level SELECT, no statement separator.
      expect(r.stdout.match(/^SELECT$/gm)).toHaveLength(1);
      expect(r.stdout.replace(/--.*$/gm, "")).not.toContain(";");
      expect(r.stdout).toContain('-- metric order-defect-rate "Order defect rate"');
    }
    const ch = sellguard(['compile', 'policies/account-health-orders.policy', '--target', 'sql', '--dialect', 'clickhouse', '--as-of', '2026-11-20']);
    expect(ch.stdout).toContain("toDate('2026-11-20')");
    const pg = sellguard(['compile', 'policies/account-health-orders.policy', '--target', 'sql', '--dialect', 'postgres', '--as-of', '2026-11-20']);
    expect(pg.stdout).toContain('CAST($1 AS date)');
    expect(pg.stdout).not.toContain('2026-11-20');
  });

  it('explains a policy without metrics, and a missing --out', () => {
    const sql = sellguard(['compile', 'policies/buyer-messaging.policy', '--target', 'sql']);
    expect(sql.code).toBe(2);
    expect(sql.stderr).toBe("sellguard: the policy 'policies/buyer-messaging.policy' declares no metrics: --target sql writes the queries of dataset policies\n");
    const js = sellguard(['compile', 'policies/buyer-messaging.policy']);
    expect(js.code).toBe(2);
    expect(js.stderr).toBe('sellguard: say where to write the module: --out <dir> (or print SQL with --target sql)\n');
  });
});
