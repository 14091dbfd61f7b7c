/** The playground's checks, run in the check worker with a time budget (see scheduler.ts). */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckJob } from './protocol';
import { CheckScheduler, type CheckWorker, type Settled } from './scheduler';

/**
 * The worker's script: its source file while developing, a fixed entry of
 * the built site otherwise (vite.config.ts), sharing its chunks with the page
 * (the same arrangement as files/useBigCheck.ts).
 */
const WORKER_SCRIPT = new URL(import.meta.url).pathname.endsWith('.ts') ? './liveWorker.ts' : './live-check-worker.js';

function startWorker(): CheckWorker {
  return new Worker(new URL(WORKER_SCRIPT, import.meta.url), { type: 'module' }) as unknown as CheckWorker;
}

/**
 * Checks `job` whenever it changes (latest wins) and returns how the latest
 * check ended, with the job it was for; `fixAll` asks for the current job
 * with every fix applied.
 */
export function useLiveCheck(job: CheckJob | null, budgetMs: number) {
  const [settled, setSettled] = useState<Settled | null>(null);
  const scheduler = useRef<CheckScheduler | null>(null);

  useEffect(() => {
    const s = new CheckScheduler({ createWorker: startWorker, budgetMs, onSettled: setSettled });
    scheduler.current = s;
    return () => {
      s.dispose();
      if (scheduler.current === s) scheduler.current = null;
    };
  }, [budgetMs]);

  useEffect(() => {
    if (job) scheduler.current?.request(job);
  }, [job, budgetMs]);

  const fixAll = useCallback(() => {
    if (job) scheduler.current?.request({ ...job, fixAll: true });
  }, [job]);

  return { settled, fixAll };
}
