/**
 * The page's side of the check worker: the latest request wins, replies for
 * older ones are dropped, a stale check still running after a short grace is
 * stopped, a check that outruns its budget is stopped with a plain message,
 * and the next one gets a fresh worker. The worker and the
 * clock are fakes, so each step is decided by the test.
 */
import { describe, expect, it } from 'vitest';
import { budgetFrom, DEFAULT_BUDGET_MS, timedOutMessage } from '../src/checks/budget';
import type { CheckJob, CheckReply, CheckRequest, CheckResult } from '../src/checks/protocol';
import { CheckScheduler, STALE_GRACE_MS, type CheckWorker, type Settled, type Timers } from '../src/checks/scheduler';

class FakeWorker implements CheckWorker {
  received: CheckRequest[] = [];
  terminated = false;
  onmessage: ((e: { data: CheckReply }) => void) | null = null;
  onerror: ((e: { message?: string }) => void) | null = null;
  postMessage(request: CheckRequest): void {
    this.received.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: CheckReply): void {
    this.onmessage?.({ data });
  }
}

class FakeTimers implements Timers {
  pending = new Map<number, { run: () => void; ms: number }>();
  private next = 0;
  set(run: () => void, ms: number): unknown {
    this.pending.set(++this.next, { run, ms });
    return this.next;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** The budget runs out for every timer set. */
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.run();
  }
}

function setup(budgetMs = 5000) {
  const workers: FakeWorker[] = [];
  const settled: Settled[] = [];
  const timers = new FakeTimers();
  const scheduler = new CheckScheduler({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    budgetMs,
    onSettled: (s) => settled.push(s),
    timers,
  });
  return { scheduler, workers, settled, timers };
}

const job = (data: string, policy = 'policy p "P"'): CheckJob => ({ policy, others: [], data, asOf: null, explain: null, examples: false });
const result = (records: number): CheckResult => ({
  outcome: { records: [], summary: { records, checked: records, invalid: 0, withViolations: 0, violations: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {} } },
});

describe('the check scheduler', () => {
  it('reports a finished check with the job it was for', () => {
    const { scheduler, workers, settled } = setup();
    const a = job('{"body": "a"}');
    scheduler.request(a);
    const [w] = workers;
    const id = w.received[0].id;
    w.reply({ type: 'started', id });
    w.reply({ type: 'done', id, result: result(1) });
    expect(settled).toEqual([{ state: 'done', job: a, result: result(1) }]);
    expect(scheduler.busy).toBe(false);
  });

  it('drops the results of an older request that was replaced before it started', () => {
    const { scheduler, workers, settled } = setup();
    scheduler.request(job('old'));
    scheduler.request(job('new'));
    // Not yet evaluating: the same worker gets the newer request and drops the older one.
    expect(workers).toHaveLength(1);
    const [w] = workers;
    const [oldId, newId] = w.received.map((r) => r.id);
    expect(w.received.map((r) => r.data)).toEqual(['old', 'new']);
    w.reply({ type: 'done', id: oldId, result: result(7) });
    expect(settled).toEqual([]);
    w.reply({ type: 'done', id: newId, result: result(2) });
    expect(settled).toEqual([{ state: 'done', job: job('new'), result: result(2) }]);
  });

  it('lets a stale check that ends within the grace period finish, keeping the worker (and its compiled policy)', () => {
    const { scheduler, workers, settled, timers } = setup();
    scheduler.request(job('old'));
    const [w] = workers;
    w.reply({ type: 'started', id: w.received[0].id });
    scheduler.request(job('new'));
    expect(w.terminated).toBe(false);
    expect(w.received.map((r) => r.data)).toEqual(['old', 'new']);
    // Only the grace timer runs: the old check's budget was dropped.
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([STALE_GRACE_MS]);
    w.reply({ type: 'done', id: w.received[0].id, result: result(9) });
    expect(timers.pending.size).toBe(0);
    expect(settled).toEqual([]);
    w.reply({ type: 'started', id: w.received[1].id });
    w.reply({ type: 'done', id: w.received[1].id, result: result(2) });
    expect(settled).toEqual([{ state: 'done', job: job('new'), result: result(2) }]);
    expect(workers).toHaveLength(1);
  });

  it('keeps the worker when it drops a stale check part way for the newer one', () => {
    const { scheduler, workers, settled, timers } = setup();
    scheduler.request(job('old'));
    const [w] = workers;
    w.reply({ type: 'started', id: w.received[0].id });
    scheduler.request(job('new'));
    w.reply({ type: 'dropped', id: w.received[0].id });
    expect(timers.pending.size).toBe(0);
    w.reply({ type: 'started', id: w.received[1].id });
    w.reply({ type: 'done', id: w.received[1].id, result: result(1) });
    expect(settled.map((s) => s.job.data)).toEqual(['new']);
    expect(w.terminated).toBe(false);
    expect(workers).toHaveLength(1);
  });

  it('stops a worker still evaluating a stale check after the grace period, and sends the latest to a fresh one', () => {
    const { scheduler, workers, settled, timers } = setup();
    scheduler.request(job('old'));
    const first = workers[0];
    first.reply({ type: 'started', id: first.received[0].id });
    scheduler.request(job('new'));
    timers.fireAll();
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].received.map((r) => r.data)).toEqual(['new']);
    // Whatever the stopped worker still says is ignored.
    first.reply({ type: 'done', id: first.received[0].id, result: result(9) });
    expect(settled).toEqual([]);
    expect(scheduler.workersStarted).toBe(2);
  });

  it('gives the same grace to a stale request the worker starts after a newer one was sent', () => {
    const { scheduler, workers, settled, timers } = setup();
    scheduler.request(job('old'));
    scheduler.request(job('new'));
    const first = workers[0];
    first.reply({ type: 'started', id: first.received[0].id });
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([STALE_GRACE_MS]);
    timers.fireAll();
    expect(first.terminated).toBe(true);
    const again = workers[1].received;
    expect(again.map((r) => r.data)).toEqual(['new']);
    workers[1].reply({ type: 'started', id: again[0].id });
    workers[1].reply({ type: 'done', id: again[0].id, result: result(1) });
    expect(settled.map((s) => [s.state, s.job.data])).toEqual([['done', 'new']]);
  });

  it('stops a check that outruns its budget, says where it was, and starts a fresh worker for the next', () => {
    const { scheduler, workers, settled, timers } = setup(5000);
    const slow = job('slow');
    scheduler.request(slow);
    const first = workers[0];
    const id = first.received[0].id;
    first.reply({ type: 'started', id });
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([5000]);
    first.reply({ type: 'progress', id, progress: { step: 'check', record: 2, line: 3 } });
    timers.fireAll();
    expect(first.terminated).toBe(true);
    expect(settled).toEqual([{ state: 'timed-out', job: slow, budgetMs: 5000, progress: { step: 'check', record: 2, line: 3 } }]);
    expect(scheduler.busy).toBe(false);

    scheduler.request(job('small'));
    expect(workers).toHaveLength(2);
    expect(workers[1].received.map((r) => r.data)).toEqual(['small']);
  });

  it('reports the latest request again when the worker checks it again (once the dictionary is ready), each run with its budget', () => {
    const { scheduler, workers, settled, timers } = setup();
    scheduler.request(job('a'));
    const w = workers[0];
    const { id } = w.received[0];
    w.reply({ type: 'started', id });
    w.reply({ type: 'done', id, result: { ...result(1), spellingPending: true } });
    expect(timers.pending.size).toBe(0);
    w.reply({ type: 'started', id });
    expect(timers.pending.size).toBe(1);
    w.reply({ type: 'done', id, result: result(1) });
    expect(settled.map((s) => s.state === 'done' && s.result.spellingPending)).toEqual([true, undefined]);
    expect(workers).toHaveLength(1);
  });

  it('does not spend the budget while the worker prepares (compiling, loading the dictionary)', () => {
    const { scheduler, timers } = setup();
    scheduler.request(job('a'));
    expect(timers.pending.size).toBe(0);
  });

  it('keeps using the same worker while checks finish in time', () => {
    const { scheduler, workers, settled } = setup();
    for (const data of ['a', 'b', 'c']) {
      scheduler.request(job(data));
      const w = workers[0];
      const { id } = w.received.at(-1)!;
      w.reply({ type: 'started', id });
      w.reply({ type: 'done', id, result: result(1) });
    }
    expect(workers).toHaveLength(1);
    expect(settled.map((s) => s.job.data)).toEqual(['a', 'b', 'c']);
  });

  it('reports a worker that crashed as a failed check, and replaces it', () => {
    const { scheduler, workers, settled } = setup();
    scheduler.request(job('a'));
    workers[0].onerror?.({ message: 'out of memory' });
    expect(settled).toHaveLength(1);
    expect(settled[0].state).toBe('failed');
    expect((settled[0] as { message: string }).message).toMatch(/^The check stopped unexpectedly \(out of memory\)\. Change the policy or the data/);
    scheduler.request(job('b'));
    expect(workers).toHaveLength(2);
  });

  it('stops the worker when the page goes away', () => {
    const { scheduler, workers, timers } = setup();
    scheduler.request(job('a'));
    workers[0].reply({ type: 'started', id: workers[0].received[0].id });
    scheduler.dispose();
    expect(workers[0].terminated).toBe(true);
    expect(timers.pending.size).toBe(0);
  });
});

describe('the time budget', () => {
  it('is 10 seconds unless the address says otherwise', () => {
    expect(DEFAULT_BUDGET_MS).toBe(10_000);
    expect(budgetFrom('')).toBe(10_000);
    expect(budgetFrom('?budget=50')).toBe(50);
    expect(budgetFrom('?x=1&budget=1500')).toBe(1500);
    // Not a number of milliseconds: the default; too small to check anything: the smallest allowed.
    expect(budgetFrom('?budget=fast')).toBe(10_000);
    expect(budgetFrom('?budget=-3')).toBe(10_000);
    expect(budgetFrom('?budget=1')).toBe(20);
  });

  it('explains what happened, what is shown and what to do', () => {
    const message = timedOutMessage({ state: 'timed-out', job: job('x'), budgetMs: 5000, progress: { step: 'check', record: 2, line: 3 } });
    expect(message).toBe(
      'The check was stopped after 5 seconds while checking record 3 (line 3 of the data): the policy takes too long on this data. ' +
        'No results are shown, since earlier ones would not match this policy and data. ' +
        'Try smaller data (fewer or shorter records), or simplify the policy: long phrase lists with word* wildcards and complex patterns are the usual cause. ' +
        'The data is checked again as soon as you change the policy or the data.',
    );
    expect(timedOutMessage({ state: 'timed-out', job: job('x'), budgetMs: 50 })).toMatch(/^The check was stopped after 50 ms: /);
    expect(timedOutMessage({ state: 'timed-out', job: job('x'), budgetMs: 2500, progress: { step: 'examples' } })).toMatch(/^The check was stopped after 2\.5 seconds while running the policy's examples: /);
  });
});
