/**
 * Which records the list shows: by rule, by severity and by free text.
 */
import type { Severity } from '@sellguard/core';
import { shortRule, SEVERITY_WORD, whereIs, type FlaggedRecord } from './model.js';

export type SeverityFilter = Severity | 'invalid';

export interface Filters {
  /** Full rule id, e.g. `buyer-messaging/email-address`. */
  rule: string | null;
  severity: SeverityFilter | null;
  /** Free text, matched case-insensitively against the record and its problems. */
  text: string;
}

export const NO_FILTERS: Filters = { rule: null, severity: null, text: '' };

export const SEVERITY_CYCLE: Array<SeverityFilter | null> = [null, 'error', 'warning', 'info', 'invalid'];

export function isFiltered(f: Filters): boolean {
  return f.rule !== null || f.severity !== null || f.text.trim() !== '';
}

export function matches(record: FlaggedRecord, f: Filters): boolean {
  if (f.severity === 'invalid') {
    if (!record.invalid?.length) return false;
    if (f.rule !== null) return false;
  } else if (f.rule !== null || f.severity !== null) {
    const hit = record.violations.some((v) => (f.rule === null || v.rule === f.rule) && (f.severity === null || v.severity === f.severity));
    if (!hit) return false;
  }
  const text = f.text.trim().toLowerCase();
  return text === '' || haystack(record).includes(text);
}

export function filterRecords(records: readonly FlaggedRecord[], f: Filters): FlaggedRecord[] {
  if (!isFiltered(f)) return records.slice();
  return records.filter((r) => matches(r, f));
}

/** "rule email-address, errors only, text “john”" — for the list's filter line. */
export function describeFilters(f: Filters): string {
  const parts: string[] = [];
  if (f.rule !== null) parts.push(`rule ${shortRule(f.rule)}`);
  if (f.severity === 'invalid') parts.push('unreadable records only');
  else if (f.severity !== null) parts.push(`${SEVERITY_WORD[f.severity]}s only`);
  if (f.text.trim() !== '') parts.push(`text "${f.text.trim()}"`);
  return parts.length ? parts.join(', ') : 'all records with problems';
}

const haystacks = new WeakMap<FlaggedRecord, string>();

/** Everything a search can match in a record, lower-cased once. */
function haystack(record: FlaggedRecord): string {
  let h = haystacks.get(record);
  if (h === undefined) {
    const parts: string[] = [whereIs(record)];
    for (const v of record.violations) {
      parts.push(v.rule, shortRule(v.rule), v.message, v.hint ?? '', v.path, ...v.spans.map((s) => s.text));
    }
    for (const p of record.invalid ?? []) parts.push(p.path, p.message);
    collectStrings(record.raw, parts, 0);
    h = parts.join('\n').toLowerCase();
    haystacks.set(record, h);
  }
  return h;
}

function collectStrings(value: unknown, out: string[], depth: number): void {
  if (value == null || depth > 6) return;
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out, depth + 1);
  else if (typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, out, depth + 1);
}
