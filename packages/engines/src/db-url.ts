/**
 * `--db postgres://user:password@host:port/db?table=orders` and
 * `--db clickhouse://host:port/db?table=orders`. User and password come from
 * the URL, else from the standard environment variables (PGUSER/PGPASSWORD,
 * CLICKHOUSE_USER/CLICKHOUSE_PASSWORD). Messages show `where` only: host,
 * port, database and table, never a user or a password.
 */
export interface DbTarget {
  kind: 'postgres' | 'clickhouse';
  host: string;
  port: number;
  database: string | undefined;
  table: string;
  user: string | undefined;
  password: string | undefined;
  /** host:port/database, table — safe to print. */
  where: string;
}

/** A database URL that cannot be used: a plain sentence, without credentials. */
export class DbUrlError extends Error {
  override name = 'DbUrlError';
}

export function parseDbUrl(text: string, env: Record<string, string | undefined> = process.env): DbTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DbUrlError('--db expects a URL such as postgres://host:5432/shop?table=orders or clickhouse://host:8123/shop?table=orders');
  }
  const scheme = url.protocol.replace(/:$/, '');
  const kind = scheme === 'postgres' || scheme === 'postgresql' ? 'postgres' : scheme === 'clickhouse' ? 'clickhouse' : undefined;
  if (!kind) throw new DbUrlError(`--db: '${scheme}' is not a database sellguard reads; use postgres:// or clickhouse://`);
  const table = url.searchParams.get('table');
  if (!table) throw new DbUrlError('--db: say which table holds the records, e.g. ?table=orders at the end of the URL');
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined;
  const port = url.port ? Number(url.port) : kind === 'postgres' ? 5432 : 8123;
  const user = url.username ? decodeURIComponent(url.username) : kind === 'postgres' ? env.PGUSER : env.CLICKHOUSE_USER;
  const password = url.password ? decodeURIComponent(url.password) : kind === 'postgres' ? env.PGPASSWORD : env.CLICKHOUSE_PASSWORD;
  const host = url.hostname || (kind === 'postgres' ? (env.PGHOST ?? 'localhost') : 'localhost');
  return { kind, host, port, database, table, user, password, where: `${host}:${port}/${database ?? ''}, table ${table}` };
}
