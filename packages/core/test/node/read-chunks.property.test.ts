/**
 * The streaming CSV reader keeps only the text it has not read into rows
 * yet between chunks; when a quote is never closed it reads that text
 * again from the line after the row. Whatever the chunks, it must give the
 * records (and the messages, at the same lines) that the whole-text reader
 * of the playground gives for the same text.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/input/index.js';
import { readRecords } from '../../src/node/read.js';

type Brief = [number, unknown];

/** CSV-like text: short values with quotes, commas, blank lines and line breaks, so quotes open and close anywhere. */
const csvText = fc
  .array(fc.constantFrom('a', 'b', '1', ',', '"', '""', '\n', '\n\n', ' ', 'x y', '\t'), { minLength: 1, maxLength: 60 })
  .map((parts) => `id,body\n${parts.join('')}`);

/** The text cut into pieces at the given points. */
function cut(text: string, points: number[]): string[] {
  const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of at) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces.filter((p) => p !== '');
}

async function streamed(pieces: string[]): Promise<Brief[]> {
  const out: Brief[] = [];
  const stdin = Readable.from(pieces.map((p) => Buffer.from(p)));
  for await (const r of readRecords('-', { stdin, format: 'csv' })) out.push([r.line, r.error !== undefined ? r.error.replace('standard input', 'the data') : r.raw]);
  return out;
}

describe('the streaming CSV reader, in any chunks', () => {
  it('reads the records and reports the lines the whole-text reader does', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.array(fc.nat(), { maxLength: 8 }), async (text, points) => {
        const whole: Brief[] = readText(text, { format: 'csv' }).records.map((r) => [r.line, r.error !== undefined ? r.error : r.raw]);
        expect(await streamed(cut(text, points))).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });
});
