/**
 * @sellguard/engines/clickhouse: a dataset policy's metrics counted by
 * ClickHouse (down to version 18.16), on a table that already holds the
 * records — a MergeTree table, or a Distributed table over a cluster's
 * shards. ClickHouse 18 has no query parameters: the as-of day is written
 * into the query as a quoted literal. Results are read as JSONCompact over
 * the HTTP interface, which every version serves.
 */
import { createClient } from '@clickhouse/client';
import type { Report } from '@sellguard/core';
import { dialect, tableName, type ColumnStorage, type SourceColumn } from '@sellguard/core/sql';
import { checkWithSql, locateInOrder, type SqlPolicy } from './sql-run.js';
import { DbUrlError, parseDbUrl } from './db-url.js';

const d = dialect('clickhouse');

function storageOf(type: string): ColumnStorage {
  const t = type.replace(/^Nullable\((.*)\)$/, '$1').replace(/^LowCardinality\((.*)\)$/, '$1');
  if (t === 'String' || t.startsWith('FixedString')) return 'text';
  if (t.startsWith('DateTime')) return 'timestamp';
  if (t === 'Date') return 'date';
  return 'other';
}

export async function checkWithClickhouse(p: SqlPolicy, url: string, opts: { asOf: number }): Promise<Report> {
  const target = parseDbUrl(url);
  if (target.kind !== 'clickhouse') throw new DbUrlError('checkWithClickhouse needs a clickhouse:// URL');
  const client = createClient({
    url: `http://${target.host}:${target.port}`,
    ...(target.user ? { username: target.user } : {}),
    ...(target.password !== undefined ? { password: target.password } : {}),
    ...(target.database ? { database: target.database } : {}),
    log: { level: 127 as never },
    // A metric query over a large table takes as long as it takes: no client-side timeout.
    request_timeout: 24 * 3_600_000,
  });
  const all = async (sql: string): Promise<unknown[][]> => {
    try {
      const result = await client.query({ query: sql, format: 'JSONCompact' });
      return ((await result.json()) as { data: unknown[][] }).data;
    } catch (e) {
      throw new DbUrlError(`ClickHouse at ${target.where}: ${(e as Error).message.split('\n')[0]}`);
    }
  };
  try {
    const parts = target.table.split('.');
    const [database, table] = parts.length > 1 ? [parts.slice(0, -1).join('.'), parts[parts.length - 1]] : [target.database, parts[0]];
    const described = await all(`SELECT name, type FROM system.columns WHERE database = ${database ? d.str(database) : 'currentDatabase()'} AND table = ${d.str(table)}`);
    if (described.length === 0) throw new DbUrlError(`ClickHouse at ${target.where}: there is no table '${target.table}'`);
    const columns: SourceColumn[] = described.map(([name, type]) => ({ name: String(name), storage: storageOf(String(type)) }));
    return await checkWithSql(p, { dialect: d, all }, { from: tableName(d, target.table), columns }, { asOf: opts.asOf, locate: locateInOrder(p.policy, opts.asOf, target.table) });
  } finally {
    await client.close();
  }
}
