#!/usr/bin/env node
/**
 * `npm run bench`: every workload, every contender, one process run.
 *
 *   node bench/src/run.mjs [--write] [--quick] [--resume] [--reps N] [--only a,b1,b2,c,csv,e2e,cold,big,compile,profile,bundle,engines] [--estimate]
 *
 * --write     write docs/benchmarks.md and bench/last-run.json; with --only, the
 *             workloads measured replace theirs in bench/last-run.json and the
 *             others are kept from the earlier run (each says when it was measured)
 * --resume    after a run with --write was stopped or failed: measure only the workloads it had not
 *             finished (kept in bench/last-run.partial.json), with the same sizes and repetitions
 * --quick     smaller inputs (a tenth or less), for trying the harness out
 * --estimate  print how long each workload should take on an idle 2-core machine, and stop
 * Sizes can also be set one by one (bench/src/sizes.mjs): BENCH_A, BENCH_A_POOL, BENCH_A_OTHERS,
 * BENCH_A_SLOW, BENCH_B1, BENCH_B2, BENCH_C (a list), BENCH_E2E_A, BENCH_E2E_B, BENCH_BIG_MB (a list),
 * BENCH_PROFILE, BENCH_CSV (rows for the CSV parsers), BENCH_ENGINES (rows for the SQL engines).
 * Data is generated, the same on every run; nothing is downloaded. Temporary files go to one
 * folder under the OS temp dir, removed at the end, on failure and on Ctrl-C (scratch.mjs).
 */
import { fileURLToPath } from 'node:url';
import { runInScratch } from './scratch.mjs';

process.exitCode = await runInScratch(fileURLToPath(new URL('./run-workloads.mjs', import.meta.url)), process.argv.slice(2));
