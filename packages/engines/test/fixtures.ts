/**
 * Generated order reports for the engine tests: deterministic (a fixed-seed
 * generator), with every edge case the dataset metrics have — window edges
 * to the second and across time zones, AFN orders, buyer and seller
 * cancellations, unshipped orders, unknown tracking, groups with one row,
 * blank SKUs, and rows that cannot be read — plus a second policy with
 * count, total, average, minimum and maximum metrics and record rules.
 */
import { writeFileSync } from 'node:fs';

export const AS_OF = Date.UTC(2026, 10, 20);
const DAY = 86_400_000;

export const ORDER_HEADER = [
  'amazon-order-id',
  'purchase-date',
  'fulfillment-channel',
  'order-status',
  'cancelled-by',
  'expected-ship-date',
  'ship-date',
  'tracking-id',
  'tracking-valid',
  'negative-feedback',
  'az-claim',
  'chargeback',
  'sku',
  'asin',
] as const;

export type Row = Record<string, string>;

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];

function order(i: number, fields: Partial<Row>): Row {
  const purchase = AS_OF - 5 * DAY;
  return {
    'amazon-order-id': `114-${String(i).padStart(7, '0')}-0000001`,
    'purchase-date': iso(purchase),
    'fulfillment-channel': 'MFN',
    'order-status': 'Shipped',
    'cancelled-by': '',
    'expected-ship-date': iso(purchase + 2 * DAY),
    'ship-date': iso(purchase + DAY),
    'tracking-id': `1Z${i}`,
    'tracking-valid': 'true',
    'negative-feedback': 'false',
    'az-claim': 'false',
    chargeback: 'false',
    sku: 'LAMP-1',
    asin: 'B0LAMP0001',
    ...fields,
  } as Row;
}

/** Hand-written edge cases, each a row the metrics must count (or refuse) exactly as the JavaScript engine does. */
export function edgeCases(): Row[] {
  let i = 900_000;
  const o = (fields: Partial<Row>) => order(i++, fields);
  return [
    // 60-day window by purchase date: [2026-09-22, 2026-11-20].
    o({ 'purchase-date': '2026-09-22T00:00:00Z', 'negative-feedback': 'true' }),
    o({ 'purchase-date': '2026-09-21T23:59:59Z', 'negative-feedback': 'true' }),
    o({ 'purchase-date': '2026-11-20T23:59:59.999Z', 'az-claim': 'Yes' }),
    o({ 'purchase-date': '2026-11-21T00:00:00Z', chargeback: '1' }),
    o({ 'purchase-date': '2026-09-22T01:30:00+02:00', 'negative-feedback': 'TRUE' }),
    o({ 'purchase-date': '2026-09-21 23:00:00 -0100', 'negative-feedback': 'y' }),
    o({ 'purchase-date': '2026-11-20T22:00:00-05:00', 'az-claim': 't' }),
    o({ 'purchase-date': '2026-11-20 10:00', chargeback: 'true' }),
    o({ 'purchase-date': '2026-11-12T23:59:59.9995Z' }),
    o({ 'purchase-date': '2026-11-12T23:59:59.5 UTC' }),
    // 7-day window for cancellations: [2026-11-14, 2026-11-20]; date-only values.
    o({ 'purchase-date': '2026-11-14', 'cancelled-by': 'Seller', 'ship-date': '', 'order-status': 'Cancelled' }),
    o({ 'purchase-date': '2026-11-13', 'cancelled-by': 'seller', 'ship-date': '', 'order-status': 'Cancelled' }),
    o({ 'purchase-date': '2026-11-19T08:00:00Z', 'cancelled-by': 'BUYER', 'ship-date': '' }),
    o({ 'purchase-date': '2026-11-18T08:00:00Z', 'cancelled-by': ' seller ', 'ship-date': '', sku: 'ONLY-ONE' }),
    // AFN and channel spellings.
    o({ 'fulfillment-channel': 'AFN', 'negative-feedback': 'true', 'az-claim': 'true' }),
    o({ 'fulfillment-channel': 'Amazon', chargeback: 'true' }),
    o({ 'fulfillment-channel': ' mfn ', 'negative-feedback': 'true' }),
    o({ 'fulfillment-channel': 'Merchant', sku: '' }),
    o({ 'fulfillment-channel': 'SELLER', sku: '', asin: '' }),
    // Late shipment: by expected ship date, [2026-11-11, 2026-11-20] for 10 days.
    o({ 'expected-ship-date': '2026-11-12T23:59:59Z', 'ship-date': '2026-11-13T00:00:00Z' }),
    o({ 'expected-ship-date': '2026-11-12T23:59:59Z', 'ship-date': '2026-11-12T23:59:59Z' }),
    o({ 'expected-ship-date': '2026-11-11T00:00:00Z', 'ship-date': '2026-11-15T00:00:00+09:00' }),
    o({ 'expected-ship-date': '2026-11-10T23:59:59Z', 'ship-date': '2026-11-16T00:00:00Z', sku: 'LATE-ONCE' }),
    o({ 'expected-ship-date': '', 'ship-date': '2026-11-16T00:00:00Z' }),
    // Unshipped and tracking.
    o({ 'ship-date': '', 'tracking-id': '', 'tracking-valid': '' }),
    o({ 'tracking-valid': '' }),
    o({ 'tracking-valid': 'no' }),
    o({ 'tracking-valid': ' False ' }),
    o({ 'tracking-valid': '0', sku: 'TRACK-BAD' }),
    o({ 'tracking-id': '   ', 'tracking-valid': 'true' }),
    o({ 'ship-date': '2026-09-30T00:00:00Z', 'tracking-valid': 'n' }),
    // Defaults: blank booleans with a default read as false.
    o({ 'negative-feedback': '', 'az-claim': ' ', chargeback: '' }),
    // Rows that cannot be read.
    o({ 'tracking-valid': 'maybe' }),
    o({ 'purchase-date': '2026-02-30T10:00:00Z' }),
    o({ 'purchase-date': '' }),
    o({ 'expected-ship-date': '2026-13-01' }),
    o({ 'cancelled-by': 'customer' }),
    o({ 'ship-date': '2026-11-16T24:00:00Z' }),
    o({ 'negative-feedback': '2' }),
    o({ 'fulfillment-channel': '' }),
  ];
}

/** `count` random orders over 90 days before the as-of day, then the edge cases, shuffled in by position. */
export function orders(count: number, seed = 7): Row[] {
  const rnd = random(seed);
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const purchase = AS_OF - Math.floor(rnd() * 92 * DAY) + Math.floor(rnd() * 2 * DAY);
    const expected = purchase + Math.floor(rnd() * 3 * DAY);
    const shipped = rnd() < 0.9;
    const ship = shipped ? expected + Math.floor((rnd() - 0.8) * 2 * DAY) : null;
    rows.push(
      order(i, {
        'purchase-date': iso(purchase),
        'fulfillment-channel': pick(rnd, ['MFN', 'MFN', 'Merchant', 'AFN', 'Amazon']),
        'cancelled-by': shipped ? '' : pick(rnd, ['', 'seller', 'buyer']),
        'expected-ship-date': iso(expected),
        'ship-date': ship === null ? '' : iso(ship),
        'tracking-id': shipped && rnd() < 0.97 ? `1Z${i}` : '',
        'tracking-valid': pick(rnd, ['true', 'true', '', 'false', 'Yes']),
        'negative-feedback': rnd() < 0.03 ? 'true' : 'false',
        'az-claim': rnd() < 0.02 ? 'true' : '',
        chargeback: rnd() < 0.01 ? '1' : '0',
        sku: `SKU-${Math.floor(rnd() * 12)}`,
        asin: `B0${Math.floor(rnd() * 5)}`,
      }),
    );
  }
  const edges = edgeCases();
  edges.forEach((e, k) => rows.splice(Math.floor((k * rows.length) / edges.length), 0, e));
  return rows;
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function writeCsv(path: string, header: readonly string[], rows: readonly Row[], extraLines: Record<number, string> = {}): void {
  const lines = [header.join(',')];
  rows.forEach((r, i) => {
    if (extraLines[i] !== undefined) lines.push(extraLines[i]);
    lines.push(header.map((h) => csvCell(r[h] ?? '')).join(','));
  });
  writeFileSync(path, `${lines.join('\n')}\n`);
}

export function writeJsonl(path: string, rows: readonly Row[]): void {
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

/** A policy with every other metric kind, window and group, and record rules that have a SQL form. */
export const SALES_POLICY = `policy sales "Sales"
  source "engine tests"
  input Sale

record Sale {
  id: string
  day: date from "sale-date"
  channel: string?
  amount: number?
  discount: percent?
  units: integer = 1
  region: enum(eu, us)?
}

metric sales-count "Sales" {
  count
  over 30 days by day
  group by region
}

metric revenue "Revenue" {
  total amount
  where channel != "test"
  over 30 days by day
  group by region, channel
}

metric average-discount "Average discount" {
  average discount
  group by channel
}

metric smallest-sale "Smallest sale" {
  minimum amount
  where units > 0
}

metric largest-sale "Largest sale" {
  maximum amount * units
}

rule big-discount warning "The discount {discount} is over half" {
  forbid discount > 50%
}

rule test-sale info "Sale {id} looks like a test" {
  when units > 0
  forbid id startsWith "TEST" or channel contains "qa"
}

rule revenue-floor error "Revenue is {revenue}" {
  require revenue > 10
}
`;

export const SALES_HEADER = ['id', 'sale-date', 'channel', 'amount', 'discount', 'units', 'region'] as const;

/** Sales with amounts in quarters (sums are exact in binary, so any order of addition agrees). */
export function sales(count: number, seed = 11): Row[] {
  const rnd = random(seed);
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({
      id: rnd() < 0.02 ? `TEST-${i}` : `S-${i}`,
      'sale-date': new Date(AS_OF - Math.floor(rnd() * 45) * DAY).toISOString().slice(0, 10),
      channel: pick(rnd, ['web', 'web', 'shop', 'test', 'qa-team', '']),
      amount: rnd() < 0.05 ? '' : String(Math.floor(rnd() * 4000) / 4),
      discount: pick(rnd, ['', '12.5%', '0.25', '75%', ' 50 % ', '0']),
      units: pick(rnd, ['1', '2', '', '0', '3.0']),
      region: pick(rnd, ['EU', 'us', '', 'eu']),
    });
  }
  rows.push(
    { id: 'S-bad-1', 'sale-date': '2026-11-01', channel: 'web', amount: 'ten', discount: '', units: '1', region: 'eu' },
    { id: 'S-bad-2', 'sale-date': '2026-11-01', channel: 'web', amount: '1', discount: '5%%', units: '1', region: 'eu' },
    { id: 'S-bad-3', 'sale-date': '2026-11-01', channel: 'web', amount: '1', discount: '', units: '1.5', region: 'eu' },
    { id: 'S-bad-4', 'sale-date': '2026-11-01', channel: 'web', amount: '1', discount: '', units: '1', region: 'asia' },
    { id: 'S-one', 'sale-date': '2026-11-20', channel: 'solo', amount: '+2.5e1', discount: '.5', units: ' 2 ', region: 'US' },
  );
  return rows;
}

/**
 * The sales policy reading columns whose names look like the names the
 * generated SQL gives its own values (group keys, fields, parts of a cell,
 * the unreadable flag, the as-of day, layers), so a query that confused a
 * column with one of its own names would count differently.
 */
export const LOOKALIKE_POLICY = SALES_POLICY.replace('policy sales "Sales"', 'policy lookalike-columns "Sales in columns named like query internals"')
  .replace('id: string', 'id: string from "k1"')
  .replace('day: date from "sale-date"', 'day: date from "f0_text"')
  .replace('channel: string?', 'channel: string? from "per_record"')
  .replace('amount: number?', 'amount: number? from "f0"')
  .replace('discount: percent?', 'discount: percent? from "v3"')
  .replace('units: integer = 1', 'units: integer = 1 from "m0"')
  .replace('region: enum(eu, us)?', 'region: enum(eu, us)? from "h0"');

const LOOKALIKE_FIELDS: Record<(typeof SALES_HEADER)[number], string> = {
  id: 'k1',
  'sale-date': 'f0_text',
  channel: 'per_record',
  amount: 'f0',
  discount: 'v3',
  units: 'm0',
  region: 'h0',
};

/** More columns with such names, holding values that would change the counts if the query read them. */
const LOOKALIKE_EXTRAS: Row = {
  k0: 'zz',
  f1: '9',
  f1_text: '1999-01-01',
  f2: 'x',
  f2_text: 'x',
  invalid: 'true',
  as_of_ms: '0',
  m1: 'false',
  m2: 'false',
  h1: 'true',
  v0: '-1',
  v1: '-1',
  parts: 'x',
  typed: 'x',
  cells: 'x',
  source: 'x',
  raw0: 'x',
  raw1: 'x',
  sg_file: '9',
  sg_row: '1',
  records: '5',
  unreadable: '5',
  sg_k0: 'zz',
  sg_f0: 'x',
  sg_f1_text: '1999-01-01',
  sg_invalid: 'true',
  sg_as_of_ms: '0',
  sg_m0: 'false',
};

export const LOOKALIKE_HEADER = [...SALES_HEADER.map((h) => LOOKALIKE_FIELDS[h]), ...Object.keys(LOOKALIKE_EXTRAS)];

/** The sales rows in the lookalike columns, with the extra columns alongside. */
export function lookalikeSales(count: number): Row[] {
  return sales(count).map((r) => ({ ...Object.fromEntries(SALES_HEADER.map((h) => [LOOKALIKE_FIELDS[h], r[h]])), ...LOOKALIKE_EXTRAS }));
}
