/**
 * Reading input records from files and standard input, streamed: JSONL,
 * CSV and tab-separated files are read line by line in constant memory, so
 * a 5-million-row order report never sits in memory. A record that cannot
 * be read is yielded with an error and its line; reading goes on.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse';

export type InputFormat = 'jsonl' | 'json' | 'csv' | 'tsv';

export interface InputRecord {
  /** 0-based position among the records of all inputs. */
  index: number;
  /** 1-based line where the record starts. */
  line: number;
  /** The file as given on the command line ('-' for standard input). */
  file: string;
  raw?: unknown;
  /** Why the record could not be read. */
  error?: string;
}

export class InputError extends Error {}

export function formatOf(path: string): InputFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv' || ext === '.txt' || ext === '.tab') return 'tsv';
  return undefined;
}

export interface ReadOptions {
  format?: InputFormat;
  /** First index to give (when several inputs are read one after another). */
  startIndex?: number;
  /** Standard input, for '-' (tests pass their own stream). */
  stdin?: NodeJS.ReadableStream;
}

/** Read the records of one input. Throws InputError before reading when the file cannot be opened. */
export async function* readRecords(input: string, opts: ReadOptions = {}): AsyncGenerator<InputRecord> {
  let stream: NodeJS.ReadableStream;
  let format = opts.format;
  if (input === '-') {
    const source = opts.stdin ?? process.stdin;
    const { head, rest } = await peek(source);
    stream = rest;
    format ??= sniff(head);
  } else {
    if (!existsSync(input)) throw new InputError(`cannot read input file '${input}': no such file`);
    if (statSync(input).isDirectory()) throw new InputError(`cannot read input file '${input}': it is a folder`);
    format ??= formatOf(input);
    if (!format) {
      const { head, rest } = await peek(createReadStream(input));
      stream = rest;
      format = sniff(head);
    } else stream = createReadStream(input);
  }
  const file = input === '-' ? '-' : input;
  let index = opts.startIndex ?? 0;
  const reader = format === 'jsonl' ? readJsonl : format === 'json' ? readJsonDocument : readDelimited;
  for await (const r of reader(stream, format, file)) yield { ...r, index: index++ };
}

type Unindexed = Omit<InputRecord, 'index'>;

async function* readJsonl(stream: NodeJS.ReadableStream, _format: InputFormat, file: string): AsyncGenerator<Unindexed> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const t = line === 1 ? text.replace(/^\ufeff/, '') : text;
    if (t.trim() === '') continue;
    try {
      yield { line, file, raw: JSON.parse(t) };
    } catch (e) {
      yield { line, file, error: `line ${line} is not valid JSON: ${(e as Error).message}` };
    }
  }
}

/** A JSON array, a single object, or an object holding the array (`{ "records": [...] }`). Read whole. */
async function* readJsonDocument(stream: NodeJS.ReadableStream, _format: InputFormat, file: string): AsyncGenerator<Unindexed> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  text = text.replace(/^\ufeff/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    yield { line: 1, file, error: `${basename(file)} is not valid JSON: ${(e as Error).message}` };
    return;
  }
  const items = Array.isArray(doc) ? doc : arrayInside(doc) ?? [doc];
  const lines = Array.isArray(doc) ? itemLines(text) : [];
  for (let i = 0; i < items.length; i++) yield { line: lines[i] ?? 1, file, raw: items[i] };
}

function arrayInside(doc: unknown): unknown[] | undefined {
  if (doc === null || typeof doc !== 'object') return undefined;
  const arrays = Object.values(doc).filter(Array.isArray);
  return arrays.length === 1 && Object.keys(doc).length <= 3 ? (arrays[0] as unknown[]) : undefined;
}

/** Lines where the top-level items of a JSON array start (for messages). */
function itemLines(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expecting && !/[\s,\]]/.test(c)) {
      out.push(line);
      expecting = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expecting = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expecting = true;
  }
  return out;
}

/**
 * CSV (RFC 4180: quoted fields may hold commas and line breaks) and
 * tab-separated files. Amazon's flat-file reports are tab-separated with
 * literal quotes (a product name may contain 12" x 18"), so quotes are not
 * special there.
 */
async function* readDelimited(stream: NodeJS.ReadableStream, format: InputFormat, file: string): AsyncGenerator<Unindexed> {
  const parser = parseCsv({
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    ...(format === 'tsv' ? { delimiter: '\t', quote: false } : {}),
  });
  const source = stream instanceof Readable ? stream : Readable.from(stream as AsyncIterable<Buffer>);
  source.pipe(parser);
  let previousEnd = 1;
  let previousEmpty = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; empty_lines: number; error?: { record?: unknown[] }; columns?: unknown[] } }>) {
      const { record, info } = item;
      const start = previousEnd + 1 + (info.empty_lines - previousEmpty);
      previousEnd = info.lines;
      previousEmpty = info.empty_lines;
      const values = info.error?.record;
      const columns = info.columns?.length ?? 0;
      if (values && values.length > columns)
        yield { line: start, file, error: `line ${start} has ${values.length} values but the header has ${columns} columns` };
      else yield { line: start, file, raw: record };
    }
  } catch (e) {
    yield { line: previousEnd + 1, file, error: `the file could not be read past line ${previousEnd}: ${(e as Error).message}` };
  }
}

async function peek(source: NodeJS.ReadableStream): Promise<{ head: string; rest: NodeJS.ReadableStream }> {
  const it = (source as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done ? '' : first.value.toString();
  async function* all() {
    if (!first.done) yield first.value;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield n.value;
    }
  }
  return { head, rest: Readable.from(all()) };
}

/** Standard input has no extension: `[` is a JSON array, `{` JSON lines, a tab in the first line TSV, else CSV. */
export function sniff(head: string): InputFormat {
  const t = head.replace(/^\ufeff/, '').trimStart();
  if (t.startsWith('[')) return 'json';
  if (t.startsWith('{')) return 'jsonl';
  const firstLine = t.split('\n')[0] ?? '';
  return firstLine.includes('\t') ? 'tsv' : 'csv';
}
