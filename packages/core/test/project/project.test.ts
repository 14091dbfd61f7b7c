/**
 * The project layer on its own: a run with suppressions, config settings and
 * a baseline; record keys; config validation; the wrong-header message; and
 * the streaming writers fed by a run. Expected values are worked out by hand
 * from the fake policy's rules (see ../report/fake-policy.ts).
 */
import { describe, expect, it } from 'vitest';
import { evalContext } from '../../src/runtime/context.js';
import { BaselineMatcher, contentHash, recordKey } from '../../src/project/baseline.js';
import { parseConfig, settingsFor } from '../../src/project/config.js';
import { headerProblem } from '../../src/project/columns.js';
import { ProjectRun, runMeta } from '../../src/project/run.js';
import { readRecordSuppression } from '../../src/project/suppress.js';
import { jsonWriter } from '../../src/report/json-writer.js';
import { junitWriter } from '../../src/report/junit.js';
import { markdownWriter } from '../../src/report/markdown.js';
import type { ProjectResult, RecordSource, ReportWriter } from '../../src/report/writer.js';
import type { CompiledPolicy } from '../../src/types.js';
import { fakePolicy } from '../report/fake-policy.js';

const ctx = evalContext({ asOf: null });

function run(policy: CompiledPolicy, raws: unknown[], opts: Partial<ConstructorParameters<typeof ProjectRun>[1]> = {}) {
  const results: Array<{ result: ProjectResult; source: RecordSource }> = [];
  const r = new ProjectRun(policy, { ctx, onResult: (result, source) => results.push({ result, source }), ...opts });
  raws.forEach((raw, index) => r.add({ index, line: index + 1, file: 'in.jsonl', raw }));
  return { results, end: r.finish('error'), used: r.usedSettings };
}

describe('ProjectRun', () => {
  it('applies record suppressions with a reason, reports those without one and unused ones', () => {
    const { results, end } = run(fakePolicy(), [
      { body: 'mail a@b.com', 'sellguard-ignore': 'email -- the buyer asked' },
      { body: 'mail c@d.com', 'sellguard-ignore': 'email' },
      { body: 'calm', 'sellguard-ignore': { rules: ['shop/caps'], reason: 'old' } },
    ]);
    // Record 1: email suppressed. Record 2: email counts (no reason). Record 3: nothing fires.
    expect(end.summary.violations).toBe(1);
    expect(end.summary.bySeverity.error).toBe(1);
    expect(end.counts.suppressed).toBe(1);
    expect(end.counts.notices.map((n) => [n.line, n.rule])).toEqual([
      [2, 'email'],
      [3, 'shop/caps'],
    ]);
    expect(results[0].result.suppressed?.[0].suppression).toEqual({ kind: 'record', reason: 'the buyer asked' });
  });

  it('config settings change a severity or turn a rule off for matching files only', () => {
    const config = {
      rules: { 'shop/caps': { severity: 'info' as const, reason: 'brand style' } },
      overrides: [{ files: ['legacy/**'], rules: { 'shop/email': { severity: 'off' as const, reason: 'before the policy' } } }],
    };
    const policy = fakePolicy();
    const results: ProjectResult[] = [];
    const r = new ProjectRun(policy, { ctx, settings: (file) => settingsFor(config, file, 'cfg'), onResult: (x) => results.push(x) });
    r.add({ index: 0, file: 'legacy/a.jsonl', raw: { body: 'mail a@b.com LOUD' } });
    r.add({ index: 1, file: 'new/b.jsonl', raw: { body: 'mail c@d.com' } });
    const end = r.finish('error');
    // legacy: email off (suppressed), caps → info; new: email error.
    expect(end.summary.bySeverity).toEqual({ error: 1, warning: 0, info: 1 });
    expect(end.counts.suppressed).toBe(1);
    expect([...r.usedSettings].sort()).toEqual(['cfg overrides[0].rules."shop/email"', 'cfg rules."shop/caps"']);
  });

  it('a baseline absorbs known violations by key, as often as it counts them, and counts what is gone', () => {
    const policy = fakePolicy();
    const key = (body: string) => recordKey(policy, { body });
    const baseline = new BaselineMatcher({
      version: 1,
      entries: [
        { policy: 'shop', rule: 'shop/email', record: key('mail a@b.com'), field: 'body', count: 1 },
        { policy: 'shop', rule: 'shop/caps', record: key('GONE NOW'), field: 'body', count: 1 },
      ],
    });
    const { end } = run(policy, [{ body: 'mail a@b.com' }, { body: 'mail a@b.com' }], { baseline });
    // The same record twice: the entry counts one, so the second is new.
    expect(end.counts.baselined).toBe(1);
    expect(end.summary.violations).toBe(1);
    expect(end.counts.baselineGone).toBe(1);
  });
});

describe('record keys', () => {
  const withId = { ...fakePolicy(), records: [{ name: 'Message', fields: [{ name: 'orderId', type: { kind: 'string' as const }, optional: false, hasDefault: false, aliases: ['order-id'] }] }] };

  it('use the id field, under any of its names', () => {
    expect(recordKey(withId, { 'order-id': ' 113-1 ', body: 'x' })).toBe('orderId=113-1');
  });

  it('hash the content when there is no id, the same for any key order', () => {
    expect(recordKey(fakePolicy(), { a: 1, b: 'x' })).toBe(recordKey(fakePolicy(), { b: 'x', a: 1 }));
    expect(recordKey(fakePolicy(), { a: 1 })).not.toBe(recordKey(fakePolicy(), { a: 2 }));
    expect(contentHash('')).toMatch(/^[0-9a-f]{14}$/);
    // The key hashes the record's JSON with sorted keys, whatever the nesting (baselines on disk rely on it).
    const nested = { z: [1, { y: 'é"', b: null }], a: { d: true, c: 2.5 } };
    expect(recordKey(fakePolicy(), nested)).toBe(`sha:${contentHash('{"a":{"c":2.5,"d":true},"z":[1,{"b":null,"y":"é\\""}]}')}`);
  });
});

describe('suppression fields', () => {
  it('read rules and reason from text or an object', () => {
    expect(readRecordSuppression({ s: 'a, b c -- why not' }, 's')).toEqual({ rules: ['a', 'b', 'c'], reason: 'why not' });
    expect(readRecordSuppression({ s: { rules: 'a', reason: ' r ' } }, 's')).toEqual({ rules: ['a'], reason: 'r' });
    expect(readRecordSuppression({ s: '' }, 's')).toBeUndefined();
    expect(readRecordSuppression({ s: 5 }, 's')).toHaveProperty('error');
  });
});

describe('config validation', () => {
  it('names the place and what to do', () => {
    const r = parseConfig({ rules: { 'a/b': { severity: 'loud', reason: 'x' } }, format: ['pdf'] }, 'sellguard.config.json');
    expect(r).toEqual({ errors: ['sellguard.config.json: rules."a/b".severity: expected "error", "warning", "info" or "off"'] });
    const formats = parseConfig({ format: ['pdf=out.pdf'] }, 'c.json');
    expect('errors' in formats && formats.errors[0]).toContain('c.json: format: "pdf=out.pdf" is not a report format');
  });
});

describe('headerProblem', () => {
  it('is undefined when the header has every required column, under any alias', () => {
    const policy = { ...fakePolicy(), records: [{ name: 'Message', fields: [{ name: 'body', type: { kind: 'text' as const }, optional: false, hasDefault: false, aliases: ['message'] }] }] };
    expect(headerProblem(policy, ['message'], 'a.csv')).toBeUndefined();
    expect(headerProblem(policy, ['bod'], 'a.csv')?.split('\n')).toEqual([
      'a.csv: the header lacks the column body that policy shop needs for each Message, so no row was checked.',
      '  columns found:    bod',
      '  columns required: body (or message)',
      "  did you mean: 'bod' → body (rename that column)",
      "  Rename the columns in the file's first line (or add the missing ones), then run again.",
    ]);
  });
});

describe('streaming writers', () => {
  function write(writer: ReportWriter, runs: Array<{ policy: CompiledPolicy; raws: unknown[] }>): string {
    let out = [...writer.begin()].join('');
    for (const { policy, raws } of runs) {
      out += [...writer.beginRun(runMeta(policy, ['in.jsonl']))].join('');
      const { results, end } = run(policy, raws);
      for (const r of results) out += [...writer.result(r.result, r.source)].join('');
      out += [...writer.endRun(end)].join('');
    }
    return out + [...writer.end()].join('');
  }

  it('JSON with several policies is one document with a report each, in order', () => {
    const other = fakePolicy({ id: 'other' });
    const doc = JSON.parse(write(jsonWriter({ several: true }), [
      { policy: fakePolicy(), raws: [{ body: 'a@b.com' }] },
      { policy: other, raws: [{ body: 'fine' }, { body: 'LOUD' }] },
    ]));
    expect(doc.reports.map((r: { policy: { id: string }; summary: { records: number; violations: number } }) => [r.policy.id, r.summary.records, r.summary.violations])).toEqual([
      ['shop', 1, 1],
      ['other', 2, 1],
    ]);
    expect(doc.reports[1].results.map((r: { index: number }) => r.index)).toEqual([1]);
  });

  it('JUnit counts come before the cases, which were set aside', () => {
    const xml = write(junitWriter(), [{ policy: fakePolicy(), raws: [{ body: 'a@b.com LOUD' }, 7] }]);
    // Record 1: email + caps (2 failures); record 2 not an object (1 error); note and unused never fire (2 passing cases).
    expect(xml).toContain('tests="5" failures="2" errors="1" skipped="0"');
    expect(xml.indexOf('<testsuite ')).toBeLessThan(xml.indexOf('<testcase'));
  });

  it('Markdown keeps only the first records it shows', () => {
    const raws = Array.from({ length: 5 }, (_, i) => ({ body: `x${i}@b.com` }));
    const md = write(markdownWriter({ maxRecords: 2 }), [{ policy: fakePolicy(), raws }]);
    expect(md.match(/^- \*\*record/gm)).toHaveLength(2);
    expect(md).toContain('… and 3 more records with problems');
  });
});
