/** Building a Violation from a failed clause. */
import type { Fix, Severity, Violation } from '../types.js';
import { pathOf, spansOf, type Witnesses } from './witnesses.js';

/** What the generated module knows about each rule without evaluating anything. */
export interface RuleStatic {
  id: string;
  fullId: string;
  severity: Severity;
}

export function violation(
  rule: RuleStatic,
  path: string,
  w: Witnesses,
  message: string,
  hint: string | null,
  fix: Fix | undefined,
): Violation {
  const v: Violation = { rule: rule.fullId, severity: rule.severity, message, path: pathOf(w, path), spans: spansOf(w) };
  if (hint) v.hint = hint;
  if (fix) v.fix = fix;
  return v;
}
