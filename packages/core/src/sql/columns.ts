/**
 * Which source column feeds which record field, decided the way the
 * JavaScript decoder decides it for a record's keys: the exact field name,
 * then a declared alias (`from "purchase-date"`), then the same name
 * ignoring case, spaces, dashes, dots and underscores ("Purchase Date").
 * An exact name wins over an alias or a loose spelling of the same field.
 */
import type { IrRecord } from '../compile/ir.js';

/** How a source column stores its values: as text (read leniently, like a CSV cell), or as native timestamps/dates. */
export type ColumnStorage = 'text' | 'timestamp' | 'date' | 'other';

export interface SourceColumn {
  name: string;
  storage: ColumnStorage;
}

const squash = (key: string) => key.toLowerCase().replace(/[\s_\-.]/g, '');

/** For each field of the record, in order: the column it reads, or null when the source has none. */
export function mapColumns(record: IrRecord, columns: readonly SourceColumn[]): Array<SourceColumn | null> {
  const names = new Set(record.fields.map((f) => f.name));
  const aliasOf = new Map<string, string>();
  const loose = new Map<string, string>();
  for (const f of record.fields) {
    loose.set(squash(f.name), f.name);
    for (const a of f.aliases) loose.set(squash(a), f.name);
  }
  for (const f of record.fields) for (const a of f.aliases) aliasOf.set(a, f.name);
  const picked = new Map<string, SourceColumn>();
  for (const column of columns) {
    const key = column.name;
    const target = names.has(key) ? key : (aliasOf.get(key) ?? loose.get(squash(key)));
    if (target !== undefined && (!picked.has(target) || target === key)) picked.set(target, column);
  }
  return record.fields.map((f) => picked.get(f.name) ?? null);
}

/** The columns a table would have if it were named after the fields (what `sellguard compile --target sql` assumes). */
export function columnsNamedAfterFields(record: IrRecord): SourceColumn[] {
  return record.fields.map((f) => ({ name: f.name, storage: 'other' }));
}
