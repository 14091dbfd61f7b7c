/**
 * The generated decoders and the zod schema must accept, coerce and reject
 * identically: the decoder is what runs, the schema is the published contract
 * and words the errors. Checked on every record type of every shipped
 * policy, with values built from the spellings real data uses (CSV text,
 * "Yes", "2.5%", dates with zones, aliases and loose header names) and with
 * arbitrary JSON.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, type CompiledPolicy, type FieldType } from '../src/index.js';
import * as rt from '../src/runtime/index.js';

const root = resolve(import.meta.dirname, '../../..');

/** Values a field may hold in real data, of any type: each decoder must treat them as the schema does. */
const scalar = fc.oneof(
  fc.constantFrom('', ' ', 'Yes', 'no', 'TRUE', 'f', '1', '0', '2', '2.5%', ' 12 ', '3.0', '1e3', '-4', '.5', 'abc', 'P30D', '30 days', '12 hours', 'pt'),
  fc.constantFrom('2026-11-03', '2026-02-30', '2026-11-03T14:30:00Z', '2026-11-03 14:30', '2026-11-03T14:30:00.250+02:00', '2026-11-03T24:00Z', '2026-11-03T10:00 UTC', '2026-11-03T10:00-0530'),
  fc.constantFrom('seller', 'Buyer ', 'OTHER', 'instructions', 'a;b|c', '["x","y"]', '[1,', '{"a":1}', '{'),
  fc.constantFrom(null, true, false, 0, 1, 2, 0.025, -1.5, Number.MAX_VALUE),
  fc.string({ maxLength: 8 }),
  fc.double({ noNaN: true }),
  fc.integer(),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, scalar, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('v'), { maxKeys: 3 })),
})).v;

/** Values of a field's type in the spellings real data uses, mostly valid, sometimes blank. */
const TYPED: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('', ' ', 12, true)),
  text: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('', ' ')),
  number: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('12', ' 3.5 ', '-1e3', '.5', '', '1,5')),
  integer: fc.oneof(fc.integer(), fc.constantFrom('3', '3.0', '+7', ' 12 ', '2.5', 2.5, '')),
  percent: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('2.5%', ' 1 %', '0.025', '%', '')),
  boolean: fc.constantFrom(true, false, 'Yes', 'no', 'TRUE', ' f ', '1', 0, 1, 2, '', 'maybe'),
  date: fc.constantFrom('2026-11-03', '2026-02-30', '2026-11-03T23:30:00-02:00', '2026-11-03 14:30', '', '3 Nov'),
  datetime: fc.constantFrom('2026-11-03T14:30:00Z', '2026-11-03 14:30', '2026-11-03T14:30:00.250+02:00', '2026-11-03T10:00 UTC', '2026-11-03T10:00-0530', '2026-11-03', '2026-11-03T24:00Z', ''),
  duration: fc.constantFrom('30 days', '12 hours', 'P30D', 'PT2H', 'pt', 3, '2.5', '', 'soon'),
};

function typed(policy: CompiledPolicy, type: FieldType, depth: number): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case 'enum':
      return fc.oneof(fc.constantFrom(...type.members), fc.constantFrom(...type.members).map((m) => ` ${m.toUpperCase()} `), fc.constantFrom('', 'nope'));
    case 'list': {
      const item = typed(policy, type.element, depth + 1);
      return fc.oneof(fc.array(item, { maxLength: 3 }), fc.constantFrom('', 'a;b|c', '["x"]', '[1,'));
    }
    case 'map':
      return fc.oneof(fc.dictionary(fc.string({ maxLength: 4 }), typed(policy, type.value, depth + 1), { maxKeys: 2 }), fc.constantFrom('{"a":1}', '{', ''));
    case 'record':
      return depth > 2 ? fc.constant(null) : fc.oneof({ weight: 4, arbitrary: recordArb(policy, type.name, depth + 1) }, { weight: 1, arbitrary: fc.constantFrom(null, '', 'x', []) });
    default:
      return TYPED[type.kind];
  }
}

/** A record of type `name`: each field under its name, an alias or a loose spelling, or left out; now and then any value at all. */
function recordArb(policy: CompiledPolicy, name: string, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const info = policy.records!.find((r) => r.name === name)!;
  const entries = info.fields.map((f) => {
    const keys = [f.name, ...f.aliases, f.name.replace(/[A-Z]/g, (c) => ` ${c}`).toUpperCase()];
    const val = fc.oneof({ weight: 30, arbitrary: typed(policy, f.type, depth) }, { weight: 1, arbitrary: value });
    return fc.option(fc.tuple(fc.constantFrom(...keys), val), { nil: undefined, freq: 10 });
  });
  return fc.tuple(fc.tuple(...entries), fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 2 })).map(([fields, extra]) => {
    const out: Record<string, unknown> = { ...extra };
    for (const e of fields) if (e) out[e[0]] = e[1];
    return out;
  });
}

function same(policy: CompiledPolicy, raw: unknown): boolean {
  const fast = policy.decode(raw);
  const oracle = rt.s.decode(policy.schema as never, raw);
  expect(fast.ok).toBe(oracle.ok);
  if (fast.ok && oracle.ok) expect(fast.value).toStrictEqual(oracle.value);
  return oracle.ok;
}

const policies = readdirSync(join(root, 'policies'))
  .filter((f) => f.endsWith('.policy'))
  .map((f) => ({ file: f, policy: compile(readFileSync(join(root, 'policies', f), 'utf8')).policy! }));

describe('generated decoders agree with the zod schema', () => {
  for (const { file, policy } of policies) {
    it(`${file}: records of the input type`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(recordArb(policy, policy.recordType, 0), (raw) => {
          if (same(policy, raw)) accepted++;
        }),
        { numRuns: 400, seed: Number(process.env.SELLGUARD_FC_SEED ?? 20261205) },
      );
      // Both paths must be exercised: records that fit, and records that do not.
      expect(accepted).toBeGreaterThan(3);
      expect(accepted).toBeLessThan(400);
    });
    it(`${file}: arbitrary JSON`, () => {
      fc.assert(fc.property(fc.oneof(value, fc.jsonValue()), (raw) => void same(policy, raw)), { numRuns: 200, seed: Number(process.env.SELLGUARD_FC_SEED ?? 20261205) });
    });
  }

  it('every shipped sample record decodes the same way', () => {
    for (const { file, policy } of policies) {
      const dir = join(root, 'examples', file.replace('.policy', ''));
      let files: string[] = [];
      try {
        files = readdirSync(dir).filter((f) => f.endsWith('.jsonl') || f.endsWith('.json'));
      } catch {
        continue;
      }
      for (const f of files) {
        const text = readFileSync(join(dir, f), 'utf8');
        const records = f.endsWith('.jsonl') ? text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)) : [JSON.parse(text)].flat();
        for (const r of records) same(policy, r);
      }
    }
  });

  it('a record that does not fit still gets the schema\'s words', () => {
    const { policy } = compile('policy p "P"\n  input R\nrecord R {\n  when: datetime from "sent-at"\n  n: integer = 3\n}\n');
    expect(policy!.decode({ 'sent-at': '2026-11-03T10:00+02:00' })).toEqual({ ok: true, value: { when: Date.UTC(2026, 10, 3, 8), n: 3 } });
    expect(policy!.decode({ when: 'soon', n: '2.5' })).toEqual({
      ok: false,
      problems: [
        { path: 'when', message: 'expected a date and time such as 2026-11-03T14:30:00Z, got "soon"' },
        { path: 'n', message: 'expected a whole number such as 3, got "2.5"' },
      ],
    });
  });
});
