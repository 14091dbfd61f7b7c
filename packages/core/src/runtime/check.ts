/**
 * Checking a stream of records against a compiled policy. One bad record
 * never stops a run: it is counted as invalid, with the reason. Browser-safe.
 */
import type { CompiledPolicy, InputProblem, RecordResult, Report } from '../types.js';
import { SummaryBuilder } from '../report/summary.js';

/** A record as readers produce it. */
export interface RawRecord {
  index: number;
  line?: number;
  file?: string;
  raw?: unknown;
  /** Set when the record could not even be read (bad JSON line). */
  error?: string;
}

export interface CheckOptions {
  /** Called for every record, in order, with its result and (when it was read) its raw and decoded forms. */
  onResult?: (result: RecordResult, raw: unknown, decoded: unknown) => void;
  /** Keep results of clean records too (default: only records with violations or problems). */
  keepAll?: boolean;
}

/** Check one record: read problems, validation problems, or the violations. */
export function checkOne(policy: CompiledPolicy, rec: RawRecord): { result: RecordResult; decoded?: unknown } {
  const base: RecordResult = { index: rec.index, violations: [] };
  if (rec.line !== undefined) base.line = rec.line;
  if (rec.file !== undefined) base.file = rec.file;
  if (rec.error !== undefined) return { result: { ...base, invalid: [{ path: '', message: rec.error }] } };
  const decoded = policy.decode(rec.raw);
  if (!decoded.ok) return { result: { ...base, invalid: decoded.problems } };
  try {
    return { result: { ...base, violations: policy.evaluate(decoded.value) }, decoded: decoded.value };
  } catch (e) {
    const problem: InputProblem = { path: '', message: `internal error while checking: ${e instanceof Error ? e.message : String(e)}` };
    return { result: { ...base, invalid: [problem] } };
  }
}

export async function checkRecords(policy: CompiledPolicy, records: Iterable<RawRecord> | AsyncIterable<RawRecord>, opts: CheckOptions = {}): Promise<Report> {
  const summary = new SummaryBuilder(policy);
  const results: RecordResult[] = [];
  for await (const rec of records) {
    const { result, decoded } = checkOne(policy, rec);
    summary.add(result);
    if (opts.keepAll || result.invalid || result.violations.length > 0) results.push(result);
    opts.onResult?.(result, rec.raw, decoded);
  }
  return { policy: policyInfo(policy), summary: summary.build(), results };
}

/** The same, synchronously, for arrays already in memory (the web playground). */
export function checkRecordsSync(policy: CompiledPolicy, records: Iterable<RawRecord>, opts: CheckOptions = {}): Report {
  const summary = new SummaryBuilder(policy);
  const results: RecordResult[] = [];
  for (const rec of records) {
    const { result, decoded } = checkOne(policy, rec);
    summary.add(result);
    if (opts.keepAll || result.invalid || result.violations.length > 0) results.push(result);
    opts.onResult?.(result, rec.raw, decoded);
  }
  return { policy: policyInfo(policy), summary: summary.build(), results };
}

export function policyInfo(policy: CompiledPolicy): Report['policy'] {
  return {
    id: policy.id,
    title: policy.title,
    ...(policy.source ? { source: policy.source } : {}),
    ...(policy.version ? { version: policy.version } : {}),
  };
}
