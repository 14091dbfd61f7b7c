/**
 * The generated evaluator and the explain interpreter must agree on every
 * record: same violations, messages, paths, spans and fixes. Checked on the
 * whole labelled corpus and on the sample data of every shipped policy.
 * Both call the same runtime, so this cannot catch a runtime bug: the
 * runtime's own oracles are runtime/values-oracle.test.ts (hand tables and
 * properties against plain JavaScript), operators.test.ts and
 * metric-kinds.test.ts.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import dictionary from 'dictionary-en';
import { describe, expect, it } from 'vitest';
import { compile, createSpeller, evalContext, interpreter } from '../src/index.js';

const root = resolve(import.meta.dirname, '../../..');
const ctx = evalContext({ dictionary: createSpeller(dictionary) });

function recordsOf(file: string): unknown[] {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.jsonl')) return text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  if (file.endsWith('.json')) {
    const doc = JSON.parse(text);
    return Array.isArray(doc) ? doc : [doc];
  }
  return [];
}

const cases: Array<{ policy: string; records: unknown[] }> = [];
for (const name of ['messages.jsonl', 'holdout.jsonl']) {
  // The labelled corpus is part of the repository: a missing file fails here rather than shrinking the comparison.
  const corpus = join(root, 'corpus/buyer-messaging', name);
  cases.push({ policy: 'buyer-messaging', records: recordsOf(corpus).map((e) => (e as { message: unknown }).message) });
}
for (const file of readdirSync(join(root, 'policies')).filter((f) => f.endsWith('.policy'))) {
  const id = file.replace(/\.policy$/, '');
  const dir = join(root, 'examples', id);
  if (!existsSync(dir)) continue;
  for (const data of readdirSync(dir).filter((f) => /\.jsonl?$/.test(f))) cases.push({ policy: id, records: recordsOf(join(dir, data)) });
}

describe('generated code and interpreter agree', () => {
  for (const { policy: id, records } of cases) {
    it(`${id} on ${records.length} records`, () => {
      const file = join(root, 'policies', `${id}.policy`);
      const source = readFileSync(file, 'utf8');
      const { policy, ir } = compile(source, { fileName: file, readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined) });
      expect(policy).toBeDefined();
      const interpret = interpreter(ir!, source);
      let compared = 0;
      for (const raw of records) {
        const decoded = policy!.decode(raw);
        if (!decoded.ok) continue;
        expect(interpret.evaluate(decoded.value, ctx)).toEqual(policy!.evaluate(decoded.value, ctx));
        compared++;
      }
      expect(compared).toBeGreaterThan(0);
    });
  }
});
