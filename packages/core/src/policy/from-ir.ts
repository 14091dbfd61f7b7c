/**
 * @sellguard/core/ir: explaining a record and running a policy's
 * examples from its intermediate form (IR) alone, for a program that keeps
 * the IR of compiled policies (the command's cache of compiled policies) and
 * runs them without compiling again. The same functions a freshly compiled
 * policy gets (load.ts).
 */
import type { IrPolicy } from '../compile/ir.js';
import { interpreter, type Interpreter } from '../explain/explain.js';
import { runExamples } from './examples.js';
import type { CompiledPolicy } from '../types.js';

export type { IrPolicy };

/** `explain` and `runExamples` of the policy compiled to `ir` from `source`; `policy` is the running policy they belong to. */
export function extrasFromIr(ir: IrPolicy, source: string, policy: () => CompiledPolicy): Pick<CompiledPolicy, 'explain' | 'runExamples'> {
  // Built on first use, as for a freshly compiled policy.
  let explainer: Interpreter | undefined;
  return {
    explain: (record, ctx) => (explainer ??= interpreter(ir, source)).explain(record, ctx),
    runExamples: (ctx) => runExamples(ir, policy(), ctx),
  };
}
