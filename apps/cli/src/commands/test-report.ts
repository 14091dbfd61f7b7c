/**
 * `sellguard test --format json|junit`: the examples' outcomes for programs
 * and CI. One JUnit test case per example; a policy that cannot be read or
 * compiled is one failing case with its errors.
 */
import { LineIndex } from '@sellguard/dsl';
import { xmlEscape, type Diagnostic, type ExampleOutcome } from '@sellguard/core';

export interface PolicyTests {
  file: string;
  id?: string;
  /** Why the examples could not run at all. */
  problem?: string;
  diagnostics?: readonly Diagnostic[];
  source?: string;
  outcomes: Array<ExampleOutcome & { line: number }>;
}

function diagnosticsJson(t: PolicyTests) {
  const index = t.source !== undefined ? new LineIndex(t.source) : undefined;
  return (t.diagnostics ?? []).map((d) => {
    const at = index && (d.file === undefined || d.file === t.file) ? index.locate(d.span.start) : undefined;
    return { file: d.file ?? t.file, ...(at ? { line: at.line, column: at.column } : {}), code: d.code, severity: d.severity, message: d.message, ...(d.help ? { help: d.help } : {}) };
  });
}

export function testReport(format: 'json' | 'junit', results: readonly PolicyTests[]): string {
  const passed = results.reduce((n, r) => n + r.outcomes.filter((o) => o.passed).length, 0);
  const failed = results.reduce((n, r) => n + r.outcomes.filter((o) => !o.passed).length + (r.problem ? 1 : 0), 0);
  if (format === 'json') {
    const doc = {
      passed,
      failed,
      policies: results.map((r) => ({
        file: r.file,
        id: r.id ?? null,
        ...(r.problem ? { problem: r.problem, errors: diagnosticsJson(r) } : {}),
        examples: r.outcomes.map((o) => ({ name: o.name, line: o.line, passed: o.passed, fired: o.fired, failures: o.failures, ...(o.invalid ? { invalid: o.invalid } : {}) })),
      })),
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="sellguard test" tests="${passed + failed}" failures="${failed}">`];
  for (const r of results) {
    const name = xmlEscape(r.id ?? r.file);
    const cases = r.outcomes.length + (r.problem ? 1 : 0);
    const fails = r.outcomes.filter((o) => !o.passed).length + (r.problem ? 1 : 0);
    out.push(`  <testsuite name="${name}" file="${xmlEscape(r.file)}" tests="${cases}" failures="${fails}">`);
    if (r.problem) {
      const details = diagnosticsJson(r).map((d) => `${d.file}${'line' in d ? `:${d.line}:${d.column}` : ''} ${d.severity}[${d.code}]: ${d.message}${d.help ? ` (help: ${d.help})` : ''}`).join('\n');
      out.push(`    <testcase name="${xmlEscape(`${r.file}: ${r.problem}`)}" classname="${name}">`, `      <failure message="${xmlEscape(r.problem)}">${xmlEscape(details || r.problem)}</failure>`, '    </testcase>');
    }
    for (const o of r.outcomes) {
      const attrs = `name="${xmlEscape(o.name)}" classname="${name}" file="${xmlEscape(r.file)}" line="${o.line}"`;
      if (o.passed) out.push(`    <testcase ${attrs}/>`);
      else {
        const why = [...o.failures, ...(o.invalid ?? []).map((p) => `the example's input does not fit: ${p.path ? `${p.path}: ` : ''}${p.message}`), `fired: ${o.fired.length ? o.fired.join(', ') : 'nothing'}`].join('\n');
        out.push(`    <testcase ${attrs}>`, `      <failure message="${xmlEscape(o.failures[0] ?? 'the example failed')}">${xmlEscape(why)}</failure>`, '    </testcase>');
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
