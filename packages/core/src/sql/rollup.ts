/**
 * From the rows of a metric query to a report: each row's parts are merged
 * into the policy's own metric accumulator, overall and per group value, and
 * the policy finishes it as it finishes a JavaScript run — same values,
 * displays, targets, statuses and rule violations.
 */
import type { CompiledPolicy, Report, RecordResult } from '../types.js';
import { policyInfo } from '../check/run.js';
import { evalContext } from '../runtime/context.js';
import { SummaryBuilder } from '../report/summary.js';
import type { QueryLayout } from './query.js';

/** A result row as a driver returns it: values by column position. */
export type ResultRow = readonly unknown[];

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Group keys as the JavaScript engine sees them: numbers and booleans as their values, so String() gives the same text. */
function key(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  return v;
}

export interface SqlRun {
  /** Rows of the metric query. */
  rows: Iterable<ResultRow>;
  layout: QueryLayout;
  /** Results of the rows that needed a closer look (unreadable, or a record rule fired), in input order. */
  results: RecordResult[];
  /** The as-of day (UTC midnight, ms). */
  asOf: number;
  /** Rows the engine's reader could not read at all (they are in `results`, not in `rows`). */
  rejected?: number;
}

/** The report of a run whose counting was done by a SQL engine. */
export function reportFromSql(policy: CompiledPolicy, run: SqlRun): Report {
  const dataset = policy.dataset;
  const state = dataset?.start(evalContext({ asOf: run.asOf }));
  let records = run.rejected ?? 0;
  let unreadable = run.rejected ?? 0;
  for (const row of run.rows) {
    records += num(row[run.layout.records]);
    unreadable += num(row[run.layout.unreadable]);
    if (!dataset) continue;
    run.layout.metrics.forEach((m, i) => {
      const tally = {
        den: num(row[m.den]),
        num: m.num === undefined ? 0 : num(row[m.num]),
        sum: m.sum === undefined ? 0 : num(row[m.sum]),
        min: m.min === undefined ? null : numOrNull(row[m.min]),
        max: m.max === undefined ? null : numOrNull(row[m.max]),
      };
      if (tally.den === 0) return;
      dataset.merge(state, i, null, tally);
      m.groups.forEach((g, gi) => dataset.merge(state, i, { index: gi, key: key(row[run.layout.groups[g].column]) }, tally));
    });
  }
  const summary = new SummaryBuilder(policy);
  for (const r of run.results) summary.add(r);
  const built0 = summary.build();
  const finished = dataset?.finish(state);
  if (finished) summary.addDataset(finished.violations);
  const built = summary.build();
  // Clean records were counted by the engine, not one by one here.
  const clean = records - built0.records;
  built.records += clean;
  built.checked += clean;
  if (built.invalid !== unreadable) throw new Error(`internal error: the SQL engine counted ${unreadable} unreadable rows but the JavaScript reader found ${built.invalid}; check with --engine js`);
  const report: Report = { policy: policyInfo(policy), summary: built, results: run.results };
  if (finished) {
    report.metrics = finished.metrics;
    report.datasetViolations = finished.violations;
  }
  return report;
}
