/**
 * `--jobs N`: N worker threads (a tinypool pool) each read, decode and check
 * their own pieces of a file (JSON lines, CSV, tab-separated), cut at record
 * boundaries by core's `filePieces`. The main thread only finds the cuts,
 * then applies the pieces' results in input order. When every report can be
 * rendered piece by piece, the threads render them too and the main thread
 * writes their text and adds up counts and metric tallies; otherwise they
 * send the records with something to report, and the main thread applies
 * suppressions and the baseline and writes the reports. So the records
 * never cross between threads, and the report is the same as on one thread,
 * record numbers and line numbers included.
 *
 * Standard input, JSON documents, UTF-16 files and files under 64 KB are
 * read on the main thread: there is nothing to cut, or starting threads
 * (each compiles the policy) would cost more than it saves.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { filePieces, pieceText, readRecords, type InputFormat, type RawRecord } from '@sellguard/core/node';
import type { CheckWorkerData, PieceResult, PieceTask } from './check-worker.js';
import { pieceCounts } from './piece-order.js';
import { handOver, handoffBuffer } from './check-handoff.js';

/** With --jobs, files below this size are still read on the main thread (nothing worth cutting). */
const SMALLEST_TO_CUT = 64 * 1024;
/** Pieces are at most this big, so results stay small and the threads stay busy to the end. */
const MAX_PIECE_BYTES = 2 * 1024 * 1024;

/**
 * Threads when --jobs is not given: one. Each worker thread costs about 40 MB before it reads anything and its
 * own heap while it works: on 200,000 seller performance reports (351 MB, a 311 MB JSON report) two threads
 * peaked at 340–370 MB against 175 MB for one, over the 200 MB a check may use, and took about 1.4 times the
 * CPU time of one thread (each thread loads the program and the policy, and collects its own garbage), so on a
 * busy machine they are not reliably faster. More threads are asked for with --jobs.
 */
export const DEFAULT_JOBS = 1;

/** The worker script next to this module: the bundle puts it beside main.js, tsc beside this file. */
function workerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'check-worker.js'), join(here, '..', 'check-worker.js')];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`the worker script of --jobs is missing (looked for ${candidates.join(', ')}); rebuild the CLI`);
  return found;
}

/** How a file can be cut: its format, CSV's delimiter and the column names; undefined when it is read whole. */
export async function cuttable(input: string, bytes: number | undefined, forced: InputFormat | undefined): Promise<Omit<PieceTask, 'piece' | 'file'> | undefined> {
  if (input === '-' || bytes === undefined || bytes < SMALLEST_TO_CUT) return undefined;
  let format: InputFormat | undefined;
  let delimiter: string | undefined;
  let header: string[] | undefined;
  const reading = readRecords(input, {
    ...(forced ? { format: forced } : {}),
    onFormat: (f, d) => {
      format = f;
      delimiter = d;
    },
    onHeader: (names) => (header = names),
  });
  // Read only as far as the header (delimited files) or the first record (JSON lines).
  for await (const _ of reading) if (format === 'jsonl' || header !== undefined) break;
  if (format === 'jsonl') return { format };
  if ((format === 'csv' || format === 'tsv') && header) return { format, ...(delimiter !== undefined ? { delimiter } : {}), header };
  return undefined;
}

export interface PieceSink {
  /** A record with something to report (or a suppression of its own), in input order; `index` is among all inputs. */
  record(rec: RawRecord, sent: PieceResult['sent'][number]): Promise<void>;
  /** Records without anything to report, and the metrics of a piece. */
  clean(count: number, tallies: PieceResult['tallies']): void;
  /** A piece rendered by its thread (see RenderData), with its counts and metrics. */
  rendered(piece: NonNullable<PieceResult['rendered']>, tallies: PieceResult['tallies']): Promise<void>;
  /** Bytes and records read, for the progress line. */
  progress(bytes: number, records: number): void;
  /** The file as the reports show it. */
  shownFile: string;
}

export interface CheckPool {
  /** Check a file on the threads; results reach `sink` in input order. Returns how many records it held. */
  checkFile(input: string, layout: Omit<PieceTask, 'piece' | 'file'>, startIndex: number, sink: PieceSink): Promise<number>;
  /** Stop the threads (also after a failure, when results are no longer wanted). */
  close(): Promise<void>;
}

function threads(jobs: number, workerData: CheckWorkerData | { handoff: SharedArrayBuffer }): Tinypool {
  return new Tinypool({
    filename: workerFile(),
    minThreads: jobs,
    maxThreads: jobs,
    workerData,
    // A young generation smaller than V8's default: each thread's heap grows less before it is collected. On a
    // 1M-row order report, 8 MB gave 307 MB peak and 32 MB 363 MB, with up to a tenth more CPU time at 8 MB.
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
  });
}

/** Threads started before the run is planned, waiting for their setup (see check-handoff.ts). */
export interface EarlyThreads {
  /** The threads, once: they get `data` (undefined when they are not `jobs` threads, or the setup does not fit). */
  take(data: CheckWorkerData, jobs: number): Tinypool | undefined;
  /** Stop the threads if nobody took them. */
  dispose(): Promise<void>;
}

export function earlyThreads(jobs: number): EarlyThreads {
  const shared = handoffBuffer();
  let pool: Tinypool | undefined = threads(jobs, { handoff: shared });
  return {
    take(data, wanted) {
      const taken = pool;
      if (!taken || wanted !== jobs || !handOver(shared, data)) return undefined;
      pool = undefined;
      return taken;
    },
    async dispose() {
      const left = pool;
      pool = undefined;
      await left?.destroy();
    },
  };
}

/** A pool of `jobs` threads checking pieces of files against one policy (the early threads when given and fit). */
export function checkPool(data: CheckWorkerData, jobs: number, early?: EarlyThreads): CheckPool {
  const pool = early?.take(data, jobs) ?? threads(jobs, data);
  return {
    async checkFile(input, layout, startIndex, sink) {
      const { size } = await stat(input);
      // About four pieces per thread, so a thread that finishes early takes another.
      const pieceBytes = Math.min(MAX_PIECE_BYTES, Math.max(SMALLEST_TO_CUT, Math.ceil(size / (jobs * 4))));
      // Pieces handed out and not yet applied, oldest first: two per thread (one being read, one queued), so a thread
      // never waits for the main thread to hand it the next piece, and memory stays flat.
      const inFlight: Array<{ bytes: number; result: Promise<PieceResult> }> = [];
      // Each piece ends after at least pieceBytes bytes (the last one aside): room for every piece, and some to spare.
      const capacity = Math.ceil(size / pieceBytes) + 16;
      const shared = data.render ? pieceCounts(capacity) : undefined;
      let seq = 0;
      let next = startIndex;
      const applyOldest = async () => {
        const { bytes, result } = inFlight.shift()!;
        const done = await result;
        if (done.rendered) {
          // Results rendered before their numbers were known get them here: `next` is the piece's first record.
          for (const p of done.rendered.pieces) {
            p.text = pieceText(p, next);
            delete p.parts;
          }
          await sink.rendered(done.rendered, done.tallies);
          sink.progress(bytes, done.records);
          next += done.records;
          return;
        }
        let clean = done.records;
        for (const s of done.sent) {
          clean--;
          const index = next + s.at;
          s.result.index = index;
          await sink.record({ index, file: input, ...(s.line !== undefined ? { line: s.line } : {}), ...(s.raw !== undefined ? { raw: s.raw } : {}) }, s);
        }
        sink.clean(clean, done.tallies);
        sink.progress(bytes, done.records);
        next += done.records;
      };
      for await (const piece of filePieces(input, { format: layout.format as 'jsonl' | 'csv' | 'tsv', pieceBytes, ...(layout.delimiter !== undefined ? { delimiter: layout.delimiter } : {}) })) {
        if (shared && seq >= capacity) throw new Error(`${input} grew while it was being read; check it again once it is complete`);
        const task: PieceTask = {
          file: input,
          format: layout.format,
          piece,
          ...(layout.delimiter !== undefined ? { delimiter: layout.delimiter } : {}),
          ...(piece.start > 0 && layout.header ? { header: layout.header } : {}),
          ...(shared ? { order: { shared, seq: seq++, startIndex }, shownFile: sink.shownFile } : {}),
        };
        const result = pool.run(task) as Promise<PieceResult>;
        // Awaited later, in order; until then a failure must not count as an unhandled rejection.
        result.catch(() => undefined);
        inFlight.push({ bytes: piece.end - piece.start, result });
        while (inFlight.length > jobs * 2) await applyOldest();
      }
      while (inFlight.length > 0) await applyOldest();
      return next - startIndex;
    },
    close: () => pool.destroy(),
  };
}
