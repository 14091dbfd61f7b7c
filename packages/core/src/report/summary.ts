/** Counting a run: every record is either checked or invalid, and the counts add up. */
import type { CompiledPolicy, RecordResult, Severity, Summary } from '../types.js';

export class SummaryBuilder {
  private records = 0;
  private invalid = 0;
  private withViolations = 0;
  private violations = 0;
  private readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private readonly byRule: Record<string, number> = {};

  constructor(policy: Pick<CompiledPolicy, 'rules'>) {
    for (const r of policy.rules) this.byRule[r.fullId] = 0;
  }

  add(result: RecordResult): void {
    this.records++;
    if (result.invalid) {
      this.invalid++;
      return;
    }
    if (result.violations.length > 0) this.withViolations++;
    for (const v of result.violations) {
      this.violations++;
      this.bySeverity[v.severity]++;
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

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** Whether a report should fail a run: a violation at or above the threshold, or an invalid record. */
export function failsAt(summary: Summary, threshold: Severity | 'never'): boolean {
  if (threshold === 'never') return false;
  if (summary.invalid > 0) return true;
  return (Object.keys(summary.bySeverity) as Severity[]).some((s) => RANK[s] >= RANK[threshold] && summary.bySeverity[s] > 0);
}
