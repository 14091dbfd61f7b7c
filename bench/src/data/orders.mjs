/**
 * Amazon-style order reports (CSV, the columns of
 * policies/account-health-orders.policy), streamed to disk.
 *
 * Orders are spread over the 90 days before the as-of day. Orders from the
 * last days are often still pending, and a pending order is sometimes
 * cancelled, by the seller or by the buyer, so the 7-day cancellation
 * window always holds seller cancellations and the cancel-rate path is
 * exercised. Each row uses its own draws in a fixed order, so the file is
 * the same on every run.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seeded } from './random.mjs';

export const ORDERS_AS_OF = Date.UTC(2026, 10, 20);
const DAY = 86_400_000;

export const ORDER_COLUMNS = [
  'amazon-order-id', 'purchase-date', 'fulfillment-channel', 'order-status', 'cancelled-by', 'expected-ship-date',
  'ship-date', 'tracking-id', 'tracking-valid', 'negative-feedback', 'az-claim', 'chargeback', 'sku', 'asin',
];

const iso = (ms) => new Date(ms).toISOString().replace('.000Z', '+00:00');

/** One order row (without the line break), drawing from `rnd`. */
export function orderRow(rnd, i) {
  const purchase = ORDERS_AS_OF + DAY - 1 - Math.floor(rnd.next() * 90 * DAY);
  const ageDays = (ORDERS_AS_OF - purchase) / DAY;
  const mfn = rnd.chance(0.7);
  const expected = purchase + 2 * DAY;
  // Recent orders are more often still open; open orders are sometimes cancelled.
  const open = rnd.chance(ageDays < 7 ? 0.25 : 0.05);
  const cancelled = open && rnd.chance(0.3) ? (rnd.chance(0.5) ? 'seller' : 'buyer') : '';
  const ship = open ? null : expected + Math.floor((rnd.next() - 0.9) * DAY);
  const status = cancelled ? 'Canceled' : open ? 'Pending' : 'Shipped';
  const trackingValid = rnd.next();
  return [
    `111-${String(i % 10_000_000).padStart(7, '0')}-${String((i * 7919) % 9_999_991).padStart(7, '0')}`,
    iso(purchase),
    mfn ? 'Merchant' : 'Amazon',
    status,
    cancelled,
    iso(expected),
    ship === null ? '' : iso(ship),
    ship === null ? '' : `1Z${i}`,
    trackingValid < 0.02 ? 'false' : trackingValid < 0.5 ? '' : 'true',
    String(rnd.chance(0.006)),
    String(rnd.chance(0.003)),
    String(rnd.chance(0.001)),
    `SKU-${i % 500}`,
    `B0${String(i % 500).padStart(8, '0')}`,
  ].join(',');
}

/** Write `rows` orders as CSV to `path`. */
export async function writeOrders(path, rows, seed = 42) {
  const rnd = seeded(seed);
  const out = createWriteStream(path);
  let buffer = ORDER_COLUMNS.join(',') + '\n';
  for (let i = 0; i < rows; i++) {
    buffer += orderRow(rnd, i) + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
