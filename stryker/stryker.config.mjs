// @ts-check
/**
 * Stryker for one file group (see groups.mjs). One test process at a time by
 * default: the machines this runs on are shared.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import { currentGroup } from './groups.mjs';

const group = currentGroup();

export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'stryker/vitest.config.mjs', related: false },
  mutate: group.mutate,
  coverageAnalysis: 'perTest',
  // MUTATION_CONCURRENCY=2 on a machine with a core to spare.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  timeoutMS: 20000,
  ignorePatterns: ['apps', 'corpus/**/*.jsonl.gz', 'reports', 'test-output', 'coverage', '.turbo'],
  reporters: ['clear-text', 'json', 'progress-append-only'],
  jsonReporter: { fileName: `reports/mutation/${group.name}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  // One sandbox folder per group, so two groups may run side by side.
  tempDirName: `.stryker-tmp/${group.name}`,
  cleanTempDir: true,
  thresholds: { high: 90, low: 80, break: null },
};
