/**
 * Workload "csv": the CSV parser under the order-report reader (Sellguard's
 * own row tokenizer, which reads as csv-parse did) against csv-parse (the
 * parser it replaced, first: the ratios are to it) and the fastest well-kept
 * alternatives, on the same generated order report text: speed (rows of strings, no typing) and the quirks the reader
 * relies on, each with its expected rows written out by hand. The reader gets
 * text with the byte-order mark dropped and line ends made LF (node/decode.ts),
 * so the cases are written that way.
 */
import { createRequire } from 'node:module';
import { parse as csvParse } from 'csv-parse/sync';
import { DelimitedTokenizer } from '@sellguard/core';

const require = createRequire(import.meta.url);
const Papa = require('papaparse');
const d3 = require('d3-dsv');
const { inferSchema, initParser } = require('udsv');

/** Every parser as text → rows of strings (header row included). */
export const CSV_PARSERS = {
  'csv-parse (before)': (text) => csvParse(text, { relax_quotes: true, relax_column_count: true, skip_empty_lines: true }),
  'sellguard tokenizer': (text) => {
    const rows = [];
    const tokenizer = new DelimitedTokenizer(',', true, 0, (values) => rows.push(values));
    tokenizer.push(text);
    if (!tokenizer.end()) throw Object.assign(new Error('a quoted value is never closed'), { code: 'CSV_QUOTE_NOT_CLOSED' });
    return rows;
  },
  udsv: (text) => {
    const parser = initParser(inferSchema(text));
    return [parser.schema.cols.map((c) => c.name), ...parser.stringArrs(text)];
  },
  papaparse: (text) => Papa.parse(text, { skipEmptyLines: true }).data,
  'd3-dsv': (text) => d3.csvParseRows(text),
};

/** The cases the reader must read as written (expected rows by hand). */
const CASES = [
  { what: 'quoted value with a delimiter, doubled quotes and a line break', text: 'id,note\n1,"say ""hi"", then\nbye"\n2,x\n', rows: [['id', 'note'], ['1', 'say "hi", then\nbye'], ['2', 'x']] },
  { what: 'a quote inside an unquoted value (12" x 18")', text: 'id,name\n1,12" x 18" frame\n', rows: [['id', 'name'], ['1', '12" x 18" frame']] },
  { what: 'empty values and a blank line', text: 'id,a,b\n1,,\n\n2,x,\n', rows: [['id', 'a', 'b'], ['1', '', ''], ['2', 'x', '']] },
];
/** A quote never closed: the reader reports the row and its line; a parser must at least say so. */
const UNCLOSED = 'id,note\n1,"open\n2,ok\n';

/** For each parser: the cases it reads as written, and what it does with an unclosed quote. */
export function csvQuirks() {
  const out = {};
  for (const [name, parse] of Object.entries(CSV_PARSERS)) {
    const passed = CASES.filter((c) => {
      try {
        return JSON.stringify(parse(c.text)) === JSON.stringify(c.rows);
      } catch {
        return false;
      }
    }).map((c) => c.what);
    let unclosed;
    try {
      const rows = parse(UNCLOSED);
      const papaErrors = name === 'papaparse' ? Papa.parse(UNCLOSED).errors : [];
      unclosed = papaErrors.length > 0 ? `reports ${papaErrors[0].code} at row ${papaErrors[0].row + 1}` : `says nothing; reads ${JSON.stringify(rows.slice(1))}`;
    } catch (e) {
      unclosed = `fails with ${e.code ?? e.message}`;
    }
    out[name] = { passed, failed: CASES.filter((c) => !passed.includes(c.what)).map((c) => c.what), unclosed };
  }
  return out;
}

/** Timed contenders over the same text; all must give the same rows first. */
export function csvContenders(text) {
  const expected = JSON.stringify(CSV_PARSERS['csv-parse (before)'](text));
  return Object.entries(CSV_PARSERS).map(([name, parse]) => {
    const same = JSON.stringify(parse(text)) === expected;
    return { name, same, run: () => parse(text).length };
  });
}
