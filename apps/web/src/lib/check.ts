/**
 * Check the data pane's records with a compiled policy, with the same runner
 * the command line uses (`checkRecordsSync` from @sellguard/core): records
 * that could not be read are counted as invalid, never dropped. The
 * playground keeps every record, with its raw and decoded forms, to show
 * the matched text, fill the form and explain it.
 */
import { checkRecords, checkRecordsSync, type CompiledPolicy, type EvalContext, type MetricResult, type RawRecord, type RecordResult, type Report, type Summary, type Violation } from '@sellguard/core';
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
      yield rawRecord(e);
    }
  }
  return outcomeOf(checkRecordsSync(policy, inputs(), ctx, keepEvery(records)), records);
}

export interface SliceOptions {
  onRecord?: (index: number) => void;
  /** Asked between slices: true stops the check (a newer one is waiting), which then resolves to null. */
  stop: () => boolean;
  /** Lets other work run (the worker's incoming messages) between slices. */
  nextTask: () => Promise<void>;
  sliceMs?: number;
  now?: () => number;
}

/**
 * The same check, in slices of about `sliceMs`: between two slices the
 * worker reads its messages, so a newer request stops a long check of many
 * records without ending the worker (and losing its compiled policy and
 * dictionary).
 */
export async function checkDataInSlices(policy: CompiledPolicy, data: ParsedData, ctx: EvalContext, opts: SliceOptions): Promise<CheckOutcome | null> {
  const records: CheckedRecord[] = [];
  const now = opts.now ?? (() => performance.now());
  const sliceMs = opts.sliceMs ?? 16;
  let stopped = false;
  async function* inputs(): AsyncGenerator<RawRecord> {
    let sliceStart = now();
    for (const e of data.entries) {
      if (now() - sliceStart >= sliceMs) {
        await opts.nextTask();
        if (opts.stop()) {
          stopped = true;
          return;
        }
        sliceStart = now();
      }
      opts.onRecord?.(e.index);
      yield rawRecord(e);
    }
  }
  const report = await checkRecords(policy, inputs(), ctx, keepEvery(records));
  return stopped ? null : outcomeOf(report, records);
}

function rawRecord(e: ParsedData['entries'][number]): RawRecord {
  return { index: e.index, line: e.line, ...(e.error !== undefined ? { error: e.error } : { raw: e.raw }) };
}

/** Keep every record, with its raw and decoded forms. */
function keepEvery(records: CheckedRecord[]) {
  return {
    keepAll: true,
    onResult: (result: RecordResult, raw: unknown, decoded: unknown) => {
      records.push({ ...result, line: result.line ?? 1, raw, ...(decoded !== undefined ? { decoded } : {}) });
    },
  };
}

function outcomeOf(report: Report, records: CheckedRecord[]): CheckOutcome {
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
