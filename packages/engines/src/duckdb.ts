/**
 * @sellguard/engines/duckdb: a dataset policy's metrics computed inside an
 * embedded DuckDB, reading CSV, tab-separated, JSON lines and Parquet files
 * (globs too) directly. Nothing to install or start: DuckDB runs in-process.
 *
 * Rows DuckDB cannot read (a row with too many or too few values) and rows
 * the policy's types reject are reported exactly as the JavaScript engine
 * reports them: the file is read again with the JavaScript reader to find
 * their lines and values, and those rows only are checked by the policy's
 * own code. A file DuckDB cannot parse at all (e.g. broken JSON lines, a
 * UTF-16 file) raises EngineFallback, and the caller uses the JavaScript engine.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { openSync, readSync, closeSync } from 'node:fs';
import { extname } from 'node:path';
import type { RecordResult, Report } from '@sellguard/core';
import { checkOne, evalContext } from '@sellguard/core';
import { headerNames, readRecords, sniffDelimiter, type InputFormat } from '@sellguard/core/node';
import { dialect, queryNames, type QuerySource, type SourceColumn, type ColumnStorage } from '@sellguard/core/sql';
import { checkWithSql, locateInOrder, type Executor, type ProblemRow, type SqlPolicy } from './sql-run.js';
import { EngineFallback } from './fallback.js';

export { EngineFallback };

export type FileFormat = InputFormat | 'parquet';

export interface DuckdbOptions {
  asOf: number;
  /** Read every input as this format instead of going by the extension. */
  format?: FileFormat;
}

const d = dialect('duckdb');

/** The format of a file by its extension: the JavaScript reader's, plus .parquet. */
export function fileFormat(path: string): FileFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.parquet' || ext === '.pq') return 'parquet';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv' || ext === '.txt' || ext === '.tab') return 'tsv';
  return undefined;
}

const isGlob = (p: string) => /[*?[]/.test(p);

interface InputFile {
  path: string;
  format: FileFormat;
}

/** Check the inputs (files or globs) against a dataset policy, counting inside DuckDB. */
export async function checkWithDuckdb(p: SqlPolicy, inputs: readonly string[], opts: DuckdbOptions): Promise<Report> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const files = await expand(conn, inputs, opts.format);
    const source = await describeSources(conn, files);
    const exec: Executor = {
      dialect: d,
      all: async (sql, asOfDay) => {
        try {
          const reader = await conn.runAndReadAll(sql, sql.includes('$as_of') ? { as_of: asOfDay } : undefined);
          return reader.getRowsJS() as unknown[][];
        } catch (e) {
          throw new EngineFallback(`DuckDB could not read the input: ${firstLine(e)}`);
        }
      },
    };
    return await checkWithSql(p, exec, source, {
      asOf: opts.asOf,
      rejected: () => countRejects(conn, source),
      locate: (rows, src) => (files.some((f) => f.format !== 'parquet') ? locateWithReader(p, files, rows, opts.asOf) : locateParquet(p, conn, files, rows, src, opts.asOf)),
    });
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

async function expand(conn: DuckDBConnection, inputs: readonly string[], format: FileFormat | undefined): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const input of inputs) {
    if (input === '-') throw new EngineFallback('DuckDB reads files, not standard input');
    let paths = [input];
    if (isGlob(input)) {
      const reader = await conn.runAndReadAll(`SELECT file FROM glob(${d.str(input)}) ORDER BY file`);
      paths = reader.getRowsJS().map((r) => String(r[0]));
      if (paths.length === 0) throw new EngineInputError(`no files match '${input}'`);
    }
    for (const path of paths) {
      const f = format ?? fileFormat(path);
      if (f === undefined || f === 'json') throw new EngineFallback(`DuckDB reads CSV, tab-separated, JSON lines and Parquet files; '${path}' is none of them`);
      out.push({ path, format: f });
    }
  }
  const formats = new Set(out.map((f) => (f.format === 'parquet' ? 'parquet' : 'text')));
  if (formats.size > 1) throw new EngineFallback('DuckDB checks Parquet files and text files in separate runs');
  return out;
}

/** An input that does not exist or matches nothing: a plain sentence for people. */
export class EngineInputError extends Error {
  override name = 'EngineInputError';
}

/** The first bytes of a file as text, without a UTF-8 byte-order mark (UTF-16 files fall back to the JavaScript reader). */
function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    if (n >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) throw new EngineFallback(`'${path}' is UTF-16 text, which DuckDB does not read`);
    return buf.subarray(0, n).toString('utf8').replace(/^\ufeff/, '');
  } finally {
    closeSync(fd);
  }
}

function firstNonBlankLine(text: string): string {
  return text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
}

/** One reader per file (each keeps its own header), numbered rows, all unioned by column name. */
async function describeSources(conn: DuckDBConnection, files: InputFile[]): Promise<QuerySource> {
  const columns: SourceColumn[] = [];
  const seen = new Set<string>();
  const add = (name: string, storage: ColumnStorage) => {
    if (!seen.has(name)) columns.push({ name, storage });
    seen.add(name);
  };
  // Each file's reader, with the rows to skip; numbered once every column is known (see below).
  const readers: string[] = [];
  for (const file of files) {
    const path = d.str(file.path);
    let reader: string;
    let names: string[];
    if (file.format === 'csv' || file.format === 'tsv') {
      const text = head(file.path);
      const delimiter = file.format === 'tsv' ? '\t' : sniffDelimiter(firstNonBlankLine(text));
      const quoting = file.format === 'tsv' ? `quote=''` : `quote='"', escape='"'`;
      names = headerNames(splitHeader(firstNonBlankLine(text), delimiter, file.format !== 'tsv'));
      for (const n of names) add(n, 'text');
      reader = `read_csv(${path}, header=true, delim=${d.str(delimiter)}, ${quoting}, nullstr='\u0001', store_rejects=true, auto_detect=false, columns={${names.map((n) => `${d.str(n)}: 'VARCHAR'`).join(', ')}})`;
      const blank = names.map((n) => `coalesce(regexp_matches(${d.ident(n)}, '^\\s*$'), TRUE)`).join(' AND ');
      // The JavaScript reader skips rows whose values are all blank; so does the query.
      readers.push(`(SELECT * FROM ${reader} WHERE NOT (${blank}))`);
      continue;
    }
    if (file.format === 'jsonl') {
      head(file.path);
      const described = await conn.runAndReadAll(`SELECT column_name FROM (DESCRIBE SELECT * FROM read_json(${path}, format='newline_delimited', sample_size=-1))`).catch((e) => {
        throw new EngineFallback(`DuckDB could not read '${file.path}': ${firstLine(e)}`);
      });
      names = described.getRowsJS().map((r) => String(r[0]));
      for (const n of names) add(n, 'text');
      reader = `read_json(${path}, format='newline_delimited', columns={${names.map((n) => `${d.str(n)}: 'VARCHAR'`).join(', ')}})`;
      readers.push(reader);
      continue;
    }
    const described = await conn.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${path}))`);
    for (const [name, type] of described.getRowsJS()) add(String(name), storageOf(String(type)));
    readers.push(`read_parquet(${path}, file_row_number=false)`);
  }
  // The file and row numbers get names no column of any file has (a column named sg_row must stay a column).
  const name = queryNames(columns);
  const [fileNo, rowNo] = [name('file'), name('row')];
  const parts = readers.map((reader, i) => `SELECT *, ${i} AS ${fileNo}, row_number() OVER () AS ${rowNo} FROM ${reader}`);
  return { from: `(${parts.join('\nUNION ALL BY NAME\n')}) AS ${name('source')}`, columns, carry: [fileNo, rowNo] };
}

/** The values of a CSV header line (quotes as RFC 4180 has them; no line breaks inside a header). */
function splitHeader(line: string, delimiter: string, quoted: boolean): string[] {
  if (!quoted) return line.split(delimiter);
  const out: string[] = [];
  let cell = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inQuotes) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else cell += c;
    } else if (c === '"') inQuotes = true;
    else if (c === delimiter) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}

function storageOf(type: string): ColumnStorage {
  const t = type.toUpperCase();
  if (t === 'VARCHAR') return 'text';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (t === 'DATE') return 'date';
  return 'other';
}

/** Rows DuckDB's CSV reader rejected (wrong number of values): the JavaScript reader reports them. */
async function countRejects(conn: DuckDBConnection, source: QuerySource): Promise<number> {
  if (!source.from.includes('store_rejects')) return 0;
  // One reject row per missing column: count the lines.
  const reader = await conn.runAndReadAll('SELECT count(*) FROM (SELECT DISTINCT scan_id, file_id, line FROM reject_errors)');
  return Number(reader.getRowsJS()[0][0]);
}

/**
 * Read the text files again with the JavaScript reader: its records in order
 * give every problem row its index and line, and its own error records are
 * the rows DuckDB rejected. The counts must agree, or the readers differ on
 * this file and the JavaScript engine should check it.
 */
async function locateWithReader(p: SqlPolicy, files: InputFile[], rows: ProblemRow[], asOf: number): Promise<RecordResult[]> {
  const ctx = evalContext({ asOf });
  const wanted = new Map<string, true>();
  for (const r of rows) wanted.set(`${Number(r[0])}:${Number(r[1])}`, true);
  const results: RecordResult[] = [];
  let next = 0;
  for (const [i, file] of files.entries()) {
    let good = 0;
    const format = file.format === 'parquet' ? undefined : file.format;
    for await (const rec of readRecords(file.path, { startIndex: next, ...(format ? { format } : {}) })) {
      next = rec.index + 1;
      if (rec.error !== undefined) {
        results.push(checkOne(p.policy, rec, ctx).result);
        continue;
      }
      good++;
      if (!wanted.has(`${i}:${good}`)) continue;
      const { result } = checkOne(p.policy, rec, ctx);
      if (result.invalid || result.violations.length > 0) results.push(result);
    }
  }
  return results;
}

async function locateParquet(p: SqlPolicy, conn: DuckDBConnection, files: InputFile[], rows: ProblemRow[], source: QuerySource, asOf: number): Promise<RecordResult[]> {
  const offsets: number[] = [];
  let total = 0;
  for (const f of files) {
    offsets.push(total);
    const r = await conn.runAndReadAll(`SELECT count(*) FROM read_parquet(${d.str(f.path)})`);
    total += Number(r.getRowsJS()[0][0]);
  }
  const results: RecordResult[] = [];
  for (const row of rows) {
    const [file, n] = [Number(row[0]), Number(row[1])];
    const [located] = await locateInOrder(p.policy, asOf, files[file].path)([row.map(plain)], source);
    if (located) results.push({ ...located, index: offsets[file] + n - 1 });
  }
  return results.sort((a, b) => a.index - b.index);
}

/** DuckDB values as the decoder reads them: dates and times as ISO text. */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return v;
}

/** Thrown when a rule has no SQL form; re-exported so callers test for the class this package throws. */
export { NotPushableError } from '@sellguard/core/sql';
