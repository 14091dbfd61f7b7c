/**
 * Cutting files into pieces for worker threads: the pieces cover the file
 * end to end, and reading them one by one (each with its first line, and the
 * header for delimited pieces after the first) gives exactly the records of
 * reading the whole file: the same values, lines and messages.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filePieces, type Piece } from '../../src/node/pieces.js';
import { readRecords, type InputFormat, type InputRecord } from '../../src/node/read.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sellguard-pieces-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** The file's pieces, and its records read whole and read piece by piece (indexes renumbered in order). */
async function compare(name: string, text: string | Buffer, format: 'jsonl' | 'csv' | 'tsv', pieceBytes: number) {
  const path = join(dir, name);
  writeFileSync(path, text);
  let header: string[] | undefined;
  const whole = await all(readRecords(path, { format, onHeader: (h) => (header = h) }));
  const pieces = await all(filePieces(path, { format, pieceBytes }));
  const byPiece: InputRecord[] = [];
  for (const piece of pieces) {
    const recs = await all(readRecords(path, { format: format as InputFormat, range: { ...piece, ...(piece.start > 0 && header ? { header } : {}) } }));
    for (const r of recs) byPiece.push({ ...r, index: byPiece.length });
  }
  return { whole, byPiece, pieces, size: Buffer.byteLength(text) };
}

function contiguous(pieces: Piece[], size: number): boolean {
  return pieces[0].start === 0 && pieces.at(-1)!.end === size && pieces.every((p, i) => i === 0 || p.start === pieces[i - 1].end);
}

describe('filePieces', () => {
  it('cuts JSON lines at line starts, with blank and broken lines read the same', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => (i % 17 === 5 ? `not json ${i}` : i % 23 === 0 ? '' : JSON.stringify({ n: i, text: 'x'.repeat(i % 40) })));
    const { whole, byPiece, pieces, size } = await compare('a.jsonl', `${lines.join('\n')}\n`, 'jsonl', 300);
    expect(pieces.length).toBeGreaterThan(10);
    expect(contiguous(pieces, size)).toBe(true);
    expect(byPiece).toEqual(whole);
    // Line 6 holds `not json 5` (line = index + 1: no blank line comes before it).
    expect(whole.find((r) => r.error)?.line).toBe(6);
  });

  it('never cuts inside a quoted CSV value (line breaks, doubled quotes, CRLF, a byte-order mark)', async () => {
    const rows = ['id,note'];
    for (let i = 0; i < 150; i++) rows.push(i % 5 === 0 ? `${i},"a note\r\nover ""two"" lines, ok"` : i % 31 === 3 ? `${i},extra,value` : `${i},plain ${i}`);
    const text = `\ufeff${rows.join('\r\n')}\r\n`;
    const { whole, byPiece, pieces, size } = await compare('b.csv', text, 'csv', 100);
    expect(pieces.length).toBeGreaterThan(10);
    expect(contiguous(pieces, size)).toBe(true);
    expect(byPiece).toEqual(whole);
    // No piece starts inside a quoted note: each starts with a row id (offsets are in bytes; the mark is 3).
    const bytes = Buffer.from(text);
    for (const p of pieces.slice(1)) expect(bytes.subarray(p.start, p.start + 8).toString()).toMatch(/^\d+,/);
  });

  it('stops cutting at a quote the reader might read otherwise, so the rest is read as one piece', async () => {
    const rows = ['id,note'];
    for (let i = 0; i < 100; i++) rows.push(i === 40 ? `${i},"never closed` : i % 9 === 0 ? `${i},"quoted ""${i}"""` : `${i},plain`);
    const text = `${rows.join('\n')}\n`;
    const { whole, byPiece, pieces, size } = await compare('c.csv', text, 'csv', 60);
    expect(contiguous(pieces, size)).toBe(true);
    expect(byPiece).toEqual(whole);
    // The row with the open quote starts on line 42; the last piece starts at or before it.
    expect(pieces.at(-1)!.line).toBeLessThanOrEqual(42);
    expect(whole.find((r) => r.error?.includes('not closed'))?.line).toBe(42);
  });

  it('reads quotes in tab-separated files as ordinary characters, and starts after the header', async () => {
    const rows = ['', 'sku\tname', ...Array.from({ length: 80 }, (_, i) => `S${i}\t12" x 18" frame ${i}`)];
    const { whole, byPiece, pieces, size } = await compare('d.tsv', `${rows.join('\n')}\n`, 'tsv', 50);
    expect(pieces.length).toBeGreaterThan(10);
    expect(contiguous(pieces, size)).toBe(true);
    expect(pieces[0].end).toBeGreaterThan('\nsku\tname\n'.length - 1);
    expect(byPiece).toEqual(whole);
  });

  it('keeps a file with lone CR line ends in one piece from the first lone CR', async () => {
    const text = `id,note\n${Array.from({ length: 50 }, (_, i) => `${i},n${i}`).join('\r')}\r`;
    const { whole, byPiece, pieces } = await compare('e.csv', text, 'csv', 20);
    expect(pieces).toEqual([{ start: 0, end: Buffer.byteLength(text), line: 1 }]);
    expect(byPiece).toEqual(whole);
  });
});
