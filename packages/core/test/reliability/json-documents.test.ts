/**
 * JSON documents: an object is only taken as a holder of records when it
 * does not fit the policy's input record itself, the report says which list
 * the records came from, and JSON lines with a broken first line (in a .json
 * file or on standard input) keep their good records. Run through the real
 * command line; expected counts worked out by hand from the files.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderWith, goodMessageLine, messagingPolicy, repoRoot, sellguard } from './support.js';

const healthPolicy = join(repoRoot, 'policies/account-health.policy');
const sample = JSON.parse(readFileSync(join(repoRoot, 'examples/account-health/performance-report.json'), 'utf8')) as Record<string, unknown>;

const dirs: string[] = [];
const folder = (files: Record<string, string>) => {
  const dir = folderWith(files);
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a JSON object that fits the input record', () => {
  it('is one record even with an empty list named like a wrapper (the sample report: 4 errors)', () => {
    const dir = folder({ 'report.json': JSON.stringify({ ...sample, entries: [] }) });
    const r = sellguard(['check', healthPolicy, 'report.json', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ records: 1, checked: 1 });
    expect(report.summary.bySeverity.error).toBe(4);
    expect(report.input).toBeUndefined();
    expect(r.code).toBe(1);
  });

  it('is one record when its only property is a list (a report with just performanceMetrics)', () => {
    const dir = folder({ 'metrics.json': JSON.stringify({ performanceMetrics: sample.performanceMetrics }) });
    const r = sellguard(['check', healthPolicy, 'metrics.json', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ records: 1, checked: 1 });
    // The sample's metrics alone break the order-defect-rate rule (the account-status rule needs accountStatuses).
    expect(report.summary.bySeverity.error).toBeGreaterThan(0);
  });
});

describe('explain reads such an object as one record, as check does', () => {
  const metricsOnly = () => folder({ 'metrics.json': JSON.stringify({ performanceMetrics: sample.performanceMetrics }) });

  it('explain: record 1 is the whole report, so its rules are explained', () => {
    const r = sellguard(['explain', healthPolicy, 'metrics.json', '--record', '1'], metricsOnly());
    // Exit 1: the sample's seller-fulfilled order defect rate (1.37%) is over the 1% target, so that rule fires.
    expect(r.code).toBe(1);
    // Taken as a list of metrics, record 1 would be one metric, which no rule of the policy can read.
    expect(r.stdout).toMatch(/account-health\/order-defect-rate .*fired/);
    expect(r.stdout).not.toMatch(/could not be read/);
  });
});

describe('a JSON object that holds the records', () => {
  it('is unwrapped, and the report says which list the records came from', () => {
    const good = JSON.parse(goodMessageLine());
    const dir = folder({ 'messages.json': JSON.stringify({ exportedAt: '2026-01-01', records: [good, good] }) });
    const json = JSON.parse(sellguard(['check', messagingPolicy, 'messages.json', '--format', 'json'], dir).stdout);
    expect(json.summary).toMatchObject({ records: 2, checked: 2 });
    expect(json.input).toEqual({ wrappers: [{ file: 'messages.json', key: 'records' }] });
    const text = sellguard(['check', messagingPolicy, 'messages.json'], dir).stdout;
    expect(text).toContain('the records of messages.json were taken from its list "records"');
  });
});

describe('JSON lines with a broken first line', () => {
  const good = goodMessageLine();
  const lines = `{"orderId": "1", body: oops}\n${good}\n${good}\n`;
  const expectBrokenFirst = (stdout: string) => {
    const report = JSON.parse(stdout);
    // 3 lines: the first is reported, the two good ones are checked.
    expect(report.summary).toMatchObject({ records: 3, checked: 2, invalid: 1 });
    expect(report.results[0].line).toBe(1);
    expect(report.results[0].invalid[0].message).toMatch(/^line 1, column \d+: not valid JSON/);
  };

  it('in a .json file keep their good records', () => {
    const dir = folder({ 'messages.json': lines });
    expectBrokenFirst(sellguard(['check', messagingPolicy, 'messages.json', '--format', 'json', '--fail-on', 'never'], dir).stdout);
  });

  it('on standard input keep their good records', () => {
    const dir = folder({});
    expectBrokenFirst(sellguard(['check', messagingPolicy, '-', '--format', 'json', '--fail-on', 'never'], dir, lines).stdout);
  });
});
