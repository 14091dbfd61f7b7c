/**
 * The semantic model and what editors build on it: hover text, completion,
 * built-in help. Browser-safe; parse and check only.
 */
export { analyzeSemantics, type SemanticAnalysis } from './analyze.js';
export { modelOf, sameDecl } from './model.js';
export { BUILTIN_NAMES, builtinHelp, builtinParameters, builtinSignature, isBuiltin, type BuiltinHelp } from './builtin-help.js';
export { describeAt, type Description } from './describe.js';
export { completeAt, type CompletionCandidate, type CompletionKind, type Completions } from './completion.js';
export type { SemanticDecl, SemanticKind, SemanticModel, SemanticRecorder, SemanticUse } from './model.js';
