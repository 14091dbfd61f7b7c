/**
 * A deterministic Amazon-style CSV order report of any size, streamed to
 * disk (the same file for the same row count): the data of the order-report
 * and engine benchmarks.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const AS_OF = Date.UTC(2026, 10, 20);
const DAY = 86_400_000;

/** Write N orders as an Amazon-style CSV, deterministic, streamed to disk. */
export async function generate(path, rows) {
  const out = createWriteStream(path);
  out.write('amazon-order-id,purchase-date,fulfillment-channel,order-status,cancelled-by,expected-ship-date,ship-date,tracking-id,tracking-valid,negative-feedback,az-claim,chargeback,sku,asin\n');
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const iso = (ms) => new Date(ms).toISOString().replace('.000Z', '+00:00');
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const purchase = AS_OF - Math.floor(rnd() * 90 * DAY);
    const mfn = rnd() < 0.7;
    const expected = purchase + 2 * DAY;
    const shipped = rnd() < 0.9;
    const ship = shipped ? expected + Math.floor((rnd() - 0.9) * DAY) : null;
    const cancelled = !shipped && rnd() < 0.3 ? (rnd() < 0.5 ? 'seller' : 'buyer') : '';
    buffer += `111-${String(i % 10_000_000).padStart(7, '0')}-${String(i % 9_999_991).padStart(7, '0')},${iso(purchase)},${mfn ? 'Merchant' : 'Amazon'},${shipped ? 'Shipped' : 'Pending'},${cancelled},${iso(expected)},${ship === null ? '' : iso(ship)},${shipped ? `1Z${i}` : ''},${rnd() < 0.02 ? 'false' : rnd() < 0.5 ? '' : 'true'},${rnd() < 0.006},${rnd() < 0.003},${rnd() < 0.001},SKU-${i % 500},B0${String(i % 500).padStart(8, '0')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

