/**
 * Records with two sides, such as a follow-sell request (the listing on
 * Amazon and the offer the seller would ship): which two fields are the
 * sides, and the rows of a side-by-side comparison with the differing
 * fields marked. Values are compared the way follow-selling policies compare
 * them, with normalize(): case, accents, "&"/"and", British spellings and
 * metric units do not make two values different.
 */
import type { CompiledPolicy, FieldInfo, RecordInfo } from '@sellguard/core';
import { getPath, normalize } from '@sellguard/core/runtime';
import { showField } from './show-field.js';

export interface Side {
  /** The field holding this side, e.g. "listing". */
  field: string;
  info: RecordInfo;
}

export interface Sides {
  left: Side;
  right: Side;
}

/** Two record fields are sides when their records share at least this many field names. */
const MIN_SHARED = 3;

/** The first two record-typed fields of the input record whose records describe the same thing (share field names). */
export function twoSides(policy: Pick<CompiledPolicy, 'records' | 'recordType'>): Sides | undefined {
  const input = policy.records.find((r) => r.name === policy.recordType);
  if (!input) return undefined;
  const sides = input.fields
    .map((f) => ({ f, info: f.type.kind === 'record' ? policy.records.find((r) => r.name === (f.type as { name: string }).name) : undefined }))
    .filter((x): x is { f: FieldInfo; info: RecordInfo } => x.info !== undefined);
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      const names = new Set(sides[i].info.fields.map((f) => f.name));
      const shared = sides[j].info.fields.filter((f) => names.has(f.name)).length;
      if (shared >= MIN_SHARED) return { left: { field: sides[i].f.name, info: sides[i].info }, right: { field: sides[j].f.name, info: sides[j].info } };
    }
  }
  return undefined;
}

/**
 * How two values compare: `differs` (a real difference), `spelled` (the same
 * once normalized, written differently), `same`, or `one-side` (only one side
 * says anything, which is not a difference).
 */
export type Comparison = 'same' | 'spelled' | 'differs' | 'one-side';

export interface SideRow {
  /** The field name, or "parameters › weight" for an entry of a map. */
  label: string;
  left: string;
  right: string;
  comparison: Comparison;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/** Compare two field values. Lists compare as sets (the offer's pictures must all be the listing's). */
export function compare(a: unknown, b: unknown): Comparison {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b) ? 'same' : 'one-side';
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = new Set(a.map((x) => normalize(String(x))));
    const same = b.every((x) => left.has(normalize(String(x))));
    const exact = a.length === b.length && a.every((x, i) => x === b[i]);
    return exact ? 'same' : same ? 'spelled' : 'differs';
  }
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 'same' : normalize(a) === normalize(b) ? 'spelled' : 'differs';
  return JSON.stringify(a) === JSON.stringify(b) ? 'same' : 'differs';
}

/** The comparison rows: shared fields first (in the left record's order), then fields only one side has. */
export function sideRows(value: unknown, sides: Sides): SideRow[] {
  const left = getPath(value, sides.left.field);
  const right = getPath(value, sides.right.field);
  const rightFields = new Map(sides.right.info.fields.map((f) => [f.name, f]));
  const rows: SideRow[] = [];
  const shown = (v: unknown, f: FieldInfo | undefined) => (f ? showField(v, f.type) : '(none)');
  for (const f of sides.left.info.fields) {
    const other = rightFields.get(f.name);
    const a = getPath(left, f.name);
    const b = other ? getPath(right, f.name) : undefined;
    if (f.type.kind === 'map' && other?.type.kind === 'map') {
      rows.push(...mapRows(f.name, a, b));
      continue;
    }
    if (!other && isEmpty(a)) continue;
    rows.push({ label: f.name, left: shown(a, f), right: other ? shown(b, other) : '', comparison: other ? compare(a, b) : 'one-side' });
  }
  for (const f of sides.right.info.fields) {
    if (sides.left.info.fields.some((l) => l.name === f.name)) continue;
    const b = getPath(right, f.name);
    if (isEmpty(b)) continue;
    rows.push({ label: f.name, left: '', right: shown(b, f), comparison: 'one-side' });
  }
  return rows;
}

/** One row per key of a map field; keys are matched by their normalized names ("Weight" and "WEIGHT"). */
function mapRows(name: string, a: unknown, b: unknown): SideRow[] {
  const entries = (m: unknown) => (m && typeof m === 'object' ? Object.entries(m as Record<string, unknown>) : []);
  const right = new Map(entries(b).map(([k, v]) => [normalize(k), { k, v }]));
  const rows: SideRow[] = [];
  const used = new Set<string | null>();
  for (const [k, v] of entries(a)) {
    const match = right.get(normalize(k));
    used.add(normalize(k));
    rows.push({ label: `${name} › ${k}`, left: String(v), right: match ? String(match.v) : '(none)', comparison: match ? compare(v, match.v) : 'one-side' });
  }
  for (const [key, { k, v }] of right) if (!used.has(key)) rows.push({ label: `${name} › ${k}`, left: '(none)', right: String(v), comparison: 'one-side' });
  if (rows.length === 0) rows.push({ label: name, left: '(none)', right: '(none)', comparison: 'same' });
  return rows;
}
