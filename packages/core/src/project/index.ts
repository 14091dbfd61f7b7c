/** A Sellguard project: config, several policies, suppressions and baselines. Browser-safe. */
export * from './baseline.js';
export * from './config.js';
export * from './suppress.js';
export * from './columns.js';
export { ProjectRun, runMeta, type ProjectRunOptions, type PieceCounts } from './run.js';
