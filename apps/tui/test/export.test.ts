import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { csvCell, exportRecords, timestamp, toCsv, toJson } from '../src/export.js';
import { NO_FILTERS } from '../src/filter.js';
import { fixtureData, fixturePolicy, MESSAGES } from './helpers.js';

describe('export', () => {
  test('CSV has one row per problem, unreadable records included', async () => {
    const data = await fixtureData();
    const csv = toCsv(data.flagged);
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('file,line,record,severity,rule,message,field,matched,hint');
    expect(rows).toHaveLength(1 + data.summary.violations + data.summary.invalid);
    expect(csv).toContain(',error,tui-fixture/email-address,Email addresses are not allowed: help@lumo-shop.com,body,help@lumo-shop.com,');
    expect(csv).toMatch(/,5,5,unreadable,,/);
  });

  test('CSV cells are quoted and formulas are defused', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1 555 0147')).toBe("'+1 555 0147");
  });

  test('JSON has the report shape of `sellguard check --format json`, the records and the filters', async () => {
    const data = await fixtureData();
    const { policy } = fixturePolicy();
    const only = data.flagged.slice(0, 2);
    const doc = JSON.parse(toJson(only, { policy, filters: { ...NO_FILTERS, text: 'lumo' }, inputs: [MESSAGES] }, new Date('2026-11-23T10:00:00Z')));
    expect(doc.policy).toMatchObject({ id: 'tui-fixture', title: 'Buyer messages (test)' });
    expect(doc.summary).toMatchObject({ records: 2, withViolations: 2, violations: 4 });
    expect(doc.results[0]).toMatchObject({ index: 1, line: 2, violations: [{ rule: 'tui-fixture/email-address' }], record: { orderId: '111-0000002-0000002' } });
    expect(doc.exported).toEqual({ at: '2026-11-23T10:00:00.000Z', inputs: [MESSAGES], filters: { rule: null, severity: null, text: 'lumo' } });
  });

  test('writes sellguard-export-<timestamp> in the folder and never overwrites', async () => {
    const data = await fixtureData();
    const { policy } = fixturePolicy();
    const cwd = mkdtempSync(join(tmpdir(), 'sellguard-tui-export-'));
    const now = new Date(2026, 10, 23, 10, 15, 30);
    const ctx = { policy, filters: NO_FILTERS, inputs: [MESSAGES], cwd, now };
    const first = exportRecords(data.flagged, 'csv', ctx);
    const second = exportRecords(data.flagged, 'csv', ctx);
    const json = exportRecords(data.flagged, 'json', ctx);
    expect(first).toBe(join(cwd, 'sellguard-export-20261123-101530.csv'));
    expect(second).toBe(join(cwd, 'sellguard-export-20261123-101530-2.csv'));
    expect(json).toBe(join(cwd, 'sellguard-export-20261123-101530.json'));
    expect(readdirSync(cwd).sort()).toHaveLength(3);
    expect(JSON.parse(readFileSync(json, 'utf8')).results).toHaveLength(data.flagged.length);
    expect(timestamp(now)).toBe('20261123-101530');
  });
});
