#!/usr/bin/env node
/**
 * The engine comparison as Markdown: `npm run bench` (bench/src/run.mjs)
 * runs this file at a small size and puts what it prints under "SQL
 * engines" in docs/benchmarks.md; `npm run bench:engines` runs it on 5M and
 * 50M rows (about an hour on a shared 2-core machine). It runs
 * bench/src/engines-measure.ts (JavaScript, DuckDB on CSV and Parquet, a
 * two-shard ClickHouse cluster) through tsx and turns its runs into a table.
 *
 *   node bench/src/engines.mjs [--quick] [--only engines,…] [--sizes N,…] [--engines …] [--js-minutes M] [--js-jobs N]
 *     [--data DIR] [--out runs.jsonl]
 *
 * One engine at a time, resumable: `--data DIR --out DIR/runs.jsonl` keeps the
 * generated files and each finished run; running again skips what is done
 * (see engines-measure.ts).
 *
 * Default size 200,000 rows (--quick: 20,000). --only without "engines": prints nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const only = option('--only', null)?.split(',');
if (only && !only.includes('engines')) process.exit(0);

const passed = ['--sizes', '--engines', '--js-minutes', '--js-max', '--js-jobs', '--data', '--out'].flatMap((name) => (argv.includes(name) ? [name, option(name)] : []));
if (!argv.includes('--sizes')) passed.push('--sizes', argv.includes('--quick') ? '20000' : '200000');
// ClickHouse comes from the system's packages, not npm: without it (a fresh machine after `npm ci`),
// the other engines are measured and the table says why ClickHouse is missing.
const CLICKHOUSE_SERVER = '/usr/sbin/clickhouse-server';
const noClickhouse = !argv.includes('--engines') && !existsSync(CLICKHOUSE_SERVER);
if (noClickhouse) passed.push('--engines', 'js,duckdb-csv,duckdb-parquet');
const run = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'bench/src/engines-measure.ts'), ...passed], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 1 << 24,
});
if (run.status !== 0) {
  console.error('The engine benchmark (bench/src/engines-measure.ts) failed; its messages are above.');
  process.exit(1);
}
const n = (x) => Math.round(x).toLocaleString('en-US');
const size = (bytes) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`);
const time = (s) => (s >= 600 ? `${(s / 60).toFixed(1)} min` : `${s.toFixed(1)} s`);
const table = [
  '| rows | engine | input | load | wall time | CPU time | rows per CPU-second | memory peak |',
  '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |',
];
// By size, then in the order the engines run (runs done one engine at a time come back in the order they ran).
const rank = (r) => ['JavaScript CSV', 'DuckDB CSV', 'DuckDB Parquet'].concat(`${r.engine} ${r.input}`).indexOf(`${r.engine} ${r.input}`);
const runs = JSON.parse(run.stdout).sort((a, b) => a.rows - b.rows || rank(a) - rank(b));
for (const r of runs) {
  const engine = r.jobs ? `${r.engine} (--jobs ${r.jobs})` : r.engine;
  const input = r.inputBytes ? `${r.input}, ${size(r.inputBytes)}` : r.input;
  const load = r.loadSeconds ? `${time(r.loadSeconds)} (CPU ${time(r.loadCpuSeconds)})` : '';
  table.push(
    r.finished
      ? `| ${n(r.rows)} | ${engine} | ${input} | ${load} | ${time(r.seconds)} | ${time(r.cpuSeconds)} | ${n(r.rowsPerCpuSecond)} | ${n(r.memoryPeakMb)} MB |`
      : `| ${n(r.rows)} | ${engine} | ${input} | ${load} | stopped after ${(r.seconds / 60).toFixed(0)} min | | | |`,
  );
}
console.log(`The account-health-orders policy on the same generated order reports, counted by each engine
through \`sellguard check\` (\`--engine js\`, \`--engine duckdb\` on the CSV and on the same rows as
Parquet, \`--db clickhouse://…\` on a Distributed table over two local shards). Every engine gave the
same numerators and denominators for every metric and group, or the run would have failed. CPU time
counts the sellguard process and, for ClickHouse, both servers; on a shared machine it is the fairer
measure. Load is the time to convert the CSV to Parquet, or to insert it into the cluster. Memory peak
is the sellguard process's. See [scale.md](scale.md); \`npm run bench:engines\` measures 5M and 50M rows.
${noClickhouse ? `\nClickHouse is not installed on this machine (no ${CLICKHOUSE_SERVER}; Debian's clickhouse-server package provides it), so it was not measured.\n` : ''}
${table.join('\n')}`);
