/**
 * Reading input records from files and standard input.
 *
 * JSONL, CSV and tab-separated files are streamed: one line (or one CSV
 * record) at a time, so a 5-million-row order report never sits in memory.
 * JSON documents are read whole. A record that cannot be read is yielded
 * with an `error` and its line, and reading goes on; blank lines are skipped
 * and never counted. Lines are 1-based; a CSV record that spans several
 * lines (a quoted line break) is reported at the line where it starts.
 */
import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse';

export type InputFormat = 'jsonl' | 'json' | 'csv' | 'tsv';

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
}

/** The format an extension stands for: .jsonl/.ndjson, .json, .csv, and .tsv/.txt/.tab (Amazon flat files). */
export function formatOf(path: string): InputFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv' || ext === '.txt' || ext === '.tab') return 'tsv';
  return undefined;
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
  const bytes: AsyncIterable<Buffer | string> =
    input === '-' ? ((opts.stdin ?? process.stdin) as AsyncIterable<Buffer | string>) : createReadStream(input, { highWaterMark: 256 * 1024 });
  let chunks: AsyncIterable<string> = decodeText(opts.onBytes ? counted(bytes, opts.onBytes) : bytes, input);
  let format = opts.format ?? (input === '-' ? undefined : formatOf(input));
  let delimiter: string | undefined;
  if (format === undefined || format === 'csv') {
    const peeked = await peekText(chunks);
    chunks = peeked.rest;
    if (format === undefined) format = sniff(peeked.head);
    if (format === 'csv') delimiter = sniffDelimiter(firstLine(peeked.head));
  }
  let index = opts.startIndex ?? 0;
  const records =
    format === 'jsonl' ? readJsonl(chunks, input) : format === 'json' ? readJsonDocument(chunks, input) : readDelimited(chunks, format, input, delimiter);
  for await (const r of records) yield { index: index++, line: r.line, file: input, ...(r.error !== undefined ? { error: r.error } : { raw: r.raw }) };
}

async function* counted(bytes: AsyncIterable<Buffer | string>, onBytes: (n: number) => void): AsyncGenerator<Buffer | string> {
  for await (const chunk of bytes) {
    onBytes(chunk.length);
    yield chunk;
  }
}

interface Read {
  line: number;
  raw?: unknown;
  error?: string;
}

/** Bytes to text: UTF-8 (or UTF-16 with a byte-order mark), the BOM dropped, CRLF line ends made LF. */
async function* decodeText(bytes: AsyncIterable<Buffer | string>, input: string): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let first = true;
  let pendingCR = false;
  const normalise = (text: string): string => {
    if (pendingCR) text = `\r${text}`;
    pendingCR = text.endsWith('\r');
    if (pendingCR) text = text.slice(0, -1);
    return text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
  };
  try {
    for await (const chunk of bytes) {
      let text: string;
      if (typeof chunk === 'string') text = chunk;
      else {
        if (!decoder) {
          const utf16 = chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff));
          decoder = new TextDecoder(utf16 ? (chunk[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8');
        }
        text = decoder.decode(chunk, { stream: true });
      }
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      text = normalise(text);
      if (text) yield text;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const where = input === '-' ? 'standard input' : `input file '${input}'`;
    throw new InputError(`cannot read ${where}: ${reason(e)}`);
  }
  const tail = (pendingCR ? '\r' : '') + (decoder?.decode() ?? '');
  if (tail) yield tail.replace(/\r\n/g, '\n');
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

function firstLine(text: string): string {
  const t = text.replace(/^\s*\n/, '');
  const nl = t.indexOf('\n');
  return nl < 0 ? t : t.slice(0, nl);
}

/**
 * The format of text without an extension: `[` starts a JSON array; `{` starts
 * JSON lines, unless the first line is not a whole JSON value (a pretty-printed
 * document); otherwise a tab in the first line means tab-separated, else CSV.
 */
export function sniff(head: string): InputFormat {
  const t = head.replace(/^\ufeff/, '').trimStart();
  if (t.startsWith('[')) return 'json';
  if (t.startsWith('{')) {
    const line = firstLine(t);
    // A first line that is cut off (no line break seen yet) is given the benefit of the doubt.
    if (!t.includes('\n')) return 'jsonl';
    try {
      JSON.parse(line);
      return 'jsonl';
    } catch {
      return 'json';
    }
  }
  return firstLine(t).includes('\t') ? 'tsv' : 'csv';
}

/** The delimiter of a CSV header line: the most frequent of comma, semicolon and tab (comma on a tie). */
export function sniffDelimiter(header: string): string {
  let best = ',';
  let bestCount = count(header, ',');
  for (const d of [';', '\t']) {
    const n = count(header, d);
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
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

async function* readJsonl(chunks: AsyncIterable<string>, _input: string): AsyncGenerator<Read> {
  let line = 0;
  for await (const text of lines(chunks)) {
    line++;
    if (text.trim() === '') continue;
    yield parseJsonLine(text, line);
  }
}

function parseJsonLine(text: string, line: number): Read {
  try {
    return { line, raw: JSON.parse(text) };
  } catch (e) {
    const { reason, offset } = jsonProblem(text, e);
    return { line, error: `line ${line}${offset !== undefined ? `, column ${offset + 1}` : ''}: not valid JSON: ${reason}` };
  }
}

/**
 * Why text is not JSON, in plain words, and where: JSON.parse does not always
 * say where (`Unexpected token 'o', "not json" is not valid JSON`), so the
 * text is walked again to find the first offending character.
 */
export function jsonProblem(text: string, e?: unknown): { reason: string; offset?: number } {
  const found = findJsonError(text);
  if (found) return found;
  const message = e instanceof Error ? e.message : String(e ?? 'not valid JSON');
  return { reason: message.replace(/^([A-Z])/, (c) => c.toLowerCase()) };
}

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the text';
  if (ch === '\n') return 'a line break';
  if (ch === ' ') return 'a space';
  if (ch === '\t') return 'a tab';
  const code = ch.charCodeAt(0);
  if (code < 0x20) return `the control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return `'${ch}'`;
}

class JsonSyntax {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

/** The first syntax error in text, or undefined when it is valid JSON. */
function findJsonError(text: string): { reason: string; offset: number } | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (reason: string): never => {
    throw new JsonSyntax(i, reason);
  };
  const unexpected = (context = ''): never => {
    if (i >= text.length) return fail('the text ends too early (a missing }, ] or ")');
    const word = /^[A-Za-z_][\w$-]*/.exec(text.slice(i, i + 40))?.[0];
    if (word) return fail(`unexpected word '${word}'${context || ' (text needs double quotes)'}`);
    if (text[i] === "'") return fail(`unexpected single quote${context} (JSON needs double quotes)`);
    return fail(`unexpected ${describeChar(text[i])}${context}`);
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail('a string is not closed (a missing ")');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail(`${describeChar(text[i])} inside a string (write it as \\n, \\t, …)`);
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('a \\u escape needs four hex digits');
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) {
          i++;
          fail(`the escape \\${next ?? ''} is not valid in JSON`);
        }
        i += 2;
        continue;
      }
      i++;
    }
  };
  const scalar = (): void => {
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (num && num[0] !== '-' && num[0].length > 0) {
      i += num[0].length;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    unexpected();
  };
  const memberName = (): void => {
    ws();
    if (text[i] !== '"') text[i] === '}' ? fail("a trailing comma before '}'") : unexpected(' where a property name in double quotes should be');
    string();
    ws();
    if (text[i] !== ':') unexpected(" where ':' should follow the property name");
    i++;
  };
  // Iterative, with the open objects and arrays on an explicit stack: a line
  // nested 100,000 levels deep must be reported, not overflow the call stack.
  const value = (): void => {
    const open: string[] = [];
    for (;;) {
      ws();
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) i++;
        else {
          open.push(c);
          if (c === '{') memberName();
          continue;
        }
      } else if (c === '"') string();
      else scalar();
      // After a value: close what ends here, or move on to the next member or element.
      let next = false;
      while (open.length > 0 && !next) {
        ws();
        const container = open[open.length - 1];
        if (text[i] === ',') {
          i++;
          if (container === '{') memberName();
          else {
            ws();
            if (text[i] === ']') fail("a trailing comma before ']'");
          }
          next = true;
        } else if (text[i] === (container === '{' ? '}' : ']')) {
          i++;
          open.pop();
        } else unexpected(container === '{' ? " where ',' or '}' should be" : " where ',' or ']' should be");
      }
      if (!next) return;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describeChar(text[i])} after the end of the JSON value`);
    return undefined;
  } catch (err) {
    if (err instanceof JsonSyntax) return { reason: err.reason, offset: Math.min(err.offset, text.length) };
    throw err;
  }
}

/** Keys that hold the records in a wrapper object such as `{ "records": [...] }`. */
const WRAPPER_KEYS = ['records', 'rows', 'data', 'results', 'entries'];

/**
 * A JSON array of records, a single record, or an object holding the records:
 * `{ "records": [...] }` (also rows, data, results, entries) or an object whose
 * only property is an array. Read whole. A file that is really JSON lines is
 * read as JSON lines.
 */
async function* readJsonDocument(chunks: AsyncIterable<string>, _input: string): AsyncGenerator<Read> {
  const parts: string[] = [];
  for await (const c of chunks) parts.push(c);
  const text = parts.join('');
  if (text.trim() === '') return;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    if (looksLikeJsonLines(text)) {
      let line = 0;
      for (const t of text.split('\n')) {
        line++;
        if (t.trim() !== '') yield parseJsonLine(t, line);
      }
      return;
    }
    const { reason, offset } = jsonProblem(text, e);
    const at = offset !== undefined ? locate(text, offset) : undefined;
    const line = at?.line ?? 1;
    yield { line, error: `line ${line}${at ? `, column ${at.column}` : ''}: not valid JSON: ${reason}; nothing in this file could be read` };
    return;
  }
  let items: unknown[];
  let arrayStart: number | undefined;
  const top = skipSpace(text, 0);
  if (Array.isArray(doc)) {
    items = doc;
    arrayStart = top;
  } else {
    const key = wrapperKey(doc);
    if (key === undefined) {
      yield { line: locate(text, top).line, raw: doc };
      return;
    }
    items = (doc as Record<string, unknown[]>)[key];
    arrayStart = memberValueStart(text, top, key);
  }
  const starts = arrayStart !== undefined && text[arrayStart] === '[' ? elementStarts(text, arrayStart) : [];
  const lineOf = lineCounter(text);
  for (let i = 0; i < items.length; i++) yield { line: starts[i] !== undefined ? lineOf(starts[i]) : 1, raw: items[i] };
}

function wrapperKey(doc: unknown): string | undefined {
  if (doc === null || typeof doc !== 'object') return undefined;
  const obj = doc as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && Array.isArray(obj[keys[0]])) return keys[0];
  return WRAPPER_KEYS.find((k) => Array.isArray(obj[k]));
}

function looksLikeJsonLines(text: string): boolean {
  const nonBlank = text.split('\n').filter((l) => l.trim() !== '');
  if (nonBlank.length < 2) return false;
  try {
    JSON.parse(nonBlank[0]);
    return true;
  } catch {
    return false;
  }
}

function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offsets to lines, for offsets asked in increasing order (one pass over the text). */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let pos = 0;
  return (offset) => {
    if (offset < pos) {
      line = 1;
      pos = 0;
    }
    for (let i = text.indexOf('\n', pos); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      pos = i + 1;
    }
    if (pos < offset) pos = offset;
    return line;
  };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\t' || text[i] === '\r')) i++;
  return i;
}

/** End (exclusive) of the JSON value starting at `i`, in text known to be valid JSON. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') {
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === '\\') j++;
      else if (text[j] === '"') return j + 1;
    }
    return text.length;
  }
  if (c === '[' || c === '{') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') j = skipValue(text, j) - 1;
      else if (d === '[' || d === '{') depth++;
      else if (d === ']' || d === '}') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !/[\s,\]}]/.test(text[j])) j++;
  return j;
}

/** Start offsets of the elements of the array at `start`. */
function elementStarts(text: string, start: number): number[] {
  const out: number[] = [];
  let i = skipSpace(text, start + 1);
  while (i < text.length && text[i] !== ']') {
    out.push(i);
    i = skipSpace(text, skipValue(text, i));
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return out;
}

/** Start offset of the value of `key` in the object at `start` (the last one when a key repeats, like JSON.parse). */
function memberValueStart(text: string, start: number, key: string): number | undefined {
  let found: number | undefined;
  let i = skipSpace(text, start + 1);
  while (i < text.length && text[i] === '"') {
    const keyEnd = skipValue(text, i);
    const name = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd);
    if (text[i] !== ':') return found;
    i = skipSpace(text, i + 1);
    if (name === key) found = i;
    i = skipSpace(text, skipValue(text, i));
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return found;
}

/**
 * CSV (RFC 4180: quoted fields may hold delimiters and line breaks) and
 * tab-separated files. Amazon's flat-file reports are tab-separated with
 * literal quotes (a product name may read `12" x 18"`), so in tab-separated
 * input quotes are ordinary characters. The first non-blank row is the
 * header; a row with fewer or more values than the header is reported, not
 * guessed at.
 */
async function* readDelimited(chunks: AsyncIterable<string>, format: InputFormat, input: string, delimiter?: string): AsyncGenerator<Read> {
  const queue: Array<{ values: string[]; line: number }> = [];
  let lastEnd = 0;
  const parser = parseCsv({
    delimiter: format === 'tsv' ? '\t' : (delimiter ?? ','),
    ...(format === 'tsv' ? { quote: false } : { relax_quotes: true }),
    relax_column_count: true,
    skip_empty_lines: true,
    raw: true,
    on_record: (record: unknown, info) => {
      const values = (Array.isArray(record) ? record : (record as { record: string[] }).record) as string[];
      // `info.lines` is the line the record ends on; count back over the line breaks inside it.
      const raw = (info.raw ?? '').replace(/^\n+/, '').replace(/\n$/, '');
      queue.push({ values, line: info.lines - count(raw, '\n') });
      lastEnd = info.lines;
      return null;
    },
  });
  let failure: unknown;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.resume();
  let header: string[] | undefined;
  const take = function* (): Generator<Read> {
    for (const { values, line } of queue.splice(0)) {
      if (values.every((v) => v.trim() === '')) continue;
      if (!header) {
        header = headerNames(values);
        continue;
      }
      let row = values;
      // A trailing delimiter on every row (some exporters add one) leaves empty extra values: ignore them.
      if (row.length > header.length && row.slice(header.length).every((v) => v.trim() === '')) row = row.slice(0, header.length);
      if (row.length !== header.length) {
        yield {
          line,
          error: `line ${line}: has ${row.length} ${row.length === 1 ? 'value' : 'values'}, but the header has ${header.length} columns${format === 'csv' && row.length < header.length ? ' (a missing delimiter, or a line break outside quotes?)' : ''}`,
        };
        continue;
      }
      const raw: Record<string, string> = {};
      // Own properties even for a column named `__proto__`.
      for (let i = 0; i < header.length; i++) Object.defineProperty(raw, header[i], { value: row[i], enumerable: true, writable: true, configurable: true });
      yield { line, raw };
    }
  };
  for await (const chunk of chunks) {
    await new Promise<void>((resolve) => parser.write(chunk, () => resolve()));
    yield* take();
    if (failure) break;
  }
  if (!failure) {
    await new Promise<void>((resolve) => {
      parser.once('error', () => resolve());
      parser.end(() => resolve());
    });
    yield* take();
  }
  if (failure) {
    const line = lastEnd + 1;
    const code = (failure as { code?: string }).code;
    const why =
      code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted value starts here and is never closed'
        : failure instanceof Error
          ? failure.message.replace(/^Invalid Record Length: /, '')
          : String(failure);
    yield { line, error: `line ${line}: ${why}; the rest of ${input === '-' ? 'standard input' : `'${input}'`} could not be read` };
  }
}

/** Header names: trimmed; an empty name becomes `column3`; a repeated name gets `_2`, `_3`. */
export function headerNames(values: string[]): string[] {
  const seen = new Map<string, number>();
  return values.map((v, i) => {
    let name = v.trim() || `column${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name}_${n}`;
    return name;
  });
}
