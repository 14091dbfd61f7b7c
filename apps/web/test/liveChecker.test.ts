/**
 * The check worker's work, run here without a worker: the policy is compiled
 * once per text, the outcome is the same as checking on the page, the last
 * outcome is reused for a new explanation, and a request replaced while the
 * dictionary loads is never evaluated.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compile, evalContext, type Speller } from '@sellguard/core';
import { describe, expect, it } from 'vitest';
import { createLiveChecker } from '../src/checks/liveChecker';
import type { CheckJob, CheckReply } from '../src/checks/protocol';
import { checkData } from '../src/lib/check';
import { parseData } from '../src/lib/data';

const root = resolve(import.meta.dirname, '../../..');

const EMAIL_POLICY = `policy p "P"
  input Message

record Message {
  body: text
}

rule email-address error "Email addresses are not allowed: {matched}" {
  forbid emails(body)
}

example "an email is caught" {
  given { body: "write to a@b.co" }
  expect email-address
}
`;

const DATA = '{"body": "write to jo@example.com"}\n{"body": "thanks"}\n{"body": \n';

function harness(loadSpeller: () => Promise<Speller | null> = async () => null) {
  const replies: CheckReply[] = [];
  let compiles = 0;
  let spellerLoads = 0;
  const checker = createLiveChecker({
    post: (r) => replies.push(r),
    loadSpeller: () => (spellerLoads++, loadSpeller()),
    onCompile: () => compiles++,
  });
  return { checker, replies, compiles: () => compiles, spellerLoads: () => spellerLoads };
}

const job = (over: Partial<CheckJob> = {}): CheckJob => ({ policy: EMAIL_POLICY, others: [], data: DATA, asOf: null, explain: null, examples: false, ...over });
const settle = () => new Promise((r) => setTimeout(r, 0));
/** Let the checker run until it has answered request `id` (it yields between slices of records, however long they take). */
async function answered(replies: CheckReply[], id: number, times = 1): Promise<void> {
  const ends = () => replies.filter((r) => r.id === id && (r.type === 'done' || r.type === 'failed' || r.type === 'dropped')).length;
  for (let i = 0; i < 10_000 && ends() < times; i++) await settle();
}
const doneOf = (replies: CheckReply[], id: number) => replies.find((r) => r.type === 'done' && r.id === id) as Extract<CheckReply, { type: 'done' }> | undefined;

describe('the check worker', () => {
  it('finds what checking on the page finds, and says which record it is on', async () => {
    const { checker, replies } = harness();
    checker.receive({ ...job(), id: 1 });
    await answered(replies, 1);
    const policy = compile(EMAIL_POLICY).policy!;
    const expected = checkData(policy, parseData(DATA, policy), evalContext());
    expect(doneOf(replies, 1)?.result.outcome).toEqual(expected);
    expect(expected.summary.records).toBe(3);
    expect(expected.summary.withViolations).toBe(1);
    expect(expected.summary.invalid).toBe(1);
    // Started before the records, then one progress reply per record with its line.
    expect(replies[0]).toEqual({ type: 'started', id: 1 });
    const progress = replies.filter((r) => r.type === 'progress').map((r) => (r as Extract<CheckReply, { type: 'progress' }>).progress);
    expect(progress).toEqual([
      { step: 'check', record: 0, line: 1 },
      { step: 'check', record: 1, line: 2 },
      { step: 'check', record: 2, line: 3 },
    ]);
  });

  it('compiles a policy once for all the checks of it, and again only when its text changes', async () => {
    const { checker, replies, compiles } = harness();
    checker.receive({ ...job(), id: 1 });
    await answered(replies, 1);
    checker.receive({ ...job({ data: '{"body": "a@b.co"}' }), id: 2 });
    await answered(replies, 2);
    checker.receive({ ...job({ explain: 0 }), id: 3 });
    await answered(replies, 3);
    expect(compiles()).toBe(1);
    checker.receive({ ...job({ policy: EMAIL_POLICY.replace('"P"', '"Q"') }), id: 4 });
    await answered(replies, 4);
    expect(compiles()).toBe(2);
    expect(doneOf(replies, 2)?.result.outcome.summary.withViolations).toBe(1);
  });

  it("explains the chosen record and runs the policy's examples when their tabs ask", async () => {
    const { checker, replies } = harness();
    checker.receive({ ...job({ explain: 0, examples: true }), id: 1 });
    await answered(replies, 1);
    const { result } = doneOf(replies, 1)!;
    const policy = compile(EMAIL_POLICY).policy!;
    expect(result.explanation).toEqual(policy.explain({ body: 'write to jo@example.com' }, evalContext()));
    expect(result.explanation?.[0].violations).toHaveLength(1);
    expect(result.examples?.map((e) => [e.name, e.passed])).toEqual([['an email is caught', true]]);
  });

  it('gives no explanation for a record that could not be read', async () => {
    const { checker, replies } = harness();
    checker.receive({ ...job({ explain: 2 }), id: 1 });
    await answered(replies, 1);
    expect(doneOf(replies, 1)?.result.explanation).toBeUndefined();
  });

  it('applies every fix when asked, like the download button', async () => {
    const fixable = readFileSync(resolve(root, 'policies/buyer-messaging.policy'), 'utf8');
    const { checker, replies } = harness();
    checker.receive({ ...job({ policy: fixable, data: '{"orderId": "111-1234567-1234567", "subject": "Your order", "body": "Thanks! 😀 Enjoy"}\n', fixAll: true }), id: 1 });
    await answered(replies, 1);
    const fixed = doneOf(replies, 1)?.result.fixed;
    // Two rules have fixes here: the emoji is removed, and the subject gets the order number the policy asks for.
    expect(fixed?.fixed).toBe(2);
    const record = JSON.parse(fixed!.text) as { subject: string; body: string };
    expect(record.subject).toBe('Order 111-1234567-1234567: Your order');
    expect(record.body).toMatch(/^Thanks! +Enjoy$/);
  });

  it('says plainly when the policy does not compile', async () => {
    const { checker, replies } = harness();
    checker.receive({ ...job({ policy: 'policy p "P"\n  input Nope\n' }), id: 1 });
    await answered(replies, 1);
    expect(replies).toEqual([{ type: 'failed', id: 1, message: 'The policy has problems (see the list under it). Fix them to check the data.' }]);
  });

  it('never evaluates a request replaced while the policy was compiled', async () => {
    const { checker, replies } = harness();
    checker.receive({ ...job({ data: '{"body": "old"}' }), id: 1 });
    checker.receive({ ...job({ data: '{"body": "new a@b.co"}' }), id: 2 });
    await answered(replies, 2);
    await settle();
    expect(replies.filter((r) => r.id === 1)).toEqual([]);
    expect(doneOf(replies, 2)?.result.outcome.summary.withViolations).toBe(1);
  });

  it('stops a check of many records between two slices when a newer request arrives, and goes on with that one', async () => {
    const replies: CheckReply[] = [];
    let slices = 0;
    const checker = createLiveChecker({
      post: (r) => replies.push(r),
      loadSpeller: async () => null,
      sliceMs: 0,
      // One look at the messages after compiling, then one before each record (slices of 0 ms):
      // the newer request arrives at the fourth, before the third record.
      nextTask: async () => {
        if (++slices === 4) checker.receive({ ...job({ data: '{"body": "a@b.co"}' }), id: 2 });
        await Promise.resolve();
      },
    });
    const many = Array.from({ length: 50 }, (_, i) => JSON.stringify({ body: `message ${i}` })).join('\n');
    checker.receive({ ...job({ data: many }), id: 1 });
    await answered(replies, 1);
    await answered(replies, 2);
    const first = replies.filter((r) => r.id === 1);
    expect(first.at(-1)).toEqual({ type: 'dropped', id: 1 });
    expect(first.some((r) => r.type === 'done')).toBe(false);
    // It had checked two records when it stopped.
    expect(first.filter((r) => r.type === 'progress').map((r) => (r as Extract<CheckReply, { type: 'progress' }>).progress.record)).toEqual([0, 1]);
    expect(doneOf(replies, 2)?.result.outcome.summary).toMatchObject({ records: 1, withViolations: 1 });
  });

  it('checks without the dictionary while it loads, then checks the latest request again with it', async () => {
    let release: (s: Speller | null) => void = () => undefined;
    const { checker, replies, spellerLoads } = harness(() => new Promise((r) => (release = r)));
    const spelling = readFileSync(resolve(root, 'policies/buyer-messaging.policy'), 'utf8');
    const data = '{"orderId": "111-1234567-1234567", "subject": "Order 111-1234567-1234567", "body": "Thanks for your purchse"}';
    checker.receive({ ...job({ policy: spelling, data }), id: 1 });
    await answered(replies, 1);
    const first = doneOf(replies, 1)!.result;
    expect(first.spellingPending).toBe(true);
    expect(first.outcome.summary.byRule['buyer-messaging/spelling']).toBe(0);
    // A speller that knows every word but one.
    release({ isCorrect: (w) => w !== 'purchse', suggestions: () => ['purchase'] });
    await answered(replies, 1, 2);
    const runs = replies.filter((r) => r.type === 'done' && r.id === 1) as Array<Extract<CheckReply, { type: 'done' }>>;
    expect(runs).toHaveLength(2);
    expect(runs[1].result.spellingPending).toBeUndefined();
    expect(runs[1].result.outcome.summary.byRule['buyer-messaging/spelling']).toBe(1);
    expect(spellerLoads()).toBe(1);
  });
});
