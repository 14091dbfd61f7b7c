/**
 * A worker thread of `sellguard check --jobs N`: it loads the policy once,
 * then reads, decodes and evaluates the pieces of files it is handed (see
 * check-jobs.ts).
 *
 * When every report can be rendered piece by piece (see `RenderData`), the
 * thread also applies the config's rule settings and the records' own
 * suppressions, and renders its results with writers of the same formats
 * and options as the main thread's: it sends back the reports' text and the
 * piece's counts, so the main thread only writes text and adds numbers up.
 * The text holds each record's number among all inputs, which depends on the
 * pieces before: each thread publishes its piece's record count in shared
 * memory as soon as it has read the piece, and waits for the counts of the
 * pieces before its own (handed out earlier, so already being read) before
 * it renders.
 *
 * Otherwise (a baseline, SARIF or HTML reports) it sends back only the
 * records with violations, problems or a suppression of their own, and the
 * main thread applies everything that depends on the order of records.
 */
import { workerData } from 'node:worker_threads';
import {
  checkOne,
  contextFor,
  ProjectRun,
  readRecordSuppression,
  readRecords,
  recordKey,
  runMeta,
  settingsFor,
  type InputFormat,
  type PieceCounts,
  type Piece,
  type ProjectConfig,
  type ProjectResult,
  type RawRecord,
  type RecordResult,
  type RecordSource,
  type RenderedPiece,
  type ReportFormat,
} from '@sellguard/core/node';
import { talliesOf, type MetricState } from '@sellguard/core/runtime';
import { loadPolicyForRun } from '../policy-cache/load-policy.js';
import { ruleDocs } from './check-plan.js';
import { errorsOnly, writerFor } from './check-writers.js';
import { pieceBase, publishPiece, type PieceOrder } from './piece-order.js';
import { receive } from './check-handoff.js';

export interface CheckWorkerData {
  policyFile: string;
  /** false with --no-cache: compile the policy here too, without reading the cache. */
  cache: boolean;
  /** The day to check as of (UTC midnight, ms), worked out once by the main thread so every thread agrees. */
  asOf: number;
  /** The reports show the text of violations (text, HTML): send decoded records back with their violations. */
  spans: boolean;
  /** The field a record names its suppressions in. */
  suppressionField: string;
  /** The main thread needs record keys (SARIF fingerprints, a baseline): work them out here, from the whole record. */
  keys: boolean;
  /** Render the reports here (every format can be rendered piece by piece, and no baseline is read or written). */
  render?: RenderData;
}

/** What the threads need to render reports exactly as the main thread would. */
export interface RenderData {
  /** The reports, in the order of the main thread's writers, with their options. */
  targets: Array<{ format: ReportFormat; color: boolean }>;
  maxRecords?: number;
  /** Several policies are checked (the JSON report nests each one). */
  several: boolean;
  /** The run's inputs as the reports show them. */
  inputs: string[];
  /** --quiet: only errors are reported. */
  quiet: boolean;
  /** The config's rule settings, and how messages name the config. */
  config?: { rules: ProjectConfig['rules']; overrides: ProjectConfig['overrides']; name: string };
}

/** A piece of a file to check: the file as the main thread names it, how to read it, and which bytes. */
export interface PieceTask {
  file: string;
  format: InputFormat;
  delimiter?: string;
  /** The column names of a delimited file (for pieces after the first). */
  header?: string[];
  piece: Piece;
  /** Where the piece stands among the file's pieces (for rendering: its first record's number). */
  order?: PieceOrder;
  /** The file as reports show it. */
  shownFile?: string;
}

/** A record the main thread must see, with its position in the piece. */
export interface SentRecord {
  /** 0-based among the piece's records. */
  at: number;
  line?: number;
  /**
   * The record as read, when the reports show the text of violations; otherwise only its suppression field (if it
   * has one): records are big, and crossing threads costs about as much as checking them.
   */
  raw?: unknown;
  decoded?: unknown;
  /** The record's key (see recordKey), when the main thread asked for keys. */
  key?: string;
  result: ReturnType<typeof checkOne>['result'];
}

export interface PieceResult {
  /** Records the piece held (all of them, also those not sent). */
  records: number;
  sent: SentRecord[];
  /** The metrics counted over the piece (see talliesOf), when the policy has metrics. */
  tallies?: ReturnType<typeof talliesOf>;
  /** When rendered here: each report's text of the piece (in the order of RenderData.targets), and its counts. */
  rendered?: { pieces: RenderedPiece[]; counts: PieceCounts };
}

// tinypool passes its own data first, then the pool's `workerData`.
// Threads started before the run was planned wait here for their setup (see check-handoff.ts).
const given = (workerData as [unknown, CheckWorkerData | { handoff: SharedArrayBuffer }])[1];
const { policyFile, cache, asOf, spans, suppressionField, keys, render } = 'handoff' in given ? receive<CheckWorkerData>(given.handoff) : given;
// The main thread loaded the same file without errors before starting the workers, and kept it in the
// cache of compiled policies: each thread reads it from there instead of compiling it again.
const loaded = await loadPolicyForRun(policyFile, { cache });
const policy = loaded.policy;
const ctx = contextFor([policy], { asOf });
// The writers render results only (see PieceWriting); the run's own meta makes their text the main thread's.
const writers = render?.targets.map((t) => {
  const w = writerFor(t.format, { color: t.color, several: render.several, ...(render.maxRecords !== undefined ? { maxRecords: render.maxRecords } : {}) });
  if (!w.pieces || !policy) throw new Error(`the ${t.format} report cannot be rendered on a worker thread`);
  const help = ruleDocs(policyFile);
  for (const _ of w.beginRun(runMeta(policy, render.inputs, { policyFile, ...(help ? { ruleHelpUri: help } : {}) })));
  return w.pieces;
});

/** A piece's results on their way to the reports' text. */
interface PieceRendering {
  /** A record with something to report (or a suppression of its own), in order; `own`: it names suppressions. */
  add(k: SentRecord, own: boolean): void;
  /**
   * The piece is read: the reports' text of the piece, and its counts. `base` gives the number of its first record,
   * waiting for the pieces before (asked only when a result needs it here; otherwise the text goes back in parts,
   * with piece-local record numbers that the main thread turns into numbers among all inputs).
   */
  finish(records: number, base: () => number): NonNullable<PieceResult['rendered']>;
}

/**
 * The config's settings, the records' own suppressions and the reports, for one piece. Where every report can
 * write a result before its number is known (PieceWriting.split), results are rendered as they come and only
 * their numbers are filled in at the end, so nothing of a record outlives it but text; records that name
 * suppressions of their own wait for their numbers (their notices say "record N"). Otherwise every result waits.
 */
function pieceRendering(task: PieceTask): PieceRendering {
  const shownFile = task.shownFile ?? task.file;
  const config = render!.config;
  // The config's settings for the piece's file, as the main thread works them out (once here: one file).
  const settings = config ? settingsFor(config, task.file, config.name) : undefined;
  let results: Array<{ result: ProjectResult; source: RecordSource }> = [];
  const run = new ProjectRun(policy!, {
    ...(config ? { settings: (file: string | undefined) => (file === task.file ? settings! : settingsFor(config, file, config.name)) } : {}),
    recordKeys: false,
    suppressionField,
    ctx,
    onResult: (result, source) => {
      const shownResult = render!.quiet ? errorsOnly(result) : result;
      if (shownResult) results.push({ result: { ...shownResult, ...(shownResult.file !== undefined ? { file: shownFile } : {}) }, source });
    },
  });
  /** Apply settings and suppressions to one record as number `index`; its results for the reports. */
  const check = (k: SentRecord, index: number) => {
    k.result.index = index;
    const rec: RawRecord = { index, file: task.file, ...(k.line !== undefined ? { line: k.line } : {}), ...(k.raw !== undefined ? { raw: k.raw } : {}) };
    results = [];
    run.addChecked(rec, { result: k.result, ...(k.decoded !== undefined ? { decoded: k.decoded } : {}) }, true);
    return results;
  };
  const now = writers!.every((w) => w.split !== undefined);
  // Per report: text, the piece-local numbers of records still to be written (as numbers), and records that wait.
  const parts: Array<Array<string | number | SentRecord>> = writers!.map(() => []);
  const waiting: SentRecord[] = [];
  let added = 0;
  let shown = 0;
  return {
    add(k, own) {
      added++;
      if (!now || own) {
        waiting.push(k);
        if (now) for (const p of parts) p.push(k);
        return;
      }
      for (const { result, source } of check(k, k.at)) {
        shown++;
        writers!.forEach((w, i) => {
          const [before, after] = w.split!(result, source);
          parts[i].push(before);
          if (after !== undefined) parts[i].push(k.at, after);
        });
      }
    },
    finish(records, baseOf) {
      run.addClean(records - added);
      if (!now) {
        const base = baseOf();
        const out = waiting.flatMap((k) => check(k, base + k.at));
        return { pieces: writers!.map((w) => w.render(out)), counts: run.pieceCounts() };
      }
      // Nothing waited: the main thread writes the numbers (no need to wait for the pieces before).
      if (waiting.length === 0) return { pieces: parts.map((p) => ({ text: '', parts: p as Array<string | number>, results: shown })), counts: run.pieceCounts() };
      // The records that waited, in order, now with their numbers (and their notices in order).
      const base = baseOf();
      const late = new Map(waiting.map((k) => [k, check(k, base + k.at)]));
      for (const r of late.values()) shown += r.length;
      const pieces = writers!.map((w, i): RenderedPiece => {
        let text = '';
        for (const p of parts[i]) {
          if (typeof p === 'string') text += p;
          else if (typeof p === 'number') text += String(base + p);
          else
            for (const { result, source } of late.get(p)!) {
              const [before, after] = w.split!(result, source);
              text += after === undefined ? before : `${before}${result.index}${after}`;
            }
        }
        return { text, results: shown };
      });
      return { pieces, counts: run.pieceCounts() };
    },
  };
}

/** Read and check one piece of a file, in order. */
export default async function checkPiece(task: PieceTask): Promise<PieceResult> {
  if (!policy || (render && !task.order)) {
    if (task.order) publishPiece(task.order, undefined);
    throw new Error(policy ? 'a piece to render came without its place among the pieces' : `the policy ${policyFile} did not compile in a worker thread`);
  }
  const dataset = policy.dataset;
  const metrics = dataset?.start(ctx);
  // Only what is needed later is kept of each record (see SentRecord): what outlives a record costs the most.
  const sent: SentRecord[] = [];
  const rendering = render ? pieceRendering(task) : undefined;
  let records = 0;
  const reading = readRecords(task.file, {
    format: task.format,
    ...(task.delimiter !== undefined ? { delimiter: task.delimiter } : {}),
    range: { ...task.piece, ...(task.header ? { header: task.header } : {}) },
  });
  try {
    for await (const rec of reading) {
      records++;
      const { result, decoded } = checkOne(policy, rec, ctx);
      if (dataset && decoded !== undefined && !result.invalid) dataset.add(metrics, decoded);
      const problem = result.invalid !== undefined || result.violations.length > 0;
      // A clean record is kept only when it names suppressions of its own: unused ones are reported.
      const suppression = readRecordSuppression(rec.raw, suppressionField);
      if (!problem && suppression === undefined) continue;
      if (rendering) rendering.add(sentRecord(rec, result, decoded, suppression), suppression !== undefined);
      else sent.push(sentRecord(rec, result, decoded, suppression));
    }
  } catch (e) {
    // The pieces after this one wait for its count: tell them it will not come.
    if (task.order) publishPiece(task.order, undefined);
    throw e;
  }
  const tallies = dataset ? { tallies: talliesOf(metrics as MetricState) } : {};
  if (rendering && task.order) {
    // This piece's count first, so that the threads rendering later pieces can go on.
    publishPiece(task.order, records);
    const order = task.order;
    return { records, sent, ...tallies, rendered: rendering.finish(records, () => pieceBase(order)) };
  }
  return { records, sent, ...tallies };
}

/** What the main thread needs of a record when it applies suppressions and writes the reports itself. */
function sentRecord(rec: RawRecord, result: RecordResult, decoded: unknown, suppression: unknown): SentRecord {
  const raw = spans ? rec.raw : suppression !== undefined ? { [suppressionField]: (rec.raw as Record<string, unknown>)[suppressionField] } : undefined;
  return {
    at: rec.index,
    ...(rec.line !== undefined ? { line: rec.line } : {}),
    ...(raw !== undefined ? { raw } : {}),
    ...(spans && decoded !== undefined && result.violations.length > 0 ? { decoded } : {}),
    ...(keys && !result.invalid ? { key: recordKey(policy!, rec.raw) } : {}),
    result,
  };
}
