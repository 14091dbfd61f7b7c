#!/usr/bin/env node
/**
 * Streaming check of a large generated order report with the
 * account-health-orders policy: rows per second and peak memory, for
 * several sizes, to show that memory stays flat however large the report.
 * Each size runs in a fresh process (`--one N`), the way `sellguard check`
 * runs, and reports its own peak RSS.
 *
 *   node scripts/bench-orders.mjs                 # 100k, 1M and 5M rows
 *   node scripts/bench-orders.mjs --sizes 200000  # other sizes
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './orders-csv.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const AS_OF = Date.UTC(2026, 10, 20);

async function one(file) {
  const { loadPolicy, readRecords, checkRecords, contextFor } = await import('@sellguard/core/node');
  const loaded = loadPolicy(join(root, 'policies/account-health-orders.policy'));
  const ctx = contextFor([loaded.policy], { asOf: AS_OF });
  const started = process.hrtime.bigint();
  const report = await checkRecords(loaded.policy, readRecords(file), ctx);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const odr = report.metrics['order-defect-rate'];
  process.stdout.write(
    JSON.stringify({ rows: report.summary.records, invalid: report.summary.invalid, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, odr: `${odr.numerator}/${odr.denominator}` }),
  );
}

if (process.argv[2] === '--one') {
  await one(process.argv[3]);
} else {
  const i = process.argv.indexOf('--sizes');
  const sizes = i > 0 ? process.argv[i + 1].split(',').map(Number) : [100_000, 1_000_000, 5_000_000];
  const dir = mkdtempSync(join(tmpdir(), 'sellguard-bench-'));
  const results = [];
  try {
    for (const rows of sizes) {
      const file = join(dir, `orders-${rows}.csv`);
      await generate(file, rows);
      const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--one', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (run.status !== 0) throw new Error(run.stderr);
      const r = JSON.parse(run.stdout);
      r.fileMb = statSync(file).size / 1e6;
      results.push(r);
      console.error(`${rows} rows: ${(r.rows / r.seconds).toFixed(0)} rows/s, peak RSS ${r.maxRssMb.toFixed(0)} MB`);
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(results));
}
