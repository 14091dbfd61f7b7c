import { describe, expect, it } from 'vitest';
import { appendRecord, parseData, replaceRecord } from '../src/lib/data';

describe('parseData', () => {
  it('reads JSON lines with their line numbers, keeping bad lines as problems', () => {
    const text = '{"a":1}\n\n{"a":2}\n{"a":\n{"a":4}\n';
    const p = parseData(text);
    expect(p.format).toBe('jsonl');
    expect(p.entries.map((e) => e.line)).toEqual([1, 3, 4, 5]);
    expect(p.entries.map((e) => e.raw)).toEqual([{ a: 1 }, { a: 2 }, undefined, { a: 4 }]);
    expect(p.entries[2].error).toMatch(/not valid JSON/);
  });

  it('reads one JSON object as one record, even over several lines', () => {
    const p = parseData('{\n  "a": 1\n}\n');
    expect(p.format).toBe('json-object');
    expect(p.entries).toEqual([{ index: 0, line: 1, raw: { a: 1 } }]);
  });

  it('reads a JSON list, each record at the line it starts on', () => {
    const p = parseData('[\n  {"a": "x,y"},\n  {\n    "a": "[2]"\n  }\n]');
    expect(p.format).toBe('json-array');
    expect(p.entries.map((e) => [e.line, e.raw])).toEqual([
      [2, { a: 'x,y' }],
      [3, { a: '[2]' }],
    ]);
  });

  it('reads records held in a JSON object, as the command line does', () => {
    const text = '{\n  "records": [\n    {"a": 1},\n    {"a": 2}\n  ],\n  "note": "x"\n}';
    const p = parseData(text);
    expect(p.format).toBe('json-wrapped');
    expect(p.entries.map((e) => [e.line, e.raw])).toEqual([
      [3, { a: 1 }],
      [4, { a: 2 }],
    ]);
    expect(JSON.parse(replaceRecord(text, p, 1, { a: 5 }))).toEqual({ records: [{ a: 1 }, { a: 5 }], note: 'x' });
    expect(JSON.parse(appendRecord(text, p, { a: 3 }))).toEqual({ records: [{ a: 1 }, { a: 2 }, { a: 3 }], note: 'x' });
    expect(parseData('{\n"only": [{"a": 1}]\n}').entries.map((e) => e.raw)).toEqual([{ a: 1 }]);
    expect(parseData('{\n"a": [1], "b": [2]\n}').format).toBe('json-object');
    // On one line it is a JSON line, as the command line reads standard input: one record, the object itself.
    expect(parseData('{"only": [{"a": 1}]}').entries.map((e) => e.raw)).toEqual([{ only: [{ a: 1 }] }]);
  });

  it('reports a broken JSON list as one problem at its line', () => {
    const p = parseData('[\n {"a": 1},\n {"a" 2}\n]');
    expect(p.entries).toHaveLength(1);
    expect(p.entries[0].line).toBe(3);
    expect(p.entries[0].error).toBe("line 3, column 7: not valid JSON: unexpected '2' where ':' should follow the property name; nothing in the data could be read");
  });

  it('reads CSV with quoted fields, doubled quotes and line breaks', () => {
    const text = 'orderId,body\n1,"Hello, ""you""\nsecond line"\n2,plain\n';
    const p = parseData(text);
    expect(p.format).toBe('csv');
    expect(p.header).toEqual(['orderId', 'body']);
    expect(p.entries.map((e) => [e.line, e.raw])).toEqual([
      [2, { orderId: '1', body: 'Hello, "you"\nsecond line' }],
      [4, { orderId: '2', body: 'plain' }],
    ]);
  });

  it("reads Amazon's tab-separated reports", () => {
    const p = parseData('amazon-order-id\tquantity\n114-1\t2\r\n114-2\t\n');
    expect(p.format).toBe('tsv');
    expect(p.entries.map((e) => e.raw)).toEqual([
      { 'amazon-order-id': '114-1', quantity: '2' },
      { 'amazon-order-id': '114-2', quantity: '' },
    ]);
  });

  it('reads semicolon-separated CSV, as spreadsheets in Europe write it', () => {
    const p = parseData('sku;price\nA-1;"3,50"\n');
    expect(p.entries.map((e) => e.raw)).toEqual([{ sku: 'A-1', price: '3,50' }]);
  });

  it('treats blank text as no records', () => {
    expect(parseData('  \n ')).toEqual({ format: 'empty', entries: [] });
  });
});

describe('replaceRecord and appendRecord', () => {
  it('replaces one JSON line and leaves the others exactly as they were', () => {
    const text = '{"a": 1}\n{"a":   2}\n{"a": 3}\n';
    const p = parseData(text);
    expect(replaceRecord(text, p, 1, { a: 20 })).toBe('{"a": 1}\n{"a":20}\n{"a": 3}\n');
  });

  it('rewrites a JSON list or object with the new record', () => {
    const list = '[{"a":1},{"a":2}]';
    expect(JSON.parse(replaceRecord(list, parseData(list), 0, { a: 9 }))).toEqual([{ a: 9 }, { a: 2 }]);
    expect(JSON.parse(replaceRecord('{"a":1}', parseData('{"a":1}'), 0, { a: 5 }))).toEqual({ a: 5 });
  });

  it('turns CSV into JSON lines when a row changes, so lists and numbers survive', () => {
    const csv = 'a,b\n1,x\n2,y\n';
    const out = replaceRecord(csv, parseData(csv), 1, { a: '2', b: ['y', 'z'] });
    expect(out).toBe('{"a":"1","b":"x"}\n{"a":"2","b":["y","z"]}\n');
  });

  it('does not touch a JSON list it could not read', () => {
    const broken = '[{"a":1},';
    expect(replaceRecord(broken, parseData(broken), 0, { a: 2 })).toBe(broken);
    expect(appendRecord(broken, parseData(broken), { a: 2 })).toBe(broken);
  });

  it('appends a record in the same format', () => {
    expect(appendRecord('{"a":1}\n{"a":2}\n\n', parseData('{"a":1}\n{"a":2}\n\n'), { a: 3 })).toBe('{"a":1}\n{"a":2}\n{"a":3}\n');
    expect(appendRecord('', parseData(''), { a: 1 })).toBe('{"a":1}\n');
    expect(JSON.parse(appendRecord('[{"a":1}]', parseData('[{"a":1}]'), { a: 2 }))).toEqual([{ a: 1 }, { a: 2 }]);
  });
});

describe('parseData with the policy', () => {
  // A policy whose record holds a list: an object with only that list is one record, not a holder of records.
  const policy = { decode: (raw: unknown) => ({ ok: typeof raw === 'object' && raw !== null && Array.isArray((raw as { items?: unknown }).items) }) };

  it('reads an object that fits the record as one record, though its only property is a list', () => {
    const p = parseData('{\n  "items": [{"sku": "A1"}, {"sku": "B2"}]\n}', policy);
    expect(p.format).toBe('json-object');
    expect(p.entries).toEqual([{ index: 0, line: 1, raw: { items: [{ sku: 'A1' }, { sku: 'B2' }] } }]);
  });

  it('still takes the list of an object that does not fit the record', () => {
    const p = parseData('{\n  "records": [{"items": []}, {"items": [1]}]\n}', policy);
    expect(p.format).toBe('json-wrapped');
    expect(p.entries.map((e) => e.raw)).toEqual([{ items: [] }, { items: [1] }]);
  });
});
