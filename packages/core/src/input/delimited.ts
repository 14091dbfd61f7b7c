/**
 * CSV (RFC 4180: quoted fields may hold delimiters and line breaks) and
 * tab-separated records. Amazon's flat-file reports are tab-separated with
 * literal quotes (a product name may read `12" x 18"`), so in tab-separated
 * input quotes are ordinary characters. The first non-blank row is the
 * header; a row with fewer or more values than the header is reported, not
 * guessed at. Text is cut into rows by delimited-rows.ts (which reads as
 * csv-parse did, faster); this file holds how rows become records, so the
 * command line (streaming) and the playground (whole text) read a file the
 * same way. Browser-safe.
 */
import { count } from './format.js';
import type { ReadRecord } from './json.js';

/**
 * The csv-parse options the row tokenizer reads as (csv-parse stays the
 * oracle of its tests). Declared here rather than taken from csv-parse, so
 * core's published types do not depend on csv-parse's.
 */
export interface DelimitedOptions {
  delimiter: string;
  quote?: false;
  relax_quotes?: true;
  relax_column_count: true;
  skip_empty_lines: true;
  raw: true;
}

/** The csv-parse options for a format: `delimiter` is CSV's (sniffed from the header), tab-separated ignores it. */
export function delimitedOptions(format: 'csv' | 'tsv', delimiter = ','): DelimitedOptions {
  return {
    delimiter: format === 'tsv' ? '\t' : delimiter,
    ...(format === 'tsv' ? { quote: false } : { relax_quotes: true }),
    relax_column_count: true,
    skip_empty_lines: true,
    raw: true,
  };
}

/** The line a parsed row starts on: csv-parse counts the line it ends on, so count back over the line breaks inside it. */
export function rowStartLine(info: { lines: number; raw?: string }): number {
  const raw = (info.raw ?? '').replace(/^\n+/, '').replace(/\n$/, '');
  return info.lines - count(raw, '\n');
}

/** The values of a row as csv-parse hands them to `on_record` (with `raw: true` they come wrapped). */
export function rowValues(record: unknown): string[] {
  return (Array.isArray(record) ? record : (record as { record: string[] }).record) as string[];
}

/** Turns rows into records: the first non-blank row names the columns. */
export class DelimitedRecords {
  header: string[] | undefined;
  /** Whether the header has a column named `__proto__` (worked out on the first record). */
  private protoColumn: boolean | undefined;

  /** `what` names the input in messages ("'orders.csv'"); `header`: the column names, for a piece of a file after its header row. */
  constructor(
    private readonly format: 'csv' | 'tsv',
    private readonly what = 'the data',
    header?: string[],
  ) {
    this.header = header;
  }

  /** The record of a row, or undefined for the header and for blank rows. */
  add(values: readonly string[], line: number): ReadRecord | undefined {
    if (allBlank(values)) return undefined;
    if (!this.header) {
      this.header = headerNames(values);
      const repeated = repeatedNames(values);
      // Reported, and the rows still read: the first column keeps the name, a repeat is read as `name_2`.
      return repeated ? { line, error: `line ${line}: in the header of ${this.what}, ${repeated}; rename one so it is clear which to check (the rows are read with the first under that name, the next as name_2, …)` } : undefined;
    }
    const header = this.header;
    let row = values;
    // A trailing delimiter on every row (some exporters add one) leaves empty extra values: ignore them.
    if (row.length > header.length && row.slice(header.length).every((v) => v.trim() === '')) row = row.slice(0, header.length);
    if (row.length !== header.length) {
      const hint = this.format === 'csv' && row.length < header.length ? ' (a missing delimiter, or a line break outside quotes?)' : '';
      return { line, error: `line ${line}: has ${row.length} ${row.length === 1 ? 'value' : 'values'}, but the header has ${header.length} columns${hint}` };
    }
    const raw: Record<string, string> = {};
    // Own properties even for a column named `__proto__` (defineProperty); plain assignment otherwise, which
    // keeps the record a fast object for the decoder (defining every property turns it into a slow one).
    this.protoColumn ??= header.includes('__proto__');
    if (this.protoColumn) {
      for (let i = 0; i < header.length; i++) Object.defineProperty(raw, header[i], { value: row[i], enumerable: true, writable: true, configurable: true });
    } else for (let i = 0; i < header.length; i++) raw[header[i]] = row[i];
    return { line, raw };
  }
}

/** Whether every value is empty or white space (a loop: this runs for every row). */
function allBlank(values: readonly string[]): boolean {
  for (let i = 0; i < values.length; i++) if (values[i].trim() !== '') return false;
  return true;
}

/** Names given to more than one column, said as "columns 2 and 5 are both named 'sku'", or undefined. */
function repeatedNames(values: readonly string[]): string | undefined {
  const columns = new Map<string, number[]>();
  values.forEach((v, i) => {
    const name = v.trim();
    if (name !== '') columns.set(name, [...(columns.get(name) ?? []), i + 1]);
  });
  const said = [...columns]
    .filter(([, at]) => at.length > 1)
    .map(([name, at]) => `columns ${at.slice(0, -1).join(', ')} and ${at[at.length - 1]} are ${at.length === 2 ? 'both' : 'all'} named '${name}'`);
  return said.length > 0 ? said.join('; ') : undefined;
}

/** Header names: trimmed; an empty name becomes `column3`; a repeated name gets `_2`, `_3`. */
export function headerNames(values: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return values.map((v, i) => {
    let name = v.trim() || `column${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name}_${n}`;
    return name;
  });
}

/**
 * Whether a row ran over a quote that was never closed. csv-parse, relaxed
 * about quotes (Amazon product names hold `12" x 18"`), keeps reading such a
 * value across line breaks until some later quote ends it, so the rows after
 * it silently become part of one value. Such a value keeps its opening quote
 * and is found word for word in the row's text, which a properly quoted value
 * never is: its own quotes would be doubled there.
 */
export function swallowsRows(values: readonly string[], raw: string | undefined): boolean {
  if (raw === undefined) return false;
  return values.some((v) => v.charCodeAt(0) === 0x22 && v.includes('\n') && raw.includes(v));
}

/** The record for a row whose quote is not closed: the row is skipped, the lines after it are read as rows. */
export function unclosedQuote(line: number): ReadRecord {
  return { line, error: `line ${line}: a quoted value starts here and is not closed (a missing closing "?); this row is skipped and reading goes on at line ${line + 1}` };
}

/** The failure of a text that ends inside a quoted value (worded by `readFailure`). */
export function quoteNotClosed(): Error & { code: string } {
  return Object.assign(new Error('a quoted value starts here and is never closed'), { code: 'CSV_QUOTE_NOT_CLOSED' });
}

/** The record that says where reading stopped: `lastLine` is the last line read, `what` names the input ("'orders.csv'"). */
export function readFailure(failure: unknown, lastLine: number, what: string): ReadRecord {
  const line = lastLine + 1;
  const code = (failure as { code?: string }).code;
  const why =
    code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted value starts here and is never closed'
      : failure instanceof Error
        ? failure.message.replace(/^Invalid Record Length: /, '')
        : String(failure);
  return { line, error: `line ${line}: ${why}; the rest of ${what} could not be read` };
}
