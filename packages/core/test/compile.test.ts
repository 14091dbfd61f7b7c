/**
 * The compiler end to end on small policies: what fires, where it points,
 * what the messages say. Expected values are written from the policy's
 * meaning, not copied from output.
 */
import { describe, expect, it } from 'vitest';
import { compile, evalContext, type CompiledPolicy } from '../src/index.js';

const HEADER = `policy demo "Demo" source "tests"
record Attachment { fileName: string  kind: enum(instructions, warranty, invoice, other) = "other" }
record Message {
  orderId: string from "order-id"
  purpose: enum(order_issue, review_request, promotion, other) = "other"
  subject: text = ""
  body: text
  sentAt: datetime?
  orderCompletedAt: date?
  attachments: list<Attachment> = []
  score: percent?
  tags: map<string>?
}
`;

function policyOf(rules: string): CompiledPolicy {
  const { policy, diagnostics } = compile(HEADER + rules);
  if (!policy) throw new Error(diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return policy;
}

function run(rules: string, raw: Record<string, unknown>) {
  const policy = policyOf(rules);
  const decoded = policy.decode({ orderId: '114-3941689-8772232', body: '', ...raw });
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems));
  return policy.evaluate(decoded.value, evalContext());
}

describe('conditions', () => {
  const table: Array<[string, string, Record<string, unknown>, boolean]> = [
    ['date arithmetic inside the window', 'require dateOf(sentAt) - orderCompletedAt <= 30 days', { sentAt: '2026-10-31T23:00:00Z', orderCompletedAt: '2026-10-01' }, false],
    ['date arithmetic outside the window', 'require dateOf(sentAt) - orderCompletedAt <= 30 days', { sentAt: '2026-11-01T00:10:00Z', orderCompletedAt: '2026-10-01' }, true],
    ['missing date makes a comparison false', 'require sentAt - orderCompletedAt <= 30 days', { orderCompletedAt: '2026-10-01' }, true],
    ['enum membership', 'forbid purpose in ["promotion", "other"]', { purpose: 'PROMOTION' }, true],
    ['enum equality', 'forbid purpose == "review_request"', { purpose: 'order_issue' }, false],
    ['text contains ignores case', 'forbid body contains "coupon"', { body: 'Your COUPON inside' }, true],
    ['text in text', 'require orderId in subject or orderId in body', { subject: 'Order 114-3941689-8772232' }, false],
    ['percent compare', 'forbid score >= 2.5%', { score: '3%' }, true],
    ['percent compare below', 'forbid score >= 2.5%', { score: 0.01 }, false],
    ['any over records', 'forbid any a in attachments: a.kind == "other"', { attachments: [{ fileName: 'a.pdf', kind: 'invoice' }, { fileName: 'b.zip' }] }, true],
    ['all over records', 'require all a in attachments: a.fileName endsWith ".pdf"', { attachments: [{ fileName: 'a.PDF' }] }, false],
    ['count with condition', 'forbid (count a in attachments: a.kind == "other") >= 2', { attachments: [{ fileName: 'a' }, { fileName: 'b' }] }, true],
    ['count of a list', 'forbid count(attachments) > 1', { attachments: [{ fileName: 'a' }] }, false],
    ['regex', 'require orderId matches "^\\d{3}-\\d{7}-\\d{7}$"', {}, false],
    ['regex failing', 'require orderId matches "^\\d{3}-\\d{7}-\\d{7}$"', { orderId: '114-394' }, true],
    ['table lookup', 'forbid tags["color"] == "red"', { tags: { color: 'red' } }, true],
    ['key in table', 'require "size" in tags', { tags: { color: 'red' } }, true],
    ['missing table', 'forbid tags["color"] == "red"', {}, false],
    ['not', 'forbid not (body contains "order")', { body: 'about your order' }, false],
    ['arithmetic', 'forbid length(body) * 2 > 10', { body: 'abcdef' }, true],
    ['if then else', 'forbid (if purpose == "promotion" then 3 else 0) > 1', { purpose: 'promotion' }, true],
    ['if then else, other branch', 'forbid (if purpose == "promotion" then 3 else 0) > 1', { purpose: 'other' }, false],
  ];
  for (const [name, clause, record, fires] of table) {
    it(name, () => {
      const violations = run(`rule r error "m" { ${clause} }`, record);
      expect(violations.length > 0).toBe(fires);
    });
  }
});

describe('violations', () => {
  it('carry the full rule id, severity, interpolated message, hint and path', () => {
    const [v] = run(
      `rule outside-window warning "Sent {days(dateOf(sentAt) - orderCompletedAt)} days after completion (limit {30 days})" {
        require dateOf(sentAt) - orderCompletedAt <= 30 days
        hint "Send within 30 days of {orderCompletedAt}."
      }`,
      { sentAt: '2026-11-05T10:00:00Z', orderCompletedAt: '2026-10-01' },
    );
    expect(v).toEqual({
      rule: 'demo/outside-window',
      severity: 'warning',
      message: 'Sent 35 days after completion (limit 30 days)',
      path: 'sentAt',
      spans: [],
      hint: 'Send within 30 days of 2026-10-01.',
    });
  });

  it('point at every detector match, with {matched} in the message', () => {
    const body = 'Mail jo@example.com or ann@example.org today';
    const [v] = run('rule email-address error "Emails: {matched}" { forbid emails(body) }', { body });
    expect(v.message).toBe('Emails: jo@example.com, ann@example.org');
    expect(v.path).toBe('body');
    expect(v.spans.map((s) => body.slice(s.start, s.end))).toEqual(['jo@example.com', 'ann@example.org']);
  });

  it('give one violation per failing clause, each with its own path and message', () => {
    const violations = run(
      `rule contact error "Contact details" {
        forbid emails(subject) "the subject gives an email address"
        forbid emails(body)
      }`,
      { subject: 'a@b.co', body: 'c@d.co' },
    );
    expect(violations.map((v) => [v.path, v.message])).toEqual([
      ['subject', 'the subject gives an email address'],
      ['body', 'Contact details'],
    ]);
  });

  it('point at the list items that made an any/all condition fail', () => {
    const [v] = run('rule bad-attachment error "Bad: {matched}" { forbid any a in attachments: a.kind == "other" }', {
      attachments: [{ fileName: 'a.pdf', kind: 'invoice' }, { fileName: 'b.zip' }],
    });
    expect(v.path).toBe('attachments[1]');
    const [w] = run('rule pdf error "PDF only" { require all a in attachments: a.fileName endsWith ".pdf" }', {
      attachments: [{ fileName: 'a.pdf' }, { fileName: 'b.zip' }, { fileName: 'c.exe' }],
    });
    expect(w.path).toBe('attachments[1]');
  });

  it('point into the field when a detector scans a sentence', () => {
    const body = 'Thanks for your order. Leave a review and get a gift card!';
    const [v] = run(
      `phrases reviewWords = ["review"]
       phrases gifts = ["gift card"]
       rule incentive error "Incentive: {matched}" { forbid any s in sentences(body): phrases(s, reviewWords) and phrases(s, gifts) }`,
      { body },
    );
    expect(v.path).toBe('body');
    expect(v.spans).toEqual([{ path: 'body', start: 23, end: body.length, text: 'Leave a review and get a gift card!' }]);
    expect(v.message).toBe('Incentive: Leave a review and get a gift card!');
  });

  it('skip a rule whose when does not hold', () => {
    expect(run('rule r error "m" { when purpose == "review_request"  forbid true }', { purpose: 'other' })).toEqual([]);
    expect(run('rule r error "m" { when purpose == "review_request"  forbid true }', { purpose: 'review_request' })).toHaveLength(1);
  });
});

describe('fixes', () => {
  it('remove, replace and insert', () => {
    const [remove] = run('rule emoji error "Emoji" { forbid emoji(body)  fix remove }', { body: 'Thanks 😊 bye' });
    expect(remove.fix).toMatchObject({ kind: 'remove', edits: [{ path: 'body', start: 7, end: 10, text: '' }] });
    const [replace] = run('rule http error "http" { forbid any l in links(body): l.scheme == "http"  fix replace replace(match.text, "http://", "https://") }', {
      body: 'See http://www.amazon.com/help now',
    });
    expect(replace.fix?.edits).toEqual([{ path: 'body', start: 4, end: 30, text: 'https://www.amazon.com/help' }]);
    const amazonOnly = 'rule http error "http" { forbid any l in links(body): l.scheme == "http"  fix replace if match.amazon then replace(match.text, "http://", "https://") else match.text }';
    const [mixed] = run(amazonOnly, { body: 'See http://www.amazon.de/x and http://shop.example.com/y' });
    expect(mixed.fix?.edits.map((e) => e.text)).toEqual(['https://www.amazon.de/x']);
    const [external] = run(amazonOnly, { body: 'See http://shop.example.com/y' });
    expect(external.fix).toBeUndefined();
    const [insert] = run('rule id error "id" { require orderId in subject  fix insert "Order {orderId}: " into subject at start }', { subject: 'Hello' });
    expect(insert.fix?.edits).toEqual([{ path: 'subject', start: 0, end: 0, text: 'Order 114-3941689-8772232: ' }]);
  });
});

describe('input', () => {
  it('reads aliases and reports bad records with their field path', () => {
    const policy = policyOf('rule r error "m" { forbid false }');
    expect(policy.decode({ 'order-id': '1', body: 'x' }).ok).toBe(true);
    expect(policy.decode({ orderId: '1', body: 'x', attachments: [{ fileName: 'a', kind: 'zip' }] })).toEqual({
      ok: false,
      problems: [{ path: 'attachments[0].kind', message: 'expected one of instructions, warranty, invoice, other, got "zip"' }],
    });
  });
});

describe('generated code', () => {
  it('names rules by id in comments and never uses user text as identifiers', () => {
    const policy = policyOf('rule weird-id error "m" { forbid body contains "\\"); process.exit(1); //" }');
    expect(policy.output.module).toContain('// demo/weird-id (error)');
    expect(policy.output.module).toContain(JSON.stringify('"); process.exit(1); //'));
    expect(run('rule weird-id error "m" { forbid body contains "\\"); process.exit(1); //" }', { body: 'x"); process.exit(1); //' })).toHaveLength(1);
  });
});

describe('fixes on raw records', () => {
  it('edit the key the record uses, alias or loose spelling, not a new field', async () => {
    const { applyFixToRaw } = await import('../src/index.js');
    const policy = policyOf('rule emoji error "Emoji" { forbid emoji(body)  fix remove }\nrule att error "a" { forbid any a in attachments: emails(a.fileName)  fix remove }');
    const raw = { 'order-id': '1', Body: 'Thanks 😊 bye', attachments: [{ fileName: 'x a@b.co' }] };
    const decoded = policy.decode(raw);
    if (!decoded.ok) throw new Error('bad record');
    const [emoji, att] = policy.evaluate(decoded.value, evalContext());
    expect(applyFixToRaw(policy, raw, emoji.fix!)).toEqual({ 'order-id': '1', Body: 'Thanks bye', attachments: [{ fileName: 'x a@b.co' }] });
    expect(applyFixToRaw(policy, raw, att.fix!).attachments).toEqual([{ fileName: 'x' }]);
  });
});
