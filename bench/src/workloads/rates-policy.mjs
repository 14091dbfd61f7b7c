/**
 * The policy of workload A: the record types of policies/account-health.policy
 * with only its four rate rules (order defect, pre-fulfillment cancellation,
 * late shipment, valid tracking), cut from the shipped file so the benchmark
 * always runs the rules sellers get.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const RATE_RULES = ['order-defect-rate', 'pre-fulfillment-cancel-rate', 'late-shipment-rate', 'valid-tracking-rate'];

export function ratesPolicySource(root) {
  const text = readFileSync(join(root, 'policies/account-health.policy'), 'utf8');
  const lines = text.split('\n');
  const firstRule = lines.findIndex((l) => l.startsWith('rule '));
  const out = lines.slice(0, firstRule);
  for (const id of RATE_RULES) {
    const start = lines.findIndex((l) => l.startsWith(`rule ${id} `));
    if (start < 0) throw new Error(`policies/account-health.policy has no rule ${id}`);
    const end = lines.findIndex((l, i) => i > start && l === '}');
    out.push(...lines.slice(start, end + 1), '');
  }
  return out.join('\n');
}
