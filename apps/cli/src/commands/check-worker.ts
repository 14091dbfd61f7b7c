/**
 * A worker thread of `sellguard check --jobs N`: it compiles the policy once,
 * then decodes and evaluates the batches of records it is handed. Everything
 * that depends on the order of records (suppressions, the baseline, metrics,
 * the summary, the reports) stays in the main thread.
 */
import { workerData } from 'node:worker_threads';
import { checkOne, contextFor, loadPolicy, type RawRecord } from '@sellguard/core/node';

export interface CheckWorkerData {
  policyFile: string;
  asOf: number | null;
  /** The reports show the text of violations (text, HTML): send decoded records back with their violations. */
  spans: boolean;
}

export interface CheckedRecord {
  result: ReturnType<typeof checkOne>['result'];
  /** Sent back only when the main thread needs it: for the metrics, or to show the text of a violation. */
  decoded?: unknown;
}

// tinypool passes its own data first, then the pool's `workerData`.
const { policyFile, asOf, spans } = (workerData as [unknown, CheckWorkerData])[1];
// The main thread compiled the same file without errors before starting the workers.
const loaded = loadPolicy(policyFile);
const policy = loaded.policy;
const ctx = contextFor([policy], { asOf });

/** Check a batch of records, in order. */
export default function checkBatch(records: RawRecord[]): CheckedRecord[] {
  if (!policy) throw new Error(`the policy ${policyFile} did not compile in a worker thread`);
  const keepDecoded = policy.dataset !== undefined;
  return records.map((rec) => {
    const { result, decoded } = checkOne(policy, rec, ctx);
    return keepDecoded || (spans && result.violations.length > 0) ? { result, decoded } : { result };
  });
}
