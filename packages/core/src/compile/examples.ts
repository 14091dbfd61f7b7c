/** Running a policy's `example` blocks: its own tests. */
import { getAsOf, setAsOf } from '../runtime/values.js';
import type { CompiledPolicy, ExampleOutcome, InputProblem } from '../types.js';
import type { IrExample, IrPolicy } from './ir.js';

export function runExamples(ir: IrPolicy, policy: CompiledPolicy): ExampleOutcome[] {
  return ir.examples.map((ex) => {
    const previous = getAsOf();
    if (ex.asOf !== null) setAsOf(ex.asOf);
    try {
      return runExample(ir, policy, ex);
    } finally {
      setAsOf(previous);
    }
  });
}

function runExample(ir: IrPolicy, policy: CompiledPolicy, ex: IrExample): ExampleOutcome {
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
    const violations = decoded.flatMap((r) => policy.evaluate(r));
    if (policy.dataset) {
      const state = policy.dataset.start();
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
