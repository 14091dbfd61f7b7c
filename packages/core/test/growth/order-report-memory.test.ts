/**
 * `sellguard check` on an order report keeps no more in memory for 1,000,000 rows than for 200,000:
 * the metrics keep one tally per SKU and ASIN, the reader only the rows of the chunk it reads, and the
 * report only what it prints. Measured in a child process running the built command on generated
 * reports of both sizes (the same 500 SKUs): the largest heap still in use after a collection, and the
 * peak resident memory. Ratios only, with generous bounds (a row kept per order would make the heap
 * ratio about 5).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');
const cli = join(root, 'apps/cli/dist/main.js');
const sampler = join(import.meta.dirname, 'support/heap-sampler.cjs');
const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 10, 20);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sellguard-order-memory-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', '+00:00');

/** An order report of `rows` orders over the 90 days before the as-of day; every value follows from the row number. */
async function writeOrders(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let text = 'amazon-order-id,purchase-date,fulfillment-channel,cancelled-by,expected-ship-date,ship-date,tracking-id,tracking-valid,negative-feedback,az-claim,chargeback,sku,asin\n';
  for (let i = 0; i < rows; i++) {
    const purchase = AS_OF - ((i * 7919) % (90 * 24)) * 3_600_000;
    const expected = purchase + 2 * DAY;
    const shipped = i % 17 === 0 ? '' : iso(expected + ((i % 13) - 10) * 3_600_000);
    const cancelled = shipped === '' ? (i % 2 === 0 ? 'seller' : 'buyer') : '';
    const channel = i % 10 < 7 ? 'Merchant' : 'Amazon';
    text += `111-${String(i).padStart(7, '0')}-0000000,${iso(purchase)},${channel},${cancelled},${iso(expected)},${shipped},${shipped ? `1Z${i}` : ''},${i % 50 === 0 ? 'false' : 'true'},${i % 160 === 0},${i % 330 === 0},false,SKU-${i % 500},B0${String(i % 500).padStart(8, '0')}\n`;
    if (text.length > 1 << 20) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  out.end(text);
  await once(out, 'finish');
}

/** The largest heap in use after a collection, and the peak resident memory, of `sellguard check` on `rows` orders. */
async function memoryOf(rows: number): Promise<{ maxHeap: number; maxRss: number }> {
  const file = join(dir, `orders-${rows}.csv`);
  await writeOrders(file, rows);
  const report = join(dir, `memory-${rows}.json`);
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--require', sampler, cli, 'check', join(root, 'policies/account-health-orders.policy'), file, '--as-of', '2026-11-20', '--format', 'json', '--fail-on', 'never', '--output', join(dir, `report-${rows}.json`)],
    { encoding: 'utf8', env: { ...process.env, SELLGUARD_HEAP_REPORT: report, NO_COLOR: '1' } },
  );
  expect(run.status, run.stderr).toBe(0);
  const written = JSON.parse(readFileSync(join(dir, `report-${rows}.json`), 'utf8')) as { summary: { records: number } };
  expect(written.summary.records).toBe(rows);
  rmSync(file);
  return JSON.parse(readFileSync(report, 'utf8')) as { maxHeap: number; maxRss: number };
}

describe('sellguard check on an order report', () => {
  it('keeps the same memory for 1,000,000 rows as for 200,000', async () => {
    const small = await memoryOf(200_000);
    const large = await memoryOf(1_000_000);
    expect(large.maxHeap / small.maxHeap).toBeLessThan(1.5);
    expect(large.maxRss / small.maxRss).toBeLessThan(1.5);
  }, 600_000);
});
