/**
 * `sellguard compile --target sql`: a policy's metric query for a table whose
 * columns are named after the record's fields (or their aliases). Each cell
 * is read as text with the decoder's leniency, so the query works on text
 * columns as well as typed ones.
 */
import type { IrPolicy } from '../compile/ir.js';
import { columnsNamedAfterFields } from './columns.js';
import { dialect, type DialectName, type Dialect } from './dialect.js';
import { metricQuery, NotPushableError } from './query.js';
import { NotPushable } from './not-pushable.js';

/** A table name, quoted part by part: `sales.orders` is the table orders in the schema sales. */
export function tableName(d: Dialect, name: string): string {
  try {
    return name
      .split('.')
      .map((part) => d.ident(part))
      .join('.');
  } catch (e) {
    if (e instanceof NotPushable) throw new NotPushableError(`the table name '${name}'`, e.construct);
    throw e;
  }
}

export function policySql(ir: IrPolicy, name: DialectName, opts: { table: string; asOfDay: string; policySource?: string }): string {
  const d = dialect(name);
  const { sql } = metricQuery(ir, d, { from: tableName(d, opts.table), columns: columnsNamedAfterFields(ir.records.find((r) => r.name === ir.inputRecord)!) }, {
    asOfDay: opts.asOfDay,
    ...(opts.policySource !== undefined ? { policySource: opts.policySource } : {}),
  });
  return `${sql}\n`;
}
