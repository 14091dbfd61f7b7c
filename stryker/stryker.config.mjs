// @ts-check
/**
 * Stryker for one file group (see groups.mjs). One test process at a time:
 * the machines this runs on are shared.
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
  concurrency: 1,
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
