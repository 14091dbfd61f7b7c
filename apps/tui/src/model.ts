/**
 * What the terminal UI knows about a check: the counts, the records worth
 * looking at, and how far reading has got. Only records that broke a rule or
 * could not be read are kept; clean records are only counted.
 */
import type { DayValue, InputProblem, MetricResult, RuleInfo, Severity, Summary, Violation } from '@sellguard/core';
import { oneLine } from './layout.js';

/** A record shown in the list: it broke at least one rule or could not be read. */
export interface FlaggedRecord {
  /** 0-based position of the record in the input (across all files). */
  index: number;
  /** 1-based line in its file, when known. */
  line?: number;
  file?: string;
  /** The record as read from the file, for the record view. */
  raw?: unknown;
  violations: Violation[];
  /** Set when the record could not be read or did not have the policy's shape. */
  invalid?: InputProblem[];
}

/** A dataset-level measure (for example a late-shipment rate) as core reports it, under its name. */
export interface MetricRow {
  name: string;
  result: MetricResult;
}

/** A record counted in a metric, kept so the analyst can drill from a group (a SKU) to its records. */
export interface GroupRecord {
  record: Pick<FlaggedRecord, 'index' | 'line' | 'file' | 'raw'>;
  /** For rates: the record met the metric's condition (a late shipment, a seller cancellation). */
  hit?: boolean;
  /** The day the metric's window placed it on (YYYY-MM-DD). */
  day?: string;
}

/** The records of one group value of one metric: the first ones kept (those that met the condition first), all counted. */
export interface GroupRecords {
  hits: GroupRecord[];
  others: GroupRecord[];
  total: number;
}

/** Records kept per group value: at most this many that met the condition, and as many others. */
export const GROUP_RECORDS_KEPT = 2000;

/** The key of a metric's group value in `CheckData.groups`. */
export function groupKey(metric: string, group: string, value: string): string {
  return JSON.stringify([metric, group, value]);
}

export interface CheckProgress {
  /** Records read so far. */
  read: number;
  /** Milliseconds since reading started. */
  elapsedMs: number;
  done: boolean;
}

export interface CheckData {
  summary: Summary;
  flagged: FlaggedRecord[];
  metrics?: MetricRow[];
  /** Per metric with a window: its value day by day, oldest first. */
  series?: Record<string, DayValue[]>;
  /** Per metric, group and value (groupKey): the records counted there. */
  groups?: Map<string, GroupRecords>;
  progress: CheckProgress;
  /** Increases whenever `flagged` or `summary` change, so views can cache work per version. */
  version: number;
}

export function emptySummary(rules: Pick<RuleInfo, 'fullId'>[] = []): Summary {
  const byRule: Record<string, number> = {};
  for (const r of rules) byRule[r.fullId] = 0;
  return { records: 0, checked: 0, invalid: 0, withViolations: 0, violations: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byRule };
}

export function emptyData(rules: Pick<RuleInfo, 'fullId'>[] = []): CheckData {
  return { summary: emptySummary(rules), flagged: [], progress: { read: 0, elapsedMs: 0, done: false }, version: 0 };
}

/** The worst severity among a record's violations; invalid records come first of all. */
export function worstOf(record: FlaggedRecord): Severity | 'invalid' {
  if (record.invalid?.length) return 'invalid';
  if (record.violations.some((v) => v.severity === 'error')) return 'error';
  if (record.violations.some((v) => v.severity === 'warning')) return 'warning';
  return 'info';
}

/** What analysts call each severity. */
export const SEVERITY_WORD: Record<Severity | 'invalid', string> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  invalid: 'unreadable',
};

/** The short rule id ("email-address") of a full one ("buyer-messaging/email-address"). */
export function shortRule(fullId: string): string {
  const slash = fullId.lastIndexOf('/');
  return slash < 0 ? fullId : fullId.slice(slash + 1);
}

/** Where a record is, as a person reads it: "messages.jsonl line 12" or "record 13". */
export function whereIs(record: Pick<FlaggedRecord, 'index' | 'line' | 'file'>, showFile = true): string {
  const file = record.file ? baseName(record.file) : '';
  if (record.line !== undefined) return showFile && file ? `${file} line ${record.line}` : `line ${record.line}`;
  return showFile && file ? `${file} record ${record.index + 1}` : `record ${record.index + 1}`;
}

export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? path : path.slice(i + 1);
}

/** The first problem of a record, on one line. */
export function firstProblem(r: FlaggedRecord): string {
  if (r.invalid?.length) {
    const p = r.invalid[0];
    return oneLine(p.path ? `${p.path}: ${p.message}` : p.message);
  }
  const v = r.violations[0];
  return v ? oneLine(`${shortRule(v.rule)}: ${v.message}`) : '';
}
