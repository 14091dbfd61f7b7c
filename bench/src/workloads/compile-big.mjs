/**
 * The compile target: a 2,000-rule policy, from source to a ready
 * evaluator, in process (warm: after one untimed compile).
 */
import { compile } from '@sellguard/core';

/** A policy with `n` rules of the kinds sellers write (text search, comparisons, detectors). */
export function bigPolicySource(n) {
  const rules = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 4;
    if (kind === 0) rules.push(`rule r${i} error "word ${i}" { forbid find(body, ${JSON.stringify(`\\bword${i}\\b`)}) }`);
    else if (kind === 1) rules.push(`rule r${i} warning "short ${i}" { require length(body) > ${i % 100} }`);
    else if (kind === 2) rules.push(`rule r${i} error "order ${i}" { require orderId in body or orderId in subject }`);
    else rules.push(`rule r${i} error "email ${i}" { forbid emails(body) }`);
  }
  return `policy big "Two thousand rules"\n  input Message\n\nrecord Message {\n  orderId: string\n  subject: text = ""\n  body: text\n}\n\n${rules.join('\n')}\n`;
}

export function compileBig(source) {
  const { policy, diagnostics } = compile(source);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !policy) throw new Error(`the 2,000-rule policy does not compile: ${errors[0]?.message}`);
  return policy;
}
