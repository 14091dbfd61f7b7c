/**
 * SARIF regions for spans of text fields: the input file is read again (once,
 * when the first span of a file is located) and the span is mapped from the
 * field's decoded value back to the file's own characters, through JSON
 * escapes and CSV quoting. Files larger than MAX_BYTES, standard input and
 * JSON arrays keep the line-only location.
 */
import { readFileSync, statSync } from 'node:fs';
import { csvRowRegion, delimitedHeader, jsonLineRegion, type SpanRegionOf } from '@sellguard/core';
import { formatOf, headerNames, sniffDelimiter, type InputFormat } from '@sellguard/core/node';

const MAX_BYTES = 64 * 1024 * 1024;

interface Located {
  text: string;
  /** Offset of the start of each line (index 0 is line 1). */
  lineStarts: number[];
  format: InputFormat | undefined;
  delimiter: string;
  header: string[];
}

function load(file: string, inputFormat: InputFormat | undefined): Located | null {
  if (file === '-') return null;
  try {
    if (statSync(file).size > MAX_BYTES) return null;
    const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const format = inputFormat ?? formatOf(file);
    const first = text.slice(0, lineStarts[1] ?? text.length).replace(/\r?\n$/, '');
    const delimiter = format === 'tsv' ? '\t' : sniffDelimiter(first);
    const header = format === 'csv' || format === 'tsv' ? headerNames(delimitedHeader(first, delimiter, format === 'csv')) : [];
    return { text, lineStarts, format, delimiter, header };
  } catch {
    return null;
  }
}

/** A region finder for the SARIF writer; files are read on first use and kept for the run. */
export function sarifRegions(inputFormat?: InputFormat): SpanRegionOf {
  const files = new Map<string, Located | null>();
  return (file, line, path, span) => {
    if (!files.has(file)) files.set(file, load(file, inputFormat));
    const f = files.get(file);
    if (!f || line < 1 || line > f.lineStarts.length) return undefined;
    const from = f.lineStarts[line - 1];
    if (f.format === 'jsonl') {
      const to = f.lineStarts[line] ?? f.text.length;
      return jsonLineRegion(f.text.slice(from, to).replace(/\r?\n$/, ''), line, path, span.start, span.end);
    }
    if (f.format === 'csv' || f.format === 'tsv') {
      // A quoted cell may run over the following lines: the row is read from its first line on.
      const rowText = f.text.slice(from, from + MAX_BYTES);
      return csvRowRegion(rowText, line, { delimiter: f.delimiter, quoted: f.format === 'csv', header: f.header, column: path, start: span.start, end: span.end, flagged: span.text });
    }
    return undefined;
  };
}
