/**
 * A session: one policy file and its inputs. It loads the policy, checks the
 * inputs progressively, and with `watch` does it again whenever one of the
 * files changes on disk. The UI subscribes to its state (useSyncExternalStore).
 *
 * A policy with errors never crashes the session: its diagnostics are shown,
 * and the next save that fixes it checks again.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { CompiledPolicy, Diagnostic, EvalContext, Speller } from '@sellguard/core';
import { contextFor, evalContext, loadPolicy, loadSpeller, type InputFormat } from '@sellguard/core/node';
import { startCheck, type CheckRun } from './loader.js';
import { emptyData, type CheckData, type CheckProgress } from './model.js';

export type SessionStatus = 'loading' | 'checking' | 'done' | 'policy-errors' | 'failed';

export interface SessionState {
  status: SessionStatus;
  policyFile: string;
  inputs: readonly string[];
  policy?: CompiledPolicy;
  /** What the policy is checked in (the as-of day, the speller): explanations use the same. */
  context: EvalContext;
  /** The policy's text, to show conditions and code frames. */
  policySource: string;
  /** Problems found in the policy (errors, and warnings that did not stop it). */
  diagnostics: Diagnostic[];
  /** What the screens show. During a re-check this is still the previous result. */
  data: CheckData;
  /** Progress of a re-check running behind the data on screen. */
  rechecking?: CheckProgress;
  /** A plain sentence when something could not be read (a missing file). */
  error?: string;
  watching: boolean;
  /** How many checks have finished. */
  checks: number;
}

/** What the UI needs from a session: tests hand it a fixed state. */
export interface SessionStore {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Load the policy and check again (after the analyst edited it). */
  reload?(): void;
}

export interface SessionOptions {
  policy: string;
  inputs: string[];
  format?: InputFormat;
  watch?: boolean;
  /** Wait this long after the last change before checking again (default 200 ms). */
  debounceMs?: number;
  stdin?: NodeJS.ReadableStream;
  /** Passed on to the loader (tests use small chunks). */
  chunkSize?: number;
  /** The day to check as of (UTC midnight, ms); default today. */
  asOf?: number | null;
}

export class Session implements SessionStore {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private run: CheckRun | null = null;
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | null = null;
  private disposed = false;
  /** Built the first time the policy checks spelling, then kept for every re-check. */
  private speller: Speller | undefined;

  constructor(private readonly opts: SessionOptions) {
    this.state = {
      status: 'loading',
      policyFile: opts.policy,
      inputs: opts.inputs,
      policySource: '',
      diagnostics: [],
      context: evalContext({ asOf: opts.asOf ?? null }),
      data: emptyData(),
      watching: Boolean(opts.watch),
      checks: 0,
    };
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Load and check; with `watch`, start watching the files. */
  start(): void {
    if (this.opts.watch) this.startWatching();
    this.reload();
  }

  /** Load the policy again and check all inputs again. */
  reload(): void {
    if (this.disposed) return;
    this.run?.cancel();
    this.run = null;
    let loaded;
    try {
      loaded = loadPolicy(this.opts.policy);
    } catch (e) {
      this.set({ status: 'failed', error: plainError(e), rechecking: undefined });
      return;
    }
    const { policy, diagnostics, source } = loaded;
    if (!policy) {
      this.set({ status: 'policy-errors', diagnostics, policySource: source, rechecking: undefined, error: undefined });
      return;
    }
    // The first check shows records as they arrive; a re-check keeps the old result on screen until it is done.
    const first = this.state.checks === 0 || this.state.policy === undefined;
    const context = contextFor([policy], { asOf: this.opts.asOf ?? null, speller: () => (this.speller ??= loadSpeller()) });
    this.set({
      status: 'checking',
      policy,
      context,
      policySource: source,
      diagnostics,
      error: undefined,
      ...(first ? { data: emptyData(policy.rules) } : { rechecking: { read: 0, elapsedMs: 0, done: false } }),
    });
    const run = startCheck(policy, this.opts.inputs, context, {
      ...(this.opts.format ? { format: this.opts.format } : {}),
      ...(this.opts.stdin ? { stdin: this.opts.stdin } : {}),
      ...(this.opts.chunkSize ? { chunkSize: this.opts.chunkSize } : {}),
      onProgress: (data: CheckData) => {
        if (this.run !== run) return;
        if (first) this.set({ data });
        else this.set({ rechecking: data.progress });
      },
    });
    this.run = run;
    run.done.then(
      (data) => {
        if (this.run !== run || !data) return;
        this.run = null;
        this.set({ status: 'done', data, rechecking: undefined, checks: this.state.checks + 1 });
      },
      (e: unknown) => {
        if (this.run !== run) return;
        this.run = null;
        this.set({ status: 'failed', error: plainError(e), rechecking: undefined });
      },
    );
  }

  dispose(): void {
    this.disposed = true;
    this.run?.cancel();
    this.run = null;
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
    this.watchers = [];
    this.listeners.clear();
  }

  /** Resolves when the current check (if any) has finished; for tests and scripts. */
  async settled(): Promise<void> {
    while (this.run) await this.run.done.catch(() => undefined);
  }

  /**
   * Watch the folders that hold the files, not the files themselves: editors
   * save by writing a new file and renaming it over the old one, which ends a
   * watch on the file itself.
   */
  private startWatching(): void {
    const files = [this.opts.policy, ...this.opts.inputs].filter((f) => f !== '-').map((f) => resolve(f));
    const byDir = new Map<string, Set<string>>();
    for (const f of files) {
      const dir = dirname(f);
      if (!byDir.has(dir)) byDir.set(dir, new Set());
      byDir.get(dir)!.add(basename(f));
    }
    for (const [dir, names] of byDir) {
      try {
        const w = watch(dir, (_event, name) => {
          if (name === null || names.has(name.toString())) this.changed();
        });
        w.on('error', () => undefined);
        this.watchers.push(w);
      } catch {
        // A folder that cannot be watched: the other files are still watched.
      }
    }
  }

  private changed(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.reload();
    }, this.opts.debounceMs ?? 200);
  }

  private set(patch: Partial<SessionState>): void {
    if (this.disposed) return;
    const next = { ...this.state, ...patch };
    for (const key of Object.keys(patch) as Array<keyof SessionState>) if (patch[key] === undefined) delete (next as Partial<SessionState>)[key];
    this.state = next;
    for (const l of this.listeners) l();
  }
}

/** A fixed state, for tests and for showing a report that is already complete. */
export function fixedStore(state: SessionState): SessionStore {
  return { getState: () => state, subscribe: () => () => undefined };
}

function plainError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
