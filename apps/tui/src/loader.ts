/**
 * Progressive checking: read the inputs as a stream, check each record with
 * core's `checkRecords` (the same code the CLI runs), and hand the UI a fresh
 * snapshot every so often. Between chunks of records the loader yields to the
 * event loop (setImmediate), so key presses are handled while a large file is
 * being read. Only records with problems are kept; clean ones are counted.
 */
import { checkRecords, MetricSeriesBuilder, SummaryBuilder, type CompiledPolicy, type EvalContext, type MetricMembership, type RawRecord, type Report } from '@sellguard/core';
import { fitsRecord, readRecords, type InputFormat } from '@sellguard/core/node';
import { GROUP_RECORDS_KEPT, groupKey, type CheckData, type FlaggedRecord, type GroupRecord, type GroupRecords, type MetricRow } from './model.js';

export interface LoaderOptions {
  format?: InputFormat;
  /** Called with a new snapshot at most every `updateMs`, and once at the end. */
  onProgress: (data: CheckData) => void;
  /** Records checked between two yields to the event loop (default 250). */
  chunkSize?: number;
  /** Also yield when a chunk took longer than this many milliseconds (default 12). */
  sliceMs?: number;
  /** Minimum time between two progress snapshots (default 100). */
  updateMs?: number;
  /** Standard input, for the input '-'. */
  stdin?: NodeJS.ReadableStream;
  now?: () => number;
}

export interface CheckRun {
  /** Resolves with the final data, or rejects with an input error (a missing file). Resolves with null when cancelled. */
  done: Promise<CheckData | null>;
  cancel(): void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function startCheck(policy: CompiledPolicy, inputs: readonly string[], ctx: EvalContext, opts: LoaderOptions): CheckRun {
  let cancelled = false;
  const now = opts.now ?? (() => performance.now());
  const chunkSize = opts.chunkSize ?? 250;
  const sliceMs = opts.sliceMs ?? 12;
  const updateMs = opts.updateMs ?? 100;
  const started = now();
  const flagged: FlaggedRecord[] = [];
  const counts = new SummaryBuilder(policy);
  // A JSON object that fits the policy's record is a record, not a holder of records (as in sellguard check).
  const fits = fitsRecord(policy);
  // Dataset policies: each metric's trend by day, and the records of each group for drilling down.
  const series = policy.dataset ? new MetricSeriesBuilder(policy.dataset, ctx) : undefined;
  const groups = new Map<string, GroupRecords>();
  let read = 0;
  let version = 0;
  let lastUpdate = -Infinity;

  const snapshot = (done: boolean, metrics?: MetricRow[]): CheckData => ({
    summary: counts.build(),
    flagged,
    ...(metrics ? { metrics } : {}),
    ...(series ? { series: series.series(), groups } : {}),
    progress: { read, elapsedMs: now() - started, done },
    version: ++version,
  });

  async function* paced(): AsyncGenerator<RawRecord> {
    let next = 0;
    let inChunk = 0;
    let sliceStart = now();
    for (const input of inputs) {
      for await (const rec of readRecords(input, { fits, ...(opts.format ? { format: opts.format } : {}), startIndex: next, ...(opts.stdin ? { stdin: opts.stdin } : {}) })) {
        if (cancelled) return;
        next = rec.index + 1;
        read++;
        yield rec;
        if (++inChunk >= chunkSize || now() - sliceStart >= sliceMs) {
          if (now() - lastUpdate >= updateMs) {
            lastUpdate = now();
            opts.onProgress(snapshot(false));
          }
          await nextTurn();
          if (cancelled) return;
          inChunk = 0;
          sliceStart = now();
        }
      }
    }
  }

  const done = (async () => {
    // Let the first frame draw before reading starts.
    await nextTurn();
    if (cancelled) return null;
    const report = await checkRecords(policy, paced(), ctx, {
      onResult: (result, raw, decoded) => {
        counts.add(result);
        if (result.invalid || result.violations.length > 0) flagged.push(raw === undefined ? result : { ...result, raw });
        if (series && decoded !== undefined && !result.invalid) keepGroups(groups, series.add(decoded), { index: result.index, line: result.line, file: result.file, raw });
      },
    });
    if (cancelled) return null;
    const metrics = metricsOf(report);
    const final = snapshot(true, metrics);
    final.summary = report.summary;
    opts.onProgress(final);
    return final;
  })();

  return {
    done,
    cancel() {
      cancelled = true;
    },
  };
}

/** File a record under every group value it counted in (keeping at most GROUP_RECORDS_KEPT of each kind). */
function keepGroups(groups: Map<string, GroupRecords>, memberships: MetricMembership[], record: GroupRecord['record']): void {
  for (const m of memberships) {
    for (const [group, value] of Object.entries(m.groups)) {
      const key = groupKey(m.metric, group, value);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { hits: [], others: [], total: 0 }));
      g.total++;
      const list = m.hit ? g.hits : g.others;
      if (list.length < GROUP_RECORDS_KEPT) list.push({ record, ...(m.hit !== undefined ? { hit: m.hit } : {}), ...(m.day ? { day: m.day } : {}) });
    }
  }
}

/** The report's metrics (dataset policies only), each under its name, in the policy's order. */
export function metricsOf(report: Pick<Report, 'metrics'>): MetricRow[] | undefined {
  return report.metrics ? Object.entries(report.metrics).map(([name, result]) => ({ name, result })) : undefined;
}

/** Records per second, rounded for display. */
export function rateOf(read: number, elapsedMs: number): number {
  if (elapsedMs <= 0) return 0;
  return Math.round((read * 1000) / elapsedMs);
}
