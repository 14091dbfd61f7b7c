/**
 * The record form's logic, apart from React: which raw key holds a field
 * (names, aliases and loose spellings such as "Order ID"), reading and
 * writing fields without losing the keys the policy does not know, new
 * records with sensible starting values, and mapping checker paths back to
 * raw keys so fixes land in the right place.
 */
import type { FieldInfo, FieldType, InputProblem, RecordInfo } from '@sellguard/core';

export type RawRecord = Record<string, unknown>;

function squash(key: string): string {
  return key.toLowerCase().replace(/[\s_\-.]/g, '');
}

export function isRawRecord(v: unknown): v is RawRecord {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The key of `raw` the field is read from, matched like the checker does: exact name, then alias, then loose spelling. */
export function fieldKey(raw: RawRecord, field: FieldInfo): string | undefined {
  if (Object.hasOwn(raw, field.name)) return field.name;
  for (const a of field.aliases) if (Object.hasOwn(raw, a)) return a;
  const wanted = new Set([field.name, ...field.aliases].map(squash));
  return Object.keys(raw).find((k) => wanted.has(squash(k)));
}

export function readField(raw: RawRecord, field: FieldInfo): unknown {
  const key = fieldKey(raw, field);
  return key === undefined ? undefined : raw[key];
}

/** A copy of `raw` with the field set (or removed, for undefined), under the key it already had. */
export function writeField(raw: RawRecord, field: FieldInfo, value: unknown): RawRecord {
  const key = fieldKey(raw, field) ?? field.name;
  const out: RawRecord = { ...raw };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out;
}

export function recordByName(records: readonly RecordInfo[], name: string): RecordInfo | undefined {
  return records.find((r) => r.name === name);
}

/** A starting value for a field of this type in a new record. */
export function initialValue(type: FieldType, records: readonly RecordInfo[], depth = 0): unknown {
  switch (type.kind) {
    case 'string':
    case 'text':
    case 'duration':
      return '';
    case 'number':
    case 'integer':
    case 'percent':
      return 0;
    case 'boolean':
      return false;
    case 'date':
      return new Date().toISOString().slice(0, 10);
    case 'datetime':
      return `${new Date().toISOString().slice(0, 19)}Z`;
    case 'enum':
      return type.members[0] ?? '';
    case 'list':
      return [];
    case 'map':
      return {};
    case 'record': {
      const info = recordByName(records, type.name);
      return info && depth < 4 ? newRecord(info, records, depth + 1) : {};
    }
  }
}

/** A new record with every required field filled in (optional and defaulted fields are left out). */
export function newRecord(info: RecordInfo, records: readonly RecordInfo[], depth = 0): RawRecord {
  const out: RawRecord = {};
  for (const f of info.fields) if (!f.optional && !f.hasDefault) out[f.name] = initialValue(f.type, records, depth);
  return out;
}

/** Join a field path: `attachments` + 1 → `attachments[1]`, `attachments[1]` + `kind` → `attachments[1].kind`. */
export function joinPath(base: string, part: string | number): string {
  if (typeof part === 'number') return `${base}[${part}]`;
  return base ? `${base}.${part}` : part;
}

/** Problems by field path; problems whose path has no field in the form go under ''. */
export function problemsByPath(problems: readonly InputProblem[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) out.set(p.path, [...(out.get(p.path) ?? []), p.message]);
  return out;
}

/** Words for a field's type, shown under its label. */
export function describeType(type: FieldType): string {
  switch (type.kind) {
    case 'string':
      return 'text';
    case 'text':
      return 'longer text';
    case 'number':
      return 'number';
    case 'integer':
      return 'whole number';
    case 'percent':
      return 'percentage';
    case 'boolean':
      return 'yes or no';
    case 'date':
      return 'date';
    case 'datetime':
      return 'date and time (UTC)';
    case 'duration':
      return 'duration, e.g. 30 days';
    case 'enum':
      return 'one of a list';
    case 'list':
      return type.element.kind === 'record' ? 'list' : `list of ${describeType(type.element)} values`;
    case 'map':
      return 'table of names and values';
    case 'record':
      return 'group of fields';
  }
}

/** `orderCompletedAt` → "Order completed at". */
export function humanize(name: string): string {
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  const fixed = words.replace(/\bid\b/g, 'ID').replace(/\burl\b/g, 'URL');
  return fixed.charAt(0).toUpperCase() + fixed.slice(1);
}

/** The datetime-local input's value ("2026-10-02T09:30") for a stored UTC timestamp. */
export function toLocalInput(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?/.exec(value.trim());
  return m ? `${m[1]}T${m[2]}${m[3] && m[3] !== ':00' ? m[3] : ''}` : '';
}

/** Back from the input: read as UTC, stored with a Z. */
export function fromLocalInput(value: string): string | undefined {
  if (value === '') return undefined;
  return value.length === 16 ? `${value}:00Z` : `${value}Z`;
}
