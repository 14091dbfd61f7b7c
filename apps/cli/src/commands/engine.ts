/**
 * `sellguard check --engine duckdb` and `--db URL`: where a dataset policy's
 * metrics are counted. The JavaScript engine streams every record through
 * Node; the SQL engines count inside DuckDB (embedded, on files), PostgreSQL
 * or ClickHouse (where the orders already live), with the same report.
 * This module only decides and dispatches; the engines are in
 * @sellguard/engines, loaded on demand so plain checks never load a driver.
 */
import { extname } from 'node:path';
import { Option, type Command } from 'commander';
import type { Report } from '@sellguard/core';
import { checkInput, InputError } from '@sellguard/core/node';
import { fullyCompiled, type RunPolicy } from '../policy-cache/load-policy.js';
import { CliError } from '../io.js';

export type EngineName = 'auto' | 'js' | 'duckdb';

export interface EngineFlags {
  engine?: EngineName;
  db?: string;
  asOf?: number;
}

export function addEngineOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--engine <engine>',
        'where dataset metrics are counted: js (every record through Node), duckdb (embedded, reads CSV, TSV, JSON lines, Parquet and globs such as "orders/*.parquet"), or auto: duckdb for policies with metrics when the inputs are Parquet or a glob (there it counts about 2.5 times as many rows per CPU-second as js on CSV), js otherwise: on CSV, TSV and JSON lines files js costs no more CPU and stays under 200 MB of memory at any size, where DuckDB needs about 250 MB (see docs/scale.md)',
      )
        .choices(['auto', 'js', 'duckdb'])
        .default('auto'),
    )
    .option('--db <url>', 'count the metrics where the orders live: postgres://host:port/db?table=orders or clickhouse://host:port/db?table=orders (user and password from the URL or PGUSER/PGPASSWORD, CLICKHOUSE_USER/CLICKHOUSE_PASSWORD)');
}

const SQL_FILE = new Set(['.csv', '.tsv', '.txt', '.tab', '.jsonl', '.ndjson', '.parquet', '.pq']);
const isGlob = (p: string) => /[*?[]/.test(p);

/**
 * Whether `auto` picks DuckDB for these inputs: Parquet files and globs, which only DuckDB reads. A CSV, TSV
 * or JSON lines file of any size stays with the JavaScript engine: on a 1,000,000-row order report it took
 * 5.3-6.1 CPU-seconds and peaked at 132-137 MB, DuckDB 14-15 CPU-seconds and 246 MB (docs/scale.md).
 */
function autoPicksDuckdb(loaded: RunPolicy, inputs: readonly string[]): boolean {
  if (!loaded.policy?.dataset || inputs.length === 0) return false;
  if (!inputs.every((i) => i !== '-' && SQL_FILE.has(extname(i).toLowerCase()))) return false;
  return inputs.some((i) => isGlob(i) || ['.parquet', '.pq'].includes(extname(i).toLowerCase()));
}

/**
 * The report counted by a SQL engine, or null when the JavaScript engine
 * should check (it was asked for, or `auto` chose it, or DuckDB cannot read
 * this input the same way: then a note says why).
 */
export async function checkWithEngine(loaded: RunPolicy, inputs: readonly string[], flags: EngineFlags & { inputFormat?: string }): Promise<Report | null> {
  const policy = loaded.policy!;
  const asOf = flags.asOf ?? Math.floor(Date.now() / 86_400_000) * 86_400_000;
  // The SQL engines translate the IR, which a policy read from the cache does not carry: compile it for them.
  const forSql = async () => ({ ir: (await fullyCompiled(loaded)).ir!, policy, source: loaded.source });
  if (flags.db) {
    if (inputs.length > 0) throw new CliError('give either input files or --db, not both');
    if (flags.engine === 'duckdb') throw new CliError('--engine duckdb reads files; --db reads a database table: use one of them');
    const { checkDatabase } = await import('./engine-db.js');
    return await checkDatabase(await forSql(), flags.db, asOf);
  }
  if (inputs.length === 0) throw new CliError('give the input files to check (or --db URL to read a database table)');
  for (const input of inputs) {
    if (isGlob(input) && input !== '-') continue;
    try {
      checkInput(input);
    } catch (e) {
      if (e instanceof InputError) throw new CliError(e.message);
      throw e;
    }
  }
  const explicit = flags.engine === 'duckdb';
  if (flags.engine === 'js' || (!explicit && !autoPicksDuckdb(loaded, inputs))) return null;
  // The error classes come from the engines' own copy of core (this command bundles another).
  const { checkWithDuckdb, EngineFallback, EngineInputError, NotPushableError } = await import('@sellguard/engines/duckdb');
  const format = flags.inputFormat as 'csv' | 'tsv' | 'jsonl' | 'json' | undefined;
  try {
    return await checkWithDuckdb(await forSql(), inputs, { asOf, ...(format ? { format } : {}) });
  } catch (e) {
    if (e instanceof NotPushableError) {
      if (!explicit) return null;
      throw new CliError(`--engine duckdb: ${e.message}. Check with --engine js instead.`);
    }
    if (e instanceof EngineFallback) {
      process.stderr.write(`sellguard: ${e.message}; checking with the JavaScript engine instead\n`);
      return null;
    }
    if (e instanceof EngineInputError) throw new CliError(e.message);
    throw e;
  }
}

