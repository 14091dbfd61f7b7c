/**
 * Workload C: an order report CSV and the five metrics of
 * policies/account-health-orders.policy, computed by Sellguard's JavaScript
 * engine (the way `sellguard check` streams a file) and by DuckDB (SQL over
 * the same file). Both must give identical counts before anything is timed.
 */
import { join } from 'node:path';
import { loadPolicy, readRecords, checkRecords, contextFor } from '@sellguard/core/node';
import { DuckDBInstance } from '@duckdb/node-api';
import { ORDERS_AS_OF } from '../data/orders.mjs';

export const ORDER_METRICS = ['order-defect-rate', 'pre-fulfillment-cancel-rate', 'late-shipment-rate-10d', 'late-shipment-rate-30d', 'valid-tracking-rate'];

/** Sellguard: numerator/denominator of each metric. */
export async function sellguardOrders(root, file) {
  const { policy } = loadPolicy(join(root, 'policies/account-health-orders.policy'));
  const report = await checkRecords(policy, readRecords(file), contextFor([policy], { asOf: ORDERS_AS_OF }));
  return { rows: report.summary.records, invalid: report.summary.invalid, metrics: Object.fromEntries(ORDER_METRICS.map((id) => [id, `${report.metrics[id].numerator}/${report.metrics[id].denominator}`])) };
}

/** The same five metrics in SQL; windows are UTC calendar days ending on the as-of day. */
function ordersSql(file) {
  const day = new Date(ORDERS_AS_OF).toISOString().slice(0, 10);
  const inWindow = (col, days) => `${col}::DATE BETWEEN DATE '${day}' - ${days - 1} AND DATE '${day}'`;
  const rate = (name, days, by, where, hit) =>
    `count(*) FILTER (WHERE mfn AND ${where} AND ${inWindow(by, days)} AND ${hit}) AS "${name}_n", count(*) FILTER (WHERE mfn AND ${where} AND ${inWindow(by, days)}) AS "${name}_d"`;
  return `
WITH o AS (
  SELECT
    lower(trim("fulfillment-channel")) IN ('mfn', 'merchant', 'seller') AS mfn,
    CAST("purchase-date" AS TIMESTAMPTZ) AS purchase,
    CAST("expected-ship-date" AS TIMESTAMPTZ) AS expected,
    CAST("ship-date" AS TIMESTAMPTZ) AS shipped,
    lower(coalesce("cancelled-by", '')) AS cancelled_by,
    coalesce("tracking-id", '') AS tracking_id,
    lower(coalesce("tracking-valid", '')) AS tracking_valid,
    lower(coalesce("negative-feedback", '')) = 'true' OR lower(coalesce("az-claim", '')) = 'true' OR lower(coalesce("chargeback", '')) = 'true' AS defect
  FROM read_csv(${sqlString(file)}, header = true, all_varchar = true)
)
SELECT count(*) AS rows,
  ${rate('order-defect-rate', 60, 'purchase', 'true', 'defect')},
  ${rate('pre-fulfillment-cancel-rate', 7, 'purchase', 'true', "cancelled_by = 'seller'")},
  ${rate('late-shipment-rate-10d', 10, 'expected', 'shipped IS NOT NULL', 'shipped > expected')},
  ${rate('late-shipment-rate-30d', 30, 'expected', 'shipped IS NOT NULL', 'shipped > expected')},
  ${rate('valid-tracking-rate', 30, 'shipped', 'shipped IS NOT NULL', "tracking_id <> '' AND tracking_valid <> 'false'")}
FROM o`;
}

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;

export async function duckdbOrders(file) {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    await con.run("SET TimeZone = 'UTC'");
    const [row] = (await con.runAndReadAll(ordersSql(file))).getRowObjects();
    return { rows: Number(row.rows), invalid: 0, metrics: Object.fromEntries(ORDER_METRICS.map((id) => [id, `${row[`${id}_n`]}/${row[`${id}_d`]}`])) };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
