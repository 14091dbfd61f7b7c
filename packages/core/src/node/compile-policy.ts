/**
 * @sellguard/core/node/compile: what a program needs to compile a policy file
 * from disk and summarise it. A separate entry from @sellguard/core/node, so a
 * program that runs policies already compiled (the cache of compiled
 * policies) can import the rest without loading the parser and the compiler.
 */
export { loadPolicy, type LoadedPolicy } from './load.js';
export { policySummary, type PolicySummary } from '../policy/summary.js';
