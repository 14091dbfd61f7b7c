/**
 * Checks a large data file off the page's thread: reads it, checks every
 * record with the same runner as the command line, and reports progress as
 * it goes, so the page stays responsive and can draw a progress bar.
 */
/// <reference lib="webworker" />
import { checkRecordsSync, compile, evalContext, renderCsv, renderJson, type RawRecord } from '@sellguard/core';
import { FORMAT_NAMES, parseData } from '../lib/data';
import { MAIN_POLICY_FILE, projectReader } from '../lib/project';
import { loadSpeller } from '../lib/spelling';
import type { CheckedRecord } from '../lib/check';
import { SHOWN_RECORDS, type CheckRequest, type WorkerMessage } from './workerProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: WorkerMessage) => scope.postMessage(m);

/** Progress is posted every this many records: often enough for a smooth bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 2_000;

scope.onmessage = async (e: MessageEvent<CheckRequest>) => {
  try {
    await run(e.data);
  } catch (err) {
    post({ type: 'failed', message: `The file could not be checked: ${err instanceof Error ? err.message : String(err)}` });
  }
};

async function run({ policy: source, others, file, asOf }: CheckRequest): Promise<void> {
  const started = performance.now();
  const compiled = compile(source, { fileName: MAIN_POLICY_FILE, readFile: projectReader(others) });
  if (!compiled.policy) {
    post({ type: 'failed', message: 'The policy has problems (see the list under it). Fix them, then open the file again.' });
    return;
  }
  const policy = compiled.policy;
  post({ type: 'progress', phase: 'reading', done: 0, total: file.size });
  const text = await file.text();
  const parsed = parseData(text, policy);
  const total = parsed.entries.length;
  const dictionary = policy.detectors.includes('spelling') ? await loadSpeller() : null;
  const ctx = evalContext({ asOf, dictionary });
  const shown: CheckedRecord[] = [];
  function* records(): Generator<RawRecord> {
    for (const entry of parsed.entries) {
      if (entry.index % PROGRESS_EVERY === 0) post({ type: 'progress', phase: 'checking', done: entry.index, total });
      yield { index: entry.index, line: entry.line, file: file.name, ...(entry.error !== undefined ? { error: entry.error } : { raw: entry.raw }) };
    }
  }
  const report = checkRecordsSync(policy, records(), ctx, {
    onResult: (result, raw) => {
      if (shown.length < SHOWN_RECORDS && (result.violations.length > 0 || result.invalid)) shown.push({ ...result, line: result.line ?? 1, raw });
    },
  });
  post({ type: 'progress', phase: 'checking', done: total, total });
  post({
    type: 'done',
    fileName: file.name,
    format: FORMAT_NAMES[parsed.format],
    summary: report.summary,
    ...(report.metrics ? { metrics: report.metrics } : {}),
    ...(report.datasetViolations ? { datasetViolations: report.datasetViolations } : {}),
    shown,
    json: new Blob([renderJson(report)], { type: 'application/json' }),
    csv: new Blob([renderCsv(report.results)], { type: 'text/csv' }),
    elapsedMs: Math.round(performance.now() - started),
  });
}
