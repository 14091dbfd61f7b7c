/** Small helpers for showing records. */
import type { FieldInfo, RecordInfo } from '@sellguard/core';
import { getPath } from '@sellguard/core/runtime';
import { isRawRecord, readField } from './form';

/** The value at a field path such as `attachments[1].fileName`. */
export function getPathValue(record: unknown, path: string): unknown {
  return getPath(record, path);
}

/** The field that names a record in lists: the first required short-text field (an order id, a SKU). */
export function labelFieldOf(info: RecordInfo | undefined): FieldInfo | undefined {
  return info?.fields.find((f) => f.type.kind === 'string' && !f.optional) ?? info?.fields.find((f) => f.type.kind === 'string');
}

/** A short name for a record in lists, from its label field. */
export function recordLabel(raw: unknown, field: FieldInfo | undefined): string | undefined {
  if (!field || !isRawRecord(raw)) return undefined;
  const v = readField(raw, field);
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const s = String(v).trim();
  return s.length > 40 ? `${s.slice(0, 39)}…` : s || undefined;
}
