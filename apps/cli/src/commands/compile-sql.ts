/**
 * `sellguard compile POLICY --target sql --dialect D`: print the policy's
 * metric query for a SQL engine — DuckDB, PostgreSQL, ClickHouse, Spark,
 * Trino or BigQuery — to run where the data already is.
 */
import { Option, type Command } from 'commander';
import { DIALECTS, NotPushableError, policySql, type DialectName } from '@sellguard/core/sql';
import type { LoadedPolicy } from '@sellguard/core/node';
import { CliError, EXIT } from '../io.js';

export interface SqlTargetFlags {
  target?: 'js' | 'sql';
  dialect?: DialectName;
  table?: string;
  asOf?: number;
}

export function addSqlTargetOptions(cmd: Command, asOfDate: (value: string) => number): Command {
  return cmd
    .addOption(new Option('--target <target>', 'js: a JavaScript module and its .d.ts (in --out); sql: print the metric query of a dataset policy').choices(['js', 'sql']).default('js'))
    .addOption(new Option('--dialect <dialect>', 'the SQL engine the query is for (with --target sql)').choices([...DIALECTS]).default('duckdb'))
    .option('--table <name>', 'the table holding the records, e.g. orders or sales.orders (with --target sql); its columns are named after the fields or their aliases', 'orders')
    .option('--as-of <date>', 'the day written into the query for engines without query parameters (ClickHouse); default: today', asOfDate);
}

/** Print the query; exit 2 when the policy has no metrics or a part of it has no SQL form. */
export function compileSql(loaded: LoadedPolicy, policyFile: string, flags: SqlTargetFlags): number {
  if (!loaded.ir || loaded.ir.metrics.length === 0) throw new CliError(`the policy '${policyFile}' declares no metrics: --target sql writes the queries of dataset policies`);
  const asOf = flags.asOf ?? Math.floor(Date.now() / 86_400_000) * 86_400_000;
  try {
    process.stdout.write(
      policySql(loaded.ir, flags.dialect ?? 'duckdb', { table: flags.table ?? 'orders', asOfDay: new Date(asOf).toISOString().slice(0, 10), policySource: loaded.source }),
    );
  } catch (e) {
    if (e instanceof NotPushableError) throw new CliError(`${e.message}; compile it with --target js instead`);
    throw e;
  }
  return EXIT.ok;
}
