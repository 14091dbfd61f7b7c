/**
 * Reading a whole text of records at once (the playground's data pane): the
 * same sniffing, JSON and delimited reading the command line streams files
 * through, so the same text gives the same records in both.
 */
import { parse as parseCsv } from 'csv-parse/browser/esm/sync';
import { DelimitedRecords, delimitedOptions, readFailure, rowStartLine, rowValues } from './delimited.js';
import { firstLine, sniff, sniffDelimiter, type InputFormat } from './format.js';
import { readJsonDocument, readJsonLines, type JsonDocument, type ReadRecord } from './json.js';

export interface TextRecords {
  format: InputFormat;
  records: ReadRecord[];
  /** Column names, for CSV and tab-separated text. */
  header?: string[];
  /** How a JSON document held its records. */
  json?: Omit<JsonDocument, 'records'>;
}

/**
 * The records of a text, in the given format or the one it looks like. CRLF
 * line ends count as LF. `what` names the text in messages ("the data").
 */
export function readText(input: string, opts: { format?: InputFormat; what?: string } = {}): TextRecords {
  const text = input.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
  const format = opts.format ?? sniff(text);
  const what = opts.what ?? 'the data';
  if (format === 'jsonl') return { format, records: readJsonLines(text) };
  if (format === 'json') {
    const { records, ...json } = readJsonDocument(text, what);
    return { format, records, json };
  }
  return { format, ...readDelimitedText(text, format, what) };
}

/** The records of CSV or tab-separated text (CSV's delimiter sniffed from its header). */
export function readDelimitedText(text: string, format: 'csv' | 'tsv', what = 'the data'): { records: ReadRecord[]; header?: string[] } {
  const rows = new DelimitedRecords(format);
  const records: ReadRecord[] = [];
  let lastLine = 0;
  try {
    parseCsv(text, {
      ...delimitedOptions(format, sniffDelimiter(firstLine(text))),
      on_record: (record, info) => {
        const read = rows.add(rowValues(record), rowStartLine(info as typeof info & { raw?: string }));
        if (read) records.push(read);
        lastLine = info.lines;
        return null;
      },
    });
  } catch (e) {
    records.push(readFailure(e, lastLine, what));
  }
  return { records, ...(rows.header ? { header: rows.header } : {}) };
}
