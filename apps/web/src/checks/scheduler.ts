/**
 * Sends the page's checks to the check worker, latest first:
 * - a new request always goes to the same worker, which drops an older one
 *   that waits, and stops one it is checking between two slices of records;
 *   if the older one is still being evaluated after STALE_GRACE_MS (one slow
 *   record), that worker is stopped and the latest goes to a fresh one, so a
 *   stale check never delays the latest edit by more than that, and the
 *   usual stale check does not cost the worker its compiled policy and its
 *   spelling dictionary, which take a second or more to build again;
 * - a check still evaluating when its time budget is spent is stopped the
 *   same way, and reported as timed out with where it was;
 * - replies for anything but the latest request are dropped, so results of
 *   an older policy and data are never reported as the current ones. The
 *   latest request may be checked again (once the spelling dictionary is
 *   ready): each run has its own budget and is reported again.
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

/** How long a stale check may still run before its worker is stopped. */
export const STALE_GRACE_MS = 200;

const REAL_TIMERS: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class CheckScheduler {
  private worker: CheckWorker | null = null;
  /** The latest request, and whether it is waiting for its result or being evaluated. */
  private latest: { id: number; job: CheckJob; state: 'waiting' | 'evaluating' | 'settled'; progress?: CheckProgress } | null = null;
  /** The request the worker is evaluating (the latest, or an older one it had already started), or null. */
  private evaluating: number | null = null;
  /** The latest check's time budget. */
  private timer: unknown = null;
  /** The grace period of a stale check that is still being evaluated. */
  private staleTimer: unknown = null;
  private nextId = 0;
  /** How many workers were started (the first, and one after each stop). */
  workersStarted = 0;
  private readonly timers: Timers;

  constructor(private readonly options: SchedulerOptions) {
    this.timers = options.timers ?? REAL_TIMERS;
  }

  /** Check this job instead of whatever was asked before. */
  request(job: CheckJob): void {
    const id = ++this.nextId;
    this.latest = { id, job, state: 'waiting' };
    this.clearTimer();
    this.ensureWorker().postMessage({ ...job, id });
    if (this.evaluating !== null) this.graceForStale();
  }

  /** Whether a check is waiting or running. */
  get busy(): boolean {
    return this.latest !== null && this.latest.state !== 'settled';
  }

  dispose(): void {
    this.stopWorker();
    this.latest = null;
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

  /** Let the stale check finish if it is quick; otherwise stop it and send the latest to a fresh worker. */
  private graceForStale(): void {
    if (this.staleTimer !== null) return;
    this.staleTimer = this.timers.set(() => {
      this.staleTimer = null;
      const latest = this.latest;
      if (this.evaluating === null || !latest || this.evaluating === latest.id) return;
      this.stopWorker();
      latest.state = 'waiting';
      this.ensureWorker().postMessage({ ...latest.job, id: latest.id });
    }, STALE_GRACE_MS);
  }

  private stopWorker(): void {
    this.clearTimer();
    this.clearStaleTimer();
    this.evaluating = null;
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

  private clearStaleTimer(): void {
    if (this.staleTimer !== null) this.timers.clear(this.staleTimer);
    this.staleTimer = null;
  }

  private receive(reply: CheckReply): void {
    if (reply.type === 'started') this.evaluating = reply.id;
    if ((reply.type === 'done' || reply.type === 'failed' || reply.type === 'dropped') && this.evaluating === reply.id) {
      this.evaluating = null;
      this.clearStaleTimer();
    }
    const latest = this.latest;
    if (!latest) return;
    if (reply.id !== latest.id) {
      // The worker started evaluating a request that is no longer wanted: it gets a short grace, then is stopped.
      if (reply.type === 'started') this.graceForStale();
      return;
    }
    switch (reply.type) {
      case 'started':
        latest.state = 'evaluating';
        latest.progress = undefined;
        this.clearTimer();
        this.timer = this.timers.set(() => this.timeOut(), this.options.budgetMs);
        return;
      case 'progress':
        latest.progress = reply.progress;
        return;
      case 'dropped':
        // Only an older request is dropped for a newer one; the latest never is.
        return;
      case 'done':
      case 'failed':
        this.clearTimer();
        latest.state = 'settled';
        this.options.onSettled(reply.type === 'done' ? { state: 'done', job: latest.job, result: reply.result } : { state: 'failed', job: latest.job, message: reply.message });
    }
  }

  private timeOut(): void {
    const latest = this.latest;
    this.timer = null;
    this.stopWorker();
    if (!latest) return;
    latest.state = 'settled';
    this.options.onSettled({ state: 'timed-out', job: latest.job, budgetMs: this.options.budgetMs, ...(latest.progress ? { progress: latest.progress } : {}) });
  }

  private crashed(message: string | undefined): void {
    const latest = this.latest;
    this.stopWorker();
    if (!latest || latest.state === 'settled') return;
    latest.state = 'settled';
    this.options.onSettled({ state: 'failed', job: latest.job, message: `The check stopped unexpectedly${message ? ` (${message})` : ''}. Change the policy or the data to check again; if it keeps happening, reload the page.` });
  }
}
