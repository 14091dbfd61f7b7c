/**
 * translate(source): the compiler's pipeline, as an ordered list of named stages.
 *
 *   parse → resolve names & imports → check (its own stages, see check.ts) → IR → emit JS
 *
 * Each stage is a function in its own file and is tested alone. Translation
 * never throws: problems come back as diagnostics, and generated code only
 * when there are no errors. Loading that code into a running policy is the
 * next layer's job (policy/compile.ts: `compile`).
 */
import { parse, sortDiagnostics, type Diagnostic, type PolicyFile } from '@sellguard/dsl';
import type { CompiledPolicy } from '../types.js';
import type { DetectorCache } from './detector-cache.js';
import { check } from './check.js';
import { M, diag } from './codes.js';
import { emitDts } from './emit-dts.js';
import { emitEvaluator } from './emit-evaluator.js';
import { emitModule, emitModules } from './emit-module.js';
import { emitSchema } from './emit-schema.js';
import { emitDecoder } from './emit-decoder.js';
import type { IrPolicy } from './ir.js';
import { resolve, type ReadImport } from './resolve.js';

export interface CompileOptions {
  /** Path of the policy file, for import resolution and messages. */
  fileName?: string;
  /** Reads an imported policy file; undefined when it does not exist, or why it may not be read (see ImportRefusal). */
  readFile?: ReadImport;
  /** Where the checker keeps the phrase lists it builds, so that loading the policy reuses them. */
  detectors?: DetectorCache;
}

export interface CompileResult {
  policy?: CompiledPolicy;
  diagnostics: Diagnostic[];
  /** The parsed file (always present, even with errors: editors use it). */
  ast: PolicyFile;
  /** The checked IR, when checking got that far. */
  ir?: IrPolicy;
  /** The generated sources, when there are no errors. */
  code?: GeneratedCode;
}

/** The generated sources of a policy without errors. */
export interface GeneratedCode {
  schema: string;
  decoder: string;
  evaluator: string;
  /** The standalone module as ESM (`.mjs`) and as CommonJS (`.cjs`); `dts` declares both. */
  module: string;
  commonjs: string;
  dts: string;
}

export type Translation = Omit<CompileResult, 'policy'>;

export function translate(source: string, opts: CompileOptions = {}): Translation {
  const { ast, diagnostics: syntax } = parse(source);
  const { resolved, diagnostics: names } = resolve(ast, opts);
  const { ir, diagnostics: typeDiagnostics } = check(resolved, source, undefined, opts.detectors);
  // Syntax errors already explain the broken parts; checker errors inside them would be cascades. (A syntax warning breaks nothing.)
  const brokenParts = syntax.filter((s) => s.severity === 'error');
  const diagnostics = sortDiagnostics([...syntax, ...names, ...typeDiagnostics.filter((d) => !brokenParts.some((s) => overlaps(s.span, d.span)))]);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, ast, ir };
  try {
    const schema = emitSchema(ir);
    const decoder = emitDecoder(ir);
    const evaluator = emitEvaluator(ir, source);
    const { esm: module, cjs: commonjs } = emitModules(ir, schema, decoder, evaluator);
    return { code: { schema, decoder, evaluator, module, commonjs, dts: emitDts(ir) }, diagnostics, ast, ir };
  } catch (e) {
    return { diagnostics: [...diagnostics, internalError(e)], ast, ir };
  }
}

/** A bug in the compiler, not in the policy: say so plainly rather than crash the editor. */
export function internalError(e: unknown): Diagnostic {
  const message = e instanceof Error ? e.message : String(e);
  return diag(M.internalError, { start: 0, end: 0 }, { why: message });
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export { check, emitDts, emitEvaluator, emitModule, emitSchema, resolve };
export type { IrPolicy };
