/**
 * Check the data pane's records with a compiled policy: decode each record,
 * evaluate every rule, and count what happened. The same decode and
 * evaluate the CLI runs; this only adds the records the data pane could not
 * read (bad JSON lines), which the checker never sees.
 */
import type { CompiledPolicy, InputProblem, RecordResult, Severity, Summary, Violation } from '@sellguard/core';
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
}

export function checkData(policy: CompiledPolicy, data: ParsedData): CheckOutcome {
  const records = data.entries.map((entry): CheckedRecord => {
    const base = { index: entry.index, line: entry.line, raw: entry.raw };
    if (entry.error !== undefined) return { ...base, violations: [], invalid: [{ path: '', message: entry.error }] };
    let decoded: ReturnType<CompiledPolicy['decode']>;
    try {
      decoded = policy.decode(entry.raw);
    } catch (e) {
      return { ...base, violations: [], invalid: [{ path: '', message: `This record could not be read: ${errorText(e)}` }] };
    }
    if (!decoded.ok) return { ...base, violations: [], invalid: decoded.problems };
    try {
      return { ...base, decoded: decoded.value, violations: policy.evaluate(decoded.value) };
    } catch (e) {
      const problem: InputProblem = { path: '', message: `Checking this record failed: ${errorText(e)}` };
      return { ...base, decoded: decoded.value, violations: [], invalid: [problem] };
    }
  });
  return { records, summary: summarize(policy, records) };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function summarize(policy: Pick<CompiledPolicy, 'rules'>, records: readonly RecordResult[]): Summary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = {};
  for (const r of policy.rules) byRule[r.fullId] = 0;
  let invalid = 0;
  let withViolations = 0;
  let violations = 0;
  for (const r of records) {
    if (r.invalid) invalid++;
    if (r.violations.length > 0) withViolations++;
    for (const v of r.violations) {
      violations++;
      bySeverity[v.severity]++;
      byRule[v.rule] = (byRule[v.rule] ?? 0) + 1;
    }
  }
  return { records: records.length, checked: records.length - invalid, invalid, withViolations, violations, bySeverity, byRule };
}

/** The most serious severity among violations, for a record's badge. */
export function worst(violations: readonly Violation[]): Severity | undefined {
  if (violations.some((v) => v.severity === 'error')) return 'error';
  if (violations.some((v) => v.severity === 'warning')) return 'warning';
  return violations.length ? 'info' : undefined;
}
