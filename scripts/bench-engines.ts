/**
 * Engine comparison: the account-health-orders policy on the same generated
 * order reports, counted by the JavaScript engine, by DuckDB (CSV and
 * Parquet) and by a two-shard ClickHouse cluster (started here on
 * 127.0.0.1, stopped after). Every engine runs as a user runs it — the
 * `sellguard check` command — and every engine must report the same
 * numerators and denominators, or the run fails.
 *
 *   npx tsx scripts/bench-engines.ts                         # 5M and 50M rows
 *   npx tsx scripts/bench-engines.ts --sizes 1000000 --js-max 1000000
 *
 * The machine may be shared, so besides wall time each run records the CPU
 * time it used (user + system, of the sellguard process and, for ClickHouse,
 * of both servers): rows per CPU-second is what to compare.
 *
 * Prints a JSON array of runs on stdout (progress on stderr). The JavaScript
 * engine runs only up to --js-max rows (default 5M): at about 50k rows/s,
 * 50M rows would take a quarter of an hour.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { createClient } from '@clickhouse/client';
import { startClickhouseCluster } from '../packages/engines/test/servers.js';
// @ts-expect-error: a plain ES module without types
import { generate } from './orders-csv.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'apps/cli/dist/main.js');
const policy = join(root, 'policies/account-health-orders.policy');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('--sizes', '5000000,50000000').split(',').map(Number);
const jsMax = Number(arg('--js-max', '5000000'));

interface Run {
  rows: number;
  engine: string;
  input: string;
  seconds: number;
  cpuSeconds: number;
  rowsPerSecond: number;
  rowsPerCpuSecond: number;
  /** Load time into the cluster (ClickHouse only). */
  loadSeconds?: number;
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function processCpu(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** `sellguard check` as a user runs it (under /usr/bin/time for its CPU time); the metrics' counts, wall and CPU time. */
function check(args: string[], servers: number[] = []): { seconds: number; cpuSeconds: number; counts: string } {
  const timing = join(dir, 'time.txt');
  const serverCpu = servers.reduce((n, pid) => n + processCpu(pid), 0);
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-o', timing, '-f', '%U %S', process.execPath, cli, 'check', policy, ...args, '--as-of', '2026-11-20', '--format', 'json', '--fail-on', 'never'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`sellguard check ${args.join(' ')} failed: ${run.stderr}`);
  const [user, system] = readFileSync(timing, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  const cpuSeconds = user + system + servers.reduce((n, pid) => n + processCpu(pid), 0) - serverCpu;
  const report = JSON.parse(run.stdout) as { summary: { records: number }; metrics: Record<string, unknown> };
  const counts = JSON.stringify({ records: report.summary.records, metrics: report.metrics });
  return { seconds, cpuSeconds, counts };
}

const results: Run[] = [];
const dir = mkdtempSync(join(tmpdir(), 'sellguard-bench-engines-'));
const cluster = await startClickhouseCluster();
try {
  const shards = cluster.shards.map((url) => createClient({ url, log: { level: 127 as never } }));
  const header = 'amazon-order-id,purchase-date,fulfillment-channel,order-status,cancelled-by,expected-ship-date,ship-date,tracking-id,tracking-valid,negative-feedback,az-claim,chargeback,sku,asin'.split(',');
  for (const shard of shards) {
    await shard.command({ query: `CREATE TABLE orders_local (${header.map((h) => `\`${h}\` String`).join(', ')}) ENGINE = MergeTree() ORDER BY tuple()` });
    await shard.command({ query: `CREATE TABLE orders AS orders_local ENGINE = Distributed(${cluster.cluster}, default, orders_local, rand())` });
  }
  for (const rows of sizes) {
    const csv = join(dir, `orders-${rows}.csv`);
    const parquet = join(dir, `orders-${rows}.parquet`);
    process.stderr.write(`${rows} rows: generating\n`);
    await generate(csv, rows);
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    await conn.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar=true, header=true)) TO '${parquet}' (FORMAT parquet)`);
    conn.closeSync();
    instance.closeSync();
    const counts: Record<string, string> = {};
    const record = (engine: string, input: string, r: { seconds: number; cpuSeconds: number; counts: string }, extra: Partial<Run> = {}) => {
      counts[`${engine} ${input}`] = r.counts;
      results.push({ rows, engine, input, seconds: r.seconds, cpuSeconds: r.cpuSeconds, rowsPerSecond: rows / r.seconds, rowsPerCpuSecond: rows / r.cpuSeconds, ...extra });
      process.stderr.write(`${rows} rows, ${engine} on ${input}: ${r.seconds.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s CPU, ${Math.round(rows / r.cpuSeconds).toLocaleString('en-US')} rows per CPU-second\n`);
    };
    if (rows <= jsMax) record('JavaScript', 'CSV', check([csv, '--engine', 'js']));
    record('DuckDB', 'CSV', check([csv, '--engine', 'duckdb']));
    record('DuckDB', 'Parquet', check([parquet, '--engine', 'duckdb']));
    // Load the CSV into the cluster (both shards, through the Distributed table), then count there.
    await shards[0].command({ query: 'TRUNCATE TABLE orders_local' });
    await shards[1].command({ query: 'TRUNCATE TABLE orders_local' });
    const loadStarted = process.hrtime.bigint();
    execFileSync('clickhouse-client', ['--port', String(cluster.tcpPorts[0]), '--insert_distributed_sync=1', '--query', 'INSERT INTO orders FORMAT CSVWithNames'], {
      stdio: [await openFd(csv), 'ignore', 'inherit'],
    });
    const loadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
    record('ClickHouse, 2 shards', 'table (loaded from the CSV)', check(['--db', `clickhouse://127.0.0.1:${new URL(cluster.url).port}/default?table=orders`], cluster.pids), { loadSeconds });
    const distinct = new Set(Object.values(counts));
    if (distinct.size !== 1) throw new Error(`the engines disagree on ${rows} rows: ${JSON.stringify(Object.keys(counts))}`);
    process.stderr.write(`${rows} rows: every engine gave the same counts (${statSync(csv).size / 1e6} MB CSV, ${statSync(parquet).size / 1e6} MB Parquet)\n`);
    rmSync(csv);
    rmSync(parquet);
  }
  for (const s of shards) await s.close();
} finally {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(results));

async function openFd(path: string): Promise<number> {
  const stream = createReadStream(path);
  await new Promise((resolve, reject) => stream.once('open', resolve).once('error', reject));
  return (stream as unknown as { fd: number }).fd;
}
