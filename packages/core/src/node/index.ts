/**
 * @sellguard/core/node: Node-only helpers. Reading records from files and
 * standard input, loading policies from disk. Everything else (checking,
 * reports) is in `@sellguard/core` and runs in browsers too; it is re-exported
 * here so a Node program can import from one place.
 */
export { readRecords, checkInput, formatOf, sniff, sniffDelimiter, headerNames, InputError, type InputFormat, type InputRecord, type ReadOptions } from './read.js';
export { loadPolicy, loadSpellingDictionary, PolicyFileError, type LoadedPolicy } from './load.js';
export { checkRecords, checkRecordsSync, checkOne, policyInfo, type RawRecord, type CheckOptions } from '../runtime/check.js';
export * from '../report/index.js';
export type * from '../types.js';
