/**
 * Sends the page's checks to the check worker, one at a time, latest first:
 * - a new request while an older one waits replaces it (the worker drops the
 *   older one); a new request while an older one is being evaluated stops
 *   that worker and starts a fresh one, so a stale check never delays the
 *   latest edit;
 * - a check still evaluating when its time budget is spent is stopped the
 *   same way, and reported as timed out with where it was;
 * - replies for anything but the latest request are dropped, so results of
 *   an older policy and data are never reported as the current ones.
 */
import type { CheckJob, CheckProgress, CheckReply, CheckRequest, CheckResult } from './protocol';

/** The part of a Web Worker the scheduler uses (tests pass a fake). */
export interface CheckWorker {
  postMessage(request: CheckRequest): void;
  terminate(): void;
  onmessage: ((e: { data: CheckReply }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

export type Settled =
  | { state: 'done'; job: CheckJob; result: CheckResult }
  | { state: 'failed'; job: CheckJob; message: string }
  | { state: 'timed-out'; job: CheckJob; budgetMs: number; progress?: CheckProgress };

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SchedulerOptions {
  createWorker(): CheckWorker;
  budgetMs: number;
  onSettled(settled: Settled): void;
  timers?: Timers;
}

const REAL_TIMERS: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class CheckScheduler {
  private worker: CheckWorker | null = null;
  private current: { id: number; job: CheckJob; started: boolean; progress?: CheckProgress } | null = null;
  private timer: unknown = null;
  private nextId = 0;
  /** How many workers were started (the first, and one after each stop). */
  workersStarted = 0;
  private readonly timers: Timers;

  constructor(private readonly options: SchedulerOptions) {
    this.timers = options.timers ?? REAL_TIMERS;
  }

  /** Check this job instead of whatever was asked before. */
  request(job: CheckJob): void {
    if (this.current?.started) this.stopWorker();
    const id = ++this.nextId;
    this.current = { id, job, started: false };
    this.ensureWorker().postMessage({ ...job, id });
  }

  /** Whether a check is waiting or running. */
  get busy(): boolean {
    return this.current !== null;
  }

  dispose(): void {
    this.stopWorker();
    this.current = null;
  }

  private ensureWorker(): CheckWorker {
    if (this.worker) return this.worker;
    const w = this.options.createWorker();
    this.workersStarted++;
    w.onmessage = (e) => this.receive(e.data);
    w.onerror = (e) => this.crashed(e.message);
    this.worker = w;
    return w;
  }

  private stopWorker(): void {
    this.clearTimer();
    if (!this.worker) return;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = null;
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private receive(reply: CheckReply): void {
    const cur = this.current;
    if (!cur || reply.id !== cur.id) return;
    switch (reply.type) {
      case 'started':
        cur.started = true;
        this.clearTimer();
        this.timer = this.timers.set(() => this.timeOut(), this.options.budgetMs);
        return;
      case 'progress':
        cur.progress = reply.progress;
        return;
      case 'done':
        this.clearTimer();
        this.current = null;
        this.options.onSettled({ state: 'done', job: cur.job, result: reply.result });
        return;
      case 'failed':
        this.clearTimer();
        this.current = null;
        this.options.onSettled({ state: 'failed', job: cur.job, message: reply.message });
    }
  }

  private timeOut(): void {
    const cur = this.current;
    this.timer = null;
    this.stopWorker();
    this.current = null;
    if (cur) this.options.onSettled({ state: 'timed-out', job: cur.job, budgetMs: this.options.budgetMs, ...(cur.progress ? { progress: cur.progress } : {}) });
  }

  private crashed(message: string | undefined): void {
    const cur = this.current;
    this.stopWorker();
    this.current = null;
    if (cur) this.options.onSettled({ state: 'failed', job: cur.job, message: `The check stopped unexpectedly${message ? ` (${message})` : ''}. Change the policy or the data to check again; if it keeps happening, reload the page.` });
  }
}
