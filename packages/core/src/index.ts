/**
 * @sellguard/core: the meaning of policies. Compile a policy, check records,
 * build reports. Runs in Node and in the browser; file readers for Node are
 * in `@sellguard/core/node`.
 */
export * from './types.js';
export { compile, type CompileOptions, type CompileResult } from './compile/index.js';
export type { IrPolicy } from './compile/ir.js';
export { DETECTORS, FUNCTIONS } from './compile/builtins.js';
export { applyFix, getPath, setAsOf, setSpellingDictionary } from './runtime/index.js';
export { applyFixToRaw, rawPath } from './runtime/raw-fix.js';
export { explainRecord, interpretRecord, type RuleExplanation, type ClauseExplanation, type TraceNode } from './explain/explain.js';
export { analyze, type Analysis, type Completion, type SymbolInfo } from './service/analyze.js';
export { checkRecords, checkRecordsSync, checkOne, policyInfo, type RawRecord, type CheckOptions } from './runtime/check.js';
export * from './report/index.js';
export * from './project/index.js';
