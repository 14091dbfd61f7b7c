/**
 * Reading a whole text of records at once (the playground's data pane): the
 * same sniffing, JSON and delimited reading the command line streams files
 * through, so the same text gives the same records in both.
 */
import { DelimitedRecords, delimitedOptions, quoteNotClosed, readFailure, unclosedQuote } from './delimited.js';
import { DelimitedTokenizer } from './delimited-rows.js';
import { LineBuffer } from './line-buffer.js';
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
 * and CR-only line ends count as LF. `what` names the text in messages ("the data");
 * `fits` (see `fitsRecord`) keeps a JSON object that is itself a record from being unwrapped.
 */
export function readText(input: string, opts: { format?: InputFormat; what?: string; fits?: (raw: unknown) => boolean } = {}): TextRecords {
  const text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const format = opts.format ?? sniff(text);
  const what = opts.what ?? 'the data';
  if (format === 'jsonl') return { format, records: readJsonLines(text) };
  if (format === 'json') {
    const { records, ...json } = readJsonDocument(text, what, opts.fits);
    return { format, records, json };
  }
  return { format, ...readDelimitedText(text, format, what) };
}

/** Recoveries from unclosed quotes in one text before the rest is given up (each one reads the text after it again). */
const MAX_RECOVERIES = 1000;

/**
 * The records of CSV or tab-separated text (CSV's delimiter sniffed from its
 * header). As in the command line's streaming reader, a row that runs over a
 * quote that is never closed is reported at its first line and reading starts
 * again on the next line.
 */
export function readDelimitedText(text: string, format: 'csv' | 'tsv', what = 'the data'): { records: ReadRecord[]; header?: string[] } {
  const rows = new DelimitedRecords(format, what);
  const records: ReadRecord[] = [];
  const options = delimitedOptions(format, sniffDelimiter(firstLine(text)));
  const kept = new LineBuffer();
  kept.push(text);
  let base = 0;
  for (let recoveries = 0; ; recoveries++) {
    let lastEnd = base;
    let restartAt: number | undefined;
    const tokenizer = new DelimitedTokenizer(options.delimiter, format === 'csv', base, (values, line, endLine, swallows) => {
      if (swallows) {
        records.push(unclosedQuote(line));
        restartAt = line + 1;
        tokenizer.stopped = true;
        return;
      }
      const read = rows.add(values, line);
      if (read) records.push(read);
      lastEnd = endLine;
    });
    tokenizer.push(kept.text());
    // A quote still open at the end of the text: the row it starts is reported, the lines after it read again.
    if (!tokenizer.end() && restartAt === undefined) {
      if (recoveries >= MAX_RECOVERIES) {
        records.push(readFailure(quoteNotClosed(), lastEnd, what));
        break;
      }
      kept.dropBefore(lastEnd + 1);
      const line = kept.firstFilledLine();
      records.push(unclosedQuote(line));
      restartAt = line + 1;
    }
    if (restartAt === undefined) break;
    if (recoveries >= MAX_RECOVERIES) {
      records.push(readFailure(new Error('too many quoted values are not closed'), restartAt - 1, what));
      break;
    }
    kept.dropBefore(restartAt);
    base = restartAt - 1;
  }
  return { records, ...(rows.header ? { header: rows.header } : {}) };
}
