/**
 * Engine comparison: the account-health-orders policy on the same generated
 * order reports (bench/src/data/orders.mjs, the data of workload C), counted
 * by the JavaScript engine, by DuckDB (CSV and Parquet) and by a two-shard
 * ClickHouse cluster (started here on 127.0.0.1, stopped after). Every engine
 * runs as a user runs it — the `sellguard check` command — and every engine
 * must report the same numerators and denominators, or the run fails.
 *
 *   npx tsx bench/src/engines-measure.ts --sizes 5000000,50000000 [--engines js,duckdb-csv,duckdb-parquet,clickhouse]
 *     [--js-max N] [--js-minutes M] [--out runs.jsonl]
 *
 * The machine may be shared, so besides wall time each run records the CPU
 * time it used (user + system, of the sellguard process and, for ClickHouse,
 * of both servers): rows per CPU-second is what to compare.
 *
 * The JavaScript engine runs up to --js-max rows, and is stopped after
 * --js-minutes (default 15) of wall time: such a run is recorded as not
 * finished, with how many minutes it ran. Each run is appended to --out as
 * it finishes (one JSON object a line), so a long run that is stopped keeps
 * what it measured; the whole list is printed on stdout at the end.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { createClient } from '@clickhouse/client';
import { startClickhouseCluster } from '../../packages/engines/test/servers.js';
// @ts-expect-error: a plain ES module without types
import { writeOrders, ORDER_COLUMNS, ORDERS_AS_OF } from './data/orders.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'apps/cli/dist/main.js');
const policy = join(root, 'policies/account-health-orders.policy');
const asOf = new Date(ORDERS_AS_OF as number).toISOString().slice(0, 10);
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('--sizes', '200000').split(',').map(Number);
const engines = new Set(arg('--engines', 'js,duckdb-csv,duckdb-parquet,clickhouse').split(','));
const jsMax = Number(arg('--js-max', String(Number.MAX_SAFE_INTEGER)));
const jsMinutes = Number(arg('--js-minutes', '15'));
const out = arg('--out', '');

interface Run {
  rows: number;
  engine: string;
  input: string;
  /** False when the run was stopped after its time limit (seconds is then the limit). */
  finished: boolean;
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

interface Checked {
  finished: boolean;
  seconds: number;
  cpuSeconds: number;
  counts: string;
}

/** `sellguard check` as a user runs it (under /usr/bin/time for its CPU time); the metrics' counts, wall and CPU time. */
function check(args: string[], opts: { servers?: number[]; minutes?: number } = {}): Checked {
  const servers = opts.servers ?? [];
  const timing = join(dir, 'time.txt');
  const serverCpu = servers.reduce((n, pid) => n + processCpu(pid), 0);
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-o', timing, '-f', '%U %S', process.execPath, cli, 'check', policy, ...args, '--as-of', asOf, '--format', 'json', '--fail-on', 'never'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...(opts.minutes ? { timeout: opts.minutes * 60_000, killSignal: 'SIGKILL' as const } : {}),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { finished: false, seconds, cpuSeconds: Number.NaN, counts: '' };
  if (run.status !== 0) throw new Error(`sellguard check ${args.join(' ')} failed: ${run.stderr}`);
  const [user, system] = readFileSync(timing, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  const cpuSeconds = user + system + servers.reduce((n, pid) => n + processCpu(pid), 0) - serverCpu;
  const report = JSON.parse(run.stdout) as { summary: { records: number }; metrics: Record<string, unknown> };
  const counts = JSON.stringify({ records: report.summary.records, metrics: report.metrics });
  return { finished: true, seconds, cpuSeconds, counts };
}

const results: Run[] = [];
const dir = mkdtempSync(join(tmpdir(), 'sellguard-bench-engines-'));
const cluster = engines.has('clickhouse') ? await startClickhouseCluster() : null;
try {
  const shards = cluster ? cluster.shards.map((url) => createClient({ url, log: { level: 127 as never }, request_timeout: 3_600_000 })) : [];
  for (const shard of shards) {
    await shard.command({ query: `CREATE TABLE orders_local (${(ORDER_COLUMNS as string[]).map((h) => `\`${h}\` String`).join(', ')}) ENGINE = MergeTree() ORDER BY tuple()` });
    await shard.command({ query: `CREATE TABLE orders AS orders_local ENGINE = Distributed(${cluster!.cluster}, default, orders_local, rand())` });
  }
  for (const rows of sizes) {
    const csv = join(dir, `orders-${rows}.csv`);
    const parquet = join(dir, `orders-${rows}.parquet`);
    process.stderr.write(`${rows} rows: generating\n`);
    await writeOrders(csv, rows);
    const counts: Record<string, string> = {};
    const record = (engine: string, input: string, r: Checked, extra: Partial<Run> = {}) => {
      if (r.finished) counts[`${engine} ${input}`] = r.counts;
      const run: Run = { rows, engine, input, finished: r.finished, seconds: r.seconds, cpuSeconds: r.cpuSeconds, rowsPerSecond: rows / r.seconds, rowsPerCpuSecond: rows / r.cpuSeconds, ...extra };
      results.push(run);
      if (out) appendFileSync(out, `${JSON.stringify(run)}\n`);
      process.stderr.write(
        r.finished
          ? `${rows} rows, ${engine} on ${input}: ${r.seconds.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s CPU, ${Math.round(rows / r.cpuSeconds).toLocaleString('en-US')} rows per CPU-second\n`
          : `${rows} rows, ${engine} on ${input}: stopped after ${(r.seconds / 60).toFixed(1)} minutes\n`,
      );
    };
    if (engines.has('js') && rows <= jsMax) record('JavaScript', 'CSV', check([csv, '--engine', 'js'], { minutes: jsMinutes }));
    if (engines.has('duckdb-csv')) record('DuckDB', 'CSV', check([csv, '--engine', 'duckdb']));
    if (engines.has('duckdb-parquet')) {
      const instance = await DuckDBInstance.create(':memory:');
      const conn = await instance.connect();
      await conn.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar=true, header=true)) TO '${parquet}' (FORMAT parquet)`);
      conn.closeSync();
      instance.closeSync();
      record('DuckDB', 'Parquet', check([parquet, '--engine', 'duckdb']));
    }
    if (cluster) {
      // Load the CSV into the cluster: every other row straight into each shard's table (both at
      // once), then count through the Distributed table over them.
      for (const s of shards) await s.command({ query: 'TRUNCATE TABLE orders_local' });
      const loadStarted = process.hrtime.bigint();
      const loads = await Promise.all(
        cluster.tcpPorts.map(
          (port, i) =>
            new Promise<number | null>((resolve) =>
              spawn('bash', ['-c', `awk 'NR == 1 || NR % 2 == ${i}' "$1" | clickhouse-client --port ${port} --query 'INSERT INTO orders_local FORMAT CSVWithNames'`, 'load', csv], { stdio: 'inherit' }).once('exit', resolve),
            ),
        ),
      );
      if (loads.some((status) => status !== 0)) throw new Error('loading the CSV into ClickHouse failed');
      const loadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
      record('ClickHouse, 2 shards', 'Distributed table (loaded from the CSV)', check(['--db', `clickhouse://127.0.0.1:${new URL(cluster.url).port}/default?table=orders`], { servers: cluster.pids }), { loadSeconds });
      for (const s of shards) await s.command({ query: 'TRUNCATE TABLE orders_local' });
    }
    const distinct = new Set(Object.values(counts));
    if (distinct.size > 1) throw new Error(`the engines disagree on ${rows} rows: ${JSON.stringify(counts)}`);
    process.stderr.write(`${rows} rows: every engine that finished gave the same counts (${statSync(csv).size / 1e6} MB CSV)\n`);
    rmSync(csv);
    rmSync(parquet, { force: true });
  }
  for (const s of shards) await s.close();
} finally {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(results));
