/**
 * The row tokenizer against csv-parse (the parser the reader used before, kept
 * as the oracle): on generated CSV with quotes, doubled quotes, quotes inside
 * values, line breaks inside quotes, unclosed quotes, CRLF, empty values,
 * blank lines and a byte-order mark, fed in chunks cut anywhere, both give the
 * same rows with the same start and end lines, and agree on whether a quote is
 * left open at the end.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { rowStartLine, rowValues, swallowsRows } from '../../src/input/delimited.js';
import { DelimitedTokenizer } from '../../src/input/delimited-rows.js';

interface Row {
  values: string[];
  line: number;
  endLine: number;
  swallows: boolean;
}

/** The text as the reader hands it over: byte-order mark dropped, line ends made LF. */
function asRead(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

function byCsvParse(text: string, delimiter: string, quoted: boolean): { rows: Row[]; open: boolean } {
  const rows: Row[] = [];
  try {
    parse(text, {
      delimiter,
      ...(quoted ? { relax_quotes: true } : { quote: false }),
      relax_column_count: true,
      skip_empty_lines: true,
      raw: true,
      on_record: (record, info) => {
        const raw = (record as unknown as { raw: string }).raw;
        const values = rowValues(record);
        rows.push({ values, line: rowStartLine({ lines: info.lines, raw }), endLine: info.lines, swallows: swallowsRows(values, raw) });
        return null;
      },
    });
    return { rows, open: false };
  } catch (e) {
    if ((e as { code?: string }).code !== 'CSV_QUOTE_NOT_CLOSED') throw e;
    return { rows, open: true };
  }
}

function byTokenizer(chunks: string[], delimiter: string, quoted: boolean): { rows: Row[]; open: boolean } {
  const rows: Row[] = [];
  const t = new DelimitedTokenizer(delimiter, quoted, 0, (values, line, endLine, swallows) => rows.push({ values, line, endLine, swallows }));
  for (const c of chunks) t.push(c);
  return { rows, open: !t.end() };
}

/** Cuts a text into chunks at the given (sorted, deduplicated) places. */
function cut(text: string, at: number[]): string[] {
  const places = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of places) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

/** Text built from the pieces that make CSV hard. */
const csvText = (delimiter: string) =>
  fc
    .array(fc.constantFrom('a', 'b c', 'é', '12" x 18"', '"', '""', '"q"', '"x, y"', '"a""b"', '"line\nbreak"', '"open', delimiter, delimiter, '\n', '\n', '\r\n', '\r', ' ', '\n\n', '\u0000'), { maxLength: 40 })
    .chain((parts) => fc.tuple(fc.boolean(), fc.constant(parts.join(''))))
    .map(([bom, text]) => (bom ? `\ufeff${text}` : text));

describe('the row tokenizer reads as csv-parse does', () => {
  for (const [delimiter, quoted] of [
    [',', true],
    [';', true],
    ['\t', false],
  ] as const) {
    it(`${quoted ? 'CSV' : 'tab-separated'} with ${JSON.stringify(delimiter)}, whole and in chunks`, () => {
      fc.assert(
        fc.property(csvText(delimiter), fc.array(fc.nat(), { maxLength: 6 }), (raw, at) => {
          const text = asRead(raw);
          const expected = byCsvParse(text, delimiter, quoted);
          expect(byTokenizer([text], delimiter, quoted)).toEqual(expected);
          expect(byTokenizer(cut(text, at), delimiter, quoted)).toEqual(expected);
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('reads the cases written out by hand', () => {
    const rows = (text: string) => byTokenizer([text], ',', true);
    // Worked out by hand from RFC 4180 and the relaxed rules in delimited-rows.ts.
    expect(rows('id,note\n1,"say ""hi"", then\nbye"\n\n2,12" x 18"\n')).toEqual({
      rows: [
        { values: ['id', 'note'], line: 1, endLine: 1, swallows: false },
        { values: ['1', 'say "hi", then\nbye'], line: 2, endLine: 3, swallows: false },
        { values: ['2', '12" x 18"'], line: 5, endLine: 5, swallows: false },
      ],
      open: false,
    });
    expect(rows('id,note\n1,"open\n2,"ok"x\n')).toEqual({
      rows: [
        { values: ['id', 'note'], line: 1, endLine: 1, swallows: false },
        { values: ['1', '"open\n2,"ok"x'], line: 2, endLine: 3, swallows: true },
      ],
      open: false,
    });
    expect(rows('id\n"never closed\n3\n')).toEqual({ rows: [{ values: ['id'], line: 1, endLine: 1, swallows: false }], open: true });
  });
});
