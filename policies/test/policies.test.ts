/**
 * The shipped policies keep their promises: they compile, every example
 * passes, every rule has a hint, a source, an example that fires it and one
 * that does not, every sample file reads without invalid records, and
 * docs/policies.md matches them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { format } from '@sellguard/dsl';
import { checkRecords } from '../../packages/core/src/index.js';
import { contextFor, loadPolicy, loadSpeller, readRecords } from '../../packages/core/src/node/index.js';
import { policiesDoc } from '../../scripts/policies-doc.mjs';

const root = resolve(import.meta.dirname, '../..');
const files = readdirSync(join(root, 'policies')).filter((f) => f.endsWith('.policy')).sort();
/** One speller for every policy that checks spelling, built when the first one needs it. */
let speller: ReturnType<typeof loadSpeller> | undefined;
const sharedSpeller = () => (speller ??= loadSpeller());

describe.each(files)('%s', (file) => {
  const path = join(root, 'policies', file);
  const loaded = loadPolicy(path);
  const policy = loaded.policy!;
  const ctx = () => contextFor([policy], { speller: sharedSpeller });

  it('compiles without errors or warnings', () => {
    expect(loaded.diagnostics).toEqual([]);
  });

  it('is formatted', () => {
    expect(format(loaded.source).changed).toBe(false);
  });

  it('passes all its examples', () => {
    const failed = policy.runExamples(ctx()).filter((o) => !o.passed);
    expect(failed.map((o) => `${o.name}: ${o.failures.join('; ')}`)).toEqual([]);
  });

  it('has a hint, a source, a firing and a passing example for every rule', () => {
    const outcomes = policy.runExamples(ctx());
    for (const rule of policy.rules) {
      expect(rule.hint, `${rule.id} hint`).toBeTruthy();
      expect(rule.source, `${rule.id} source`).toBeTruthy();
      expect(outcomes.some((o) => o.fired.includes(rule.id)), `${rule.id} has an example that fires it`).toBe(true);
      expect(outcomes.some((o) => !o.fired.includes(rule.id)), `${rule.id} has an example that does not fire it`).toBe(true);
    }
  });

  it('reads every sample file without invalid records; the samples mix compliant and failing records', async () => {
    // examples/samples.json names each policy's sample folder and the day its data was made for.
    const samples = JSON.parse(readFileSync(join(root, 'examples/samples.json'), 'utf8')) as Record<string, { folder: string; asOf: string }>;
    expect(samples[policy.id], `examples/samples.json has an entry for ${policy.id}`).toEqual({ folder: expect.any(String), asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const dir = join(root, 'examples', samples[policy.id].folder);
    const files = readdirSync(dir).filter((f) => /\.(jsonl|json|csv|tsv|txt)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    let records = 0;
    let failing = 0;
    // Checked as of the day the data was made for, so time windows hold its records.
    const asOf = Date.parse(`${samples[policy.id].asOf}T00:00:00Z`);
    const measured = new Set<string>();
    for (const sample of files) {
      const report = await checkRecords(policy, readRecords(join(dir, sample)), contextFor([policy], { speller: sharedSpeller, asOf }));
      for (const [name, metric] of Object.entries(report.metrics ?? {})) if (metric.status !== 'no data') measured.add(name);
      expect(report.summary.invalid, sample).toBe(0);
      expect(report.summary.records, sample).toBeGreaterThan(0);
      records += report.summary.records;
      failing += report.summary.withViolations + (report.datasetViolations?.length ? 1 : 0);
    }
    expect(failing).toBeGreaterThan(0);
    // On that day every metric has data in at least one sample (a flat file may lack the columns some metrics need).
    expect([...measured].sort(), `metrics with data on ${samples[policy.id].asOf}`).toEqual((policy.dataset?.metrics ?? []).map((m) => m.name).sort());
    if (!policy.dataset) expect(failing).toBeLessThan(records);
  });
});

describe('docs/policies.md', () => {
  it('matches the policies (regenerate with npm run docs:policies)', () => {
    expect(readFileSync(join(root, 'docs/policies.md'), 'utf8')).toBe(policiesDoc());
  });
});
