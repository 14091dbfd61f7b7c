/**
 * What editors run on every keystroke: parse, resolve and check, with the
 * semantic model recorded along the way. Never emits or loads generated code.
 */
import { parse, sortDiagnostics, type Diagnostic, type PolicyFile, type Span } from '@sellguard/dsl';
import { check } from '../compile/check.js';
import type { CompileOptions } from '../compile/index.js';
import type { IrPolicy } from '../compile/ir.js';
import { resolve } from '../compile/resolve.js';
import { createRecorder } from './recorder.js';
import type { SemanticModel } from './model.js';

export interface SemanticAnalysis {
  /** The text that was analysed. */
  source: string;
  ast: PolicyFile;
  ir: IrPolicy;
  diagnostics: Diagnostic[];
  model: SemanticModel;
}

export function analyzeSemantics(source: string, opts: CompileOptions = {}): SemanticAnalysis {
  const { ast, diagnostics: syntax } = parse(source);
  const { resolved, diagnostics: names } = resolve(ast, opts);
  const builder = createRecorder(resolved, opts.fileName ?? '');
  const { ir, diagnostics: typeDiagnostics } = check(resolved, source, builder.recorder);
  // Same rule as the compiler: checker errors inside a syntax error are cascades.
  const diagnostics = sortDiagnostics([...syntax, ...names, ...typeDiagnostics.filter((d) => !syntax.some((s) => overlaps(s.span, d.span)))]);
  return { source, ast, ir, diagnostics, model: builder.finish() };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

