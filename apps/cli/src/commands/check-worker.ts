/**
 * A worker thread of `sellguard check --jobs N`: it loads the policy once,
 * then reads, decodes and evaluates the pieces of files it is handed (see
 * check-jobs.ts), and sends back only what the main thread needs: the
 * records with violations, problems or a suppression of their own, how many
 * records the piece held, and the piece's metric tallies. Everything that
 * depends on the order of records (suppressions, the baseline, the summary,
 * the reports) stays in the main thread.
 */
import { workerData } from 'node:worker_threads';
import { checkOne, contextFor, readRecordSuppression, readRecords, recordKey, type InputFormat, type Piece } from '@sellguard/core/node';
import { talliesOf, type MetricState } from '@sellguard/core/runtime';
import { loadPolicyForRun } from '../policy-cache/load-policy.js';

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
}

/** A piece of a file to check: the file as the main thread names it, how to read it, and which bytes. */
export interface PieceTask {
  file: string;
  format: InputFormat;
  delimiter?: string;
  /** The column names of a delimited file (for pieces after the first). */
  header?: string[];
  piece: Piece;
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
}

// tinypool passes its own data first, then the pool's `workerData`.
const { policyFile, cache, asOf, spans, suppressionField, keys } = (workerData as [unknown, CheckWorkerData])[1];
// The main thread loaded the same file without errors before starting the workers, and kept it in the
// cache of compiled policies: each thread reads it from there instead of compiling it again.
const loaded = await loadPolicyForRun(policyFile, { cache });
const policy = loaded.policy;
const ctx = contextFor([policy], { asOf });

/** Read and check one piece of a file, in order. */
export default async function checkPiece(task: PieceTask): Promise<PieceResult> {
  if (!policy) throw new Error(`the policy ${policyFile} did not compile in a worker thread`);
  const dataset = policy.dataset;
  const metrics = dataset?.start(ctx);
  const sent: SentRecord[] = [];
  let records = 0;
  const reading = readRecords(task.file, {
    format: task.format,
    ...(task.delimiter !== undefined ? { delimiter: task.delimiter } : {}),
    range: { ...task.piece, ...(task.header ? { header: task.header } : {}) },
  });
  for await (const rec of reading) {
    records++;
    const { result, decoded } = checkOne(policy, rec, ctx);
    if (dataset && decoded !== undefined && !result.invalid) dataset.add(metrics, decoded);
    const problem = result.invalid !== undefined || result.violations.length > 0;
    // A clean record is sent only when it names suppressions of its own: the main thread reports unused ones.
    const suppression = readRecordSuppression(rec.raw, suppressionField);
    if (!problem && suppression === undefined) continue;
    const raw = spans ? rec.raw : suppression !== undefined ? { [suppressionField]: (rec.raw as Record<string, unknown>)[suppressionField] } : undefined;
    sent.push({
      at: rec.index,
      line: rec.line,
      ...(raw !== undefined ? { raw } : {}),
      ...(spans && decoded !== undefined && result.violations.length > 0 ? { decoded } : {}),
      ...(keys && !result.invalid ? { key: recordKey(policy, rec.raw) } : {}),
      result,
    });
  }
  return { records, sent, ...(dataset ? { tallies: talliesOf(metrics as MetricState) } : {}) };
}
