/**
 * Applying a fix to a record as it arrived. A fix's paths name the policy's
 * fields (`body`, `attachments[1].fileName`), but the raw record may use an
 * alias or another spelling of the key (`message`, `Attachments`); the edit
 * must land on the key that is there, or it would add a new field.
 */
import type { CompiledPolicy, FieldInfo, Fix, RecordInfo } from '../types.js';
import { applyFix, splitPath } from '../runtime/fixes.js';

type Raw = Record<string, unknown>;

const isRaw = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const squash = (key: string) => key.toLowerCase().replace(/[\s_\-.]/g, '');

/** The key of `raw` a field is read from, matched as the schema does: exact name, alias, loose spelling. */
export function rawKey(raw: Raw, field: FieldInfo): string | undefined {
  if (Object.hasOwn(raw, field.name)) return field.name;
  for (const a of field.aliases) if (Object.hasOwn(raw, a)) return a;
  const wanted = new Set([field.name, ...field.aliases].map(squash));
  return Object.keys(raw).find((k) => wanted.has(squash(k)));
}

/** A path of field names as a path of the raw record's own keys. */
export function rawPath(policy: Pick<CompiledPolicy, 'records' | 'recordType'>, raw: unknown, path: string): string {
  let record: RecordInfo | undefined = policy.records.find((r) => r.name === policy.recordType);
  let value: unknown = raw;
  let elementOf: FieldInfo['type'] | undefined;
  let out = '';
  for (const part of splitPath(path)) {
    if (typeof part === 'number') {
      out += `[${part}]`;
      value = Array.isArray(value) ? value[part] : undefined;
      record = elementOf?.kind === 'record' ? policy.records.find((r) => r.name === (elementOf as { name: string }).name) : undefined;
      elementOf = undefined;
      continue;
    }
    const field = record?.fields.find((f) => f.name === part);
    const key = field && isRaw(value) ? (rawKey(value, field) ?? part) : part;
    out += out ? `.${key}` : key;
    value = isRaw(value) ? value[key] : undefined;
    const type = field?.type;
    elementOf = type?.kind === 'list' ? type.element : undefined;
    record = type?.kind === 'record' ? policy.records.find((r) => r.name === type.name) : undefined;
  }
  return out;
}

/** applyFix on a raw record, with the fix's paths moved to the keys the record actually uses. */
export function applyFixToRaw<T>(policy: Pick<CompiledPolicy, 'records' | 'recordType'>, raw: T, fix: Fix): T {
  return applyFix(raw, { ...fix, edits: fix.edits.map((e) => ({ ...e, path: rawPath(policy, raw, e.path) })) });
}
