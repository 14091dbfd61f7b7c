/** @sellguard/engines/db: a database URL to the engine that reads it (drivers load only when used). */
import type { Report } from '@sellguard/core';
import { DbUrlError, parseDbUrl } from './db-url.js';
import type { SqlPolicy } from './sql-run.js';

export { DbUrlError, parseDbUrl };

export async function checkDatabase(p: SqlPolicy, url: string, opts: { asOf: number }): Promise<Report> {
  const target = parseDbUrl(url);
  if (target.kind === 'postgres') return (await import('./postgres.js')).checkWithPostgres(p, url, opts);
  return (await import('./clickhouse.js')).checkWithClickhouse(p, url, opts);
}

/** Thrown when a rule has no SQL form; re-exported so callers test for the class this package throws. */
export { NotPushableError } from '@sellguard/core/sql';
