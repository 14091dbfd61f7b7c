/** The public description of each rule (for reports, docs and editors). */
import type { RuleInfo } from '../types.js';
import type { IrPolicy } from './ir.js';

export function ruleInfos(ir: IrPolicy): RuleInfo[] {
  return ir.rules.map((r) => ({
    id: r.id,
    fullId: r.fullId,
    severity: r.severity,
    message: r.messageText,
    ...(r.hintText ? { hint: r.hintText } : {}),
    ...(r.source ? { source: r.source } : {}),
    hasFix: r.fix !== null,
    ...(r.doc ? { doc: r.doc } : {}),
  }));
}
