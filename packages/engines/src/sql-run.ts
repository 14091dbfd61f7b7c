/**
 * What every SQL engine does the same way: run the policy's metric query,
 * then fetch the few rows that need a closer look (unreadable, or where a
 * record rule fires) and check exactly those with the policy's own decoder
 * and evaluator, so their messages are the JavaScript engine's, word for
 * word. The engines differ only in how they run a query and where rows come
 * from.
 */
import type { CompiledPolicy, IrPolicy, RecordResult, Report } from '@sellguard/core';
import { checkOne, evalContext } from '@sellguard/core';
import { metricQuery, recordRulesPushable, reportFromSql, rowsQuery, type Dialect, type QuerySource } from '@sellguard/core/sql';

/** Runs one query and returns its rows as arrays of values, by column position. */
export interface Executor {
  dialect: Dialect;
  /** `asOfDay` (YYYY-MM-DD) is bound to the dialect's parameter, when it has one. */
  all(sql: string, asOfDay: string): Promise<unknown[][]>;
}

/** A row the rows query returned: the carried columns first, then the raw cells in `source.columns` order. */
export type ProblemRow = unknown[];

/** The policy as the SQL engines need it: its checked IR and its compiled code. */
export interface SqlPolicy {
  ir: IrPolicy;
  policy: CompiledPolicy;
  source?: string;
}

export interface SqlCheckOptions {
  /** The as-of day (UTC midnight, ms). */
  asOf: number;
  /**
   * Turn the problem rows into results (index, line, file, and the policy's
   * own verdict). The default numbers them in the order the engine returned
   * them and reads each raw row as an object of its cells.
   */
  locate?: (rows: ProblemRow[], source: QuerySource) => Promise<RecordResult[]>;
  /** How many rows the engine's reader rejected while the metric query ran (`locate` reports them). */
  rejected?: () => Promise<number>;
}

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Fail early, with the rule and construct named, when a record rule has no SQL form. */
export function assertPushable(p: SqlPolicy, d: Dialect): void {
  const problem = recordRulesPushable(p.ir, d);
  if (problem) throw problem;
}

export async function checkWithSql(p: SqlPolicy, exec: Executor, source: QuerySource, opts: SqlCheckOptions): Promise<Report> {
  const d = exec.dialect;
  assertPushable(p, d);
  const asOfDay = isoDay(opts.asOf);
  const queryOpts = { asOfDay, ...(p.source !== undefined ? { policySource: p.source } : {}) };
  const { sql, layout } = metricQuery(p.ir, d, source, queryOpts);
  const rows = await exec.all(sql, asOfDay);
  const rejected = (await opts.rejected?.()) ?? 0;
  const unreadable = rows.reduce((n, r) => n + Number(r[layout.unreadable] ?? 0), 0);
  const hasRecordRules = p.ir.rules.some((r) => !r.dataset);
  let results: RecordResult[] = [];
  if (unreadable > 0 || hasRecordRules || rejected > 0) {
    const problems = await exec.all(rowsQuery(p.ir, d, source, queryOpts), asOfDay);
    results = await (opts.locate ?? locateInOrder(p.policy, opts.asOf))(problems, source);
  }
  return reportFromSql(p.policy, { rows, layout, results, asOf: opts.asOf, rejected });
}

/** Problem rows numbered as returned, each read as an object of its raw cells. */
export function locateInOrder(policy: CompiledPolicy, asOf: number, file?: string) {
  const ctx = evalContext({ asOf });
  return async (rows: ProblemRow[], source: QuerySource): Promise<RecordResult[]> => {
    const carried = source.carry?.length ?? 0;
    return rows
      .map((row, index) => {
        const raw: Record<string, unknown> = {};
        source.columns.forEach((c, i) => {
          const v = row[carried + i];
          if (v !== null && v !== undefined) raw[c.name] = typeof v === 'bigint' ? Number(v) : v;
        });
        return checkOne(policy, { index, raw, ...(file !== undefined ? { file } : {}) }, ctx).result;
      })
      .filter((r) => r.invalid || r.violations.length > 0);
  };
}
