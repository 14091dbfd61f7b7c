/** Running a policy's `example` blocks: its own tests. */
import type { CompiledPolicy, ExampleOutcome } from '../types.js';
import type { IrPolicy } from './ir.js';

export function runExamples(ir: IrPolicy, policy: CompiledPolicy): ExampleOutcome[] {
  return ir.examples.map((ex) => {
    const decoded = policy.decode(ex.given);
    if (!decoded.ok) {
      return {
        name: ex.name,
        span: ex.span,
        passed: false,
        fired: [],
        failures: [`the example's input does not fit ${ir.inputRecord}: ${decoded.problems.map((p) => (p.path ? `${p.path} ${p.message}` : p.message)).join('; ')}`],
        invalid: decoded.problems,
      };
    }
    let fired: string[];
    try {
      fired = [...new Set(policy.evaluate(decoded.value).map((v) => v.rule.slice(ir.id.length + 1)))];
    } catch (e) {
      return { name: ex.name, span: ex.span, passed: false, fired: [], failures: [`checking the example failed: ${e instanceof Error ? e.message : String(e)}`] };
    }
    const failures: string[] = [];
    for (const id of ex.fires) if (!fired.includes(id)) failures.push(`expected ${id} to fire, but it did not`);
    for (const id of ex.absent) if (fired.includes(id)) failures.push(`expected ${id} not to fire, but it did`);
    if (ex.nothing && fired.length > 0) failures.push(`expected no rule to fire, but ${fired.join(', ')} fired`);
    return { name: ex.name, span: ex.span, passed: failures.length === 0, fired, failures };
  });
}
