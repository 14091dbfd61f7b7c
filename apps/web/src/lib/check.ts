/**
 * Check the data pane's records with a compiled policy, with the same runner
 * the command line uses (`checkRecordsSync` from @sellguard/core): records
 * that could not be read are counted as invalid, never dropped. The
 * playground keeps every record, with its raw and decoded forms, to show
 * the matched text, fill the form and explain it.
 */
import { checkRecordsSync, type CompiledPolicy, type EvalContext, type MetricResult, type RawRecord, type RecordResult, type Summary, type Violation } from '@sellguard/core';
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

/**
 * `onRecord` is told each record's index just before it is checked, so that
 * a check stopped for taking too long can say where it was.
 */
export function checkData(policy: CompiledPolicy, data: ParsedData, ctx: EvalContext, onRecord?: (index: number) => void): CheckOutcome {
  const records: CheckedRecord[] = [];
  function* inputs(): Generator<RawRecord> {
    for (const e of data.entries) {
      onRecord?.(e.index);
      yield { index: e.index, line: e.line, ...(e.error !== undefined ? { error: e.error } : { raw: e.raw }) };
    }
  }
  const report = checkRecordsSync(
    policy,
    inputs(),
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
