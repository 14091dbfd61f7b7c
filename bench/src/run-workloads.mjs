#!/usr/bin/env node
/**
 * The measuring half of `npm run bench` (see run.mjs for the options): run.mjs
 * starts this file with its temp dir pointed at a folder it removes afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performanceReports } from './data/reports.mjs';
import { messages, bigMessage } from './data/messages.mjs';
import { writeOrders, ORDERS_AS_OF } from './data/orders.mjs';
import { race, pairedRatios, summary } from './measure.mjs';
import { rateContenders } from './workloads/a-rates.mjs';
import { ratesPolicySource } from './workloads/rates-policy.mjs';
import { textContenders, rulesKey, buyerMessaging, floorText, findPolicySource } from './workloads/b-text.mjs';
import { runLines } from './workloads/lines.mjs';
import { sellguardOrders, duckdbOrders } from './workloads/c-orders.mjs';
import { csvContenders, csvQuirks } from './workloads/csv-parsers.mjs';
import { bigPolicySource, compileBig } from './workloads/compile-big.mjs';
import { bundleSizes } from './workloads/bundle-size.mjs';
import { raceProcesses, runNode } from './processes.mjs';
import { profileRun } from './profile.mjs';
import { renderReport } from './report.mjs';
import { runSizes, aRecordsFor } from './sizes.mjs';
import { estimateSeconds, formatDuration, progress } from './estimate.mjs';
import { commandLine, mergeRuns, WORKLOADS } from './run-record.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const cli = join(root, 'apps/cli/dist/main.js');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const quick = flag('--quick');
const reps = Number(option('--reps', 5));
const only = option('--only', WORKLOADS.join(',')).split(',');
const unknown = only.filter((w) => !WORKLOADS.includes(w));
if (unknown.length) {
  process.stderr.write(`--only ${unknown.join(',')}: no such workload. The workloads are ${WORKLOADS.join(', ')}.\n`);
  process.exit(2);
}

// Sizes: the full run measures what docs/benchmarks.md promises; --quick and BENCH_* shrink them (sizes.mjs).
const { sizes: SIZES, reduced } = sizesOrExit();

function sizesOrExit() {
  try {
    return runSizes(process.env, quick);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}

const log = (s) => process.stderr.write(`${s}\n`);

// A run with --write keeps each finished workload in bench/last-run.partial.json until it ends; after
// a stop or a failure, --resume (same sizes and repetitions) measures only the workloads still missing.
const partialFile = join(here, '../last-run.partial.json');
const earlier = flag('--resume') ? resumable(partialFile) : null;
const wants = (w) => only.includes(w) && !earlier?.only.includes(w);

/** The interrupted run to resume, or null (with the reason printed) when there is none that fits. */
function resumable(file) {
  if (!existsSync(file)) {
    log('--resume: no interrupted run to resume (bench/last-run.partial.json is written by runs with --write); measuring every workload.');
    return null;
  }
  const partial = JSON.parse(readFileSync(file, 'utf8'));
  if (JSON.stringify(partial.sizes) !== JSON.stringify(SIZES) || partial.reps !== reps) {
    log('--resume: the interrupted run used other sizes or repetitions; measuring every workload.');
    return null;
  }
  log(`--resume: kept from the interrupted run of ${partial.date}: ${partial.only.join(', ')}.`);
  return partial;
}
const plan = WORKLOADS.filter(wants).map((workload) => ({ workload, seconds: estimateSeconds(workload, SIZES, reps) }));
const planned = plan.reduce((sum, p) => sum + p.seconds, 0);
log(`Plan (${reduced.length ? 'reduced sizes' : 'full sizes'}, ${reps} repetitions): ${plan.map((p) => `${p.workload} ${formatDuration(p.seconds)}`).join(', ')}; about ${formatDuration(planned)} in all on an idle 2-core machine.`);
if (flag('--estimate')) process.exit(0);
const finished = [];
const step = progress(plan, log, undefined, (workload) => {
  finished.push(workload);
  if (flag('--write')) writeFileSync(partialFile, JSON.stringify(mergeRuns(earlier ?? { only: [] }, { ...results, only: [...finished], took: step.took })));
});
const tmp = mkdtempSync(join(tmpdir(), 'sellguard-bench-'));
// The command keeps compiled policies in this run's own folder, not the user's cache: each policy's
// first run (a warm-up round) compiles it, the timed ones read it, as a user's second run does.
process.env.SELLGUARD_CACHE_DIR = join(tmp, 'cache');
const results = {
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown CPU', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` },
  command: commandLine(process.env, argv),
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  reps,
  sizes: SIZES,
  reduced,
  only: WORKLOADS.filter(wants),
};

/** Write `lines` (cycled) to a JSONL file of `count` records. */
function writeJsonl(path, pool, count) {
  const chunk = [];
  const parts = [];
  for (let i = 0; i < count; i++) {
    chunk.push(pool[i % pool.length]);
    if (chunk.length === 10_000) parts.push(chunk.splice(0).join('\n') + '\n');
  }
  if (chunk.length) parts.push(chunk.join('\n') + '\n');
  writeFileSync(path, parts.join(''));
}

try {
  if (wants('a')) {
    step.start('a');
    log(`A: ${SIZES.a.toLocaleString('en-US')} seller performance reports (pool of ${SIZES.aPool.toLocaleString('en-US')} distinct), four rate rules`);
    const pool = performanceReports(SIZES.aPool);
    const { contenders, cedarProblem } = rateContenders(root);
    // The slow engines get fewer reports per repetition; every ratio is then per report.
    const run = await runLines(contenders, pool, { total: SIZES.a, reps, log, recordsFor: (c) => aRecordsFor(c.pace, SIZES) });
    results.a = { ...run, ratios: pairedRatios(run.times, contenders[0].name, run.counts), cedarProblem, records: SIZES.a, pool: SIZES.aPool };
    const evalAlone = run.times['Sellguard evaluate alone'].map((t, i) => run.times['hand-written checks alone (floor, parsed)'][i] / t);
    results.a.evaluateVsChecks = summary(evalAlone);
  }

  if (wants('b1') || wants('b2') || wants('profile')) {
    const pool = messages(SIZES.b1);
    if (wants('b1')) {
      step.start('b1');
      log(`B1: ${SIZES.b1.toLocaleString('en-US')} messages, five regex rules`);
      const contenders = textContenders();
      const run = await runLines(contenders, pool, { total: SIZES.b1, reps, keyFn: rulesKey, log });
      results.b1 = { ...run, ratios: pairedRatios(run.times, contenders[0].name), records: SIZES.b1 };
    }
    if (wants('b2')) {
      step.start('b2');
      log(`B2: ${SIZES.b2.toLocaleString('en-US')} messages, the full buyer-messaging policy`);
      const full = buyerMessaging(root);
      const floor = floorText();
      const times = await race(
        [
          { name: 'B1 floor (five RegExps)', run: () => { for (let i = 0; i < SIZES.b2; i++) floor(pool[i]); } },
          { name: 'Sellguard buyer-messaging', run: () => { for (let i = 0; i < SIZES.b2; i++) full(pool[i]); } },
        ],
        { reps, log },
      );
      results.b2 = { times, ratios: pairedRatios(times, 'B1 floor (five RegExps)'), records: SIZES.b2, perSecond: summary(times['Sellguard buyer-messaging'].map((t) => (SIZES.b2 * 1000) / t)) };
    }
  }

  if (wants('c')) {
    step.start('c');
    results.c = [];
    for (const rows of SIZES.c) {
      const file = join(tmp, `orders-${rows}.csv`);
      log(`C: ${rows.toLocaleString('en-US')}-row order report, five metrics`);
      await writeOrders(file, rows);
      // No separate agreement run or warm-up (a 5M-row run is a minute): every timed run's answers
      // are compared, and the run stops at the first repetition where they differ.
      const answers = {};
      const agree = (name, got) => {
        answers[name] = got;
        if (answers.DuckDB && answers.Sellguard && JSON.stringify(answers.DuckDB) !== JSON.stringify(answers.Sellguard))
          throw new Error(`Sellguard and DuckDB disagree on ${rows} rows:\n${JSON.stringify(answers.Sellguard)}\n${JSON.stringify(answers.DuckDB)}`);
      };
      const times = await race(
        [
          { name: 'DuckDB', run: async () => agree('DuckDB', await duckdbOrders(file)) },
          { name: 'Sellguard (JavaScript engine)', run: async () => agree('Sellguard', await sellguardOrders(root, file)) },
        ],
        { reps, log, warmup: false },
      );
      const sg = answers.Sellguard;
      // Peak memory of the real command on the same file.
      const asOf = new Date(ORDERS_AS_OF).toISOString().slice(0, 10);
      const cliRun = runNode([cli, 'check', join(root, 'policies/account-health-orders.policy'), file, '--as-of', asOf, '--format', 'json', '--fail-on', 'never']);
      results.c.push({ rows, fileMb: statSync(file).size / 1e6, answers: sg.metrics, times, ratios: pairedRatios(times, 'DuckDB'), cliRssMb: cliRun.rssMb, cliMs: cliRun.ms });
      rmSync(file);
    }
  }

  if (wants('csv')) {
    step.start('csv');
    log(`CSV parsers: a ${SIZES.csv.toLocaleString('en-US')}-row order report, parsed whole into rows of strings`);
    const file = join(tmp, 'orders-csv.csv');
    await writeOrders(file, SIZES.csv);
    const text = readFileSync(file, 'utf8');
    rmSync(file);
    const contenders = csvContenders(text);
    const times = await race(contenders, { reps, log });
    results.csv = { rows: SIZES.csv, fileMb: text.length / 1e6, times, ratios: pairedRatios(times, contenders[0].name), same: Object.fromEntries(contenders.map((c) => [c.name, c.same])), quirks: csvQuirks() };
  }

  if (wants('e2e')) {
    step.start('e2e');
    log('End to end: sellguard check vs reading + JSON.parse');
    const ratesFile = join(tmp, 'rates.policy');
    writeFileSync(ratesFile, ratesPolicySource(root));
    const textFile = join(tmp, 'text.policy');
    writeFileSync(textFile, findPolicySource());
    const aFile = join(tmp, 'reports.jsonl');
    writeJsonl(aFile, performanceReports(Math.min(SIZES.e2eA, SIZES.aPool)), SIZES.e2eA);
    const bFile = join(tmp, 'messages.jsonl');
    writeJsonl(bFile, messages(Math.min(SIZES.e2eB, SIZES.b1)), SIZES.e2eB);
    const check = (policy, file) => [cli, 'check', policy, file, '--format', 'json', '--fail-on', 'never'];
    const e2e = {};
    for (const [key, policy, file, records] of [['A', ratesFile, aFile, SIZES.e2eA], ['B', textFile, bFile, SIZES.e2eB]]) {
      log(` ${key}`);
      const run = raceProcesses(
        [
          { name: 'read + JSON.parse', args: [join(here, 'read-jsonl.mjs'), file] },
          // As a user runs it: the default picks the threads by file size (one per core from 16 MB).
          { name: 'sellguard check', args: check(policy, file) },
          // One thread and two: the speed-up of --jobs (same report, checked by the CLI tests).
          { name: 'sellguard check --jobs 1', args: [...check(policy, file), '--jobs', '1'] },
          { name: 'sellguard check --jobs 2', args: [...check(policy, file), '--jobs', '2'] },
        ],
        reps,
        log,
      );
      e2e[key] = { ...run, records, fileMb: statSync(file).size / 1e6, ratios: pairedRatios(run.times, 'read + JSON.parse'), jobs: pairedRatios(run.times, 'sellguard check --jobs 1')['sellguard check --jobs 2'] };
    }
    results.e2e = e2e;
  }

  if (wants('cold')) {
    step.start('cold');
    log('Cold start: check on 10 records vs node -e 0');
    const ten = join(tmp, 'ten.jsonl');
    writeJsonl(ten, messages(10), 10);
    const args = [cli, 'check', join(root, 'policies/buyer-messaging.policy'), ten, '--format', 'json', '--fail-on', 'never'];
    // As users run it: the policy compiled by an earlier run (the warm-up round) is read from the cache.
    // The first run of a policy, which compiles it and writes the cache, is timed apart with an empty cache each time.
    let firstRuns = 0;
    const run = raceProcesses(
      [
        { name: 'node -e 0', args: ['-e', '0'] },
        { name: 'sellguard check (10 messages)', args, env: { SELLGUARD_CACHE_DIR: join(tmp, 'cold-cache') } },
        { name: 'sellguard check, first run', args, env: () => ({ SELLGUARD_CACHE_DIR: join(tmp, `cold-first-${firstRuns++}`) }) },
      ],
      Math.max(reps, 5),
      log,
    );
    results.cold = { ...run, ratios: pairedRatios(run.times, 'node -e 0') };
  }

  if (wants('big')) {
    step.start('big');
    results.big = [];
    for (const mb of SIZES.bigMb) {
      log(`One ${mb} MB message`);
      const file = join(tmp, `big-${mb}.jsonl`);
      const msg = bigMessage(mb * 1e6);
      writeFileSync(file, JSON.stringify(msg) + '\n');
      const run = runNode([cli, 'check', join(root, 'policies/buyer-messaging.policy'), file, '--format', 'json', '--fail-on', 'never']);
      results.big.push({ mb, bodyMb: msg.body.length / 1e6, seconds: run.ms / 1000, rssMb: run.rssMb });
      log(`  ${(run.ms / 1000).toFixed(1)} s, ${run.rssMb.toFixed(0)} MB`);
      rmSync(file);
    }
  }

  if (wants('bundle')) {
    step.start('bundle');
    log('Playground download size (apps/web/dist)');
    results.bundle = bundleSizes(join(root, 'apps/web/dist'));
  }

  if (wants('compile')) {
    step.start('compile');
    log('Compile: a 2,000-rule policy');
    const source = bigPolicySource(2000);
    compileBig(source);
    const times = await race([{ name: 'compile 2,000 rules', run: () => compileBig(source) }], { reps, log });
    results.compile = summary(times['compile 2,000 rules']);
  }

  if (wants('profile')) {
    step.start('profile');
    // Profile whichever Sellguard path is furthest behind its floor.
    const aRatio = results.a?.ratios['Sellguard decode + evaluate'].median ?? 0;
    const b2Ratio = results.b2?.ratios['Sellguard buyer-messaging'].median ?? 1;
    const which = b2Ratio < aRatio ? 'b2' : 'a';
    log(`CPU profile of ${which === 'a' ? 'workload A (decode + evaluate)' : 'workload B2'}`);
    const count = which === 'a' ? SIZES.profile : Math.round(SIZES.profile / 20);
    results.profile = { workload: which, records: count, top: profileRun(join(here, 'profile-target.mjs'), [which, String(count)], root) };
  }

  // The SQL engines at a small size (npm run bench:engines measures 5M and 50M rows).
  const engines = join(here, 'engines.mjs');
  if (wants('engines') && existsSync(engines)) {
    step.start('engines');
    log('SQL engines (bench/src/engines.mjs)');
    const r = spawnSync(process.execPath, [engines, '--sizes', String(SIZES.engines)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error('bench/src/engines.mjs failed');
    results.engines = r.stdout;
  }
  step.finish();
  results.took = step.took;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// With --write, a run of some workloads (--only) replaces theirs in the last full record and keeps the rest.
const lastRun = join(here, '../last-run.json');
const thisRun = earlier ? mergeRuns(earlier, results) : results;
const merged = flag('--write') && existsSync(lastRun) ? mergeRuns(JSON.parse(readFileSync(lastRun, 'utf8')), thisRun) : thisRun;
const doc = renderReport(merged);
process.stdout.write(doc);
if (flag('--write')) {
  writeFileSync(join(root, 'docs/benchmarks.md'), doc);
  writeFileSync(lastRun, JSON.stringify(merged, null, 2));
  rmSync(partialFile, { force: true });
}
