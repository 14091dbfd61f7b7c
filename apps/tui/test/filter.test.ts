import { describe, expect, test } from 'vitest';
import type { Violation } from '@sellguard/core';
import { describeFilters, filterRecords, NO_FILTERS } from '../src/filter.js';
import type { FlaggedRecord } from '../src/model.js';

const v = (rule: string, severity: Violation['severity'], message: string, matched = ''): Violation => ({
  rule: `p/${rule}`,
  severity,
  message,
  path: 'body',
  spans: matched ? [{ path: 'body', start: 0, end: matched.length, text: matched }] : [],
});

const records: FlaggedRecord[] = [
  { index: 0, line: 1, file: 'a.jsonl', raw: { body: 'write to bob@x.com' }, violations: [v('email-address', 'error', 'Email addresses are not allowed', 'bob@x.com')] },
  { index: 1, line: 2, file: 'a.jsonl', raw: { body: 'hola' }, violations: [v('language-mismatch', 'warning', 'Written in es')] },
  { index: 2, line: 3, file: 'a.jsonl', invalid: [{ path: 'orderId', message: 'is missing' }], violations: [] },
  { index: 3, line: 4, file: 'b.jsonl', raw: { body: 'Call 555-0147, Zürich office' }, violations: [v('phone-number', 'error', 'Phone numbers are not allowed'), v('language-mismatch', 'warning', 'Written in de')] },
];

const ids = (f: Partial<typeof NO_FILTERS>) => filterRecords(records, { ...NO_FILTERS, ...f }).map((r) => r.index);

describe('filterRecords', () => {
  test('no filters: every record', () => expect(ids({})).toEqual([0, 1, 2, 3]));
  test('by rule', () => expect(ids({ rule: 'p/language-mismatch' })).toEqual([1, 3]));
  test('by severity', () => expect(ids({ severity: 'error' })).toEqual([0, 3]));
  test('unreadable records only', () => expect(ids({ severity: 'invalid' })).toEqual([2]));
  test('rule and severity together', () => expect(ids({ rule: 'p/language-mismatch', severity: 'error' })).toEqual([]));
  test('text in the record, case-insensitive', () => expect(ids({ text: 'ZÜRICH' })).toEqual([3]));
  test('text in a message or matched characters', () => {
    expect(ids({ text: 'bob@x' })).toEqual([0]);
    expect(ids({ text: 'not allowed' })).toEqual([0, 3]);
  });
  test('text in the rule id, the file name or a problem', () => {
    expect(ids({ text: 'phone-number' })).toEqual([3]);
    expect(ids({ text: 'b.jsonl' })).toEqual([3]);
    expect(ids({ text: 'is missing' })).toEqual([2]);
  });
  test('text and severity together', () => expect(ids({ text: 'written', severity: 'warning' })).toEqual([1, 3]));
});

test('describeFilters says what is shown in plain words', () => {
  expect(describeFilters(NO_FILTERS)).toBe('all records with problems');
  expect(describeFilters({ rule: 'p/email-address', severity: 'error', text: ' bob ' })).toBe('rule email-address, errors only, text "bob"');
  expect(describeFilters({ ...NO_FILTERS, severity: 'invalid' })).toBe('unreadable records only');
  expect(describeFilters({ ...NO_FILTERS, severity: 'info' })).toBe('notes only');
});
