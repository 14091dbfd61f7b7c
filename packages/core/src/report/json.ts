/** The JSON report: one document, stable key order, for programs and CI. */
import type { Report, Violation } from '../types.js';

function violationJson(v: Violation) {
  return {
    rule: v.rule,
    severity: v.severity,
    message: v.message,
    path: v.path,
    spans: v.spans.map((s) => ({ path: s.path, start: s.start, end: s.end, text: s.text })),
    ...(v.hint !== undefined ? { hint: v.hint } : {}),
    ...(v.fix !== undefined ? { fix: v.fix } : {}),
  };
}

export function reportJson(report: Report) {
  return {
    policy: report.policy,
    summary: report.summary,
    results: report.results.map((r) => ({
      index: r.index,
      ...(r.line !== undefined ? { line: r.line } : {}),
      ...(r.file !== undefined ? { file: r.file } : {}),
      violations: r.violations.map(violationJson),
      ...(r.invalid ? { invalid: r.invalid } : {}),
    })),
    ...(report.metrics ? { metrics: report.metrics } : {}),
  };
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}
