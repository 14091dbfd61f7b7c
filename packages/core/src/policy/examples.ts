/** Running a policy's `example` blocks: its own tests. */
import type { IrExample, IrPolicy } from '../compile/ir.js';
import { withAsOf } from '../runtime/context.js';
import type { CompiledPolicy, EvalContext, ExampleOutcome, InputProblem } from '../types.js';

/** Each example runs in the host's context, as of its own `as of` day when it gives one. */
export function runExamples(ir: IrPolicy, policy: CompiledPolicy, ctx: EvalContext): ExampleOutcome[] {
  return ir.examples.map((ex) => runExample(ir, policy, ex, withAsOf(ctx, ex.asOf)));
}

function runExample(ir: IrPolicy, policy: CompiledPolicy, ex: IrExample, ctx: EvalContext): ExampleOutcome {
  // A policy with metrics is given a list of records; any other policy one record.
  const inputs = policy.dataset && Array.isArray(ex.given) ? ex.given : [ex.given];
  const decoded: unknown[] = [];
  const problems: InputProblem[] = [];
  inputs.forEach((raw, i) => {
    const d = policy.decode(raw);
    if (d.ok) decoded.push(d.value);
    else for (const p of d.problems) problems.push({ ...p, path: inputs.length > 1 ? `[${i}]${p.path ? `.${p.path}` : ''}` : p.path });
  });
  if (problems.length > 0) {
    return {
      name: ex.name,
      span: ex.span,
      passed: false,
      fired: [],
      failures: [`the example's input does not fit ${ir.inputRecord}: ${problems.map((p) => (p.path ? `${p.path} ${p.message}` : p.message)).join('; ')}`],
      invalid: problems,
    };
  }
  let fired: string[];
  try {
    const violations = decoded.flatMap((r) => policy.evaluate(r, ctx));
    if (policy.dataset) {
      const state = policy.dataset.start(ctx);
      for (const r of decoded) policy.dataset.add(state, r);
      violations.push(...policy.dataset.finish(state).violations);
    }
    fired = [...new Set(violations.map((v) => v.rule.slice(ir.id.length + 1)))];
  } catch (e) {
    return { name: ex.name, span: ex.span, passed: false, fired: [], failures: [`checking the example failed: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const failures: string[] = [];
  for (const id of ex.fires) if (!fired.includes(id)) failures.push(`expected ${id} to fire, but it did not`);
  for (const id of ex.absent) if (fired.includes(id)) failures.push(`expected ${id} not to fire, but it did`);
  if (ex.nothing && fired.length > 0) failures.push(`expected no rule to fire, but ${fired.join(', ')} fired`);
  return { name: ex.name, span: ex.span, passed: failures.length === 0, fired, failures };
}
