/**
 * The JSON report's results are written by a small writer (json-text.ts)
 * instead of JSON.stringify over a plain copy: it must give the very same
 * bytes. Checked against the plain path (JSON.stringify of
 * projectResultJson, indented as the report nests it) on the results of
 * every shipped policy over its sample data and corpus, and on generated
 * results with any strings, numbers and optional parts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import dictionary from 'dictionary-en';
import { describe, expect, it } from 'vitest';
import { createSpeller, evalContext } from '../../src/index.js';
import { checkOne, loadPolicy, readRecords, type RawRecord } from '../../src/node/index.js';
import { projectResultJson } from '../../src/report/json-writer.js';
import { resultJsonText } from '../../src/report/json-text.js';
import type { ProjectResult } from '../../src/report/writer.js';

const root = resolve(import.meta.dirname, '../../../..');
const ctx = evalContext({ dictionary: createSpeller(dictionary), asOf: Date.UTC(2026, 10, 20) });

/** The plain path, as the JSON report wrote a result before: JSON.stringify, then every line indented. */
const plain = (r: ProjectResult, ind: string) => JSON.stringify(projectResultJson(r), null, 2).replace(/\n/g, `\n${ind}`);

/** Sample data and corpus records of each shipped policy. */
function inputsOf(id: string): string[] {
  const files: string[] = [];
  const dir = join(root, 'examples', id === 'account-health-orders' ? 'orders' : id);
  if (existsSync(dir)) for (const f of readdirSync(dir)) if (/\.(jsonl?|csv|txt)$/.test(f)) files.push(join(dir, f));
  return files;
}

function corpusRecords(id: string): RawRecord[] {
  const dir = join(root, 'corpus', id);
  if (!existsSync(dir)) return [];
  const out: RawRecord[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl'))) {
    for (const [i, line] of readFileSync(join(dir, f), 'utf8').split('\n').entries()) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as { message?: unknown; record?: unknown };
      out.push({ index: out.length, line: i + 1, file: f, raw: entry.message ?? entry.record });
    }
  }
  return out;
}

describe('the JSON text of a result', () => {
  const policies = readdirSync(join(root, 'policies')).filter((f) => f.endsWith('.policy'));
  for (const file of policies) {
    const id = file.replace(/\.policy$/, '');
    it(`is the plain path's text for ${id} on its sample data and corpus`, async () => {
      const policy = loadPolicy(join(root, 'policies', file)).policy;
      expect(policy).toBeDefined();
      const records: RawRecord[] = [...corpusRecords(id)];
      for (const input of inputsOf(id)) for await (const rec of readRecords(input)) records.push(rec);
      let withViolations = 0;
      for (const rec of records) {
        const { result } = checkOne(policy!, rec, ctx);
        if (result.violations.length > 0) withViolations++;
        for (const ind of ['    ', '        ']) expect(resultJsonText(result, ind)).toBe(plain(result, ind));
      }
      // The comparison covers records that fail, not only clean ones (every shipped policy with rules about single
      // records has failing samples; the order report's rules are about its metrics).
      if (records.length > 0 && !policy!.dataset) expect(withViolations).toBeGreaterThan(0);
    });
  }

  // Any text (lone surrogates, control characters, quotes), any number JSON can or cannot write, optional parts.
  const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '"', '\\', '\n', '\u2028', '\ud800', '\u0000'));
  const num = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY));
  const span = fc.record({ path: text, start: num, end: num, text: fc.option(text, { nil: undefined }) }, { requiredKeys: ['path', 'start', 'end'] });
  const violation = fc.record(
    {
      rule: text,
      severity: fc.constantFrom('error', 'warning', 'info'),
      message: text,
      path: text,
      spans: fc.array(span, { maxLength: 3 }),
      hint: text,
      fix: fc.record({ kind: fc.constantFrom('remove', 'replace', 'insert'), description: text, edits: fc.array(span, { maxLength: 2 }) }),
    },
    { requiredKeys: ['rule', 'severity', 'message', 'path', 'spans'] },
  );
  const suppressed = fc.tuple(violation, fc.record({ kind: fc.constantFrom('record', 'config', 'baseline'), reason: text })).map(([v, suppression]) => ({ ...v, suppression }));
  const result = fc.record(
    {
      index: num,
      line: num,
      file: text,
      violations: fc.array(violation, { maxLength: 3 }),
      invalid: fc.array(fc.record({ path: text, message: text }), { maxLength: 2 }),
      suppressed: fc.array(suppressed, { maxLength: 2 }),
      recordKey: text,
    },
    { requiredKeys: ['index', 'violations'] },
  );

  it('is the plain path\'s text on generated results', () => {
    fc.assert(
      fc.property(result, fc.constantFrom('', '    ', '        '), (r, ind) => {
        expect(resultJsonText(r as ProjectResult, ind)).toBe(plain(r as ProjectResult, ind));
      }),
      { numRuns: 2000 },
    );
  });
});
