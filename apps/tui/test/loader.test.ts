import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { evalContext } from '@sellguard/core';
import { metricsOf, rateOf, startCheck } from '../src/loader.js';
import type { CheckData } from '../src/model.js';
import { fixturePolicy, MESSAGES } from './helpers.js';

function bigInput(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'sellguard-tui-'));
  const file = join(dir, 'many.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const body = i % 10 === 0 ? `Write to seller${i}@example.com please` : `Your parcel ${i} ships today.`;
    lines.push(JSON.stringify({ orderId: `111-${i}`, body }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('startCheck', () => {
  test('counts every record and keeps only those with problems', async () => {
    const { policy } = fixturePolicy();
    const data = (await startCheck(policy, [MESSAGES], evalContext(), { onProgress: () => undefined }).done)!;
    expect(data.summary).toMatchObject({ records: 7, checked: 5, invalid: 2, withViolations: 4, violations: 6 });
    expect(data.summary.byRule['tui-fixture/email-address']).toBe(2);
    expect(data.flagged.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(data.flagged[0].raw).toMatchObject({ orderId: '111-0000002-0000002' });
    expect(data.progress).toMatchObject({ read: 7, done: true });
  });

  test('reports progress while reading and yields to the event loop between chunks', async () => {
    const { policy } = fixturePolicy();
    const file = bigInput(2000);
    const updates: CheckData[] = [];
    let turns = 0;
    let reading = true;
    const spin = () => {
      if (!reading) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const data = (await startCheck(policy, [file], evalContext(), { chunkSize: 50, updateMs: 0, onProgress: (d) => updates.push(d) }).done)!;
    reading = false;
    expect(data.summary.records).toBe(2000);
    expect(data.flagged).toHaveLength(200);
    // Other work (key presses) ran many times while the file was read.
    expect(turns).toBeGreaterThan(20);
    const reads = updates.map((u) => u.progress.read);
    expect(reads.length).toBeGreaterThan(10);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
    expect(updates.at(-1)!.progress.done).toBe(true);
    // Each snapshot has a new version, so the UI redraws.
    expect(new Set(updates.map((u) => u.version)).size).toBe(updates.length);
  });

  test('numbers records across several inputs', async () => {
    const { policy } = fixturePolicy();
    const data = (await startCheck(policy, [MESSAGES, MESSAGES], evalContext(), { onProgress: () => undefined }).done)!;
    expect(data.summary.records).toBe(14);
    expect(data.flagged.at(-1)!.index).toBe(13);
  });

  test('cancel stops reading and resolves with null', async () => {
    const { policy } = fixturePolicy();
    const run = startCheck(policy, [bigInput(3000)], evalContext(), { chunkSize: 20, onProgress: () => undefined });
    await new Promise((r) => setTimeout(r, 5));
    run.cancel();
    expect(await run.done).toBeNull();
  });

  test('a missing input file rejects with a plain message', async () => {
    const { policy } = fixturePolicy();
    await expect(startCheck(policy, ['/nowhere/messages.jsonl'], evalContext(), { onProgress: () => undefined }).done).rejects.toThrow(/no such file/);
  });
});

test("metricsOf lists the report's metrics under their names, in order", () => {
  expect(metricsOf({})).toBeUndefined();
  const late = { title: 'Late shipment rate', kind: 'rate' as const, value: 0.03, display: '3%' };
  const odr = { title: 'Order defect rate', kind: 'rate' as const, value: null, display: 'no data' };
  expect(metricsOf({ metrics: { late, odr } })).toEqual([
    { name: 'late', result: late },
    { name: 'odr', result: odr },
  ]);
});

test('rateOf gives records a second', () => {
  expect(rateOf(500, 250)).toBe(2000);
  expect(rateOf(10, 0)).toBe(0);
});
