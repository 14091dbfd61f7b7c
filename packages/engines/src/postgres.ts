/**
 * @sellguard/engines/postgres: a dataset policy's metrics counted by
 * PostgreSQL, on a table that already holds the records. One metric query
 * (the as-of day bound as $1), and the few problem rows fetched for the
 * policy's own decoder and evaluator.
 */
import pg from 'pg';
import type { Report } from '@sellguard/core';
import { dialect, tableName, type ColumnStorage, type SourceColumn } from '@sellguard/core/sql';
import { checkWithSql, locateInOrder, type SqlPolicy } from './sql-run.js';
import { DbUrlError, parseDbUrl } from './db-url.js';

const d = dialect('postgres');

function storageOf(type: string): ColumnStorage {
  if (type === 'text' || type.startsWith('character')) return 'text';
  if (type.startsWith('timestamp')) return 'timestamp';
  if (type === 'date') return 'date';
  return 'other';
}

export async function checkWithPostgres(p: SqlPolicy, url: string, opts: { asOf: number }): Promise<Report> {
  const target = parseDbUrl(url);
  if (target.kind !== 'postgres') throw new DbUrlError('checkWithPostgres needs a postgres:// URL');
  const client = new pg.Client({
    host: target.host,
    port: target.port,
    ...(target.database ? { database: target.database } : {}),
    ...(target.user ? { user: target.user } : {}),
    ...(target.password !== undefined ? { password: target.password } : {}),
  });
  try {
    await client.connect();
  } catch (e) {
    throw new DbUrlError(`cannot connect to PostgreSQL at ${target.where}: ${(e as Error).message}`);
  }
  try {
    const parts = target.table.split('.');
    const [schema, table] = parts.length > 1 ? [parts.slice(0, -1).join('.'), parts[parts.length - 1]] : [null, parts[0]];
    const described = await client.query({
      text: 'SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = coalesce($1, current_schema()) AND table_name = $2 ORDER BY ordinal_position',
      values: [schema, table],
    });
    if (described.rows.length === 0) throw new DbUrlError(`PostgreSQL at ${target.where}: there is no table '${target.table}' (or it has no columns you may read)`);
    const columns: SourceColumn[] = described.rows.map((r) => ({ name: String(r.column_name), storage: storageOf(String(r.data_type)) }));
    return await checkWithSql(
      p,
      {
        dialect: d,
        all: async (sql, asOfDay) => (await client.query({ text: sql, values: sql.includes('$1') ? [asOfDay] : [], rowMode: 'array' })).rows as unknown[][],
      },
      { from: tableName(d, target.table), columns },
      { asOf: opts.asOf, locate: locateInOrder(p.policy, opts.asOf, target.table) },
    );
  } finally {
    await client.end();
  }
}
