/**
 * Longer fuzz runs: `npm run fuzz -- --seconds 600 [--seed 42]`. The time is
 * shared between the policy mutation, record and reader fuzzers (the same
 * properties `npm test` runs briefly); a failure prints the seed and the
 * smallest input found, so it can be turned into a regression test.
 */
import fc from 'fast-check';
import { policyMutationProperty } from './policies.js';
import { recordProperty } from './records.js';
import { readerProperty } from './readers.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) {
    process.stderr.write(`fuzz: --${name} needs a number, e.g. --${name} ${fallback}\n`);
    process.exit(2);
  }
  return value;
}

const seconds = option('seconds', 60);
const seed = option('seed', Date.now() % 2 ** 31);
const fuzzers = [
  ['policy mutations', policyMutationProperty],
  ['records per shipped policy', recordProperty],
  ['reader byte soups', readerProperty],
] as const;

let failed = false;
process.stdout.write(`fuzz: ${seconds} s, seed ${seed}\n`);
for (const [name, property] of fuzzers) {
  const budget = (seconds * 1000) / fuzzers.length;
  const t0 = Date.now();
  const details = await fc.check(property as fc.IAsyncProperty<unknown[]>, { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: budget, markInterruptAsFailure: false });
  const took = ((Date.now() - t0) / 1000).toFixed(0);
  if (details.failed) {
    failed = true;
    process.stdout.write(`${name}: FAILED after ${details.numRuns} cases (${took} s)\n${fc.defaultReportMessage(details)}\n`);
  } else process.stdout.write(`${name}: ${details.numRuns} cases, nothing found (${took} s)\n`);
}
process.exit(failed ? 1 : 0);
