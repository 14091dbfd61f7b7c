/**
 * Reading input records from files and standard input.
 *
 * JSONL, CSV and tab-separated files are streamed: one line (or one CSV
 * record) at a time, so a 5-million-row order report never sits in memory.
 * JSON documents are read whole. A record that cannot be read is yielded
 * with an `error` and its line, and reading goes on; blank lines are skipped
 * and never counted. Lines are 1-based; a CSV record that spans several
 * lines (a quoted line break) is reported at the line where it starts.
 * How text becomes records (sniffing, JSON, delimited rows) is core's
 * browser-safe input layer, shared with the playground; this file only
 * opens, decodes and streams.
 */
import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import {
  DelimitedRecords,
  delimitedOptions,
  firstLine,
  formatOf,
  headerNames,
  readFailure,
  readJsonDocument,
  readJsonLine,
  sniff,
  sniffDelimiter,
  quoteNotClosed,
  unclosedQuote,
  type InputFormat,
  type ReadRecord,
} from '../input/node-safe.js';
import { DelimitedTokenizer } from '../input/delimited-rows.js';
import { JsonArrayStream } from '../input/json-array.js';
import { LineBuffer } from '../input/line-buffer.js';
import { decodeChunks, holdsReplacement } from './decode.js';

/** How much of a file is read at a time (see readRecords for why not more). */
const CHUNK_BYTES = 64 * 1024;

export { formatOf, headerNames, sniff, sniffDelimiter, type InputFormat };

export interface InputRecord {
  /** 0-based position of the record: among all inputs when `startIndex` is passed on, else in this input. */
  index: number;
  /** 1-based line where the record starts. */
  line: number;
  /** The input as given ('-' for standard input). */
  file: string;
  /** The record as read: a JSON value, or an object of strings for CSV/TSV (header names as keys). */
  raw?: unknown;
  /** Why the record could not be read, starting with its line, e.g. `line 12: not valid JSON: …`. */
  error?: string;
}

/** An input that cannot be opened or read. Its message is a plain sentence for people. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface ReadOptions {
  /** Read as this format instead of guessing from the extension (or, for standard input, the content). */
  format?: InputFormat;
  /** First index to give (when several inputs are read one after another). */
  startIndex?: number;
  /** Standard input, for '-' (tests pass their own stream). Defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** Told how many bytes were read, chunk by chunk (for a progress line). */
  onBytes?: (bytes: number) => void;
  /**
   * Whether a value fits the policy's input record type. A JSON object that
   * fits is one record, even when it holds a list that could be its records.
   */
  fits?: (raw: unknown) => boolean;
  /** Told the key of the list inside a JSON object whose items were taken as the records (`records` in `{ "records": [...] }`). */
  onWrapper?: (key: string) => void;
  /** CSV's delimiter, when the caller already knows it (else it is sniffed from the first line). */
  delimiter?: string;
  /**
   * Read only this piece of a file (see pieces.ts): bytes [start, end), whose first line is line `line` of the
   * file. A delimited piece after the first is given the file's `header` (as `onHeader` told it).
   */
  range?: { start: number; end: number; line: number; header?: string[] };
  /** Told the column names of a delimited input once its header row is read. */
  onHeader?: (names: string[]) => void;
  /** Told the format the input is read as (and CSV's delimiter) before the first record. */
  onFormat?: (format: InputFormat, delimiter: string | undefined) => void;
}

/**
 * Throw an InputError, in plain words, when an input cannot be opened.
 * `readRecords` calls it too; a caller with several inputs calls it on all
 * of them first, so a typo in the last one is reported before any work.
 */
export function checkInput(input: string): void {
  if (input === '-') return;
  let isDir: boolean;
  try {
    isDir = statSync(input).isDirectory();
  } catch (e) {
    throw new InputError(`cannot read input file '${input}': ${reason(e)}`);
  }
  if (isDir) throw new InputError(`cannot read input file '${input}': it is a folder, not a file`);
  try {
    accessSync(input, constants.R_OK);
  } catch (e) {
    throw new InputError(`cannot read input file '${input}': ${reason(e)}`);
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'EMFILE' || code === 'ENFILE') return 'too many open files';
  return e instanceof Error ? e.message : String(e);
}

/**
 * Read the records of one input ('-' for standard input). The format comes
 * from `opts.format`, else the extension, else the content: `[` is a JSON
 * array, `{` JSON lines (or one JSON document when the first line is not a
 * whole value), otherwise CSV or tab-separated by the delimiter in the first
 * line. Throws InputError (before yielding anything) when the file cannot be
 * opened, and when it fails while being read.
 */
export async function* readRecords(input: string, opts: ReadOptions = {}): AsyncGenerator<InputRecord> {
  checkInput(input);
  // Chunks of 64 KiB decode to strings V8 keeps in its young generation, which is collected cheaply as
  // soon as the chunk's rows are read; 256 KiB chunks became "large objects" that wait for a full
  // collection, and on a 1,000,000-row order report they made the peak 176 MB instead of 133 MB.
  const bytes: AsyncIterable<Buffer | string> =
    input === '-'
      ? ((opts.stdin ?? process.stdin) as AsyncIterable<Buffer | string>)
      : createReadStream(input, { highWaterMark: CHUNK_BYTES, ...(opts.range ? { start: opts.range.start, end: opts.range.end - 1 } : {}) });
  const seen = { replacement: false };
  let chunks: AsyncIterable<string> = decodeText(opts.onBytes ? counted(bytes, opts.onBytes) : bytes, input, seen);
  let format = opts.format ?? (input === '-' ? undefined : formatOf(input));
  let delimiter = opts.delimiter;
  if (format === undefined || (format === 'csv' && delimiter === undefined)) {
    const peeked = await peekText(chunks);
    chunks = peeked.rest;
    if (format === undefined) format = sniff(peeked.head);
    if (format === 'csv') delimiter = sniffDelimiter(firstLine(peeked.head));
  }
  let index = opts.startIndex ?? 0;
  opts.onFormat?.(format, delimiter);
  const startLine = opts.range?.line ?? 1;
  const records =
    format === 'jsonl'
      ? readJsonl(chunks, startLine)
      : format === 'json'
        ? readJson(chunks, input, opts)
        : readDelimited(chunks, format, input, { delimiter, startLine, header: opts.range?.header, onHeader: opts.onHeader });
  // The readers hand over the records of each chunk together: one asynchronous step per chunk, not per record.
  for await (const batch of records) {
    for (const r of batch) {
      // Checked only once the decoder has met U+FFFD, so clean files pay nothing.
      const undecodable = r.error === undefined && seen.replacement && holdsReplacement(r.raw);
      const error = undecodable ? `line ${r.line}: holds bytes that are not UTF-8 text (shown as \ufffd); save the file as UTF-8 (in a spreadsheet: "CSV UTF-8") and check it again` : r.error;
      yield error !== undefined ? { index: index++, line: r.line, file: input, error } : { index: index++, line: r.line, file: input, raw: r.raw };
    }
  }
}

async function* counted(bytes: AsyncIterable<Buffer | string>, onBytes: (n: number) => void): AsyncGenerator<Buffer | string> {
  for await (const chunk of bytes) {
    onBytes(chunk.length);
    yield chunk;
  }
}

/** Bytes to text (see decode.ts), with a read failure said in plain words. */
async function* decodeText(bytes: AsyncIterable<Buffer | string>, input: string, seen: { replacement: boolean }): AsyncGenerator<string> {
  try {
    yield* decodeChunks(bytes, seen);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const where = input === '-' ? 'standard input' : `input file '${input}'`;
    throw new InputError(`cannot read ${where}: ${reason(e)}`);
  }
}

/** Look at the start of a text stream (at least one line, or up to 64 KiB) without losing it. */
async function peekText(chunks: AsyncIterable<string>): Promise<{ head: string; rest: AsyncIterable<string> }> {
  const it = chunks[Symbol.asyncIterator]();
  const seen: string[] = [];
  let head = '';
  let done = false;
  while (!done && (head.trim() === '' || !head.trimStart().includes('\n')) && head.length < 65536) {
    const n = await it.next();
    if (n.done) done = true;
    else {
      seen.push(n.value);
      head += n.value;
    }
  }
  async function* rest(): AsyncGenerator<string> {
    try {
      yield* seen;
      if (done) return;
      for (;;) {
        const n = await it.next();
        if (n.done) return;
        yield n.value;
      }
    } finally {
      // A reader that stops early closes the file.
      if (!done) await it.return?.();
    }
  }
  return { head, rest: rest() };
}

/**
 * Split a text stream into lines (without their line breaks), one at a time.
 * Only each new chunk is searched for line breaks, and the pieces of an
 * unfinished line are joined once it ends: a line of many megabytes is read
 * in linear time.
 */
export async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending: string[] = [];
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, nl);
      if (pending.length > 0) {
        pending.push(piece);
        yield pending.join('');
        pending = [];
      } else yield piece;
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  }
  if (pending.length > 0) yield pending.join('');
}

/** JSON lines, the records of each chunk in one batch (a line over several chunks is joined once it ends). */
async function* readJsonl(chunks: AsyncIterable<string>, startLine: number): AsyncGenerator<ReadRecord[]> {
  let line = startLine - 1;
  let pending: string[] = [];
  const add = (batch: ReadRecord[], text: string) => {
    line++;
    if (text.trim() !== '') batch.push(readJsonLine(text, line));
  };
  for await (const chunk of chunks) {
    const batch: ReadRecord[] = [];
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, nl);
      if (pending.length > 0) {
        pending.push(piece);
        add(batch, pending.join(''));
        pending = [];
      } else add(batch, piece);
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
    if (batch.length > 0) yield batch;
  }
  if (pending.length > 0) {
    const batch: ReadRecord[] = [];
    add(batch, pending.join(''));
    if (batch.length > 0) yield batch;
  }
}

/**
 * A JSON document: a list (`[...]`) is read as a stream, item by item, in the
 * memory of its largest item; any other document is read whole (see
 * readJsonDocument for the shapes it may have).
 */
async function* readJson(chunks: AsyncIterable<string>, input: string, opts: ReadOptions): AsyncGenerator<ReadRecord[]> {
  const parts: string[] = [];
  const it = chunks[Symbol.asyncIterator]();
  let first: string | undefined;
  for (let n = await it.next(); !n.done; n = await it.next()) {
    parts.push(n.value);
    first = /\S/.exec(n.value)?.[0];
    if (first !== undefined) break;
  }
  const rest: AsyncIterable<string> = { [Symbol.asyncIterator]: () => it };
  if (first === '[') {
    const list = new JsonArrayStream();
    for (const p of parts) yield list.push(p);
    for await (const c of rest) yield list.push(c);
    yield list.end();
    return;
  }
  for await (const c of rest) parts.push(c);
  const doc = readJsonDocument(parts.join(''), input === '-' ? 'standard input' : `'${input}'`, opts.fits);
  if (doc.wrapper) opts.onWrapper?.(doc.wrapper.key);
  yield doc.records;
}

/** Recoveries from unclosed quotes in one input before the rest is given up (each one reads the text after it again). */
const MAX_RECOVERIES = 1000;

/**
 * CSV and tab-separated files, streamed through the row tokenizer; rows become records
 * as in the playground (input/delimited.ts). A row that runs over a quote that
 * is never closed is reported at the line where it starts, and reading starts
 * again on the line after it, so the rows it would swallow are still read.
 */
async function* readDelimited(
  chunks: AsyncIterable<string>,
  format: 'csv' | 'tsv',
  input: string,
  piece: { delimiter: string | undefined; startLine: number; header: string[] | undefined; onHeader: ((names: string[]) => void) | undefined },
): AsyncGenerator<ReadRecord[]> {
  const { delimiter, startLine, onHeader } = piece;
  const what = input === '-' ? 'standard input' : `'${input}'`;
  const rows = new DelimitedRecords(format, what, piece.header);
  /** The records read since the last batch was handed over, in order. */
  let queue: ReadRecord[] = [];
  const kept = new LineBuffer(startLine);
  let lastEnd = startLine - 1;
  let restartAt: number | undefined;
  let failure: unknown;
  let recoveries = 0;
  const start = (base: number) => {
    restartAt = undefined;
    failure = undefined;
    lastEnd = base;
    return new DelimitedTokenizer(delimitedOptions(format, delimiter).delimiter, format === 'csv', base, (values, line, endLine, swallows) => {
      if (restartAt !== undefined) return;
      if (swallows) {
        queue.push(unclosedQuote(line));
        restartAt = line + 1;
        tokenizer.stopped = true;
        return;
      }
      const hadHeader = rows.header !== undefined;
      const read = rows.add(values, line);
      if (!hadHeader && rows.header) onHeader?.(rows.header);
      if (read) queue.push(read);
      lastEnd = endLine;
    });
  };
  let tokenizer = start(startLine - 1);
  const write = (text: string) => tokenizer.push(text);
  const end = () => {
    if (!tokenizer.end()) failure ??= quoteNotClosed();
  };
  const take = (): ReadRecord[] => {
    const batch = queue;
    queue = [];
    return batch;
  };
  /** Read again from line `line`: what is kept from there goes to a new parser. */
  const restart = (line: number) => {
    recoveries++;
    kept.dropBefore(line);
    tokenizer = start(line - 1);
    write(kept.text());
  };
  const unclosedAtEnd = () => (failure as { code?: string } | undefined)?.code === 'CSV_QUOTE_NOT_CLOSED';
  for await (const chunk of chunks) {
    kept.push(chunk);
    write(chunk);
    while (restartAt !== undefined && recoveries < MAX_RECOVERIES) restart(restartAt);
    if (queue.length > 0) yield take();
    if (failure || restartAt !== undefined) break;
    // Only the text the tokenizer has not read into rows yet is kept: lines before it are rows already read
    // or empty lines, so a restart or an unclosed quote at the end still finds every line it needs.
    kept.keepLast(tokenizer.keptLength, tokenizer.keptLine);
  }
  const stoppedEarly = failure !== undefined || restartAt !== undefined;
  while (!stoppedEarly) {
    if (restartAt === undefined) end();
    if (recoveries >= MAX_RECOVERIES) break;
    if (restartAt !== undefined) restart(restartAt);
    else if (unclosedAtEnd()) {
      // A quote still open at the end of the text: the row it starts is reported, the lines after it read again.
      kept.dropBefore(lastEnd + 1);
      const line = kept.firstFilledLine();
      queue.push(unclosedQuote(line));
      restart(line + 1);
    } else break;
  }
  if (failure) queue.push(readFailure(failure, lastEnd, what));
  else if (restartAt !== undefined) queue.push(readFailure(new Error('too many quoted values are not closed'), restartAt - 1, what));
  if (queue.length > 0) yield take();
}
