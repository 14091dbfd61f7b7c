/**
 * Reader fuzzing: byte soups (random bytes, and random runs of the characters
 * that matter to JSON and CSV) read in every format, with the format sniffed,
 * and on standard input, never make a reader throw; every record has a line
 * within the text and either a value or an error; records are numbered one
 * after another. The playground's whole-text reader never throws either.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { readText } from '../../packages/core/src/input/index.js';
import { readRecords, type InputFormat, type ReadOptions } from '../../packages/core/src/node/read.js';

const FORMATS: ReadonlyArray<InputFormat | undefined> = ['jsonl', 'json', 'csv', 'tsv', undefined];

const meaningful = ['{', '}', '[', ']', '"', '""', ',', ';', ':', '\n', '\r', '\r\n', '\t', ' ', 'a', '1', 'null', 'true', '\\', '\\u00', 'é', '\ufeff', '\ufffd', '😀', '\u0000'];
const soupText = fc.array(fc.constantFrom(...meaningful), { maxLength: 200 }).map((p) => p.join(''));
/** Bytes: random, the UTF-8 of a soup, or a soup's UTF-8 with random bytes spliced in (not UTF-8 any more). */
export const byteSoup = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  soupText.map((t) => new Uint8Array(Buffer.from(t))),
  fc.tuple(soupText, fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.nat()).map(([t, bad, at]) => {
    const b = Buffer.from(t);
    const i = at % (b.length + 1);
    return new Uint8Array(Buffer.concat([b.subarray(0, i), Buffer.from(bad), b.subarray(i)]));
  }),
);

async function readAll(input: string, opts: ReadOptions, lineCount: number, what: string): Promise<void> {
  let expectIndex = 0;
  for await (const r of readRecords(input, opts)) {
    if (r.index !== expectIndex++) throw new Error(`${what}: record ${r.index} came where ${expectIndex - 1} was expected`);
    if (!(r.line >= 1 && r.line <= lineCount + 1)) throw new Error(`${what}: line ${r.line} is outside the text (${lineCount} lines)`);
    if (r.error === undefined && r.raw === undefined) throw new Error(`${what}: a record with neither a value nor an error`);
  }
}

/** Throws (fails the property) when a reader breaks its promise on these bytes. */
export async function checkBytes(bytes: Uint8Array): Promise<void> {
  const buffer = Buffer.from(bytes);
  // Every line end (LF, CRLF, CR) counts, as the readers count them.
  const lineCount = buffer.toString('latin1').split(/\r\n|\r|\n/).length;
  const dir = mkdtempSync(join(tmpdir(), 'sellguard-fuzz-'));
  try {
    const file = join(dir, 'soup');
    writeFileSync(file, buffer);
    for (const format of FORMATS) {
      const opts = format ? { format } : {};
      await readAll(file, opts, lineCount, `file as ${format ?? 'sniffed'}`);
      await readAll('-', { ...opts, stdin: Readable.from([buffer]) }, lineCount, `standard input as ${format ?? 'sniffed'}`);
      readText(buffer.toString('utf8'), format ? { format } : {});
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const readerProperty = fc.asyncProperty(byteSoup, (bytes) => checkBytes(bytes));
