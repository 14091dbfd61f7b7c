/**
 * Splits CSV and tab-separated text into rows of values, chunk by chunk, the
 * way csv-parse reads it with the options this reader always used (relaxed
 * quotes, any number of values per row, blank lines skipped), so every row,
 * value and line number stays as before, only faster: a row without a quote
 * (nearly every row of an order report) is cut with `indexOf` and `split`; a
 * row with one goes through the quote rules below. Text is expected with line
 * ends made LF and the byte-order mark dropped (as node/decode.ts and
 * readText do). Memory stays flat: only the row being read is kept between
 * chunks. Browser-safe.
 *
 * Quote rules (RFC 4180, relaxed as csv-parse relaxes them; tab-separated
 * text has no quoting at all, since Amazon's flat files hold literal quotes):
 * - a quote at the start of a value opens it; inside, `""` is one quote;
 * - a quote followed by the delimiter, a line break or the end closes it;
 * - a quote followed by anything else closes it too, but the value keeps both
 *   its quotes and goes on unquoted (`"12" x 18"` reads as written);
 * - a quote inside an unquoted value is an ordinary character.
 */

import { swallowsRows } from './delimited.js';

/**
 * What the tokenizer hands over for each row: `line` and `endLine` are where it starts and ends (1-based);
 * `swallows`: the row ran over a quote that was never closed (see `swallowsRows`).
 */
export type RowSink = (values: string[], line: number, endLine: number, swallows: boolean) => void;

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** A row with a quote in it, read so far (kept between chunks, so a long quoted value is scanned once). */
interface QuotedRow {
  /** Where the row starts in the kept text, and how far it has been read. */
  start: number;
  pos: number;
  values: string[];
  field: string;
  quoting: boolean;
  /** Whether the current value was quoted (an empty quoted value `""` still makes a row). */
  wasQuoting: boolean;
  line: number;
  /** The line the reading position is on. */
  at: number;
}

export class DelimitedTokenizer {
  /** The text not yet read into rows: from the start of the row being read. */
  private text = '';
  /** The line `text` starts on. */
  private line: number;
  private partial: QuotedRow | undefined;
  private readonly delimiter: number;
  /** Set when the sink wants no more rows (reading starts again elsewhere). */
  stopped = false;

  /** `delimiter`: one character; `quoted`: CSV (true) or tab-separated (false); `base`: the line before the text's first. */
  constructor(
    delimiter: string,
    private readonly quoted: boolean,
    base: number,
    private readonly sink: RowSink,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.line = base + 1;
  }

  /** The line the text not yet read into rows starts on (rows, blank lines and the row being read come from there on). */
  get keptLine(): number {
    return this.line;
  }

  /** How long the text not yet read into rows is: the end of the text pushed, from `keptLine` on. */
  get keptLength(): number {
    return this.text.length;
  }

  /** Reads the rows finished in `chunk` (with what was kept from before). */
  push(chunk: string): void {
    this.text = this.text === '' ? chunk : this.text + chunk;
    this.scan(false);
  }

  /** Reads the last row. False when a quoted value is still open at the end of the text (nothing of it is handed over). */
  end(): boolean {
    this.scan(true);
    const open = this.partial !== undefined && this.partial.quoting;
    this.text = '';
    this.partial = undefined;
    return !open;
  }

  private scan(atEnd: boolean): void {
    const text = this.text;
    const len = text.length;
    const sep = String.fromCharCode(this.delimiter);
    let pos = 0;
    // The next quote at or after `pos` (len when none), looked up again only once `pos` passes it.
    let quoteAt = -1;
    while (!this.stopped) {
      if (this.partial === undefined) {
        if (pos >= len) break;
        let nl = text.indexOf('\n', pos);
        if (nl < 0) {
          if (!atEnd) break;
          nl = len;
        }
        if (this.quoted && quoteAt < pos) {
          quoteAt = text.indexOf('"', pos);
          if (quoteAt < 0) quoteAt = len;
        }
        if (!this.quoted || quoteAt > nl) {
          if (nl > pos) this.sink(text.slice(pos, nl).split(sep), this.line, this.line, false);
          this.line++;
          pos = nl + 1;
          continue;
        }
        this.partial = { start: pos, pos, values: [], field: '', quoting: false, wasQuoting: false, line: this.line, at: this.line };
      }
      if (!this.readQuoted(text, atEnd)) break;
      pos = this.partial.pos;
      this.line = this.partial.at;
      this.partial = undefined;
    }
    const keep = Math.min(this.partial?.start ?? pos, len);
    this.text = text.slice(keep);
    if (this.partial) {
      this.partial.start -= keep;
      this.partial.pos -= keep;
    }
  }

  /** Reads on in a row with a quote; true once the row is handed over, false when it needs more text. */
  private readQuoted(text: string, atEnd: boolean): boolean {
    const row = this.partial!;
    const len = text.length;
    const sep = this.delimiter;
    let i = row.pos;
    for (;;) {
      if (row.quoting) {
        const q = text.indexOf('"', i);
        if (q < 0 || (q + 1 >= len && !atEnd)) {
          // Whether the quote at the end closes the value depends on what comes next.
          const to = q < 0 ? len : q;
          row.field += text.slice(i, to);
          row.at += lineBreaks(text, i, to);
          row.pos = to;
          return false;
        }
        row.field += text.slice(i, q);
        row.at += lineBreaks(text, i, q);
        const next = q + 1 < len ? text.charCodeAt(q + 1) : 0;
        if (next === QUOTE) {
          row.field += '"';
          i = q + 2;
          continue;
        }
        row.quoting = false;
        row.wasQuoting = true;
        i = q + 1;
        // (csv-parse compares bytes: a NUL after the quote closes the value like the end of the text.)
        if (next !== 0 && next !== sep && next !== NEWLINE) row.field = `"${row.field}"`;
        continue;
      }
      if (i >= len) {
        row.pos = len;
        if (!atEnd) return false;
        row.values.push(row.field);
        this.hand(row, text, len);
        return true;
      }
      const c = text.charCodeAt(i);
      if (c === NEWLINE) {
        row.values.push(row.field);
        this.hand(row, text, i + 1);
        row.at++;
        row.pos = i + 1;
        return true;
      }
      if (c === sep) {
        row.values.push(row.field);
        row.field = '';
        row.wasQuoting = false;
        i++;
        continue;
      }
      if (c === QUOTE && row.field.length === 0) {
        row.quoting = true;
        i++;
        continue;
      }
      let j = i + 1;
      for (; j < len; j++) {
        const d = text.charCodeAt(j);
        if (d === NEWLINE || d === sep || d === QUOTE) break;
      }
      row.field += text.slice(i, j);
      i = j;
    }
  }

  private hand(row: QuotedRow, text: string, end: number): void {
    const { start, values, line, at } = row;
    this.sink(values, line, at, swallowsRows(values, text.slice(start, end)));
  }
}

function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
