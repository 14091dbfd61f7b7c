/**
 * `--jobs N`: records are decoded and evaluated by N worker threads (a
 * tinypool pool), in batches, while the main thread reads the input and
 * applies the results in input order.
 *
 * The default is one thread (no pool). Measured on 2 cores with 40,000
 * seller performance reports (70 MB of JSONL), two threads used twice the CPU
 * time of one: every worker compiles the policy, and each record crosses to a
 * worker and its result back, which costs about as much as checking it, while
 * reading, JSON.parse and the report stay on the main thread. Until workers
 * read their own share of the file, more threads only help policies whose
 * rules cost much more than reading a record (long texts, many phrase lists).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { RawRecord } from '@sellguard/core/node';
import type { CheckedRecord, CheckWorkerData } from './check-worker.js';

/** Records per message to a worker: large enough that passing messages costs little next to checking. */
const BATCH = 256;
/** Threads when --jobs is not given (see above for why one). */
export const DEFAULT_JOBS = 1;

/** The worker script next to this module: the bundle puts it beside main.js, tsc beside this file. */
function workerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'check-worker.js'), join(here, '..', 'check-worker.js')];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`the worker script of --jobs is missing (looked for ${candidates.join(', ')}); rebuild the CLI`);
  return found;
}

export interface CheckPool {
  /** Hand over a record; `apply` gets every record with its result, in input order. */
  add(rec: RawRecord): Promise<void>;
  /** Wait for the last results. */
  finish(): Promise<void>;
  /** Stop the threads (also after a failure, when results are no longer wanted). */
  close(): Promise<void>;
}

/** A pool of `jobs` threads checking records of one policy; results come back through `apply`, in input order. */
export function checkPool(data: CheckWorkerData, jobs: number, apply: (rec: RawRecord, checked: CheckedRecord) => Promise<void>): CheckPool {
  const pool = new Tinypool({ filename: workerFile(), minThreads: jobs, maxThreads: jobs, workerData: data });
  // Batches sent and not yet applied, oldest first; at most two per thread, so memory stays flat.
  const inFlight: Array<{ records: RawRecord[]; results: Promise<CheckedRecord[]> }> = [];
  let batch: RawRecord[] = [];
  const send = () => {
    if (batch.length === 0) return;
    const results = pool.run(batch) as Promise<CheckedRecord[]>;
    // Awaited later, in order; until then a failure must not count as an unhandled rejection.
    results.catch(() => undefined);
    inFlight.push({ records: batch, results });
    batch = [];
  };
  const applyOldest = async () => {
    const { records, results } = inFlight.shift()!;
    const checked = await results;
    for (let i = 0; i < records.length; i++) await apply(records[i]!, checked[i]!);
  };
  return {
    async add(rec) {
      batch.push(rec);
      if (batch.length < BATCH) return;
      send();
      while (inFlight.length > jobs * 2) await applyOldest();
    },
    async finish() {
      send();
      while (inFlight.length > 0) await applyOldest();
    },
    close: () => pool.destroy(),
  };
}
