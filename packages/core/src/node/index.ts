/**
 * @sellguard/core/node: Node-only helpers. Reading records from files and
 * standard input, loading policies from disk. Everything else (checking,
 * reports) is in `@sellguard/core` and runs in browsers too; it is re-exported
 * here so a Node program can import from one place.
 */
export { readRecords, checkInput, formatOf, sniff, sniffDelimiter, headerNames, InputError, type InputFormat, type InputRecord, type ReadOptions } from './read.js';
export { fitsRecord } from '../input/fits.js';
export { filePieces, type Piece, type PieceOptions } from './pieces.js';
export { projectRoot, readImport, MAX_POLICY_BYTES } from './imports.js';
export { loadPolicy, type LoadedPolicy } from './load.js';
export { loadSpeller, contextFor } from './context.js';
export { PolicyFileError, readPolicyText } from './policy-file.js';
export { assemblePolicy, type RunnableCode, type PolicyExtras } from '../policy/assemble.js';
export { policySummary, type PolicySummary } from '../policy/summary.js';
export { checkRecords, checkRecordsSync, checkOne, policyInfo, type RawRecord, type CheckOptions } from '../check/run.js';
export { evalContext, withAsOf } from '../runtime/context.js';
export * from '../report/index.js';
export * from '../project/index.js';
export type * from '../types.js';
