/** A field's value as one line of plain text, the way reports show values. */
import type { FieldType } from '@sellguard/core';
import { show, type ShowKind } from '@sellguard/core/runtime';

const SHOW_KIND: Partial<Record<FieldType['kind'], ShowKind>> = {
  string: 'string',
  text: 'string',
  number: 'number',
  integer: 'integer',
  percent: 'percent',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  duration: 'duration',
  enum: 'string',
};

export function showField(value: unknown, type: FieldType): string {
  if (value === undefined || value === null) return '(none)';
  if (type.kind === 'list') {
    if (!Array.isArray(value)) return show(value, 'other');
    if (value.length === 0) return '(none)';
    return `${value.length}: ${value.map((v) => showField(v, type.element)).join('; ')}`;
  }
  if (type.kind === 'record' || type.kind === 'map') {
    if (typeof value !== 'object') return show(value, 'other');
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ');
  }
  return show(value, SHOW_KIND[type.kind] ?? 'other');
}

