/**
 * Record fuzzing, per shipped policy: records with the policy's field names
 * and random values (wrong types, nulls, control characters, deep nesting,
 * huge strings) never make a check throw; every record is counted once
 * (checked or invalid); and for every record that decodes, the interpreter
 * (explain, the playground) and the generated code find the same violations.
 */
import fc from 'fast-check';
import { checkRecordsSync, compile, evalContext, interpretRecord, type RawRecord } from '../../packages/core/src/index.js';
import { shippedPolicies } from './policies.js';

const compiled = shippedPolicies.map(({ name, text }) => {
  const r = compile(text, { fileName: name, readFile: () => undefined });
  if (!r.policy || !r.ir) throw new Error(`the shipped policy ${name} does not compile`);
  const input = r.ir.records.find((rec) => rec.name === r.ir!.inputRecord);
  return { name, policy: r.policy, ir: r.ir, fields: input?.fields.map((f) => f.name) ?? [] };
});

/** Nested `depth` levels deep, built without recursion. */
function nested(depth: number, inner: unknown): unknown {
  let v = inner;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { v };
  return v;
}

const controlText = fc.string({ unit: fc.constantFrom('a', ' ', '\u0000', '\u0007', '\n', '\r', '\t', '\u200b', '\ufeff', '\ud800', '\u202e', 'é', '😀', '.', '@', 'http://x.co') });
const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom('', '0', '-1', '1e999', 'NaN', '2026-02-30', '0026-10-01', '2026-11-03T10:00:00Z', '30 days', '5%', 'true', '__proto__', 'constructor'),
  controlText,
);
const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('value', 'rate', 'count', 'status', 'x'), scalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.nat(3000).map((d) => nested(d, 'deep')) },
  { weight: 1, arbitrary: fc.nat(200_000).map((n) => 'word '.repeat(n / 5) + 'contact me at a@b.co') },
);

/** A policy and a few records made of its field names with random values. */
export const policyRecords = fc.nat(compiled.length - 1).chain((i) =>
  fc.tuple(
    fc.constant(i),
    fc.array(fc.dictionary(fc.oneof(fc.constantFrom(...(compiled[i].fields.length ? compiled[i].fields : ['x'])), fc.string({ maxLength: 4 })), value, { maxKeys: 8 }), { minLength: 1, maxLength: 5 }),
  ),
);

/** Throws (fails the property) when a check breaks its promise on these records. */
export function checkRecordsOf(i: number, raws: unknown[]): void {
  const { name, policy, ir } = compiled[i];
  const ctx = evalContext({ asOf: Date.UTC(2026, 10, 20) });
  const records: RawRecord[] = raws.map((raw, index) => ({ index, line: index + 1, raw }));
  const report = checkRecordsSync(policy, records, ctx, { keepAll: true });
  const s = report.summary;
  if (s.records !== raws.length || s.checked + s.invalid !== s.records) throw new Error(`${name}: counts do not add up: ${JSON.stringify(s)} for ${raws.length} records`);
  for (const raw of raws) {
    const decoded = policy.decode(raw);
    if (!decoded.ok) continue;
    const byCode = policy.evaluate(decoded.value, ctx).map((v) => `${v.rule}: ${v.message}`);
    const byInterpreter = interpretRecord(ir, decoded.value, ctx).map((v) => `${v.rule}: ${v.message}`);
    if (JSON.stringify(byCode) !== JSON.stringify(byInterpreter)) throw new Error(`${name}: the generated code found ${JSON.stringify(byCode)}, the interpreter ${JSON.stringify(byInterpreter)}`);
  }
}

export const recordProperty = fc.property(policyRecords, ([i, raws]) => checkRecordsOf(i, raws));
