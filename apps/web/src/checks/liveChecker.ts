/**
 * What the check worker does with each request, apart from the worker
 * itself (so it runs in tests too): the policy is compiled once per text
 * and reused for every check of it; the last check's outcome is reused when
 * only the explained record or the tab changed. Requests that arrive while
 * one is being prepared replace it: only the latest is evaluated.
 *
 * The spelling dictionary takes about a second to build: checks made before
 * it is ready run without it (and say so), and the latest of them is checked
 * again, under the same request, once it is ready.
 */
import { compile, evalContext, type CompiledPolicy, type Speller } from '@sellguard/core';
import { checkDataInSlices, type CheckOutcome } from '../lib/check';
import { parseData } from '../lib/data';
import { fixAll } from '../files/fixAll';
import { MAIN_POLICY_FILE, projectReader } from '../lib/project';
import type { CheckJob, CheckReply, CheckRequest } from './protocol';

export interface LiveCheckerDeps {
  post(reply: CheckReply): void;
  /** Builds the spelling dictionary; called at most once, when a policy first uses spelling. */
  loadSpeller(): Promise<Speller | null>;
  /** Counts compilations (tests watch that a policy is compiled once). */
  onCompile?(): void;
  /** A new task, so that the worker's messages are read (default: a message to itself, faster than setTimeout). */
  nextTask?(): Promise<void>;
  /** How long the check runs between two looks at the messages (default 16 ms, a frame). */
  sliceMs?: number;
}

/** A macrotask through a MessageChannel: unlike nested timeouts it is not held back by 4 ms. */
function messageTask(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: Array<() => void> = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

type Compiled = { ok: true; policy: CompiledPolicy } | { ok: false; message: string };

export function createLiveChecker(deps: LiveCheckerDeps) {
  let latest: CheckRequest | null = null;
  let busy = false;
  let compiled: { key: string; value: Compiled } | null = null;
  let lastOutcome: { key: string; outcome: CheckOutcome } | null = null;
  const nextTask = deps.nextTask ?? messageTask();
  /** The dictionary: not asked for yet, loading, or loaded (null when it could not be). */
  let speller: { state: 'none' } | { state: 'loading' } | { state: 'ready'; value: Speller | null } = { state: 'none' };
  /** The last request checked without the dictionary because it was still loading. */
  let waitingForSpeller: CheckRequest | null = null;

  function dictionary(): Speller | null | 'loading' {
    if (speller.state === 'ready') return speller.value;
    if (speller.state === 'none') {
      speller = { state: 'loading' };
      void deps.loadSpeller().then((value) => {
        speller = { state: 'ready', value };
        // The request checked without it is checked again (by drain, now or when the current one is done).
        if (!busy) void drain();
      });
    }
    return 'loading';
  }

  function compiledFor(job: CheckJob): Compiled {
    const key = JSON.stringify([job.policy, job.others]);
    if (compiled?.key === key) return compiled.value;
    deps.onCompile?.();
    const result = compile(job.policy, { fileName: MAIN_POLICY_FILE, readFile: projectReader(job.others) });
    const value: Compiled = result.policy ? { ok: true, policy: result.policy } : { ok: false, message: 'The policy has problems (see the list under it). Fix them to check the data.' };
    compiled = { key, value };
    lastOutcome = null;
    return value;
  }

  async function handle(req: CheckRequest): Promise<void> {
    const c = compiledFor(req);
    if (!c.ok) {
      deps.post({ type: 'failed', id: req.id, message: c.message });
      return;
    }
    const policy = c.policy;
    await nextTask();
    // A newer request came in while this one was compiled: this one is stale.
    if (latest !== null) return;
    const dict = policy.detectors.includes('spelling') ? dictionary() : null;
    const spellingPending = dict === 'loading';
    waitingForSpeller = spellingPending ? req : null;
    const ctx = evalContext({ asOf: req.asOf, dictionary: spellingPending ? null : dict });
    deps.post({ type: 'started', id: req.id });
    const key = JSON.stringify([req.data, req.asOf, spellingPending]);
    let outcome = lastOutcome?.key === key ? lastOutcome.outcome : undefined;
    if (!outcome) {
      const parsed = parseData(req.data, policy);
      const checked = await checkDataInSlices(policy, parsed, ctx, {
        onRecord: (index) => deps.post({ type: 'progress', id: req.id, progress: { step: 'check', record: index, line: parsed.entries[index]?.line } }),
        // A newer request arrived between two slices: this check is stale, stop it.
        stop: () => latest !== null,
        nextTask,
        ...(deps.sliceMs !== undefined ? { sliceMs: deps.sliceMs } : {}),
      });
      if (!checked) {
        deps.post({ type: 'dropped', id: req.id });
        return;
      }
      outcome = checked;
      lastOutcome = { key, outcome };
    }
    let explanation;
    const record = req.explain === null ? undefined : outcome.records[req.explain];
    if (record?.decoded !== undefined) {
      deps.post({ type: 'progress', id: req.id, progress: { step: 'explain', record: record.index, line: record.line } });
      try {
        explanation = policy.explain(record.decoded, ctx);
      } catch {
        explanation = undefined;
      }
    }
    let examples;
    if (req.examples) {
      deps.post({ type: 'progress', id: req.id, progress: { step: 'examples' } });
      try {
        examples = policy.runExamples(ctx);
      } catch {
        examples = undefined;
      }
    }
    let fixed;
    if (req.fixAll) {
      deps.post({ type: 'progress', id: req.id, progress: { step: 'fix-all' } });
      fixed = fixAll(policy, req.data, ctx);
    }
    deps.post({
      type: 'done',
      id: req.id,
      result: { outcome, ...(explanation ? { explanation } : {}), ...(examples ? { examples } : {}), ...(fixed ? { fixed } : {}), ...(spellingPending ? { spellingPending } : {}) },
    });
  }

  /** The next request to handle: the latest, else the one checked before the dictionary was ready, once it is. */
  function next(): CheckRequest | null {
    if (latest) return latest;
    if (speller.state === 'ready' && waitingForSpeller) return waitingForSpeller;
    return null;
  }

  async function drain(): Promise<void> {
    busy = true;
    for (let req = next(); req; req = next()) {
      latest = null;
      waitingForSpeller = null;
      try {
        await handle(req);
      } catch (err) {
        deps.post({ type: 'failed', id: req.id, message: `The data could not be checked: ${err instanceof Error ? err.message : String(err)}. Try smaller data, or simplify the policy.` });
      }
    }
    busy = false;
  }

  return {
    receive(req: CheckRequest): void {
      latest = req;
      if (!busy) void drain();
    },
  };
}
