/**
 * Suppressions: a record may name rules it is allowed to break, with a
 * reason, in a field such as
 *
 *   "sellguard-ignore": "email-address, phone-number -- the buyer asked for our contact details"
 *   "sellguard-ignore": { "rules": ["email-address"], "reason": "…" }
 *
 * (a CSV column holds the first form). Rule ids may be short (`email-address`)
 * or full (`buyer-messaging/email-address`). A suppression without a reason
 * suppresses nothing and is reported; so is one that matched no violation.
 * Browser-safe.
 */
import type { Severity, Violation } from '../types.js';
import type { SuppressedViolation, SuppressionNotice } from '../report/writer.js';

export const DEFAULT_SUPPRESSION_FIELD = 'sellguard-ignore';

export interface RecordSuppression {
  rules: string[];
  reason: string;
}

/** The suppression a raw record carries, if any: its rules and reason, or why it cannot be used. */
export function readRecordSuppression(raw: unknown, field: string): RecordSuppression | { error: string } | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const value = (raw as Record<string, unknown>)[field];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  if (typeof value === 'string') {
    const cut = value.indexOf('--');
    const rules = (cut < 0 ? value : value.slice(0, cut)).split(/[\s,]+/).filter(Boolean);
    const reason = cut < 0 ? '' : value.slice(cut + 2).trim();
    return { rules, reason };
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const rules = Array.isArray(o.rules) ? o.rules.filter((r): r is string => typeof r === 'string') : typeof o.rules === 'string' ? [o.rules] : [];
    return { rules, reason: typeof o.reason === 'string' ? o.reason.trim() : '' };
  }
  return { error: `${field} must be text such as "email-address -- why", or { "rules": [...], "reason": "why" }` };
}

/** Whether a rule id as written (short or full) names a violation's rule. */
export function namesRule(written: string, fullId: string): boolean {
  return written === fullId || fullId.endsWith(`/${written}`);
}

/** A rule's setting from the config: a new severity or `off`, always with a reason. */
export interface RuleSetting {
  severity: Severity | 'off';
  reason: string;
  /** Where it was written, e.g. `sellguard.config.json rules."buyer-messaging/emoji"`. */
  where: string;
}

export interface Applied {
  violations: Violation[];
  suppressed: SuppressedViolation[];
  notices: SuppressionNotice[];
  /** Settings that changed or suppressed something (to report unused ones at the end). */
  used: Set<string>;
}

/**
 * Apply a record's own suppression and the config's settings to its
 * violations: what still counts, what was suppressed (with the reason), and
 * notices about suppressions that cannot be used or did nothing.
 */
export function applySuppressions(
  violations: readonly Violation[],
  record: { raw: unknown; where: string; file?: string; line?: number },
  settings: ReadonlyMap<string, RuleSetting>,
  field: string,
): Applied {
  const out: Applied = { violations: [], suppressed: [], notices: [], used: new Set() };
  const own = readRecordSuppression(record.raw, field);
  const at = { where: record.where, ...(record.file !== undefined ? { file: record.file } : {}), ...(record.line !== undefined ? { line: record.line } : {}) };
  let usable: RecordSuppression | undefined;
  if (own && 'error' in own) out.notices.push({ ...at, rule: '', message: own.error });
  else if (own && own.rules.length === 0) out.notices.push({ ...at, rule: '', message: `${field} names no rule; write the rule ids, then -- and the reason` });
  else if (own && own.reason === '') out.notices.push({ ...at, rule: own.rules.join(', '), message: `the suppression of ${own.rules.join(', ')} has no reason, so it was not applied; add one after --, e.g. "${own.rules.join(', ')} -- the buyer asked for it"` });
  else usable = own;
  const matched = new Set<string>();
  for (const v of violations) {
    const setting = settings.get(v.rule);
    if (setting) out.used.add(setting.where);
    if (setting?.severity === 'off') {
      out.suppressed.push({ ...v, suppression: { kind: 'config', reason: setting.reason } });
      continue;
    }
    const changed = setting ? { ...v, severity: setting.severity } : v;
    const written = usable?.rules.find((r) => namesRule(r, v.rule));
    if (usable && written !== undefined) {
      matched.add(written);
      out.suppressed.push({ ...changed, suppression: { kind: 'record', reason: usable.reason } });
      continue;
    }
    out.violations.push(changed);
  }
  for (const r of usable?.rules ?? []) {
    if (!matched.has(r)) out.notices.push({ ...at, rule: r, message: `the suppression of ${r} is unused: that rule did not fire on this record; remove it` });
  }
  return out;
}
