/**
 * Keys that come from users are plain names, even when they are also names
 * of Object.prototype members (`constructor`, `toString`, `valueOf`,
 * `hasOwnProperty`, `__proto__`): in record fields, in constant tables and in
 * CSV headers.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, evalContext, interpretRecord } from '../../src/index.js';
import { folderWith, sellguard } from './support.js';

const policy = `policy proto "Field names like Object.prototype members"
  input Rec

record Rec {
  constructor: string
  toString: string = "none"
  valueOf: number = 0
  hasOwnProperty: string = "no"
  proto: string = "none" from "__proto__"
}

const table = { "__proto__": "p", "constructor": "c", "a": "b" }

rule mapped error "{constructor} maps to {table[constructor]} ({toString}, {valueOf}, {hasOwnProperty}, {proto})" {
  require not exists(table[constructor])
}
`;

// JSON.parse keeps "__proto__" as an own key, as a JSON file does.
const jsonl = [
  '{"constructor":"__proto__","toString":"t1","__proto__":"P1"}',
  '{"constructor":"a","hasOwnProperty":"yes","valueOf":3}',
  '{"constructor":"zz"}',
  '{"constructor":"toString"}',
];
const csv = 'constructor,__proto__,toString\n__proto__,P2,t2\nvalueOf,P3,t3\n';

// By hand: the table has own entries __proto__, constructor and a; toString, valueOf and zz are not in it.
const expected = [
  '__proto__ maps to p (t1, 0, no, P1)',
  'a maps to b (none, 3, yes, none)',
  null,
  null,
  '__proto__ maps to p (t2, 0, no, P2)',
  null,
];

const dir = folderWith({ 'proto.policy': policy, 'records.jsonl': jsonl.join('\n') + '\n', 'records.csv': csv });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('user keys named like Object.prototype members', () => {
  it('are read and looked up as ordinary names by sellguard check (JSON lines and CSV)', () => {
    const r = sellguard(['check', 'proto.policy', 'records.jsonl', 'records.csv', '--format', 'json', '--fail-on', 'never'], dir);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.summary.invalid).toBe(0);
    expect(report.summary.records).toBe(6);
    const messages = expected.map((_, i) => report.results.find((x: { index: number }) => x.index === i)?.violations[0]?.message ?? null);
    expect(messages).toEqual(expected);
  });

  it('the interpreter (explain, the playground) agrees with the generated code', () => {
    const { policy: compiled, ir, diagnostics } = compile(policy, { fileName: 'proto.policy' });
    expect(diagnostics).toEqual([]);
    const ctx = evalContext();
    jsonl.forEach((line, i) => {
      const decoded = compiled!.decode(JSON.parse(line));
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      const viaCode = compiled!.evaluate(decoded.value, ctx).map((v) => v.message);
      const viaInterpreter = interpretRecord(ir!, decoded.value, ctx).map((v) => v.message);
      expect(viaCode).toEqual(expected[i] === null ? [] : [expected[i]]);
      expect(viaInterpreter).toEqual(viaCode);
    });
  });
});
