/**
 * Counting a run: every record is either checked or invalid, and the counts
 * add up. Browser-safe.
 */
import type { CompiledPolicy, RecordResult, Severity, Summary } from '../types.js';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Counts results one at a time, so a run never has to keep clean records. */
export class SummaryBuilder {
  private records = 0;
  private invalid = 0;
  private withViolations = 0;
  private violations = 0;
  private readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private readonly byRule: Record<string, number> = {};

  /** Every rule of the policy is listed in `byRule`, with 0 until it fires. */
  constructor(policy: Pick<CompiledPolicy, 'rules'>) {
    for (const r of policy.rules) this.byRule[r.fullId] = 0;
  }

  add(result: RecordResult): void {
    this.records++;
    if (result.invalid && result.invalid.length > 0) {
      this.invalid++;
      return;
    }
    if (result.violations.length > 0) this.withViolations++;
    for (const v of result.violations) {
      this.violations++;
      this.bySeverity[v.severity] = (this.bySeverity[v.severity] ?? 0) + 1;
      this.byRule[v.rule] = (this.byRule[v.rule] ?? 0) + 1;
    }
  }

  /** Records checked elsewhere that had no violations and no problems: they only add to the counts. */
  addClean(count: number): void {
    this.records += count;
  }

  /** Counts made elsewhere (a piece of the input checked on another thread), added to these. */
  merge(s: Summary): void {
    this.records += s.records;
    this.invalid += s.invalid;
    this.withViolations += s.withViolations;
    this.violations += s.violations;
    for (const [k, n] of Object.entries(s.bySeverity) as Array<[Severity, number]>) this.bySeverity[k] = (this.bySeverity[k] ?? 0) + n;
    for (const [k, n] of Object.entries(s.byRule)) this.byRule[k] = (this.byRule[k] ?? 0) + n;
  }

  /** Violations of rules about metrics: counted with the others, but they belong to no record. */
  addDataset(violations: readonly import('../types.js').Violation[]): void {
    for (const v of violations) {
      this.violations++;
      this.bySeverity[v.severity] = (this.bySeverity[v.severity] ?? 0) + 1;
      this.byRule[v.rule] = (this.byRule[v.rule] ?? 0) + 1;
    }
  }

  build(): Summary {
    return {
      records: this.records,
      checked: this.records - this.invalid,
      invalid: this.invalid,
      withViolations: this.withViolations,
      violations: this.violations,
      bySeverity: { ...this.bySeverity },
      byRule: { ...this.byRule },
    };
  }
}

/**
 * The summary of a set of results. Pass every result, or (as a report keeps
 * them) only the results with violations or problems plus `records`, the
 * number of records read: clean records only add to `records` and `checked`.
 */
export function buildSummary(policy: Pick<CompiledPolicy, 'rules'>, results: Iterable<RecordResult>, opts: { records?: number } = {}): Summary {
  const builder = new SummaryBuilder(policy);
  for (const r of results) builder.add(r);
  const summary = builder.build();
  if (opts.records !== undefined && opts.records > summary.records) {
    summary.checked += opts.records - summary.records;
    summary.records = opts.records;
  }
  return summary;
}

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** Violations at or above a severity (0 for `never`). */
export function countAtOrAbove(summary: Summary, threshold: Severity | 'never'): number {
  if (threshold === 'never') return 0;
  return SEVERITIES.filter((s) => RANK[s] >= RANK[threshold]).reduce((n, s) => n + (summary.bySeverity[s] ?? 0), 0);
}

/**
 * Whether a run fails: a violation at or above the threshold fired, or a
 * record could not be read or checked (an unreadable record might hide a
 * violation). Nothing fails at `never`.
 */
export function failsAt(summary: Summary, threshold: Severity | 'never'): boolean {
  if (threshold === 'never') return false;
  return summary.invalid > 0 || countAtOrAbove(summary, threshold) > 0;
}
