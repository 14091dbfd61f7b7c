/**
 * Load the emitted code in this process and assemble the running policy
 * (the CompiledPolicy every front end uses). The same source text is what
 * `sellguard compile` writes, so the CLI, the TUI, the playground and a
 * compiled module all run identical code.
 */
import type { DetectorCache } from '../compile/detector-cache.js';
import type { GeneratedCode } from '../compile/index.js';
import type { IrPolicy } from '../compile/ir.js';
import { interpreter, type Interpreter } from '../explain/explain.js';
import type { CompiledPolicy } from '../types.js';
import { assemblePolicy } from './assemble.js';
import { runExamples } from './examples.js';
import { policySummary } from './summary.js';

/** `detectors`: phrase lists and patterns the checker already built (see compile.ts). */
export function load(ir: IrPolicy, code: GeneratedCode, source: string, detectors?: DetectorCache): CompiledPolicy {
  // Explaining is rare (the TUI, the playground, `sellguard explain`): its interpreter is built on first use.
  let explainer: Interpreter | undefined;
  const policy: CompiledPolicy = assemblePolicy(policySummary(ir), code, {
    explain: (record, ctx) => (explainer ??= interpreter(ir, source)).explain(record, ctx),
    runExamples: (ctx) => runExamples(ir, policy, ctx),
    output: { module: code.module, commonjs: code.commonjs, dts: code.dts, schema: code.schema },
    ...(detectors ? { detectors } : {}),
  });
  return policy;
}
