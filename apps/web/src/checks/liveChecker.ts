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
import { checkData } from '../lib/check';
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
}

type Compiled = { ok: true; policy: CompiledPolicy } | { ok: false; message: string };

export function createLiveChecker(deps: LiveCheckerDeps) {
  let latest: CheckRequest | null = null;
  let busy = false;
  let compiled: { key: string; value: Compiled } | null = null;
  let lastOutcome: { key: string; outcome: ReturnType<typeof checkData> } | null = null;
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
        const again = waitingForSpeller;
        waitingForSpeller = null;
        // While a request is being handled or waits, it is newer and will be checked with the dictionary anyway.
        if (again && !busy && latest === null) {
          latest = again;
          void drain();
        }
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

  /** Lets the requests that came in meanwhile arrive (the worker's message events run between tasks). */
  const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
      outcome = checkData(policy, parsed, ctx, (index) => deps.post({ type: 'progress', id: req.id, progress: { step: 'check', record: index, line: parsed.entries[index]?.line } }));
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

  async function drain(): Promise<void> {
    busy = true;
    while (latest) {
      const req = latest;
      latest = null;
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
