/**
 * What differs between SQL engines, in one place: how identifiers and
 * strings are quoted, how the as-of date reaches the query (a bound
 * parameter, or a quoted literal where the engine has no parameters), and
 * the handful of functions whose names differ. Everything else the emitter
 * writes is plain SQL that all of them read.
 *
 * Regular expressions here are the emitter's own fixed patterns (never a
 * policy's), written in the common subset of RE2, Java and PostgreSQL regex.
 */
import { NotPushable } from './not-pushable.js';

export type DialectName = 'duckdb' | 'postgres' | 'clickhouse' | 'spark' | 'trino' | 'bigquery';

export const DIALECTS: readonly DialectName[] = ['duckdb', 'postgres', 'clickhouse', 'spark', 'trino', 'bigquery'];

export interface Dialect {
  name: DialectName;
  /** A quoted identifier (a column or a column alias). */
  ident(name: string): string;
  /** A quoted string literal. */
  str(value: string): string;
  /**
   * The as-of day as the query reads it: a placeholder when the engine binds
   * parameters, else a literal of `asOfDay` (YYYY-MM-DD).
   */
  asOfParam(asOfDay: string): string;
  /** How the parameter is bound, for the comment at the top of the query; null when there is none. */
  paramNote: string | null;
  /** Epoch milliseconds of a YYYY-MM-DD day expression (the as-of parameter). */
  dayMs(day: string): string;
  bool(value: boolean): string;
  /** Whether `text` matches `pattern` (the emitter's fixed patterns, or a policy's RE2 pattern on RE2 engines). */
  matches(text: string, pattern: string): string;
  /** The first capture group of `pattern` in `text`, or NULL/'' when it does not match (callers test `matches` first). */
  extract(text: string, pattern: string): string;
  /**
   * One regex match giving every capture group (one scan of the cell instead
   * of one per group), where the engine has it; `get` reads group `index`
   * (1-based) of the match held in column `alias`: '' or NULL when it did not take part.
   */
  groups?: { extract(text: string, pattern: string, names: string[]): string; get(alias: string, index: number, name: string): string };
  /**
   * Whether `item` is one of `literals` (already SQL literals), where the engine has a faster form
   * than IN: DuckDB turns an IN list of five or more constants into a join per list.
   */
  oneOf?(item: string, literals: string[]): string;
  /** Text to a 64-bit float (the text is already validated). */
  toDouble(text: string): string;
  /** Text to a 64-bit integer (the text is already validated digits). */
  toBigint(text: string): string;
  /** Integer division rounding down (arguments are not negative). */
  idiv(a: string, b: string): string;
  /** Remainder of a non-negative integer division. */
  mod(a: string, b: string): string;
  lower(text: string): string;
  upper(text: string): string;
  /** Leading and trailing white space removed (what JavaScript's trim() removes). */
  trim(text: string): string;
  /** The regex class of white space, in this engine's regex syntax. */
  ws: string;
  /** Whether the text is nothing but white space, where the engine has a faster way than the regex class. */
  blank?(text: string): string;
  /** Length in characters. */
  length(text: string): string;
  /** Position (1-based) of `needle` in `haystack`, 0 when absent. */
  position(haystack: string, needle: string): string;
  /** The first `n` characters, and the last `n`. */
  left(text: string, n: string): string;
  right(text: string, n: string): string;
  concat(a: string, b: string): string;
  /** A NULL of the SQL type of a policy value kind ('string', 'double', 'bigint', 'boolean'). */
  typedNull(kind: SqlKind): string;
  /** Whether the engine runs RE2 patterns (so a policy's `matches` has a SQL form). */
  re2: boolean;
  /** Rounds half away from zero to `digits` decimals. */
  round(x: string, digits: string): string;
  /** Line comment. */
  comment(text: string): string;
}

export type SqlKind = 'string' | 'double' | 'bigint' | 'boolean';

/** What JavaScript's trim() removes, as a regex character class: \x{...} for RE2 and Java, \u.... for PostgreSQL. */
const JS_WHITESPACE = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, ...Array.from({ length: 11 }, (_, i) => 0x2000 + i), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
const hex = (c: number) => c.toString(16).toUpperCase().padStart(4, '0');
export const WS_RE2 = `[${JS_WHITESPACE.map((c) => `\\x{${hex(c)}}`).join('')}]`;
export const WS_POSIX = `[${JS_WHITESPACE.map((c) => `\\u${hex(c)}`).join('')}]`;
/** The same characters as a constant expression, for btrim() (PostgreSQL folds it once; its regex engine is slow on such a class). */
const WS_CHARS = `(${JS_WHITESPACE.map((c) => `chr(${c})`).join(' || ')})`;

/** A comment cannot be closed from inside a line comment: only line breaks matter. */
const lineComment = (text: string) => `-- ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;

/** ANSI: "name" with doubled quotes; 'text' with doubled quotes. */
const ansiIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const ansiStr = (value: string) => `'${value.replace(/'/g, "''")}'`;
/** Engines where a backslash escapes inside quotes (Spark, BigQuery, ClickHouse): escape it too. */
const backslashStr = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\0/g, '\\0')}'`;
const backtick = (name: string) => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
const sparkBacktick = (name: string) => `\`${name.replace(/`/g, '``')}\``;

const common = {
  bool: (v: boolean) => (v ? 'TRUE' : 'FALSE'),
  lower: (t: string) => `lower(${t})`,
  upper: (t: string) => `upper(${t})`,
  length: (t: string) => `length(${t})`,
  concat: (a: string, b: string) => `(${a} || ${b})`,
  round: (x: string, d: string) => `round(${x}, ${d})`,
  comment: lineComment,
};

const duckdb: Dialect = {
  ...common,
  name: 'duckdb',
  ws: WS_RE2,
  ident: ansiIdent,
  str: ansiStr,
  asOfParam: () => '$as_of',
  paramNote: 'as_of: the as-of day, bound as a DATE or a YYYY-MM-DD string',
  dayMs: (day) => `(CAST(CAST(${day} AS DATE) - DATE '1970-01-01' AS BIGINT) * 86400000)`,
  matches: (t, p) => `regexp_matches(${t}, ${ansiStr(p)})`,
  extract: (t, p) => `regexp_extract(${t}, ${ansiStr(p)}, 1)`,
  groups: {
    extract: (t, p, names) => `regexp_extract(${t}, ${ansiStr(p)}, [${names.map(ansiStr).join(', ')}])`,
    get: (alias, _i, name) => `${alias}.${name}`,
  },
  oneOf: (item, literals) => `list_contains([${literals.join(', ')}], ${item})`,
  toDouble: (t) => `CAST(${t} AS DOUBLE)`,
  toBigint: (t) => `CAST(${t} AS BIGINT)`,
  idiv: (a, b) => `((${a}) // (${b}))`,
  mod: (a, b) => `((${a}) % (${b}))`,
  trim: (t) => `regexp_replace(${t}, ${ansiStr(`^${WS_RE2}+|${WS_RE2}+$`)}, '', 'g')`,
  position: (h, n) => `strpos(${h}, ${n})`,
  left: (t, n) => `left(${t}, ${n})`,
  right: (t, n) => `right(${t}, ${n})`,
  typedNull: (k) => `CAST(NULL AS ${{ string: 'VARCHAR', double: 'DOUBLE', bigint: 'BIGINT', boolean: 'BOOLEAN' }[k]})`,
  re2: true,
};

const postgres: Dialect = {
  ...common,
  name: 'postgres',
  ws: WS_POSIX,
  ident: ansiIdent,
  str: (v) => ansiStr(v.replace(/\0/g, '')),
  asOfParam: () => '$1',
  paramNote: '$1: the as-of day, bound as a date or a YYYY-MM-DD string',
  dayMs: (day) => `(CAST(CAST(${day} AS date) - DATE '1970-01-01' AS bigint) * 86400000)`,
  matches: (t, p) => `(${t} ~ ${ansiStr(p)})`,
  extract: (t, p) => `(regexp_match(${t}, ${ansiStr(p)}))[1]`,
  toDouble: (t) => `CAST(${t} AS double precision)`,
  toBigint: (t) => `CAST(${t} AS bigint)`,
  idiv: (a, b) => `div(${a}, ${b})`,
  mod: (a, b) => `mod(${a}, ${b})`,
  trim: (t) => `btrim(${t}, ${WS_CHARS})`,
  blank: (t) => `btrim(${t}, ${WS_CHARS}) = ''`,
  position: (h, n) => `strpos(${h}, ${n})`,
  left: (t, n) => `left(${t}, ${n})`,
  right: (t, n) => `right(${t}, ${n})`,
  typedNull: (k) => `CAST(NULL AS ${{ string: 'text', double: 'double precision', bigint: 'bigint', boolean: 'boolean' }[k]})`,
  round: (x, d) => `round(CAST(${x} AS numeric), ${d})::double precision`,
  re2: false,
};

/** ClickHouse, down to version 18.16: no CTEs, no query parameters, no trim(), booleans are 0/1. */
const clickhouse: Dialect = {
  ...common,
  name: 'clickhouse',
  ws: WS_RE2,
  ident: backtick,
  str: backslashStr,
  asOfParam: (day) => backslashStr(day),
  paramNote: null,
  dayMs: (day) => `(toInt64(toDate(${day})) * 86400000)`,
  bool: (v) => (v ? '1' : '0'),
  matches: (t, p) => `match(${t}, ${backslashStr(p)})`,
  extract: (t, p) => `extract(${t}, ${backslashStr(p)})`,
  // ClickHouse evaluates every CASE branch: unparsable text must give NULL, not an error.
  toDouble: (t) => `toFloat64OrNull(replaceRegexpOne(toString(${t}), '^[+]', ''))`,
  toBigint: (t) => `toInt64OrNull(toString(${t}))`,
  idiv: (a, b) => `intDiv(${a}, ${b})`,
  mod: (a, b) => `modulo(${a}, ${b})`,
  lower: (t) => `lowerUTF8(${t})`,
  upper: (t) => `upperUTF8(${t})`,
  trim: (t) => `replaceRegexpAll(${t}, ${backslashStr(`^${WS_RE2}+|${WS_RE2}+$`)}, '')`,
  length: (t) => `lengthUTF8(${t})`,
  position: (h, n) => `positionUTF8(${h}, ${n})`,
  left: (t, n) => `substringUTF8(${t}, 1, ${n})`,
  right: (t, n) => `substringUTF8(${t}, greatest(lengthUTF8(${t}) - (${n}) + 1, 1), ${n})`,
  concat: (a, b) => `concat(${a}, ${b})`,
  typedNull: (k) => `CAST(NULL AS Nullable(${{ string: 'String', double: 'Float64', bigint: 'Int64', boolean: 'UInt8' }[k]}))`,
  re2: true,
};

const spark: Dialect = {
  ...common,
  name: 'spark',
  ws: WS_RE2,
  ident: sparkBacktick,
  str: backslashStr,
  asOfParam: () => ':as_of',
  paramNote: ':as_of: the as-of day, passed as spark.sql(query, args={"as_of": "YYYY-MM-DD"})',
  dayMs: (day) => `(CAST(datediff(CAST(${day} AS DATE), DATE '1970-01-01') AS BIGINT) * 86400000)`,
  matches: (t, p) => `(${t} RLIKE ${backslashStr(p)})`,
  extract: (t, p) => `regexp_extract(${t}, ${backslashStr(p)}, 1)`,
  toDouble: (t) => `CAST(${t} AS DOUBLE)`,
  toBigint: (t) => `CAST(${t} AS BIGINT)`,
  idiv: (a, b) => `((${a}) DIV (${b}))`,
  mod: (a, b) => `pmod(${a}, ${b})`,
  trim: (t) => `regexp_replace(${t}, ${backslashStr(`^${WS_RE2}+|${WS_RE2}+$`)}, '')`,
  position: (h, n) => `instr(${h}, ${n})`,
  left: (t, n) => `substring(${t}, 1, ${n})`,
  right: (t, n) => `right(${t}, ${n})`,
  concat: (a, b) => `concat(${a}, ${b})`,
  typedNull: (k) => `CAST(NULL AS ${{ string: 'STRING', double: 'DOUBLE', bigint: 'BIGINT', boolean: 'BOOLEAN' }[k]})`,
  re2: false,
};

const trino: Dialect = {
  ...common,
  name: 'trino',
  ws: WS_RE2,
  ident: ansiIdent,
  str: ansiStr,
  asOfParam: () => '?',
  paramNote: '?: the as-of day, bound as a DATE (EXECUTE ... USING DATE \'YYYY-MM-DD\')',
  dayMs: (day) => `(date_diff('day', DATE '1970-01-01', CAST(${day} AS DATE)) * 86400000)`,
  matches: (t, p) => `regexp_like(${t}, ${ansiStr(p)})`,
  extract: (t, p) => `regexp_extract(${t}, ${ansiStr(p)}, 1)`,
  toDouble: (t) => `CAST(${t} AS DOUBLE)`,
  toBigint: (t) => `CAST(${t} AS BIGINT)`,
  idiv: (a, b) => `((${a}) / (${b}))`,
  mod: (a, b) => `mod(${a}, ${b})`,
  trim: (t) => `regexp_replace(${t}, ${ansiStr(`^${WS_RE2}+|${WS_RE2}+$`)}, '')`,
  position: (h, n) => `strpos(${h}, ${n})`,
  left: (t, n) => `substr(${t}, 1, ${n})`,
  right: (t, n) => `substr(${t}, greatest(length(${t}) - (${n}) + 1, 1))`,
  typedNull: (k) => `CAST(NULL AS ${{ string: 'VARCHAR', double: 'DOUBLE', bigint: 'BIGINT', boolean: 'BOOLEAN' }[k]})`,
  re2: false,
};

const bigquery: Dialect = {
  ...common,
  name: 'bigquery',
  ws: WS_RE2,
  // BigQuery names never hold a backtick or a backslash: refuse them rather than rely on escapes.
  ident: (name) => {
    if (/[`\\]/.test(name)) throw new NotPushable(`the name '${name}' (BigQuery names cannot hold a backtick or a backslash)`);
    return backtick(name);
  },
  str: backslashStr,
  asOfParam: () => '@as_of',
  paramNote: '@as_of: the as-of day, a DATE query parameter',
  dayMs: (day) => `(UNIX_DATE(CAST(${day} AS DATE)) * 86400000)`,
  matches: (t, p) => `REGEXP_CONTAINS(${t}, ${backslashStr(p)})`,
  extract: (t, p) => `REGEXP_EXTRACT(${t}, ${backslashStr(p)})`,
  toDouble: (t) => `CAST(${t} AS FLOAT64)`,
  toBigint: (t) => `CAST(${t} AS INT64)`,
  idiv: (a, b) => `DIV(${a}, ${b})`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  trim: (t) => `REGEXP_REPLACE(${t}, ${backslashStr(`^${WS_RE2}+|${WS_RE2}+$`)}, '')`,
  position: (h, n) => `STRPOS(${h}, ${n})`,
  left: (t, n) => `LEFT(${t}, ${n})`,
  right: (t, n) => `RIGHT(${t}, ${n})`,
  concat: (a, b) => `CONCAT(${a}, ${b})`,
  typedNull: (k) => `CAST(NULL AS ${{ string: 'STRING', double: 'FLOAT64', bigint: 'INT64', boolean: 'BOOL' }[k]})`,
  re2: true,
};

const BY_NAME: Record<DialectName, Dialect> = { duckdb, postgres, clickhouse, spark, trino, bigquery };

export function dialect(name: DialectName): Dialect {
  return BY_NAME[name];
}

export function isDialectName(name: string): name is DialectName {
  return (DIALECTS as readonly string[]).includes(name);
}
