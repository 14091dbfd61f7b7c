/**
 * One reader for every front end: the same file gives the same records (and
 * the same lines and problems) whether the command line streams it from disk
 * or the playground reads it from its data pane.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecords } from '@sellguard/core/node';
import { describe, expect, it } from 'vitest';
import { parseData } from '../src/lib/data';

const dir = mkdtempSync(join(tmpdir(), 'sellguard-same-records-'));

async function viaNode(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const out: Array<{ line: number; raw?: unknown; error?: boolean }> = [];
  for await (const r of readRecords(file)) out.push({ line: r.line, ...(r.error !== undefined ? { error: true } : { raw: r.raw }) });
  return out;
}

function viaWeb(text: string) {
  return parseData(text).entries.map((e) => ({ line: e.line, ...(e.error !== undefined ? { error: true } : { raw: e.raw }) }));
}

const FILES: Array<[string, string, Array<{ line: number; raw?: unknown; error?: boolean }>]> = [
  [
    // Amazon flat files: tab-separated, and a quote is an ordinary character (a 12" lamp).
    'listings.txt',
    'sku\titem-name\tprice\nLAMP-12\tDesk lamp 12" with "soft" light\t19.99\nMUG-1\t"Mug"\t5\n',
    [
      { line: 2, raw: { sku: 'LAMP-12', 'item-name': 'Desk lamp 12" with "soft" light', price: '19.99' } },
      { line: 3, raw: { sku: 'MUG-1', 'item-name': '"Mug"', price: '5' } },
    ],
  ],
  [
    'orders.csv',
    'order-id,note,qty\n114-1,"Hello, ""you""\nsecond line",2\n114-2,plain\n114-3,x,3\n',
    [
      { line: 2, raw: { 'order-id': '114-1', note: 'Hello, "you"\nsecond line', qty: '2' } },
      { line: 4, error: true },
      { line: 5, raw: { 'order-id': '114-3', note: 'x', qty: '3' } },
    ],
  ],
  [
    'messages.jsonl',
    '{"body":"a"}\n\n{"body":\n{"body":"c"}\n',
    [{ line: 1, raw: { body: 'a' } }, { line: 3, error: true }, { line: 4, raw: { body: 'c' } }],
  ],
  [
    'messages.json',
    '[\n  {"body": "a"},\n  {\n    "body": "b"\n  }\n]\n',
    [
      { line: 2, raw: { body: 'a' } },
      { line: 3, raw: { body: 'b' } },
    ],
  ],
  [
    'wrapped.json',
    '{\n  "records": [\n    {"body": "a"}\n  ]\n}\n',
    [{ line: 3, raw: { body: 'a' } }],
  ],
  [
    // Semicolons, Windows line ends and a trailing delimiter: the unnamed third column is called column3.
    'report.csv',
    'sku;price;\r\nA-1;"3,50";\r\n',
    [{ line: 2, raw: { sku: 'A-1', price: '3,50', column3: '' } }],
  ],
];

describe('the command line and the playground read a file the same way', () => {
  for (const [name, text, expected] of FILES) {
    it(name, async () => {
      expect(await viaNode(name, text)).toEqual(expected);
      expect(viaWeb(text)).toEqual(expected);
    });
  }
});
