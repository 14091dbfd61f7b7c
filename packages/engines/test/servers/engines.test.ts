/**
 * PostgreSQL and a two-shard ClickHouse cluster against the JavaScript
 * engine, on the same generated order reports as the DuckDB tests: identical
 * numerators and denominators for every metric and group. The servers are
 * real (Debian's postgresql and clickhouse-server), started here on
 * 127.0.0.1 and stopped after. Run with `npm run test:engines`.
 *
 * The tables hold the records two ways: every column as text (what a CSV
 * import gives), and with native types (timestamps, booleans) for the
 * readable rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, evalContext, type CompiledPolicy, type Report } from '@sellguard/core';
import { checkRecords, loadPolicy, readRecords } from '@sellguard/core/node';
import { checkWithPostgres } from '../../src/postgres.js';
import { checkWithClickhouse } from '../../src/clickhouse.js';
import type { SqlPolicy } from '../../src/sql-run.js';
import { AS_OF, LOOKALIKE_HEADER, LOOKALIKE_POLICY, ORDER_HEADER, SALES_HEADER, SALES_POLICY, lookalikeSales, orders, sales, writeCsv, type Row } from '../fixtures.js';
import { startClickhouseCluster, startPostgres, type ClickhouseCluster, type Server } from '../servers.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
let dir: string;
let postgres: Server | undefined;
let cluster: ClickhouseCluster | undefined;
let ordersPolicy: SqlPolicy;
let salesPolicy: SqlPolicy;
let lookalikePolicy: SqlPolicy;
const orderRows = orders(3000);
const saleRows = sales(1500);
const lookalikeRows = lookalikeSales(1500);
const expected: Record<string, Report> = {};

async function js(policy: CompiledPolicy, file: string, asOf = AS_OF): Promise<Report> {
  return checkRecords(policy, readRecords(file), evalContext({ asOf }));
}

/** What the engines must agree on: every metric with its groups, the rule violations and the counts. */
function agreed(report: Report) {
  return { metrics: report.metrics, datasetViolations: report.datasetViolations, summary: report.summary };
}

/** The readable orders with native types, as a database would store them. */
function typedOrders(policy: CompiledPolicy): Array<Record<string, unknown>> {
  return orderRows.flatMap((raw) => {
    const decoded = policy.decode(raw);
    if (!decoded.ok) return [];
    const r = decoded.value as Record<string, unknown>;
    const time = (ms: unknown) => (ms == null ? null : new Date(ms as number).toISOString().replace('T', ' ').replace('Z', ''));
    return [
      {
        'amazon-order-id': r.orderId,
        'purchase-date': time(r.purchaseDate),
        'fulfillment-channel': r.fulfillmentChannel,
        'cancelled-by': r.cancelledBy,
        'expected-ship-date': time(r.expectedShipDate),
        'ship-date': time(r.shipDate),
        'tracking-id': r.trackingId,
        'tracking-valid': r.trackingValid,
        'negative-feedback': r.negativeFeedback,
        'az-claim': r.azClaim,
        chargeback: r.chargeback,
        sku: r.sku,
        asin: r.asin,
      },
    ];
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sellguard-engines-'));
  const loaded = loadPolicy(join(root, 'policies/account-health-orders.policy'));
  ordersPolicy = { ir: loaded.ir!, policy: loaded.policy!, source: loaded.source };
  const s = compile(SALES_POLICY);
  salesPolicy = { ir: s.ir!, policy: s.policy!, source: SALES_POLICY };
  writeCsv(join(dir, 'orders.csv'), ORDER_HEADER, orderRows);
  writeCsv(join(dir, 'sales.csv'), SALES_HEADER, saleRows);
  const l = compile(LOOKALIKE_POLICY);
  lookalikePolicy = { ir: l.ir!, policy: l.policy!, source: LOOKALIKE_POLICY };
  writeCsv(join(dir, 'lookalike.csv'), LOOKALIKE_HEADER, lookalikeRows);
  expected.orders = await js(ordersPolicy.policy, join(dir, 'orders.csv'));
  expected.empty = await js(ordersPolicy.policy, join(dir, 'orders.csv'), Date.UTC(2027, 5, 1));
  expected.sales = await js(salesPolicy.policy, join(dir, 'sales.csv'));
  expected.lookalike = await js(lookalikePolicy.policy, join(dir, 'lookalike.csv'));
  writeCsv(
    join(dir, 'typed.csv'),
    ORDER_HEADER.filter((h) => h !== 'order-status'),
    typedOrders(ordersPolicy.policy).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v == null ? '' : String(v)])) as Row),
  );
  expected.typed = await js(ordersPolicy.policy, join(dir, 'typed.csv'));
  writeCsv(
    join(dir, 'typed-seconds.csv'),
    ORDER_HEADER.filter((h) => h !== 'order-status'),
    typedOrders(ordersPolicy.policy).map(
      (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v == null ? '' : k.endsWith('date') ? String(v).slice(0, 19) : String(v)])) as Row,
    ),
  );
  expected.typedSeconds = await js(ordersPolicy.policy, join(dir, 'typed-seconds.csv'));
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('PostgreSQL gives the JavaScript engine\'s metrics', () => {
  let db: pg.Client;
  beforeAll(async () => {
    postgres = await startPostgres();
    db = new pg.Client({ connectionString: postgres.url });
    await db.connect();
    const text = (header: readonly string[], table: string) => `CREATE TABLE ${table} (${header.map((h) => `"${h}" text`).join(', ')})`;
    await db.query(text(ORDER_HEADER, 'orders_text'));
    await db.query(text(SALES_HEADER, 'sales_text'));
    await db.query(text(LOOKALIKE_HEADER, 'lookalike_text'));
    await db.query('CREATE SCHEMA shop');
    await db.query(`CREATE TABLE shop.orders ("amazon-order-id" text, "purchase-date" timestamp, "fulfillment-channel" text, "cancelled-by" text,
      "expected-ship-date" timestamp, "ship-date" timestamp, "tracking-id" text, "tracking-valid" boolean, "negative-feedback" boolean, "az-claim" boolean, chargeback boolean, sku text, asin text)`);
    const insert = async (table: string, header: readonly string[], rows: Array<Record<string, unknown>>) => {
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const values: unknown[] = [];
        const tuples = chunk.map((r) => `(${header.map((h) => (values.push(r[h] ?? null), `$${values.length}`)).join(', ')})`);
        await db.query(`INSERT INTO ${table} (${header.map((h) => `"${h}"`).join(', ')}) VALUES ${tuples.join(', ')}`, values);
      }
    };
    await insert('orders_text', ORDER_HEADER, orderRows);
    await insert('sales_text', SALES_HEADER, saleRows);
    await insert('lookalike_text', LOOKALIKE_HEADER, lookalikeRows);
    await insert('shop.orders', ORDER_HEADER.filter((h) => h !== 'order-status'), typedOrders(ordersPolicy.policy));
  }, 120_000);
  afterAll(async () => {
    await db?.end();
  });

  it('on a table of text columns, including its unreadable rows', async () => {
    const report = await checkWithPostgres(ordersPolicy, `${postgres!.url}?table=orders_text`, { asOf: AS_OF });
    expect(agreed(report)).toEqual(agreed(expected.orders));
    expect(report.results.map((r) => r.invalid)).toEqual(expected.orders.results.map((r) => r.invalid));
    expect(expected.orders.summary.invalid).toBeGreaterThanOrEqual(7);
  });

  it('on a table with native timestamps and booleans, in a schema', async () => {
    const report = await checkWithPostgres(ordersPolicy, `${postgres!.url}?table=shop.orders`, { asOf: AS_OF });
    expect(agreed(report)).toEqual(agreed(expected.typed));
  });

  it('when every window is empty', async () => {
    const report = await checkWithPostgres(ordersPolicy, `${postgres!.url}?table=orders_text`, { asOf: Date.UTC(2027, 5, 1) });
    expect(agreed(report)).toEqual(agreed(expected.empty));
  });

  it('for count, total, average, minimum and maximum, with record rules', async () => {
    const report = await checkWithPostgres(salesPolicy, `${postgres!.url}?table=sales_text`, { asOf: AS_OF });
    expect(agreed(report)).toEqual(agreed(expected.sales));
    expect(report.results.map((r) => [r.violations.map((v) => v.message), r.invalid])).toEqual(expected.sales.results.map((r) => [r.violations.map((v) => v.message), r.invalid]));
  });
  it("when columns are named like the query's own names (k0, f0_text, invalid, as_of_ms...)", async () => {
    const report = await checkWithPostgres(lookalikePolicy, `${postgres!.url}?table=lookalike_text`, { asOf: AS_OF });
    expect(agreed(report)).toEqual(agreed(expected.lookalike));
    // The same sales as in sales_text, in other columns: the same metrics.
    expect(expected.lookalike.metrics).toEqual(expected.sales.metrics);
  });
});

describe('a two-shard ClickHouse cluster gives the JavaScript engine\'s metrics', () => {
  let shards: ClickHouseClient[];
  beforeAll(async () => {
    cluster = await startClickhouseCluster();
    shards = cluster.shards.map((url) => createClient({ url, log: { level: 127 as never } }));
    const local = (table: string, columns: string) => `CREATE TABLE ${table} (${columns}) ENGINE = MergeTree() ORDER BY tuple()`;
    const text = (header: readonly string[]) => header.map((h) => `\`${h}\` Nullable(String)`).join(', ');
    const typed = [
      '`amazon-order-id` String',
      '`purchase-date` DateTime',
      '`fulfillment-channel` String',
      '`cancelled-by` Nullable(String)',
      '`expected-ship-date` Nullable(DateTime)',
      '`ship-date` Nullable(DateTime)',
      '`tracking-id` Nullable(String)',
      '`tracking-valid` Nullable(UInt8)',
      '`negative-feedback` UInt8',
      '`az-claim` UInt8',
      'chargeback UInt8',
      'sku Nullable(String)',
      'asin Nullable(String)',
    ].join(', ');
    for (const shard of shards) {
      await shard.command({ query: local('orders_local', text(ORDER_HEADER)) });
      await shard.command({ query: local('sales_local', text(SALES_HEADER)) });
      await shard.command({ query: local('lookalike_local', text(LOOKALIKE_HEADER)) });
      await shard.command({ query: local('typed_local', typed) });
      // The Distributed tables: a query on either server reads both shards.
      for (const [dist, localTable] of [['orders', 'orders_local'], ['sales', 'sales_local'], ['orders_typed', 'typed_local'], ['lookalike', 'lookalike_local']])
        await shard.command({ query: `CREATE TABLE ${dist} AS ${localTable} ENGINE = Distributed(${cluster.cluster}, default, ${localTable}, rand())` });
    }
    const insert = async (table: string, values: Array<Record<string, unknown>>) => {
      await shards[0].insert({ table, values, format: 'JSONEachRow', clickhouse_settings: { insert_distributed_sync: 1 } as never });
    };
    await insert('orders', orderRows);
    await insert('sales', saleRows);
    await insert('lookalike', lookalikeRows);
    const time = (v: unknown) => (v == null ? null : String(v).slice(0, 19));
    await insert(
      'orders_typed',
      typedOrders(ordersPolicy.policy).map((r) => ({
        ...r,
        'purchase-date': time(r['purchase-date']),
        'expected-ship-date': time(r['expected-ship-date']),
        'ship-date': time(r['ship-date']),
        'tracking-valid': r['tracking-valid'] == null ? null : r['tracking-valid'] ? 1 : 0,
        'negative-feedback': r['negative-feedback'] ? 1 : 0,
        'az-claim': r['az-claim'] ? 1 : 0,
        chargeback: r.chargeback ? 1 : 0,
      })),
    );
  }, 180_000);
  afterAll(async () => {
    for (const s of shards ?? []) await s.close();
  });

  it('spreads the rows over both shards', async () => {
    const counts = [];
    for (const s of shards) counts.push(Number(((await (await s.query({ query: 'SELECT count() FROM orders_local', format: 'JSONCompact' })).json()) as { data: unknown[][] }).data[0][0]));
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(counts[0] + counts[1]).toBe(orderRows.length);
  });

  it('on a Distributed table of text columns, including its unreadable rows', async () => {
    const report = await checkWithClickhouse(ordersPolicy, `clickhouse://127.0.0.1:${new URL(cluster!.url).port}/default?table=orders`, { asOf: AS_OF });
    expect(agreed(report)).toEqual(agreed(expected.orders));
    const messages = (r: Report) => r.results.map((x) => JSON.stringify(x.invalid)).sort();
    expect(messages(report)).toEqual(messages(expected.orders));
  });

  it('aggregates on each shard: the second shard sends one row per group, not its rows', async () => {
    await checkWithClickhouse(ordersPolicy, `clickhouse://127.0.0.1:${new URL(cluster!.url).port}/default?table=orders`, { asOf: AS_OF });
    const one = async (s: ClickHouseClient, query: string) => ((await (await s.query({ query, format: 'JSONCompact' })).json()) as { data: unknown[][] }).data;
    const [[local]] = await one(shards[1], 'SELECT count() FROM orders_local');
    const [[groups]] = await one(shards[1], 'SELECT count() FROM (SELECT DISTINCT sku, asin FROM orders_local)');
    for (const s of shards) await s.command({ query: 'SYSTEM FLUSH LOGS' });
    // The metric query as the first server received it, then what it sent the second shard for it.
    const [[initial]] = await one(
      shards[0],
      "SELECT query_id FROM system.query_log WHERE is_initial_query = 1 AND type = 2 AND query LIKE '%order-defect-rate numerator%' ORDER BY event_time DESC LIMIT 1",
    );
    const sent = await one(shards[1], `SELECT read_rows, result_rows FROM system.query_log WHERE is_initial_query = 0 AND type = 2 AND initial_query_id = '${String(initial)}'`);
    expect(sent).toHaveLength(1);
    const [readRows, resultRows] = sent[0].map(Number);
    expect(readRows).toBe(Number(local));
    expect(resultRows).toBeGreaterThan(0);
    expect(resultRows).toBeLessThanOrEqual(Number(groups));
    expect(Number(groups)).toBeLessThan(Number(local));
  });

  it('on a Distributed table with native DateTime and UInt8 columns (times to the second)', async () => {
    const report = await checkWithClickhouse(ordersPolicy, `clickhouse://127.0.0.1:${new URL(cluster!.shards[1]).port}/default?table=orders_typed`, { asOf: AS_OF });
    // DateTime keeps whole seconds: the JavaScript engine reads the same rows cut to the second.
    expect(agreed(report)).toEqual(agreed(expected.typedSeconds));
  });

  it('when every window is empty', async () => {
    const report = await checkWithClickhouse(ordersPolicy, `clickhouse://127.0.0.1:${new URL(cluster!.url).port}/default?table=orders`, { asOf: Date.UTC(2027, 5, 1) });
    expect(agreed(report)).toEqual(agreed(expected.empty));
  });

  it('for count, total, average, minimum and maximum, with record rules', async () => {
    const report = await checkWithClickhouse(salesPolicy, `clickhouse://127.0.0.1:${new URL(cluster!.url).port}/default?table=sales`, { asOf: AS_OF });
    expect(agreed(report)).toEqual(agreed(expected.sales));
    const fired = (r: Report) => r.results.map((x) => JSON.stringify([x.violations.map((v) => v.message), x.invalid])).sort();
    expect(fired(report)).toEqual(fired(expected.sales));
  });

  it("when columns are named like the query's own names (k0, f0_text, invalid, as_of_ms...)", async () => {
    const report = await checkWithClickhouse(lookalikePolicy, `clickhouse://127.0.0.1:${new URL(cluster!.url).port}/default?table=lookalike`, { asOf: AS_OF });
    expect(agreed(report)).toEqual(agreed(expected.lookalike));
    expect(expected.lookalike.metrics).toEqual(expected.sales.metrics);
  });
});
