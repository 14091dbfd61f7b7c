/**
 * Record-type casts: each field of the input record read from its column
 * with the same leniency as the JavaScript decoder (runtime/schema.ts) —
 * "Yes"/"true"/"1" for booleans, "2.5%" for percents, ISO dates with or
 * without a time and a zone, blank cells as missing, enum values in any case —
 * and a flag saying whether the row could not be read (a non-blank value
 * that does not parse, or a required field that is missing).
 *
 * Values come out in the runtime's form: numbers as doubles, dates and
 * datetimes as epoch milliseconds (UTC), booleans as booleans (0/1 on
 * ClickHouse), enums in their declared spelling. Dates are computed with
 * integer arithmetic from the parsed parts, so every engine agrees with the
 * JavaScript reader to the millisecond whatever its time zone settings.
 */
import type { IrField, JsonValue } from '../compile/ir.js';
import type { Dialect, SqlKind } from './dialect.js';
import type { SourceColumn } from './columns.js';
import { NotPushable } from './not-pushable.js';
import type { QueryNames } from './names.js';

/** One field as the query reads it: its value (NULL when missing) and whether its cell makes the row unreadable. */
export interface FieldCast {
  /** Parts computed in the innermost layer (regex extractions), by generated alias. */
  parts: Array<{ alias: string; sql: string }>;
  /**
   * Numbers computed once from the parts, in a layer of their own, because the value and the
   * unreadable test each read them several times and engines recompute an expression at every
   * reference (e.g. each part of a date taken out of one regex match).
   */
  numbers?: Array<{ alias: string; sql: string }>;
  value: string;
  /** A condition that is never NULL. */
  invalid: string;
  kind: SqlKind;
}

const NUM = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const TIME = String.raw`[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?`;
const ZONE = String.raw`(?:[Zz]|[Uu][Tt][Cc]|[+-]\d{2}:?\d{2})`;
const DATE_TEXT = String.raw`^\s*\d{4}-\d{2}-\d{2}(?:${TIME}\s*${ZONE}?)?\s*$`;
const D = String.raw`^\s*\d{4}-\d{2}-\d{2}`;
/** One capture group each: ClickHouse 18's extract() returns the first group only. */
const DATE_PARTS: Array<[string, string, string]> = [
  ['y', String.raw`^\s*(\d{4})-`, '0'],
  ['mo', String.raw`^\s*\d{4}-(\d{2})-`, '0'],
  ['d', String.raw`^\s*\d{4}-\d{2}-(\d{2})`, '0'],
  ['h', String.raw`${D}[Tt ](\d{2}):`, '0'],
  ['mi', String.raw`${D}[Tt ]\d{2}:(\d{2})`, '0'],
  ['s', String.raw`${D}[Tt ]\d{2}:\d{2}:(\d{2})`, '0'],
  ['zh', String.raw`${D}${TIME}\s*[+-](\d{2}):?\d{2}\s*$`, '0'],
  ['zm', String.raw`${D}${TIME}\s*[+-]\d{2}:?(\d{2})\s*$`, '0'],
];
const FRACTION = String.raw`${D}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)`;
const ZONE_SIGN = String.raw`${D}${TIME}\s*([+-])\d{2}:?\d{2}\s*$`;
/** The whole date in one pattern, every part a group: year, month, day, hour, minute, second, fraction, zone sign, zone hours, zone minutes. */
const DATE_GROUPS = String.raw`^\s*(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(?:[Zz]|[Uu][Tt][Cc]|([+-])(\d{2}):?(\d{2}))?)?\s*$`;
const GROUP_NAMES = ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'zs', 'zh', 'zm'];

const TRUE_WORDS = ['true', 'yes', 'y', '1', 't'];
const FALSE_WORDS = ['false', 'no', 'n', '0', 'f'];

const KIND: Record<string, SqlKind> = {
  string: 'string',
  text: 'string',
  enum: 'string',
  number: 'double',
  integer: 'double',
  percent: 'double',
  boolean: 'boolean',
  date: 'double',
  datetime: 'double',
};

/** A condition that is never NULL (SQL's three-valued logic made two-valued, like JavaScript's). */
export const definitely = (d: Dialect, condition: string) => `coalesce(${condition}, ${d.bool(false)})`;

/** The SQL literal of a default value in the runtime's form. */
function defaultLiteral(d: Dialect, value: JsonValue, kind: SqlKind): string {
  if (value === null) return d.typedNull(kind);
  if (typeof value === 'boolean') return d.bool(value);
  if (typeof value === 'number') return numberLiteral(value);
  if (typeof value === 'string') return d.str(value);
  throw new NotPushable('a default value that is a list or a table');
}

export function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new NotPushable('a number that is not finite');
  return Number.isInteger(n) && Math.abs(n) < 2 ** 53 ? `${n}` : `${n}`.includes('e') ? `${n}` : `${n}`;
}

/**
 * How field `i` is read from `column` (null: the source has no such column).
 * `src` is the column's SQL reference in the innermost layer; `name` makes the
 * generated names of the query (see names.ts).
 */
export function castField(d: Dialect, field: IrField, i: number, column: SourceColumn | null, src: string | null, name: QueryNames): FieldCast {
  const t = field.type;
  const kind = KIND[t.k];
  if (kind === undefined) throw new NotPushable(`the field '${field.name}' (a ${t.k}: lists, tables, records and durations have no SQL form here)`);
  const optional = field.optional || field.default !== undefined;
  const fallback = field.default !== undefined ? defaultLiteral(d, field.default, kind) : d.typedNull(kind);
  const required = !optional;
  if (column === null || src === null) {
    // No column: every row misses the field.
    return { parts: [], value: fallback, invalid: d.bool(required), kind };
  }
  const p = (part: string) => name(`f${i}_${part}`);
  if ((t.k === 'date' || t.k === 'datetime') && (column.storage === 'timestamp' || column.storage === 'date')) {
    const ms = p('ms');
    const day = t.k === 'date' ? dayFloor(ms) : ms;
    return {
      parts: [{ alias: ms, sql: nativeMs(d, src, column.storage) }],
      value: `CASE WHEN ${ms} IS NULL THEN ${fallback} ELSE ${day} END`,
      invalid: required ? `(${ms} IS NULL)` : d.bool(false),
      kind,
    };
  }
  const text = p('text');
  // The innermost layer cannot read its own aliases (PostgreSQL): its pieces read the column itself.
  const srcText = column.storage === 'text' ? src : toText(d, src);
  const parts = [{ alias: text, sql: srcText }];
  const numbers: Array<{ alias: string; sql: string }> = [];
  const textual = t.k === 'string' || t.k === 'text';
  // Blank: nothing but white space (the characters JavaScript's trim() removes).
  const blank = d.blank ? d.blank(text) : `NOT ${d.matches(text, `[^${d.ws.slice(1)}`)}`;
  const missing = textual ? (optional ? `(${text} IS NULL OR ${text} = '')` : `(${text} IS NULL)`) : `(${text} IS NULL OR ${definitely(d, blank)})`;
  let parsed: string;
  let readable: string;
  switch (t.k) {
    case 'string':
    case 'text':
      parsed = text;
      readable = d.bool(true);
      break;
    case 'number':
      parsed = d.toDouble(d.extract(text, `^\\s*(${NUM})\\s*$`));
      readable = d.matches(text, `^\\s*${NUM}\\s*$`);
      break;
    case 'integer':
      parsed = d.toDouble(d.extract(text, String.raw`^\s*([+-]?\d+(?:\.0+)?)\s*$`));
      readable = d.matches(text, String.raw`^\s*[+-]?\d+(?:\.0+)?\s*$`);
      break;
    case 'percent':
      parsed = `CASE WHEN ${d.matches(text, `^\\s*${NUM}\\s*%\\s*$`)} THEN ${d.toDouble(d.extract(text, `^\\s*(${NUM})\\s*%\\s*$`))} / 100 ELSE ${d.toDouble(d.extract(text, `^\\s*(${NUM})\\s*$`))} END`;
      readable = `(${d.matches(text, `^\\s*${NUM}\\s*%?\\s*$`)})`;
      break;
    case 'boolean': {
      parts.push({ alias: p('w'), sql: d.lower(d.trim(srcText)) });
      const word = p('w');
      const among = (words: string[]) => oneOf(d, word, words.map((w) => d.str(w)));
      parsed = `CASE WHEN ${among(TRUE_WORDS)} THEN ${d.bool(true)} WHEN ${among(FALSE_WORDS)} THEN ${d.bool(false)} END`;
      readable = among([...TRUE_WORDS, ...FALSE_WORDS]);
      break;
    }
    case 'enum': {
      parts.push({ alias: p('w'), sql: d.lower(d.trim(srcText)) });
      const word = p('w');
      const members = (t as { members: string[] }).members;
      parsed = `CASE ${members.map((m) => `WHEN ${word} = ${d.str(m.toLowerCase())} THEN ${d.str(m)}`).join(' ')} END`;
      readable = oneOf(d, word, members.map((m) => d.str(m.toLowerCase())));
      break;
    }
    case 'date':
    case 'datetime': {
      let y, mo, dd, h, mi, s, zh, zm, f, zs, matched;
      if (d.groups) {
        // One scan of the cell: the engine returns every part of the date at once.
        const g = d.groups;
        parts.push({ alias: p('g'), sql: g.extract(srcText, DATE_GROUPS, GROUP_NAMES) });
        const part = (i: number) => `nullif(${g.get(p('g'), i + 1, GROUP_NAMES[i])}, '')`;
        const whole = ['y', 'mo', 'd', 'h', 'mi', 's', 'zh', 'zm'];
        numbers.push(
          ...whole.map((name) => ({ alias: p(name), sql: d.toBigint(`coalesce(${part(GROUP_NAMES.indexOf(name))}, '0')`) })),
          { alias: p('f'), sql: d.toDouble(d.concat("'0'", `coalesce(${part(6)}, '.0')`)) },
          { alias: p('zs'), sql: `CASE WHEN ${definitely(d, `${part(7)} = '-'`)} THEN -1 ELSE 1 END` },
          { alias: p('m'), sql: `${part(0)} IS NOT NULL` },
        );
        [y, mo, dd, h, mi, s, zh, zm] = whole.map((name) => p(name));
        [f, zs, matched] = [p('f'), p('zs'), p('m')];
      } else {
        for (const [name, pattern, none] of DATE_PARTS) parts.push({ alias: p(name), sql: d.toBigint(`coalesce(nullif(${d.extract(srcText, pattern)}, ''), '${none}')`) });
        parts.push({ alias: p('f'), sql: d.toDouble(d.concat("'0'", `coalesce(nullif(${d.extract(srcText, FRACTION)}, ''), '.0')`)) });
        parts.push({ alias: p('zs'), sql: `CASE WHEN ${definitely(d, `${d.extract(srcText, ZONE_SIGN)} = '-'`)} THEN -1 ELSE 1 END` });
        [y, mo, dd, h, mi, s, zh, zm] = DATE_PARTS.map(([name]) => p(name));
        [f, zs] = [p('f'), p('zs')];
        matched = d.matches(text, DATE_TEXT);
      }
      const ms = `(${civilDays(d, y!, mo!, dd!)} * 86400000 + ((${h} * 60 + ${mi}) * 60 + ${s}) * 1000 + floor(${f} * 1000 + 0.5) - ${zs} * (${zh} * 60 + ${zm}) * 60000)`;
      parsed = t.k === 'date' ? dayFloor(ms) : ms;
      readable = `(${matched} AND ${mo} BETWEEN 1 AND 12 AND ${dd} BETWEEN 1 AND ${daysInMonth(d, y!, mo!)} AND ${h} <= 23 AND ${mi} <= 59 AND ${s} <= 60)`;
      break;
    }
    default:
      throw new NotPushable(`the field '${field.name}'`);
  }
  const ok = definitely(d, readable);
  return {
    parts,
    ...(numbers.length > 0 ? { numbers } : {}),
    value: `CASE WHEN ${missing} THEN ${fallback} WHEN ${ok} THEN ${parsed} END`,
    invalid: required ? `(${missing} OR NOT ${ok})` : `(NOT ${missing} AND NOT ${ok})`,
    kind,
  };
}

/** Whether `item` is one of the SQL literals (NULL when `item` is NULL: callers make it definite). */
const oneOf = (d: Dialect, item: string, literals: string[]) => (d.oneOf ? d.oneOf(item, literals) : `${item} IN (${literals.join(', ')})`);

/** Days since 1970-01-01 of a proleptic Gregorian date (years from 1 on), with integer arithmetic only. */
function civilDays(d: Dialect, y: string, m: string, day: string): string {
  // The year counted from March (January and February belong to the year before): (14 - m) DIV 12 is 1 for them, else 0.
  const yp = `(${y} - ${d.idiv(`14 - ${m}`, '12')})`;
  const mp = d.mod(`${m} + 9`, '12');
  return `(365 * ${yp} + ${d.idiv(yp, '4')} - ${d.idiv(yp, '100')} + ${d.idiv(yp, '400')} + ${d.idiv(`153 * ${mp} + 2`, '5')} + ${day} - 1 - 719468)`;
}

function daysInMonth(d: Dialect, y: string, m: string): string {
  const leap = `((${d.mod(y, '4')} = 0 AND ${d.mod(y, '100')} <> 0) OR ${d.mod(y, '400')} = 0)`;
  return `CASE WHEN ${m} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
}

/** The UTC day (midnight, ms) of a time in ms. */
export const dayFloor = (ms: string) => `(floor(${ms} / 86400000.0) * 86400000)`;

function toText(d: Dialect, src: string): string {
  if (d.name === 'clickhouse') return `toString(${src})`;
  if (d.name === 'bigquery' || d.name === 'spark') return `CAST(${src} AS STRING)`;
  return `CAST(${src} AS VARCHAR)`;
}

/** Epoch milliseconds of a native timestamp or date column (a timestamp without zone is UTC). */
function nativeMs(d: Dialect, src: string, storage: 'timestamp' | 'date'): string {
  switch (d.name) {
    case 'duckdb':
      return storage === 'date' ? `(CAST(${src} - DATE '1970-01-01' AS BIGINT) * 86400000)` : `epoch_ms(${src})`;
    case 'postgres':
      return `CAST(EXTRACT(EPOCH FROM ${src}) * 1000 AS double precision)`;
    case 'clickhouse':
      return storage === 'date' ? `(toFloat64(toInt64(${src})) * 86400000)` : `(toFloat64(toUnixTimestamp(${src})) * 1000)`;
    case 'spark':
      return storage === 'date' ? `(CAST(datediff(${src}, DATE '1970-01-01') AS BIGINT) * 86400000)` : `unix_millis(${src})`;
    case 'trino':
      return `(to_unixtime(${src}) * 1000)`;
    case 'bigquery':
      return storage === 'date' ? `(UNIX_DATE(${src}) * 86400000)` : `UNIX_MILLIS(${src})`;
  }
}
