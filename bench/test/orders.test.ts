import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOrders, ORDERS_AS_OF, ORDER_COLUMNS } from '../src/data/orders.mjs';
import { sellguardOrders } from '../src/workloads/c-orders.mjs';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'sellguard-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Seller cancellations of seller-fulfilled orders in the 7-day window, counted from the CSV text alone. */
function recountCancellations(csv: string): { cancelled: number; orders: number } {
  const [header, ...rows] = csv.trim().split('\n');
  const col = (name: string) => header.split(',').indexOf(name);
  const [purchase, channel, by] = [col('purchase-date'), col('fulfillment-channel'), col('cancelled-by')];
  const lastDay = new Date(ORDERS_AS_OF).toISOString().slice(0, 10);
  const firstDay = new Date(ORDERS_AS_OF - 6 * 86_400_000).toISOString().slice(0, 10);
  let cancelled = 0;
  let orders = 0;
  for (const row of rows) {
    const cells = row.split(',');
    const day = cells[purchase].slice(0, 10); // every date is written in UTC (+00:00)
    if (cells[channel] !== 'Merchant' || day < firstDay || day > lastDay) continue;
    orders++;
    if (cells[by] === 'seller') cancelled++;
  }
  return { cancelled, orders };
}

describe('generated order reports', () => {
  it('are the same on every run', async () => {
    await writeOrders(join(dir, 'a.csv'), 2000);
    await writeOrders(join(dir, 'b.csv'), 2000);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe(readFileSync(join(dir, 'b.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'a.csv'), 'utf8').split('\n')[0]).toBe(ORDER_COLUMNS.join(','));
  });

  it('hold seller cancellations inside the 7-day window, and Sellguard counts the same ones', async () => {
    const file = join(dir, 'orders.csv');
    await writeOrders(file, 5000);
    const plain = recountCancellations(readFileSync(file, 'utf8'));
    expect(plain.cancelled).toBeGreaterThan(5);
    const sg = await sellguardOrders(root, file);
    expect(sg.metrics['pre-fulfillment-cancel-rate']).toBe(`${plain.cancelled}/${plain.orders}`);
  });
});
