/**
 * Engine comparison: the account-health-orders policy on the same generated
 * order reports (bench/src/data/orders.mjs, the data of workload C), counted
 * by the JavaScript engine, by DuckDB (CSV and Parquet) and by a two-shard
 * ClickHouse cluster (started here on 127.0.0.1, stopped after). Every engine
 * runs as a user runs it — the `sellguard check` command — and every engine
 * must report the same numerators and denominators, or the run fails.
 *
 *   npx tsx bench/src/engines-measure.ts --sizes 5000000,50000000 [--engines js,duckdb-csv,duckdb-parquet,clickhouse]
 *     [--js-max N] [--js-minutes M] [--js-jobs N] [--data DIR] [--out runs.jsonl]
 *
 * The machine may be shared, so besides wall time each run records the CPU
 * time it used (user + system, of the sellguard process and, for ClickHouse,
 * of both servers): rows per CPU-second is what to compare. It also records
 * the memory peak (maximum resident set) of the sellguard process.
 *
 * The JavaScript engine runs up to --js-max rows, and is stopped after
 * --js-minutes (default 15) of wall time: such a run is recorded as not
 * finished, with how many minutes it ran.
 *
 * Long runs can be done one engine at a time, and resumed: --data keeps the
 * generated CSV and Parquet files in DIR (reused when present, kept after),
 * and --out appends each run to a file (one JSON object a line) as it
 * finishes; a run already finished in that file is not run again, and its
 * counts take part in the comparison. The whole list (earlier and new runs)
 * is printed on stdout at the end; `--engines none` runs nothing and only
 * prints (and compares) what the --out file holds for the sizes asked.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
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
const jsJobs = Number(arg('--js-jobs', '1'));
const dataDir = arg('--data', '');
const out = arg('--out', '');

interface Run {
  rows: number;
  engine: string;
  input: string;
  /** Size of the input file in bytes (the CSV for ClickHouse, which was loaded from it). */
  inputBytes: number;
  /** False when the run was stopped after its time limit (seconds is then the limit). */
  finished: boolean;
  seconds: number;
  cpuSeconds: number;
  rowsPerSecond: number;
  rowsPerCpuSecond: number;
  /** Maximum resident set of the sellguard process, in MB. */
  memoryPeakMb: number;
  /** Time to put the rows where the engine reads them: the CSV into Parquet, or into the cluster (until its background merges end). */
  loadSeconds?: number;
  loadCpuSeconds?: number;
  /** Worker threads of the JavaScript engine (--jobs), when more than one. */
  jobs?: number;
  /** A digest of the numerators and denominators the engine reported (equal digests: equal counts). */
  countsDigest?: string;
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
  memoryPeakMb: number;
  counts: string;
}

/** `sellguard check` as a user runs it (under /usr/bin/time for its CPU time and memory peak); the metrics' counts, wall and CPU time. */
function check(args: string[], opts: { servers?: number[]; minutes?: number } = {}): Checked {
  const servers = opts.servers ?? [];
  const timing = join(scratch, 'time.txt');
  const serverCpu = servers.reduce((n, pid) => n + processCpu(pid), 0);
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-o', timing, '-f', '%U %S %M', process.execPath, cli, 'check', policy, ...args, '--as-of', asOf, '--format', 'json', '--fail-on', 'never'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...(opts.minutes ? { timeout: opts.minutes * 60_000, killSignal: 'SIGKILL' as const } : {}),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { finished: false, seconds, cpuSeconds: Number.NaN, memoryPeakMb: Number.NaN, counts: '' };
  if (run.status !== 0) throw new Error(`sellguard check ${args.join(' ')} failed: ${run.stderr}`);
  const [user, system, maxKb] = readFileSync(timing, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  const cpuSeconds = user + system + servers.reduce((n, pid) => n + processCpu(pid), 0) - serverCpu;
  const report = JSON.parse(run.stdout) as { summary: { records: number }; metrics: Record<string, unknown> };
  const counts = JSON.stringify({ records: report.summary.records, metrics: report.metrics });
  return { finished: true, seconds, cpuSeconds, memoryPeakMb: maxKb / 1024, counts };
}

/** A bash command line under /usr/bin/time: wall and CPU seconds of it and every process it waited for. */
function timedShell(script: string, ...args: string[]): Promise<{ seconds: number; cpuSeconds: number }> {
  const timing = join(scratch, `shell-${process.hrtime.bigint()}.txt`);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) =>
    spawn('/usr/bin/time', ['-o', timing, '-f', '%U %S', 'bash', '-c', script, 'shell', ...args], { stdio: 'inherit' }).once('exit', (status) => {
      if (status !== 0) return reject(new Error(`${script} failed`));
      const [user, system] = readFileSync(timing, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: user + system });
    }),
  );
}

/** Runs already finished in the --out file (resuming). */
const earlier: Run[] = out && existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Run) : [];
const done = (rows: number, engine: string, input: string) => earlier.find((r) => r.rows === rows && r.engine === engine && r.input === input && r.finished);
const digest = (counts: string) => createHash('sha256').update(counts).digest('hex').slice(0, 16);
const results: Run[] = earlier.filter((r) => sizes.includes(r.rows));
const scratch = mkdtempSync(join(tmpdir(), 'sellguard-bench-engines-'));
const dir = dataDir || scratch;
if (dataDir) mkdirSync(dataDir, { recursive: true });
const CLICKHOUSE = 'ClickHouse, 2 shards';
const CLICKHOUSE_INPUT = 'Distributed table (loaded from the CSV)';
const wanted = (rows: number, engine: string, input: string) => !done(rows, engine, input);
const needsCluster = engines.has('clickhouse') && sizes.some((rows) => wanted(rows, CLICKHOUSE, CLICKHOUSE_INPUT));
const cluster = needsCluster ? await startClickhouseCluster() : null;
try {
  const shards = cluster ? cluster.shards.map((url) => createClient({ url, log: { level: 127 as never }, request_timeout: 3_600_000 })) : [];
  for (const shard of shards) {
    await shard.command({ query: `CREATE TABLE orders_local (${(ORDER_COLUMNS as string[]).map((h) => `\`${h}\` String`).join(', ')}) ENGINE = MergeTree() ORDER BY tuple()` });
    await shard.command({ query: `CREATE TABLE orders AS orders_local ENGINE = Distributed(${cluster!.cluster}, default, orders_local, rand())` });
  }
  for (const rows of sizes) {
    const csv = join(dir, `orders-${rows}.csv`);
    const parquet = join(dir, `orders-${rows}.parquet`);
    if (!existsSync(csv)) {
      process.stderr.write(`${rows} rows: generating ${csv}\n`);
      await writeOrders(`${csv}.part`, rows);
      renameSync(`${csv}.part`, csv);
    }
    const csvBytes = statSync(csv).size;
    const counts: Record<string, string> = {};
    for (const r of earlier) if (r.rows === rows && r.finished && r.countsDigest) counts[`${r.engine} ${r.input} (earlier run)`] = r.countsDigest;
    const record = (engine: string, input: string, inputBytes: number, r: Checked, extra: Partial<Run> = {}) => {
      if (r.finished) counts[`${engine} ${input}`] = digest(r.counts);
      const run: Run = {
        rows, engine, input, inputBytes, finished: r.finished, seconds: r.seconds, cpuSeconds: r.cpuSeconds,
        rowsPerSecond: rows / r.seconds, rowsPerCpuSecond: rows / r.cpuSeconds, memoryPeakMb: r.memoryPeakMb,
        ...(r.finished ? { countsDigest: digest(r.counts) } : {}), ...extra,
      };
      results.push(run);
      if (out) appendFileSync(out, `${JSON.stringify(run)}\n`);
      process.stderr.write(
        r.finished
          ? `${rows} rows, ${engine} on ${input}: ${r.seconds.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s CPU, ${Math.round(rows / r.cpuSeconds).toLocaleString('en-US')} rows per CPU-second, ${Math.round(r.memoryPeakMb)} MB peak\n`
          : `${rows} rows, ${engine} on ${input}: stopped after ${(r.seconds / 60).toFixed(1)} minutes\n`,
      );
    };
    if (engines.has('js') && rows <= jsMax && wanted(rows, 'JavaScript', 'CSV')) {
      const jobs = jsJobs > 1 ? ['--jobs', String(jsJobs)] : [];
      record('JavaScript', 'CSV', csvBytes, check([csv, '--engine', 'js', ...jobs], { minutes: jsMinutes }), jsJobs > 1 ? { jobs: jsJobs } : {});
    }
    if (engines.has('duckdb-csv') && wanted(rows, 'DuckDB', 'CSV')) record('DuckDB', 'CSV', csvBytes, check([csv, '--engine', 'duckdb']));
    if (engines.has('duckdb-parquet') && wanted(rows, 'DuckDB', 'Parquet')) {
      let conversion: { seconds: number; cpuSeconds: number } | undefined;
      if (!existsSync(parquet)) {
        const started = process.hrtime.bigint();
        const cpuBefore = process.cpuUsage();
        const instance = await DuckDBInstance.create(':memory:');
        const conn = await instance.connect();
        await conn.run(`COPY (SELECT * FROM read_csv('${csv.replaceAll("'", "''")}', all_varchar=true, header=true)) TO '${parquet.replaceAll("'", "''")}.part' (FORMAT parquet)`);
        conn.closeSync();
        instance.closeSync();
        renameSync(`${parquet}.part`, parquet);
        const cpu = process.cpuUsage(cpuBefore);
        conversion = { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
      }
      record('DuckDB', 'Parquet', statSync(parquet).size, check([parquet, '--engine', 'duckdb']), conversion ? { loadSeconds: conversion.seconds, loadCpuSeconds: conversion.cpuSeconds } : {});
    }
    if (cluster && wanted(rows, CLICKHOUSE, CLICKHOUSE_INPUT)) {
      // Load the CSV into the cluster: every other row straight into each shard's table (both at
      // once), then count through the Distributed table over them.
      for (const s of shards) await s.command({ query: 'TRUNCATE TABLE orders_local' });
      const serverCpu = cluster.pids.reduce((n, pid) => n + processCpu(pid), 0);
      const started = process.hrtime.bigint();
      const loads = await Promise.all(
        cluster.tcpPorts.map((port, i) =>
          timedShell(`awk 'NR == 1 || NR % 2 == ${i}' "$1" | clickhouse-client --port ${port} --query 'INSERT INTO orders_local FORMAT CSVWithNames'`, csv),
        ),
      );
      // MergeTree merges the inserted parts in the background; wait for that to end, so the servers'
      // CPU time during the check is the query's own (the wait counts as loading).
      const merging = async () => {
        let n = 0;
        for (const s of shards) n += Number(((await (await s.query({ query: 'SELECT count() FROM system.merges', format: 'JSONCompact' })).json()) as { data: unknown[][] }).data[0][0]);
        return n;
      };
      while ((await merging()) > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
      const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const loadCpuSeconds = loads.reduce((n, l) => n + l.cpuSeconds, 0) + cluster.pids.reduce((n, pid) => n + processCpu(pid), 0) - serverCpu;
      record(CLICKHOUSE, CLICKHOUSE_INPUT, csvBytes, check(['--db', `clickhouse://127.0.0.1:${new URL(cluster.url).port}/default?table=orders`], { servers: cluster.pids }), { loadSeconds, loadCpuSeconds });
      for (const s of shards) await s.command({ query: 'TRUNCATE TABLE orders_local' });
    }
    const distinct = new Set(Object.values(counts));
    if (distinct.size > 1) throw new Error(`the engines disagree on ${rows} rows (digests of their counts): ${JSON.stringify(counts)}`);
    process.stderr.write(`${rows} rows: every engine that finished gave the same counts (${(csvBytes / 1e6).toFixed(0)} MB CSV)\n`);
    if (!dataDir) {
      rmSync(csv);
      rmSync(parquet, { force: true });
    }
  }
  for (const s of shards) await s.close();
} finally {
  await cluster?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
console.log(JSON.stringify(results));
