/**
 * The checker's context: what every stage of the checker reads and adds to.
 * The resolved file and its source, the diagnostics found so far, and the
 * tables the IR refers to by index (constants, phrase lists, patterns), which
 * grow as the stages meet them. Stages return the IR they build; nothing here
 * holds IR that a later stage changes.
 */
import type { Diagnostic, Span } from '@sellguard/dsl';
import type { ExprEnv } from '../check-expr.js';
import type { IrPolicy, JsonValue } from '../ir.js';
import { compileUserRegex } from '../regex.js';
import type { ResolvedPolicy, Scope } from '../resolve.js';
import type { SemanticRecorder } from '../semantic-recorder.js';
import type { Type } from '../type-system.js';
import { M, diag } from '../codes.js';
import { detectorCache, type DetectorCache } from '../detector-cache.js';

export interface CheckerContext {
  readonly resolved: ResolvedPolicy;
  readonly source: string;
  /** The policy's id, `policy` when the header is missing. */
  readonly policyId: string;
  /** Problems found so far, in the order the stages found them. */
  readonly diagnostics: Diagnostic[];
  /** The tables generated code indexes into; a stage appends when it meets a new entry. */
  readonly tables: { constants: JsonValue[]; phrases: IrPolicy['phrases']; regexes: IrPolicy['regexes'] };
  /** A new id for a quantifier, `each` or `match` variable. */
  nextVar(): number;
  /** Report a problem, in another file when `file` is given (an import). */
  report(d: Diagnostic, file?: string): void;
  /** The source text of a node, for comments and metric windows. */
  sourceOf(node: { span: Span }): string;
  /** Index of a pattern in the regex table, reporting it when it is not valid. */
  regexIndex(source: string, span: Span): number | undefined;
  /** Phrase lists built while checking, for the loaded policy to reuse. */
  readonly detectors: DetectorCache;
  /** Told every type name, field declaration, variable and name use, when an editor builds its semantic model. */
  readonly semantic?: SemanticRecorder;
}

export function checkerContext(resolved: ResolvedPolicy, source: string, semantic?: SemanticRecorder, detectors: DetectorCache = detectorCache()): CheckerContext {
  const diagnostics: Diagnostic[] = [];
  const tables: CheckerContext['tables'] = { constants: [], phrases: [], regexes: [] };
  const regexes = new Map<string, number>();
  let vars = 0;
  const report = (d: Diagnostic, file?: string) => diagnostics.push(file ? { ...d, file } : d);
  return {
    resolved,
    source,
    ...(semantic ? { semantic } : {}),
    detectors,
    policyId: resolved.ast.header?.id.text || 'policy',
    diagnostics,
    tables,
    nextVar: () => ++vars,
    report,
    sourceOf: (node) => source.slice(node.span.start, node.span.end),
    regexIndex: (pattern, span) => {
      const known = regexes.get(pattern);
      if (known !== undefined) return known;
      const problem = compileUserRegex(pattern);
      if (problem) {
        report(diag(M.badRegex, span, { problem }));
        return undefined;
      }
      tables.regexes.push({ source: pattern, flags: '' });
      regexes.set(pattern, tables.regexes.length - 1);
      return tables.regexes.length - 1;
    },
  };
}

/** What the types stage knows: the fields of every record, and how to read a type written in the policy. */
export interface TypeTable {
  recordTypes: Map<string, Map<string, Type>>;
  resolveType(ref: import('@sellguard/dsl').TypeRef, scope: Scope, file: string | undefined): Type;
}

/** What the constants stage knows: a constant's index and type, a phrase list's index. */
export interface ConstantTable {
  constant(scope: Scope, name: string): { index: number; type: Type } | undefined;
  phraseList(scope: Scope, name: string): number | undefined;
}

/** The environment an expression is checked in: a scope, the record whose fields are names, and the tables. */
export type EnvFactory = (scope: Scope, recordFields: Map<string, Type>, inMessage: boolean) => ExprEnv;

export function envFactory(cx: CheckerContext, types: TypeTable, constants: () => ConstantTable): EnvFactory {
  return (scope, recordFields, inMessage) => ({
    scope,
    recordFields,
    recordTypes: types.recordTypes,
    locals: new Map(),
    nextVar: cx.nextVar,
    constant: (name) => constants().constant(scope, name),
    phraseList: (name) => constants().phraseList(scope, name),
    regex: cx.regexIndex,
    inMessage,
    diagnostics: cx.diagnostics,
    ...(cx.semantic ? { semantic: cx.semantic } : {}),
  });
}
