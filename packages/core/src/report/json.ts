/**
 * The JSON report: one document for programs and CI, keys always in the
 * same order. Browser-safe.
 *
 * {
 *   "policy":  { "id", "title", "source", "version" },      (source/version null when the policy has none)
 *   "summary": { "records", "checked", "invalid", "withViolations", "violations",
 *                "bySeverity": { "error", "warning", "info" }, "byRule": { "<policy>/<rule>": n, ... } },
 *   "results": [ { "index", "line"?, "file"?,
 *                  "violations": [ { "rule", "severity", "message", "path",
 *                                    "spans": [ { "path", "start", "end", "text" } ], "hint"?, "fix"? } ],
 *                  "invalid"?: [ { "path", "message" } ] } ]
 * }
 *
 * `index` is 0-based; `line` is 1-based; span offsets are UTF-16 code units
 * into the string at the span's path, `end` exclusive.
 */
import type { Fix, RecordResult, Report, Summary, Violation } from '../types.js';

function fixJson(f: Fix) {
  return {
    kind: f.kind,
    description: f.description,
    edits: f.edits.map((e) => ({ path: e.path, start: e.start, end: e.end, text: e.text })),
  };
}

export function violationJson(v: Violation) {
  return {
    rule: v.rule,
    severity: v.severity,
    message: v.message,
    path: v.path,
    spans: v.spans.map((s) => ({ path: s.path, start: s.start, end: s.end, text: s.text })),
    ...(v.hint !== undefined ? { hint: v.hint } : {}),
    ...(v.fix !== undefined ? { fix: fixJson(v.fix) } : {}),
  };
}

export function summaryJson(s: Summary) {
  return {
    records: s.records,
    checked: s.checked,
    invalid: s.invalid,
    withViolations: s.withViolations,
    violations: s.violations,
    bySeverity: { error: s.bySeverity.error ?? 0, warning: s.bySeverity.warning ?? 0, info: s.bySeverity.info ?? 0 },
    byRule: { ...s.byRule },
  };
}

export function resultJson(r: RecordResult) {
  return {
    index: r.index,
    ...(r.line !== undefined ? { line: r.line } : {}),
    ...(r.file !== undefined ? { file: r.file } : {}),
    violations: r.violations.map(violationJson),
    ...(r.invalid ? { invalid: r.invalid.map((p) => ({ path: p.path, message: p.message })) } : {}),
  };
}

export function policyJson(p: Report['policy']) {
  return { id: p.id, title: p.title, source: p.source ?? null, version: p.version ?? null };
}

/** The report as a plain object in the documented shape and key order. */
export function reportJson(report: Report) {
  return {
    policy: policyJson(report.policy),
    summary: summaryJson(report.summary),
    results: report.results.map(resultJson),
    ...(report.metrics ? { metrics: report.metrics } : {}),
    ...(report.datasetViolations ? { datasetViolations: report.datasetViolations.map(violationJson) } : {}),
  };
}

/** The report as JSON text, 2-space indented, ending with a line break. */
export function renderJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}

/**
 * The same text as renderJson, in pieces (one per result), so a large report
 * can be written out without building one huge string.
 */
export function* jsonChunks(report: Report): Generator<string> {
  const doc = { policy: policyJson(report.policy), summary: summaryJson(report.summary), metrics: report.metrics };
  const nest = (value: unknown, pad: string) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
  yield `{\n  "policy": ${nest(doc.policy, '  ')},\n  "summary": ${nest(doc.summary, '  ')},\n  "results": `;
  if (report.results.length === 0) yield '[]';
  else {
    yield '[';
    for (let i = 0; i < report.results.length; i++) {
      // One result at a time: the plain copy of each is dropped once written.
      yield `${i === 0 ? '' : ','}\n    ${nest(resultJson(report.results[i]), '    ')}`;
    }
    yield '\n  ]';
  }
  if (doc.metrics) yield `,\n  "metrics": ${nest(doc.metrics, '  ')}`;
  if (report.datasetViolations) yield `,\n  "datasetViolations": ${nest(report.datasetViolations.map(violationJson), '  ')}`;
  yield '\n}\n';
}
