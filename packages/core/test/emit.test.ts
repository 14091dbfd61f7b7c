/**
 * Snapshot tests of the generated code: the evaluator module, the schema and
 * the .d.ts of a small policy that uses every kind of construct. A change in
 * the snapshots is a change in what users get from `sellguard compile`: read
 * the diff.
 */
import { describe, expect, it } from 'vitest';
import { compile, evalContext } from '../src/index.js';

const SOURCE = `policy snapshot "Snapshot policy" source "tests" version "2"
  input Message

## A file sent with a message.
record Attachment {
  fileName: string from "name"
  kind: enum(instructions, warranty, other) = "other"
}

record Message {
  ## The Amazon order id.
  orderId: string from "order-id"
  subject: text = ""
  body: text
  sentAt: datetime?
  orderCompletedAt: date?
  attachments: list<Attachment> = []
  score: percent?
  parameters: map<string> = {}
}

const window = 30 days
phrases marketing = ["coupon", "promo code"]

rule outside-window error "Sent {days(dateOf(sentAt) - orderCompletedAt)} days after completion" {
  when exists(sentAt) and exists(orderCompletedAt)
  require dateOf(sentAt) - orderCompletedAt <= window
}

rule marketing warning "Marketing: {matched}" {
  forbid phrases(body, marketing) or find(body, "(?i)\\\\d+% off")
  fix remove
}

rule bad-attachment error "Attachment not allowed: {a.fileName}" {
  each a in attachments
  forbid a.kind == "other"
}

rule parameter-blank info "Blank parameters: {matched}" {
  forbid any k in keys(parameters): empty(parameters[k])
}

rule order-id error "Mention the order id" {
  require orderId in subject or orderId in body
  fix insert "Order {orderId}: " into subject at start
}
`;

describe('emitted code', () => {
  const { policy, diagnostics } = compile(SOURCE);
  it('compiles', () => {
    expect(diagnostics).toEqual([]);
  });
  it('module', async () => {
    await expect(policy!.output.module).toMatchFileSnapshot('__snapshots__/snapshot.module.js');
  });
  it('types', async () => {
    await expect(policy!.output.dts).toMatchFileSnapshot('__snapshots__/snapshot.d.ts');
  });
  it('runs as it reads', () => {
    const decoded = policy!.decode({
      'order-id': '114-1',
      body: 'Use promo code X or get 20% off',
      sentAt: '2026-11-05T10:00:00Z',
      orderCompletedAt: '2026-10-01',
      attachments: [{ name: 'manual.pdf', kind: 'instructions' }, { name: 'flyer.pdf' }],
      parameters: { color: 'red', size: ' ' },
    });
    expect(decoded.ok).toBe(true);
    const violations = decoded.ok ? policy!.evaluate(decoded.value, evalContext()) : [];
    expect(violations.map((v) => [v.rule, v.path, v.message])).toEqual([
      ['snapshot/outside-window', 'sentAt', 'Sent 35 days after completion'],
      ['snapshot/marketing', 'body', 'Marketing: promo code'],
      ['snapshot/bad-attachment', 'attachments[1].kind', 'Attachment not allowed: flyer.pdf'],
      ['snapshot/parameter-blank', 'parameters.size', 'Blank parameters: size'],
      ['snapshot/order-id', 'orderId', 'Mention the order id'],
    ]);
  });
});

describe('emitted code for metrics', () => {
  it('counts records into metrics in one function and runs the rules about metrics on their values', async () => {
    const { readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const source = readFileSync(resolve(import.meta.dirname, '../../../policies/account-health-orders.policy'), 'utf8');
    const { policy, diagnostics } = compile(source);
    expect(diagnostics).toEqual([]);
    const module = policy!.output.module;
    expect(module).toContain('function metricsAdd(r, S, ctx) {');
    expect(module).toContain('rule_0(M, out, ctx); // account-health-orders/order-defect-rate');
    await expect(module).toMatchFileSnapshot('__snapshots__/account-health-orders.module.js');
  });
});

describe('emitted code for text several rules scan', () => {
  const source = `policy shared "Shared scans"
  input Message

record Message {
  subject: text = ""
  body: text
}

phrases reviewWords = ["review"]
phrases gifts = ["gift card"]
phrases stars = ["5 stars"]

rule paid-review error "Paid review: {matched}" {
  forbid any s in sentences(body): phrases(s, reviewWords) and phrases(s, gifts)
}

rule star-review error "Star review: {matched}" {
  forbid any s in sentences(body): phrases(s, reviewWords) and phrases(s, stars)
  forbid find(subject, "(?i)stars")
}
`;
  const { policy, diagnostics } = compile(source);

  it('scans a field once per record for what more than one rule looks for, and only that', () => {
    expect(diagnostics).toEqual([]);
    const module = policy!.output.module;
    expect(module).toContain('const scans = rt.recordScans(); // a field several rules scan is scanned once');
    expect(module).toContain('rule_0(r, out, ctx, scans); // shared/paid-review');
    // sentences(body) and reviewWords appear in both rules; gifts, stars and the pattern once each.
    expect(module).toContain('rt.any(rt.detect("sentences", r["body"], "body", ctx, scans), null, (v1, p1) => (rt.nonEmpty(rt.phrases(PH[0], v1, "", scans), W, null) && rt.nonEmpty(rt.phrases(PH[1], v1, ""), W, null)), W)');
    expect(module).toContain('rt.find(RX[0], r["subject"], "subject")');
  });

  it('reports the same as when every rule scans for itself', () => {
    const decoded = policy!.decode({ subject: 'Stars', body: 'Thanks. Leave a review for a gift card. Give 5 stars in your review!' });
    expect(decoded.ok).toBe(true);
    const violations = decoded.ok ? policy!.evaluate(decoded.value, evalContext()) : [];
    // By hand: the second sentence (8–39) has "review" and "gift card", the third (40–68) "5 stars" and
    // "review"; the subject "Stars" (0–5). The phrases inside a flagged sentence are not shown apart from it.
    expect(violations.map((v) => [v.rule, v.path, v.spans.map((s) => [s.text, s.start, s.end])])).toEqual([
      ['shared/paid-review', 'body', [['Leave a review for a gift card.', 8, 39]]],
      ['shared/star-review', 'body', [['Give 5 stars in your review!', 40, 68]]],
      ['shared/star-review', 'subject', [['Stars', 0, 5]]],
    ]);
  });
});
