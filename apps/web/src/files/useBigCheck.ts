/** Running the background check of a large file: its progress, its result, cancelling it. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PolicySource } from '../lib/project';
import type { CheckRequest, WorkerMessage } from './workerProtocol';

export type BigCheck =
  | { state: 'running'; fileName: string; phase: 'reading' | 'checking'; done: number; total: number }
  | ({ state: 'done' } & Extract<WorkerMessage, { type: 'done' }>)
  | { state: 'failed'; fileName: string; message: string };

/**
 * The background checker's script: its source file while developing, the
 * second entry of the built site otherwise (vite.config.ts), which shares its
 * chunks with the page. Told apart by this module's own address (a .ts file
 * only while developing), which unlike the build mode does not depend on
 * NODE_ENV. A plain variable, not a literal, so that Vite does not bundle a
 * second, separate copy of the checker for the worker.
 */
const WORKER_SCRIPT = new URL(import.meta.url).pathname.endsWith('.ts') ? './checkWorker.ts' : './check-worker.js';

export function useBigCheck() {
  const [check, setCheck] = useState<BigCheck | null>(null);
  const worker = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  const start = useCallback(
    (policy: string, others: PolicySource[], file: File, asOf: number | null) => {
      stop();
      const w = new Worker(new URL(WORKER_SCRIPT, import.meta.url), { type: 'module' });
      worker.current = w;
      setCheck({ state: 'running', fileName: file.name, phase: 'reading', done: 0, total: file.size });
      w.onmessage = (e: MessageEvent<WorkerMessage>) => {
        const m = e.data;
        if (m.type === 'progress') setCheck({ state: 'running', fileName: file.name, phase: m.phase, done: m.done, total: m.total });
        else {
          setCheck(m.type === 'done' ? { state: 'done', ...m } : { state: 'failed', fileName: file.name, message: m.message });
          stop();
        }
      };
      w.onerror = (e) => {
        setCheck({ state: 'failed', fileName: file.name, message: `The file could not be checked: ${e.message || 'the background check stopped'}` });
        stop();
      };
      w.postMessage({ policy, others, file, asOf } satisfies CheckRequest);
    },
    [stop],
  );

  const close = useCallback(() => {
    stop();
    setCheck(null);
  }, [stop]);

  useEffect(() => stop, [stop]);
  return { check, start, close };
}
