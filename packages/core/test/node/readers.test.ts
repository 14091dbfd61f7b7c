/**
 * Readers: every format, the line each record starts on, bad input reported
 * and skipped over, standard input sniffed. Expected values are worked out
 * from the input text by hand.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInput, formatOf, InputError, readRecords, sniff, type InputRecord, type ReadOptions } from '../../src/node/read.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sellguard-readers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(input: string, opts: ReadOptions = {}): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  for await (const r of readRecords(input, opts)) out.push(r);
  return out;
}

async function readFile(name: string, content: string | Buffer, opts: ReadOptions = {}): Promise<InputRecord[]> {
  const path = join(dir, name);
  writeFileSync(path, content);
  return collect(path, opts);
}

/** Standard input fed from a stream, in the given chunks (to cross chunk boundaries). */
async function readStdin(chunks: Array<string | Buffer>, opts: ReadOptions = {}): Promise<InputRecord[]> {
  const stdin = Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  return collect('-', { ...opts, stdin });
}

/** index, line, and either the raw value or the error: what a test cares about. */
const brief = (records: InputRecord[]) => records.map((r) => (r.error !== undefined ? [r.index, r.line, 'error', r.error] : [r.index, r.line, r.raw]));

describe('formats', () => {
  it('are chosen by extension', () => {
    expect(formatOf('a.jsonl')).toBe('jsonl');
    expect(formatOf('a.NDJSON')).toBe('jsonl');
    expect(formatOf('a.json')).toBe('json');
    expect(formatOf('a.csv')).toBe('csv');
    expect(formatOf('a.tsv')).toBe('tsv');
    expect(formatOf('All Orders Report.txt')).toBe('tsv');
    expect(formatOf('a.xlsx')).toBeUndefined();
  });

  it('are sniffed from content when there is no extension', () => {
    expect(sniff('  \n[{"a":1}]')).toBe('json');
    expect(sniff('{"a":1}\n{"a":2}\n')).toBe('jsonl');
    expect(sniff('{\n  "a": 1\n}\n')).toBe('json');
    expect(sniff('order-id\tsku\n1\tx\n')).toBe('tsv');
    expect(sniff('orderId,body\n1,x\n')).toBe('csv');
    expect(sniff('\ufeff{"a":1}\n')).toBe('jsonl');
  });
});

describe('JSON lines', () => {
  it('reports a bad line with its line number and reads on; blank lines are not records', async () => {
    const text = ['{"a":1}', '', 'not json', '   ', '{"a":2}', '{"a":', '{"a":3}'].join('\n');
    const records = await readFile('bad.jsonl', text);
    expect(brief(records)).toEqual([
      [0, 1, { a: 1 }],
      [1, 3, 'error', "line 3, column 1: not valid JSON: unexpected word 'not' (text needs double quotes)"],
      [2, 5, { a: 2 }],
      // `{"a":` is 5 characters: the value is missing at offset 5, column 6.
      [3, 6, 'error', 'line 6, column 6: not valid JSON: the text ends too early (a missing }, ] or ")'],
      [4, 7, { a: 3 }],
    ]);
    expect(records.every((r) => r.file === join(dir, 'bad.jsonl'))).toBe(true);
  });

  it('says where a line goes wrong', async () => {
    const records = await readFile('where.jsonl', '{"a":1,}\n{"a" 1}\n{"a":1} x\n');
    expect(records.map((r) => r.error)).toEqual([
      "line 1, column 8: not valid JSON: a trailing comma before '}'",
      "line 2, column 6: not valid JSON: unexpected '1' where ':' should follow the property name",
      "line 3, column 9: not valid JSON: unexpected 'x' after the end of the JSON value",
    ]);
  });

  it('handles CRLF line ends, a byte-order mark and a last line without a line break', async () => {
    const records = await readFile('crlf.jsonl', '\ufeff{"a":"x"}\r\n\r\n{"a":"y\\r\\nz"}');
    expect(brief(records)).toEqual([
      [0, 1, { a: 'x' }],
      [1, 3, { a: 'y\r\nz' }],
    ]);
  });

  it('numbers records from startIndex (several inputs in one run)', async () => {
    const records = await readFile('more.jsonl', '{"a":1}\n{"a":2}\n', { startIndex: 10 });
    expect(records.map((r) => r.index)).toEqual([10, 11]);
  });

  it('keeps lines and characters whole across chunk boundaries', async () => {
    const bytes = Buffer.from('{"body":"héllo 😊"}\n{"body":"b"}\n');
    // Split inside the two-byte é and inside the four-byte emoji.
    const e = bytes.indexOf(Buffer.from('é')) + 1;
    const smile = bytes.indexOf(Buffer.from('😊')) + 2;
    const records = await readStdin([bytes.subarray(0, e), bytes.subarray(e, smile), bytes.subarray(smile)]);
    expect(brief(records)).toEqual([
      [0, 1, { body: 'héllo 😊' }],
      [1, 2, { body: 'b' }],
    ]);
  });
});

describe('CSV', () => {
  it('uses the header row (trimmed, after a BOM) as keys and reports the line where a record starts', async () => {
    const text = '\ufeff orderId , body \n1,"two\nlines"\n\n2,"say ""hi"""\n3,plain\n';
    const records = await readFile('m.csv', text);
    expect(brief(records)).toEqual([
      [0, 2, { orderId: '1', body: 'two\nlines' }],
      // Line 4 is blank; the quoted record of lines 2–3 is not.
      [1, 5, { orderId: '2', body: 'say "hi"' }],
      [2, 6, { orderId: '3', body: 'plain' }],
    ]);
  });

  it('counts the lines inside quoted fields, also with CRLF line ends', async () => {
    const text = 'id,body\r\n1,"a\r\n\r\nb"\r\n\r\n2,c\r\n3,"d\r\ne"\r\n4,f';
    const records = await readFile('crlf.csv', text);
    // Record 1 spans lines 2–4; line 5 is blank; then lines 6, 7–8 and 9.
    expect(brief(records)).toEqual([
      [0, 2, { id: '1', body: 'a\n\nb' }],
      [1, 6, { id: '2', body: 'c' }],
      [2, 7, { id: '3', body: 'd\ne' }],
      [3, 9, { id: '4', body: 'f' }],
    ]);
  });

  it('reports short and long rows, and reads on', async () => {
    const text = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n';
    expect(brief(await readFile('ragged.csv', text))).toEqual([
      [0, 2, { a: '1', b: '2', c: '3' }],
      [1, 3, 'error', 'line 3: has 2 values, but the header has 3 columns (a missing delimiter, or a line break outside quotes?)'],
      [2, 4, 'error', 'line 4: has 4 values, but the header has 3 columns'],
      [3, 5, { a: '10', b: '11', c: '12' }],
    ]);
  });

  it('forgives empty values after a trailing delimiter, and skips rows with no values at all', async () => {
    expect(brief(await readFile('trailing.csv', 'a,b\n1,2,\n,\n3,4\n'))).toEqual([
      [0, 2, { a: '1', b: '2' }],
      [1, 4, { a: '3', b: '4' }],
    ]);
  });

  it('reports a quote that is never closed at its line, and reads the rows after it', async () => {
    const records = await readFile('unclosed.csv', 'a,b\n1,2\n3,"never closed\n4,5\n');
    expect(brief(records)).toEqual([
      [0, 2, { a: '1', b: '2' }],
      [1, 3, 'error', 'line 3: a quoted value starts here and is not closed (a missing closing "?); this row is skipped and reading goes on at line 4'],
      [2, 4, { a: '4', b: '5' }],
    ]);
  });

  it('sniffs a semicolon delimiter (spreadsheets in many locales)', async () => {
    expect(brief(await readFile('semi.csv', 'a;b\n1;x,y\n'))).toEqual([[0, 2, { a: '1', b: 'x,y' }]]);
  });

  it('reads a UTF-16 file with a byte-order mark (spreadsheet "Unicode text")', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,é\n', 'utf16le')]);
    expect(brief(await readFile('u16.csv', bytes))).toEqual([[0, 2, { a: '1', b: 'é' }]]);
  });
});

describe('tab-separated (Amazon flat files)', () => {
  it('splits on tabs only: quotes are ordinary characters', async () => {
    const text = 'order-id\tproduct-name\tship-state\n111\tTrendy Home 12" x 18" Pillow\tOH\n112\t"Quoted" name\t\n';
    expect(brief(await readFile('orders.txt', text))).toEqual([
      [0, 2, { 'order-id': '111', 'product-name': 'Trendy Home 12" x 18" Pillow', 'ship-state': 'OH' }],
      [1, 3, { 'order-id': '112', 'product-name': '"Quoted" name', 'ship-state': '' }],
    ]);
  });

  it('reads .tsv the same way and reports a short row', async () => {
    expect(brief(await readFile('x.tsv', 'a\tb\n1\n2\t3\n'))).toEqual([
      [0, 2, 'error', 'line 2: has 1 value, but the header has 2 columns'],
      [1, 3, { a: '2', b: '3' }],
    ]);
  });
});

describe('JSON documents', () => {
  it('reads an array, giving each element the line it starts on', async () => {
    const text = '[\n  {"a": 1},\n\n  {"a": [1,\n 2]}, {"a": "]"}\n]\n';
    expect(brief(await readFile('arr.json', text))).toEqual([
      [0, 2, { a: 1 }],
      [1, 4, { a: [1, 2] }],
      [2, 5, { a: ']' }],
    ]);
  });

  it('reads a single object as one record, even when it holds arrays of objects', async () => {
    const text = '{\n  "orderId": "1",\n  "attachments": [{"fileName": "a.pdf"}],\n  "images": []\n}';
    expect(brief(await readFile('one.json', text))).toEqual([[0, 1, { orderId: '1', attachments: [{ fileName: 'a.pdf' }], images: [] }]]);
  });

  it('reads the records out of { "records": [...] } and of an object whose only property is an array', async () => {
    const wrapped = '{\n  "generatedAt": "2026-01-01",\n  "records": [\n    {"a": 1},\n    {"a": 2}\n  ]\n}';
    expect(brief(await readFile('wrapped.json', wrapped))).toEqual([
      [0, 4, { a: 1 }],
      [1, 5, { a: 2 }],
    ]);
    expect(brief(await readFile('only.json', '{"messages": [{"a": 1}, {"a": 2}]}'))).toEqual([
      [0, 1, { a: 1 }],
      [1, 1, { a: 2 }],
    ]);
  });

  it('reports where an invalid item of a list goes wrong, and keeps the others', async () => {
    const text = '[\n  {"a": 1},\n  {"a": tru}\n]';
    expect(brief(await readFile('broken.json', text))).toEqual([
      [0, 2, { a: 1 }],
      [1, 3, 'error', "line 3, column 9: not valid JSON: unexpected word 'tru' (text needs double quotes)"],
    ]);
  });

  it('reads JSON lines saved as .json', async () => {
    expect(brief(await readFile('lines.json', '{"a":1}\n{"a":2}\n'))).toEqual([
      [0, 1, { a: 1 }],
      [1, 2, { a: 2 }],
    ]);
  });

  it('reads an empty file as no records', async () => {
    expect(await readFile('empty.json', '  \n')).toEqual([]);
    expect(await readFile('empty.jsonl', '\n\n')).toEqual([]);
    expect(await readFile('empty.csv', '')).toEqual([]);
    expect(await readFile('header-only.csv', 'a,b\n')).toEqual([]);
  });
});

describe('standard input', () => {
  it('is read as JSON lines when it starts with {', async () => {
    const records = await readStdin(['{"a":1}\n{"a"', ':2}\nnope\n']);
    expect(brief(records)).toEqual([
      [0, 1, { a: 1 }],
      [1, 2, { a: 2 }],
      [2, 3, 'error', "line 3, column 1: not valid JSON: unexpected word 'nope' (text needs double quotes)"],
    ]);
    expect(records[0].file).toBe('-');
  });

  it('is read as one JSON document when it starts with [ or with a pretty-printed object', async () => {
    expect(brief(await readStdin(['\n [{"a":1},', '\n{"a":2}]']))).toEqual([
      [0, 2, { a: 1 }],
      [1, 3, { a: 2 }],
    ]);
    expect(brief(await readStdin(['{\n  "a": 1\n}\n']))).toEqual([[0, 1, { a: 1 }]]);
  });

  it('is read as CSV or tab-separated by the delimiter of its first line', async () => {
    expect(brief(await readStdin(['id,body\n1,"x\ny"\n']))).toEqual([[0, 2, { id: '1', body: 'x\ny' }]]);
    expect(brief(await readStdin(['id\tbody\n1\t"x"\n']))).toEqual([[0, 2, { id: '1', body: '"x"' }]]);
  });

  it('follows an explicit format', async () => {
    expect(brief(await readStdin(['[1]\n'], { format: 'jsonl' }))).toEqual([[0, 1, [1]]]);
  });
});

describe('inputs that cannot be opened', () => {
  it('throw a plain InputError before anything is read', async () => {
    const missing = join(dir, 'missing.jsonl');
    expect(() => checkInput(missing)).toThrow(new InputError(`cannot read input file '${missing}': no such file`));
    await expect(collect(missing)).rejects.toThrow(`cannot read input file '${missing}': no such file`);
    await expect(collect(missing)).rejects.toBeInstanceOf(InputError);
    const folder = join(dir, 'a-folder.jsonl');
    mkdirSync(folder);
    await expect(collect(folder)).rejects.toThrow(`cannot read input file '${folder}': it is a folder, not a file`);
    expect(() => checkInput('-')).not.toThrow();
  });
});

describe('large inputs', () => {
  it('stream: records arrive before the whole file is read', async () => {
    // A source that never ends: reading must still yield the first records.
    async function* endless() {
      yield Buffer.from('id,body\n');
      for (let i = 0; ; i++) yield Buffer.from(`${i},row ${i}\n`);
    }
    const seen: InputRecord[] = [];
    for await (const r of readRecords('-', { stdin: Readable.from(endless()) })) {
      seen.push(r);
      if (seen.length === 3) break;
    }
    expect(brief(seen)).toEqual([
      [0, 2, { id: '0', body: 'row 0' }],
      [1, 3, { id: '1', body: 'row 1' }],
      [2, 4, { id: '2', body: 'row 2' }],
    ]);
    const jsonl: InputRecord[] = [];
    async function* endlessJson() {
      for (let i = 0; ; i++) yield Buffer.from(`{"i":${i}}\n`);
    }
    for await (const r of readRecords('-', { stdin: Readable.from(endlessJson()) })) {
      jsonl.push(r);
      if (jsonl.length === 2) break;
    }
    expect(brief(jsonl)).toEqual([
      [0, 1, { i: 0 }],
      [1, 2, { i: 1 }],
    ]);
  });
});
