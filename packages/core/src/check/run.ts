/**
 * Checking a stream of records against a compiled policy. One bad record
 * never stops a run: it is counted as invalid, with the reason, and the
 * summary's counts always add up (records = checked + invalid).
 * Browser-safe: no Node imports.
 */
import type { CompiledPolicy, InputProblem, RecordResult, Report } from '../types.js';
import type { EvalContext } from '../runtime/context.js';
import { SummaryBuilder } from '../report/summary.js';

/** A record as readers produce it (`InputRecord` from `@sellguard/core/node` is one). */
export interface RawRecord {
  /** 0-based position in the input. */
  index: number;
  /** 1-based line where the record starts, when known. */
  line?: number;
  file?: string;
  raw?: unknown;
  /** Set when the record could not even be read (a bad JSON line, a short CSV row). */
  error?: string;
}

export interface CheckOptions {
  /**
   * Called for every record, in order, with its result and (when it was read)
   * its raw and decoded forms. A front end keeps what it needs, e.g. the raw
   * records that have violations, to show their text.
   */
  onResult?: (result: RecordResult, raw: unknown, decoded: unknown) => void;
  /** Keep the results of clean records too (default: only records with violations or problems). */
  keepAll?: boolean;
}

function internalError(e: unknown): InputProblem {
  const why = e instanceof Error ? e.message : String(e);
  // A detector's failure already says, in plain words, what was not checked and what to do.
  if (e instanceof Error && (e.name === 'DetectorError' || e.name === 'PhraseListError')) return { path: '', message: `could not be checked: ${why}` };
  return { path: '', message: `internal error while checking: ${why}` };
}

/** Check one record: why it could not be read, why it does not fit the policy's record type, or its violations. */
export function checkOne(policy: Pick<CompiledPolicy, 'decode' | 'evaluate'>, rec: RawRecord, ctx: EvalContext): { result: RecordResult; decoded?: unknown } {
  const base: RecordResult = { index: rec.index, violations: [] };
  if (rec.line !== undefined) base.line = rec.line;
  if (rec.file !== undefined) base.file = rec.file;
  if (rec.error !== undefined) return { result: { ...base, invalid: [{ path: '', message: rec.error }] } };
  let decoded;
  try {
    decoded = policy.decode(rec.raw);
  } catch (e) {
    return { result: { ...base, invalid: [internalError(e)] } };
  }
  if (!decoded.ok) {
    const problems = decoded.problems.length > 0 ? decoded.problems : [{ path: '', message: 'does not fit the record type' }];
    return { result: { ...base, invalid: problems } };
  }
  try {
    const violations = policy.evaluate(decoded.value, ctx);
    return { result: { ...base, violations }, decoded: decoded.value };
  } catch (e) {
    return { result: { ...base, invalid: [internalError(e)] }, decoded: decoded.value };
  }
}

class Run {
  readonly summary: SummaryBuilder;
  readonly results: RecordResult[] = [];
  /** The metrics' accumulator, for policies that declare metrics. */
  private readonly metrics: unknown;

  constructor(
    private readonly policy: CompiledPolicy,
    private readonly ctx: EvalContext,
    private readonly opts: CheckOptions,
  ) {
    this.summary = new SummaryBuilder(policy);
    this.metrics = policy.dataset?.start(ctx);
  }

  add(rec: RawRecord): void {
    const { result, decoded } = checkOne(this.policy, rec, this.ctx);
    if (this.policy.dataset && decoded !== undefined && !result.invalid) this.policy.dataset.add(this.metrics, decoded);
    this.summary.add(result);
    if (this.opts.keepAll || result.invalid || result.violations.length > 0) this.results.push(result);
    this.opts.onResult?.(result, rec.raw, decoded);
  }

  report(): Report {
    const dataset = this.policy.dataset?.finish(this.metrics);
    if (dataset) this.summary.addDataset(dataset.violations);
    const report: Report = { policy: policyInfo(this.policy), summary: this.summary.build(), results: this.results };
    if (dataset) {
      report.metrics = dataset.metrics;
      report.datasetViolations = dataset.violations;
    }
    return report;
  }
}

/**
 * Check records from any source, e.g. `readRecords(...)` from `@sellguard/core/node`,
 * in the given context (as-of day, dictionary).
 */
export async function checkRecords(
  policy: CompiledPolicy,
  records: Iterable<RawRecord> | AsyncIterable<RawRecord>,
  ctx: EvalContext,
  opts: CheckOptions = {},
): Promise<Report> {
  const run = new Run(policy, ctx, opts);
  for await (const rec of records) run.add(rec);
  return run.report();
}

/** The same, synchronously, for records already in memory (the web playground). */
export function checkRecordsSync(policy: CompiledPolicy, records: Iterable<RawRecord>, ctx: EvalContext, opts: CheckOptions = {}): Report {
  const run = new Run(policy, ctx, opts);
  for (const rec of records) run.add(rec);
  return run.report();
}

/** The policy's identity as a report shows it. */
export function policyInfo(policy: Pick<CompiledPolicy, 'id' | 'title' | 'source' | 'version'>): Report['policy'] {
  return {
    id: policy.id,
    title: policy.title,
    ...(policy.source ? { source: policy.source } : {}),
    ...(policy.version ? { version: policy.version } : {}),
  };
}
