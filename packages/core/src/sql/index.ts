/**
 * @sellguard/core/sql: dataset policies as SQL. Browser-safe (it only
 * writes SQL text); the engines that run it live in @sellguard/engines.
 */
export { DIALECTS, dialect, isDialectName, type Dialect, type DialectName } from './dialect.js';
export { mapColumns, columnsNamedAfterFields, type SourceColumn, type ColumnStorage } from './columns.js';
export { metricQuery, rowsQuery, recordRulesPushable, NotPushableError, type QueryLayout, type QuerySource, type QueryOptions } from './query.js';
export { reportFromSql, type ResultRow, type SqlRun } from './rollup.js';
export { policySql, tableName } from './policy-sql.js';
export { queryNames, type QueryNames } from './names.js';
