/**
 * @sellguard/core: the meaning of policies. Compile a policy, check records,
 * build reports. Runs in Node and in the browser; file readers for Node are
 * in `@sellguard/core/node`.
 *
 * Every check runs in an evaluation context the host creates:
 * `evalContext({ asOf, dictionary: createSpeller(files) })`.
 */
export * from './types.js';
export { compile, type CompileOptions, type CompileResult } from './policy/compile.js';
export type { IrPolicy } from './compile/ir.js';
export { DETECTORS, FUNCTIONS, matchFields } from './compile/builtins.js';
export { applyFix, getPath, evalContext, withAsOf, createSpeller, type DictionaryFiles } from './runtime/index.js';
export { applyFixToRaw, rawPath } from './check/raw-fix.js';
export { explainRecord, interpretRecord, interpreter, type Interpreter, type RuleExplanation, type ClauseExplanation, type TraceNode } from './explain/explain.js';
export { explainText } from './explain/explain-text.js';
export { analyze, type Analysis, type SymbolInfo } from './service/analyze.js';
export { analyzeSemantics, completeAt, describeAt, builtinHelp, builtinParameters, builtinSignature, isBuiltin, BUILTIN_NAMES, modelOf, sameDecl, type BuiltinHelp, type CompletionCandidate, type CompletionKind, type Completions, type Description, type SemanticAnalysis, type SemanticDecl, type SemanticKind, type SemanticModel, type SemanticRecorder, type SemanticUse } from './semantic/index.js';
export { describe as describeType, type Type } from './compile/type-system.js';
export { checkRecords, checkRecordsSync, checkOne, policyInfo, type RawRecord, type CheckOptions } from './check/run.js';
export * from './report/index.js';
export { DelimitedTokenizer } from './input/delimited-rows.js';
export { readText, fitsRecord, sniff, formatOf, jsonProblem, type InputFormat, type JsonShape, type ReadRecord, type TextRecords } from './input/index.js';
export * from './project/index.js';
