/**
 * Check the data pane's records with a compiled policy, with the same runner
 * the command line uses (`checkRecordsSync` from @sellguard/core): records
 * that could not be read are counted as invalid, never dropped. The
 * playground keeps every record, with its raw and decoded forms, to show
 * the matched text, fill the form and explain it.
 */
import { checkRecordsSync, type CompiledPolicy, type EvalContext, type MetricResult, type RecordResult, type Summary, type Violation } from '@sellguard/core';
import type { ParsedData } from './data';

export interface CheckedRecord extends RecordResult {
  line: number;
  raw?: unknown;
  /** The record as the policy reads it, when it could be read. */
  decoded?: unknown;
}

export interface CheckOutcome {
  records: CheckedRecord[];
  summary: Summary;
  /** Metrics over all the records (policies that declare metrics). */
  metrics?: Record<string, MetricResult>;
  /** Violations of the rules about metrics. */
  datasetViolations?: Violation[];
}

export function checkData(policy: CompiledPolicy, data: ParsedData, ctx: EvalContext): CheckOutcome {
  const records: CheckedRecord[] = [];
  const report = checkRecordsSync(
    policy,
    data.entries.map((e) => ({ index: e.index, line: e.line, ...(e.error !== undefined ? { error: e.error } : { raw: e.raw }) })),
    ctx,
    {
      keepAll: true,
      onResult: (result, raw, decoded) => {
        records.push({ ...result, line: result.line ?? 1, raw, ...(decoded !== undefined ? { decoded } : {}) });
      },
    },
  );
  return {
    records,
    summary: report.summary,
    ...(report.metrics ? { metrics: report.metrics } : {}),
    ...(report.datasetViolations ? { datasetViolations: report.datasetViolations } : {}),
  };
}

/** The most serious severity among violations, for a record's badge. */
export function worst(violations: readonly Violation[]): Violation['severity'] | undefined {
  if (violations.some((v) => v.severity === 'error')) return 'error';
  if (violations.some((v) => v.severity === 'warning')) return 'warning';
  return violations.length ? 'info' : undefined;
}
