/**
 * The data pane's results in the command line's report formats, made by
 * core's report writers (the same ones `sellguard check --format` uses).
 */
import { htmlWriter, jsonWriter, policyInfo, renderCsv, sarifWriter, writeAll, type CompiledPolicy, type ReportWriter } from '@sellguard/core';
import type { CheckOutcome } from '../lib/check';

export type ReportFormat = 'json' | 'csv' | 'sarif' | 'html';

export const REPORT_FORMATS: ReadonlyArray<{ format: ReportFormat; label: string; ext: string; type: string }> = [
  { format: 'json', label: 'JSON', ext: 'json', type: 'application/json' },
  { format: 'csv', label: 'CSV', ext: 'csv', type: 'text/csv' },
  { format: 'sarif', label: 'SARIF', ext: 'sarif', type: 'application/sarif+json' },
  { format: 'html', label: 'HTML', ext: 'html', type: 'text/html' },
];

function writerFor(format: Exclude<ReportFormat, 'csv'>, title: string): ReportWriter {
  if (format === 'sarif') return sarifWriter({ informationUri: 'https://github.com/sellguard/sellguard' });
  if (format === 'html') return htmlWriter({ title });
  return jsonWriter();
}

/** The report text; `input` names the data the records came from (a file name). */
export function renderReport(format: ReportFormat, policy: CompiledPolicy, outcome: CheckOutcome, input: string): string {
  const flagged = outcome.records.filter((r) => r.violations.length > 0 || r.invalid).map((r) => ({ ...r, file: input }));
  if (format === 'csv') return renderCsv(flagged);
  const run = {
    meta: { policy: policyInfo(policy), rules: policy.rules, inputs: [input] },
    results: flagged.map(({ raw, decoded, ...result }) => ({ result, source: { raw, decoded } })),
    end: {
      summary: outcome.summary,
      ...(outcome.metrics ? { metrics: outcome.metrics } : {}),
      ...(outcome.datasetViolations ? { datasetViolations: outcome.datasetViolations } : {}),
      counts: { suppressed: 0, baselined: 0, baselineGone: 0, notices: [] },
      failOn: 'error' as const,
    },
  };
  return [...writeAll(writerFor(format, `Sellguard report: ${policy.title}`), [run])].join('');
}
