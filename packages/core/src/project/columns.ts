/**
 * Does an input fit a policy's record type? Used to say, once and up front,
 * that a CSV header lacks the columns a policy needs (instead of one
 * "is missing" per row), and to match each input of a project to the
 * policies whose record it holds. Browser-safe.
 */
import type { CompiledPolicy, FieldInfo } from '../types.js';
import { rawKey } from '../check/raw-fix.js';
import { closest } from '../compile/suggest.js';

/** The input record type's fields a record must have: not optional and without a default. */
export function requiredFields(policy: Pick<CompiledPolicy, 'records' | 'recordType'>): FieldInfo[] {
  const record = policy.records.find((r) => r.name === policy.recordType);
  return (record?.fields ?? []).filter((f) => !f.optional && !f.hasDefault);
}

/** The required fields none of whose names or aliases is among `keys`. */
export function missingFields(policy: Pick<CompiledPolicy, 'records' | 'recordType'>, keys: readonly string[]): FieldInfo[] {
  const raw = Object.fromEntries(keys.map((k) => [k, '']));
  return requiredFields(policy).filter((f) => rawKey(raw, f) === undefined);
}

function named(f: FieldInfo): string {
  return f.aliases.length > 0 ? `${f.name} (or ${f.aliases.join(', ')})` : f.name;
}

/**
 * One message for a header that lacks required columns: the file, the
 * columns found, the columns expected with their aliases, and a did-you-mean
 * for each missing one. Undefined when the header has them all.
 */
export function headerProblem(policy: Pick<CompiledPolicy, 'records' | 'recordType' | 'id'>, header: readonly string[], file: string): string | undefined {
  const missing = missingFields(policy, header);
  if (missing.length === 0) return undefined;
  const record = policy.records.find((r) => r.name === policy.recordType);
  const fields = record?.fields ?? [];
  const present = new Set(fields.filter((f) => !missing.includes(f)).flatMap((f) => [f.name, ...f.aliases]));
  const unused = header.filter((h) => !present.has(h));
  const guesses = missing
    .map((f) => {
      const near = closest(f.name, unused) ?? f.aliases.map((a) => closest(a, unused)).find(Boolean);
      return near ? `'${near}' → ${f.name}` : undefined;
    })
    .filter(Boolean);
  const required = fields.filter((f) => !f.optional && !f.hasDefault).map(named);
  const optional = fields.filter((f) => f.optional || f.hasDefault).map(named);
  return [
    `${file === '-' ? 'standard input' : file}: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((f) => f.name).join(', ')} that policy ${policy.id} needs for each ${policy.recordType}, so no row was checked.`,
    `  columns found:    ${header.length > 0 ? header.join(', ') : '(none)'}`,
    `  columns required: ${required.join(', ')}`,
    ...(optional.length > 0 ? [`  columns optional: ${optional.join(', ')}`] : []),
    ...(guesses.length > 0 ? [`  did you mean: ${guesses.join(', ')} (rename ${guesses.length > 1 ? 'those columns' : 'that column'})`] : []),
    `  Rename the columns in the file's first line (or add the missing ones), then run again.`,
  ].join('\n');
}
