/**
 * Odd input files are read correctly or reported with their line, never
 * silently turned into fewer or garbled records: an unclosed quote in the
 * middle of a CSV, CR-only line ends, bytes that are not UTF-8, UTF-16
 * without a byte-order mark, repeated CSV column names. The command line's
 * streaming reader and the playground's whole-text reader agree. Expected
 * records are worked out from the input text by hand.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readText } from '../../src/input/index.js';
import { readRecords, type ReadOptions } from '../../src/node/read.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sellguard-odd-inputs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Brief = [number, unknown];

/** Each record as [line, raw] or [line, 'error: …']. */
async function readFile(name: string, content: string | Buffer, opts: ReadOptions = {}): Promise<Brief[]> {
  const path = join(dir, name);
  writeFileSync(path, content);
  const out: Brief[] = [];
  for await (const r of readRecords(path, opts)) out.push([r.line, r.error !== undefined ? `error: ${r.error.replaceAll(path, 'FILE')}` : r.raw]);
  return out;
}

async function readStdin(content: Buffer): Promise<Brief[]> {
  const out: Brief[] = [];
  for await (const r of readRecords('-', { stdin: Readable.from([content]) })) out.push([r.line, r.error !== undefined ? `error: ${r.error}` : r.raw]);
  return out;
}

function readPlayground(text: string): Brief[] {
  return readText(text).records.map((r) => [r.line, r.error !== undefined ? `error: ${r.error}` : r.raw]);
}

const unclosedAt = (line: number) => `error: line ${line}: a quoted value starts here and is not closed (a missing closing "?); this row is skipped and reading goes on at line ${line + 1}`;

describe('a CSV quote that is never closed', () => {
  // Line 2 opens a quote; the quote before `quoted` on line 4 would have closed it, swallowing lines 3 and 4.
  const swallowing = 'id,body\n1,"unclosed\n2,x\n3,"quoted"\n4,y\n';
  const expected: Brief[] = [
    [2, unclosedAt(2)],
    [3, { id: '2', body: 'x' }],
    [4, { id: '3', body: 'quoted' }],
    [5, { id: '4', body: 'y' }],
  ];

  it('is reported at the line where it opens, and the rows after it are still read (file)', async () => {
    expect(await readFile('swallow.csv', swallowing)).toEqual(expected);
  });

  it('is reported the same way in the playground', () => {
    expect(readPlayground(swallowing)).toEqual(expected);
  });

  it('open until the end of the file: the row is reported and the lines after it read', async () => {
    const text = 'a,b\n1,2\n3,"never closed\n4,5\n\n6,7\n';
    const want: Brief[] = [
      [2, { a: '1', b: '2' }],
      [3, unclosedAt(3)],
      [4, { a: '4', b: '5' }],
      [6, { a: '6', b: '7' }],
    ];
    expect(await readFile('open-to-end.csv', text)).toEqual(want);
    expect(readPlayground(text)).toEqual(want);
  });

  it('keeps a properly quoted value across lines, with doubled quotes in it', async () => {
    const text = 'id,body\n1,"""Hi,"" she said\nthanks"\n2,x\n';
    const want: Brief[] = [
      [2, { id: '1', body: '"Hi," she said\nthanks' }],
      [4, { id: '2', body: 'x' }],
    ];
    expect(await readFile('multiline.csv', text)).toEqual(want);
    expect(readPlayground(text)).toEqual(want);
  });

  it('several unclosed quotes: each row reported, every other row read (records + errors = data rows)', async () => {
    const text = 'id,body\n1,"a\n2,"b\n3,c\n4,"d\n';
    const want: Brief[] = [
      [2, unclosedAt(2)],
      [3, unclosedAt(3)],
      [4, { id: '3', body: 'c' }],
      [5, unclosedAt(5)],
    ];
    expect(await readFile('several.csv', text)).toEqual(want);
    expect(readPlayground(text)).toEqual(want);
  });
});

describe('CR-only line ends (old Mac exports)', () => {
  it('separate JSON lines', async () => {
    expect(await readFile('cr.jsonl', '{"a":1}\r{"a":2}\r\r{"a":3}')).toEqual([
      [1, { a: 1 }],
      [2, { a: 2 }],
      [4, { a: 3 }],
    ]);
  });

  it('separate CSV rows, in files and in the playground', async () => {
    const text = 'a,b\r1,2\r3,4\r';
    const want: Brief[] = [
      [2, { a: '1', b: '2' }],
      [3, { a: '3', b: '4' }],
    ];
    expect(await readFile('cr.csv', text)).toEqual(want);
    expect(readPlayground(text)).toEqual(want);
  });
});

describe('bytes that are not UTF-8', () => {
  const bad = (line: number) =>
    `error: line ${line}: holds bytes that are not UTF-8 text (shown as \ufffd); save the file as UTF-8 (in a spreadsheet: "CSV UTF-8") and check it again`;
  // 0xE9 is "é" in Windows-1252; alone it is not UTF-8.
  const latin1 = (text: string) => Buffer.from(text, 'latin1');

  it('are reported on the line that holds them, in JSON lines; other lines are read', async () => {
    expect(await readFile('latin1.jsonl', latin1('{"body":"ok"}\n{"body":"caf\u00e9"}\n{"body":"fine"}\n'))).toEqual([
      [1, { body: 'ok' }],
      [2, bad(2)],
      [3, { body: 'fine' }],
    ]);
  });

  it('are reported on the line that holds them, in CSV and on standard input', async () => {
    const bytes = latin1('sku,title\nA1,Caf\u00e9 mug\nA2,Plain mug\n');
    const want: Brief[] = [
      [2, bad(2)],
      [3, { sku: 'A2', title: 'Plain mug' }],
    ];
    expect(await readFile('latin1.csv', bytes)).toEqual(want);
    expect(await readStdin(bytes)).toEqual(want);
  });
});

describe('the replacement character written in the file itself', () => {
  // U+FFFD is a character like any other when the file holds it as UTF-8 (EF BF BD) or UTF-16 (FFFD):
  // only bytes the decoder could not read make a record unreadable.
  const lines = '{"body":"a \ufffd from an old system"}\n{"body":"fine"}\n';
  const want: Brief[] = [
    [1, { body: 'a \ufffd from an old system' }],
    [2, { body: 'fine' }],
  ];

  it('is read as text in UTF-8', async () => {
    expect(await readFile('written.jsonl', Buffer.from(lines, 'utf8'))).toEqual(want);
  });

  it('is read as text in UTF-16 without a byte-order mark', async () => {
    expect(await readFile('written16.jsonl', Buffer.from(lines, 'utf16le'))).toEqual(want);
  });

  it('is read as text when its three bytes fall on both sides of a read chunk', async () => {
    // The reader takes the file in chunks of 64 KiB, so 256 KiB is a chunk boundary: put EF | BF BD across it.
    const pad = 'x'.repeat(256 * 1024 - '{"body":"'.length - 1);
    const bytes = Buffer.from(`{"body":"${pad}\ufffd"}\n{"body":"fine"}\n`, 'utf8');
    expect(bytes[256 * 1024 - 1]).toBe(0xef);
    const read = await readFile('boundary.jsonl', bytes);
    expect(read.map(([line, r]) => [line, typeof r === 'string' ? r : 'record'])).toEqual([
      [1, 'record'],
      [2, 'record'],
    ]);
  });

  it('is read as text on standard input that arrives a byte at a time', async () => {
    const bytes = Buffer.from(lines, 'utf8');
    const stdin = Readable.from(Array.from(bytes, (b) => Buffer.from([b])));
    const read: Brief[] = [];
    for await (const r of readRecords('-', { stdin })) read.push([r.line, r.error !== undefined ? `error: ${r.error}` : r.raw]);
    expect(read).toEqual(want);
  });

  it('does not hide bad bytes elsewhere in the file', async () => {
    const bytes = Buffer.concat([Buffer.from('{"body":"\ufffd"}\n', 'utf8'), Buffer.from('{"body":"caf\u00e9"}\n', 'latin1')]);
    const read = await readFile('both.jsonl', bytes);
    expect(read[1]).toEqual([2, `error: line 2: holds bytes that are not UTF-8 text (shown as \ufffd); save the file as UTF-8 (in a spreadsheet: "CSV UTF-8") and check it again`]);
  });
});

describe('UTF-16 without a byte-order mark', () => {
  const text = '{"body":"Hallo, wie geht\u2019s?"}\n{"body":"fine"}\n';
  const want: Brief[] = [
    [1, { body: 'Hallo, wie geht\u2019s?' }],
    [2, { body: 'fine' }],
  ];

  it('little-endian is decoded', async () => {
    expect(await readFile('le.jsonl', Buffer.from(text, 'utf16le'))).toEqual(want);
  });

  it('big-endian is decoded', async () => {
    expect(await readFile('be.jsonl', Buffer.from(text, 'utf16le').swap16())).toEqual(want);
  });

  it('as a CSV on standard input', async () => {
    expect(await readStdin(Buffer.from('a,b\n1,2\n', 'utf16le'))).toEqual([[2, { a: '1', b: '2' }]]);
  });
});

describe('repeated CSV column names', () => {
  it('are reported with the columns and the file, and the rows still read', async () => {
    const text = 'sku,price,sku,note,price,sku\nA1,3,B1,n,4,C1\n';
    const message = (what: string) =>
      `error: line 1: in the header of ${what}, columns 1, 3 and 6 are all named 'sku'; columns 2 and 5 are both named 'price'; rename one so it is clear which to check (the rows are read with the first under that name, the next as name_2, …)`;
    const row = { sku: 'A1', price: '3', sku_2: 'B1', note: 'n', price_2: '4', sku_3: 'C1' };
    expect(await readFile('dup.csv', text)).toEqual([
      [1, message("'FILE'")],
      [2, row],
    ]);
    expect(readPlayground(text)).toEqual([
      [1, message('the data')],
      [2, row],
    ]);
  });
});

describe('a JSON list read as a stream', () => {
  // Items across chunk boundaries: the text is fed 7 characters at a time.
  const text = '[\n  {"a": 1, "s": "x]\\",{"},\n  {"a": [1, {"b": 2}]},\n  {"a": tru},\n  "plain", 3 ,\n  {"a": 4}\n]\n';
  const want: Brief[] = [
    [2, { a: 1, s: 'x]",{' }],
    [3, { a: [1, { b: 2 }] }],
    [4, "error: line 4, column 9: not valid JSON: unexpected word 'tru' (text needs double quotes)"],
    [5, 'plain'],
    [5, 3],
    [6, { a: 4 }],
  ];

  it('gives every item its line, reports a broken item and reads on (file and standard input in small chunks)', async () => {
    expect(await readFile('list.json', text)).toEqual(want);
    const out: Brief[] = [];
    const chunks = Array.from({ length: Math.ceil(text.length / 7) }, (_, i) => Buffer.from(text.slice(i * 7, i * 7 + 7)));
    for await (const r of readRecords('-', { stdin: Readable.from(chunks), format: 'json' })) out.push([r.line, r.error !== undefined ? `error: ${r.error}` : r.raw]);
    expect(out).toEqual(want);
  });

  it('reports a missing item, a list never closed and text after its end', async () => {
    expect(await readFile('gaps.json', '[1,,2]')).toEqual([
      [1, 1],
      [1, 'error: line 1: a missing item (two commas in a row, or a comma before \']\')'],
      [1, 2],
    ]);
    expect(await readFile('open.json', '[{"a": 1},\n{"a": 2}')).toEqual([
      [1, { a: 1 }],
      [2, { a: 2 }],
      [2, 'error: line 2: the list is never closed (a missing ] at the end)'],
    ]);
    expect(await readFile('after.json', '[1]\n[2]\n')).toEqual([
      [1, 1],
      [2, 'error: line 2: more text after the end of the list; only the list\'s items were read'],
    ]);
  });
});
