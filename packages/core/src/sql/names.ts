/**
 * The names a query gives its own values: each field and the pieces of its
 * cell, the unreadable flag, the as-of day, group keys, which metrics count a
 * row, an engine's row numbers, and the layers themselves.
 *
 * A source column with one of these names must not change the answer, and
 * engines differ in which name wins: ClickHouse resolves an alias before a
 * column anywhere in the same SELECT (so a column `f0_text` read by another
 * field would be replaced by the alias, or form a cycle), and DuckDB's
 * `SELECT *, … AS sg_row` would hold two columns of one name. So every
 * generated name starts with a prefix that no source column starts with, in
 * any case (DuckDB and ClickHouse settings differ on case): `sg_`, or `sg1_`,
 * `sg2_`… when the source has columns starting with it.
 */

/** Makes the generated names of one query over these columns: `name('f0')` is e.g. `sg_f0`. */
export type QueryNames = (name: string) => string;

export function queryNames(columns: readonly { name: string }[]): QueryNames {
  const lower = columns.map((c) => c.name.toLowerCase());
  let prefix = 'sg_';
  for (let n = 1; lower.some((c) => c.startsWith(prefix)); n++) prefix = `sg${n}_`;
  return (name) => `${prefix}${name}`;
}
