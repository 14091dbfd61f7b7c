/**
 * Cutting a JSON lines, CSV or tab-separated file into pieces that can be
 * read on their own (by worker threads, for `check --jobs`): every cut is at
 * the start of a line that starts a record, and each piece knows the line
 * it starts on, so its records and messages carry the same line numbers as
 * when the whole file is read at once.
 *
 * One pass over the bytes, with native searches (Buffer#indexOf) for line
 * breaks and quotes, so it costs a small part of reading the records. In CSV
 * a line break inside a quoted value is not a record boundary: quotes are
 * followed the way the CSV reader reads them, and at the first quote that
 * reader would read differently (a closing quote followed by more text, a
 * quote never closed), no more cuts are made: the rest of the file is one
 * piece, read by one reader with its usual recovery. The same happens at a
 * line break written as a lone CR (old Mac exports), since the reader counts
 * it as a line. UTF-16 files are one piece.
 */
import { open } from 'node:fs/promises';
import { sniffEncoding } from './decode.js';

export interface Piece {
  /** Byte offset where the piece starts (the start of a line). */
  start: number;
  /** Byte offset just after its last byte (after a line break, or the end of the file). */
  end: number;
  /** The 1-based line number of its first line in the whole file. */
  line: number;
}

export interface PieceOptions {
  format: 'jsonl' | 'csv' | 'tsv';
  /** CSV's delimiter (sniffed from the header by the caller); default ','. */
  delimiter?: string;
  /** Aim for pieces of about this many bytes (a piece ends at the first record boundary after it). */
  pieceBytes: number;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BLOCK = 1 << 20;

/** Bytes that leave a CSV row blank (it is skipped, and is not the header). */
function blankByte(b: number, delimiter: number): boolean {
  return b === 0x20 || b === 0x09 || b === LF || b === CR || b === QUOTE || b === delimiter || b === 0xef || b === 0xbb || b === 0xbf;
}

/** The pieces of `file`, in order, found as the file is scanned (so work on the first can start before the scan ends). */
export async function* filePieces(file: string, opts: PieceOptions): AsyncGenerator<Piece> {
  const fh = await open(file, 'r');
  try {
    // One byte more than a block is read: the byte after the block says what a quote or CR at its end is.
    const buf = Buffer.allocUnsafe(BLOCK + 1);
    const delimiter = opts.format === 'tsv' ? 0x09 : (opts.delimiter ?? ',').charCodeAt(0);
    const quotes = opts.format === 'csv';
    const scan = new Scan(opts.pieceBytes, delimiter, opts.format === 'jsonl');
    let base = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, BLOCK + 1, base);
      if (bytesRead === 0) break;
      const n = Math.min(bytesRead, BLOCK);
      const b = buf.subarray(0, bytesRead);
      if (base === 0 && sniffEncoding(b) !== 'utf-8') break;
      // Lone CRs are line breaks to the reader but not to this count: no cuts from where they appear.
      if (b.indexOf(CR) >= 0 && hasLoneCr(b, n)) break;
      const stopped = quotes ? scan.csvBlock(b, n, base) : scan.lines(b, 0, n, base, true);
      yield* scan.cuts.splice(0);
      if (stopped) break;
      scan.lastByte = b[n - 1];
      base += n;
      if (bytesRead <= BLOCK) break;
    }
    const size = (await fh.stat()).size;
    if (scan.pieceStart < size) yield { start: scan.pieceStart, end: size, line: scan.pieceLine };
  } finally {
    await fh.close();
  }
}

/** The state of a scan between blocks. */
class Scan {
  pieceStart = 0;
  pieceLine = 1;
  line = 1;
  target: number;
  /** Delimited files: no cut before the header row (the first that is not blank) has ended. */
  headerSeen: boolean;
  headerEnded: boolean;
  inQuote = false;
  /** An escaped quote (`""`) whose second half is the first byte of the next block. */
  skipFirst = false;
  lastByte = LF;
  readonly cuts: Piece[] = [];

  constructor(
    private readonly pieceBytes: number,
    private readonly delimiter: number,
    noHeader: boolean,
  ) {
    this.target = pieceBytes;
    this.headerSeen = noHeader;
    this.headerEnded = noHeader;
  }

  /** Count the line breaks in b[from, to) (`base`: the block's offset in the file); cut after one when `cut` and the piece is long enough. */
  lines(b: Buffer, from: number, to: number, base: number, cut: boolean): false {
    let i = from;
    for (let nl = b.indexOf(LF, i); nl >= 0 && nl < to; nl = b.indexOf(LF, i)) {
      if (!this.headerEnded) {
        if (!this.headerSeen) this.headerSeen = hasContent(b, i, nl, this.delimiter);
        if (this.headerSeen && cut) this.headerEnded = true;
      }
      this.line++;
      i = nl + 1;
      if (cut && this.headerEnded && base + i >= this.target) {
        this.cuts.push({ start: this.pieceStart, end: base + i, line: this.pieceLine });
        this.pieceStart = base + i;
        this.pieceLine = this.line;
        this.target = this.pieceStart + this.pieceBytes;
      }
    }
    if (!this.headerSeen && to > i) this.headerSeen = hasContent(b, i, to, this.delimiter);
    return false;
  }

  /** A CSV block: quotes followed as the reader reads them. True when it met a quote it cannot be sure of (no more cuts). */
  csvBlock(b: Buffer, n: number, base: number): boolean {
    const d = this.delimiter;
    let i = 0;
    if (this.skipFirst) {
      this.skipFirst = false;
      i = 1;
    }
    while (i < n) {
      const q = b.indexOf(QUOTE, i);
      const to = q < 0 || q >= n ? n : q;
      if (!this.inQuote) {
        this.lines(b, i, to, base, true);
        if (to === n) return false;
        const before = q > 0 ? b[q - 1] : this.lastByte;
        // A quote opens a value only at the start of a field; elsewhere it is an ordinary character.
        if (before === d || before === LF || before === CR || base + q === 0 || (base + q === 3 && before === 0xbf)) this.inQuote = true;
        i = q + 1;
        continue;
      }
      // Inside a quoted value, line breaks are part of the value.
      this.lines(b, i, to, base, false);
      if (to === n) return false;
      // The byte after the quote; past the end of the file, the quote closes the value.
      const next = q + 1 < b.length ? b[q + 1] : LF;
      if (next === QUOTE) {
        i = q + 2;
        if (i > n) this.skipFirst = true;
      } else if (next === d || next === LF || next === CR) {
        this.inQuote = false;
        i = q + 1;
      } else return true;
    }
    return false;
  }
}

/** Whether bytes [from, to) hold something other than blanks, delimiters and quotes (a row that is not blank). */
function hasContent(b: Buffer, from: number, to: number, delimiter: number): boolean {
  for (let k = from; k < to; k++) if (!blankByte(b[k], delimiter)) return true;
  return false;
}

/** Whether the first `n` bytes of a block hold a CR not followed by LF (the byte after the block, if any, is at b[n]). */
function hasLoneCr(b: Buffer, n: number): boolean {
  for (let k = b.indexOf(CR); k >= 0 && k < n; k = b.indexOf(CR, k + 1)) {
    if (k + 1 < b.length && b[k + 1] === LF) continue;
    // A CR as the very last byte of the file ends the last line, which the count does not need.
    if (k + 1 >= b.length) continue;
    return true;
  }
  return false;
}
