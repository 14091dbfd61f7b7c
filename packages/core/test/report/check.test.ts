/**
 * The check runner and the summary: every record is counted once, bad ones
 * never stop a run, and the counts add up. Expected counts are computed here
 * from the inputs, independently of the code under test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRecords, checkRecordsSync, type RawRecord } from '../../src/check/run.js';
import { evalContext } from '../../src/runtime/context.js';
import { buildSummary, failsAt, SummaryBuilder } from '../../src/report/index.js';
import type { RecordResult } from '../../src/types.js';
import { fakePolicy, RULES } from './fake-policy.js';

const policy = fakePolicy();

function records(raws: unknown[], file = 'messages.jsonl'): RawRecord[] {
  return raws.map((raw, index) => ({ index, line: index + 1, file, raw }));
}

describe('checkRecords', () => {
  it('checks every record and keeps only the ones with violations or problems', async () => {
    const input: RawRecord[] = [
      ...records([{ body: 'hello' }, { body: 'mail jo@example.com' }, { body: 42 }]),
      { index: 3, line: 4, file: 'messages.jsonl', error: 'line 4, column 1: not valid JSON: unexpected word' },
      { index: 4, line: 5, file: 'messages.jsonl', raw: { body: 'BOOM' } },
      { index: 5, line: 6, file: 'messages.jsonl', raw: { body: 'WAIT for the refund' } },
    ];
    async function* stream() {
      yield* input;
    }
    const report = await checkRecords(policy, stream(), evalContext());
    expect(report.policy).toEqual({ id: 'shop', title: 'Shop rules', source: 'Seller Central', version: '2' });
    expect(report.results.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(report.results[0]).toEqual({
      index: 1,
      line: 2,
      file: 'messages.jsonl',
      violations: [expect.objectContaining({ rule: 'shop/email', spans: [{ path: 'body', start: 5, end: 19, text: 'jo@example.com' }] })],
    });
    expect(report.results[1]).toEqual({ index: 2, line: 3, file: 'messages.jsonl', violations: [], invalid: [{ path: 'body', message: 'expected text, got number' }] });
    expect(report.results[2].invalid).toEqual([{ path: '', message: 'line 4, column 1: not valid JSON: unexpected word' }]);
    expect(report.results[3].invalid).toEqual([{ path: '', message: 'internal error while checking: detector crashed' }]);
    expect(report.results[4].violations.map((v) => v.rule)).toEqual(['shop/caps', 'shop/note']);
    expect(report.summary).toEqual({
      records: 6,
      checked: 3,
      invalid: 3,
      withViolations: 2,
      violations: 3,
      bySeverity: { error: 1, warning: 1, info: 1 },
      byRule: { 'shop/email': 1, 'shop/caps': 1, 'shop/note': 1, 'shop/unused': 0 },
    });
  });

  it('calls onResult for every record with its raw and decoded forms', async () => {
    const seen: Array<[number, unknown, unknown]> = [];
    await checkRecords(policy, records([{ body: 'a' }, { body: 1 }, { body: 'x@y.co' }]), evalContext(), {
      onResult: (r, raw, decoded) => seen.push([r.index, raw, decoded]),
    });
    expect(seen).toEqual([
      [0, { body: 'a' }, { body: 'a' }],
      [1, { body: 1 }, undefined],
      [2, { body: 'x@y.co' }, { body: 'x@y.co' }],
    ]);
  });

  it('keeps clean records too with keepAll', async () => {
    const report = await checkRecords(policy, records([{ body: 'a' }, { body: 'b' }]), evalContext(), { keepAll: true });
    expect(report.results).toEqual([
      { index: 0, line: 1, file: 'messages.jsonl', violations: [] },
      { index: 1, line: 2, file: 'messages.jsonl', violations: [] },
    ]);
  });

  it('survives a decode that throws, and an empty input', async () => {
    const fragile = fakePolicy({
      decode: () => {
        throw new TypeError('cannot read properties of undefined');
      },
    });
    const report = checkRecordsSync(fragile, records([{ body: 'a' }]), evalContext());
    expect(report.results[0].invalid).toEqual([{ path: '', message: 'internal error while checking: cannot read properties of undefined' }]);
    expect(report.summary).toMatchObject({ records: 1, checked: 0, invalid: 1 });
    const empty = await checkRecords(policy, [], evalContext());
    expect(empty.summary).toEqual({
      records: 0,
      checked: 0,
      invalid: 0,
      withViolations: 0,
      violations: 0,
      bySeverity: { error: 0, warning: 0, info: 0 },
      byRule: { 'shop/email': 0, 'shop/caps': 0, 'shop/note': 0, 'shop/unused': 0 },
    });
  });

  it('gives the same report synchronously', async () => {
    const input = records([{ body: 'x@y.co and Z@W.CO' }, 'not an object', { body: 'SHOUTING' }]);
    expect(checkRecordsSync(policy, input, evalContext())).toEqual(await checkRecords(policy, input, evalContext()));
  });

  it('leaves out source and version when the policy has none', () => {
    const bare = fakePolicy({ source: undefined, version: undefined });
    expect(checkRecordsSync(bare, [], evalContext()).policy).toEqual({ id: 'shop', title: 'Shop rules' });
  });
});

/** What a generated record is, so the expected counts follow from the kind alone. */
type Kind =
  | { kind: 'clean' }
  | { kind: 'emails'; n: number }
  | { kind: 'caps' }
  | { kind: 'emails+caps+refund'; n: number }
  | { kind: 'wrong-type' }
  | { kind: 'unreadable' }
  | { kind: 'crash' };

const kindArb: fc.Arbitrary<Kind> = fc.oneof(
  fc.constant({ kind: 'clean' as const }),
  fc.integer({ min: 1, max: 3 }).map((n) => ({ kind: 'emails' as const, n })),
  fc.constant({ kind: 'caps' as const }),
  fc.integer({ min: 1, max: 3 }).map((n) => ({ kind: 'emails+caps+refund' as const, n })),
  fc.constant({ kind: 'wrong-type' as const }),
  fc.constant({ kind: 'unreadable' as const }),
  fc.constant({ kind: 'crash' as const }),
);

function toRecord(k: Kind, index: number): RawRecord {
  const emails = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@shop${i}.com`).join(' and ');
  const base = { index, line: index + 1 };
  switch (k.kind) {
    case 'clean':
      return { ...base, raw: { body: 'thank you' } };
    case 'emails':
      return { ...base, raw: { body: `write to ${emails(k.n)}` } };
    case 'caps':
      return { ...base, raw: { body: 'THANK you' } };
    case 'emails+caps+refund':
      return { ...base, raw: { body: `LOOK: ${emails(k.n)} for a refund` } };
    case 'wrong-type':
      return { ...base, raw: { body: ['x'] } };
    case 'unreadable':
      return { ...base, error: `line ${index + 1}: not valid JSON` };
    case 'crash':
      return { ...base, raw: { body: 'BOOM' } };
  }
}

describe('summary counts', () => {
  it('add up, and match counts worked out from the inputs', () => {
    fc.assert(
      fc.property(fc.array(kindArb, { maxLength: 40 }), fc.boolean(), (kinds, keepAll) => {
        const report = checkRecordsSync(policy, kinds.map(toRecord), evalContext(), { keepAll });
        const s = report.summary;
        const count = (pred: (k: Kind) => boolean) => kinds.filter(pred).length;
        const invalid = count((k) => k.kind === 'wrong-type' || k.kind === 'unreadable' || k.kind === 'crash');
        // Each email kind gives one email violation however many addresses it has.
        const email = count((k) => k.kind === 'emails' || k.kind === 'emails+caps+refund');
        const caps = count((k) => k.kind === 'caps' || k.kind === 'emails+caps+refund');
        const note = count((k) => k.kind === 'emails+caps+refund');
        const withViolations = count((k) => k.kind === 'emails' || k.kind === 'caps' || k.kind === 'emails+caps+refund');

        expect(s.records).toBe(kinds.length);
        expect(s.invalid).toBe(invalid);
        expect(s.checked).toBe(kinds.length - invalid);
        expect(s.records).toBe(s.checked + s.invalid);
        expect(s.withViolations).toBe(withViolations);
        expect(s.withViolations).toBeLessThanOrEqual(s.checked);
        expect(s.byRule).toEqual({ 'shop/email': email, 'shop/caps': caps, 'shop/note': note, 'shop/unused': 0 });
        expect(s.bySeverity).toEqual({ error: email, warning: caps, info: note });
        expect(s.violations).toBe(email + caps + note);
        expect(Object.keys(s.byRule)).toEqual(RULES.map((r) => r.fullId));
        // Results: all records with keepAll; otherwise exactly those with violations or problems.
        expect(report.results.length).toBe(keepAll ? kinds.length : withViolations + invalid);
        // The summary can be rebuilt from the kept results and the record count.
        expect(buildSummary(policy, report.results, { records: kinds.length })).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });

  it('SummaryBuilder counts results one at a time', () => {
    const b = new SummaryBuilder(policy);
    const ok: RecordResult = { index: 0, violations: [] };
    const bad: RecordResult = { index: 1, violations: [], invalid: [{ path: '', message: 'x' }] };
    const hit: RecordResult = { index: 2, violations: [{ rule: 'shop/caps', severity: 'warning', message: 'm', path: 'body', spans: [] }] };
    for (const r of [ok, bad, hit, hit]) b.add(r);
    expect(b.build()).toEqual({
      records: 4,
      checked: 3,
      invalid: 1,
      withViolations: 2,
      violations: 2,
      bySeverity: { error: 0, warning: 2, info: 0 },
      byRule: { 'shop/email': 0, 'shop/caps': 2, 'shop/note': 0, 'shop/unused': 0 },
    });
  });
});

describe('failsAt', () => {
  const summary = (bySeverity: { error: number; warning: number; info: number }, invalid = 0) => ({
    records: 10,
    checked: 10 - invalid,
    invalid,
    withViolations: 1,
    violations: bySeverity.error + bySeverity.warning + bySeverity.info,
    bySeverity,
    byRule: {},
  });

  it('fails at or above the threshold', () => {
    const warningsOnly = summary({ error: 0, warning: 2, info: 1 });
    expect(failsAt(warningsOnly, 'error')).toBe(false);
    expect(failsAt(warningsOnly, 'warning')).toBe(true);
    expect(failsAt(warningsOnly, 'info')).toBe(true);
    expect(failsAt(warningsOnly, 'never')).toBe(false);
    const infoOnly = summary({ error: 0, warning: 0, info: 1 });
    expect(failsAt(infoOnly, 'warning')).toBe(false);
    expect(failsAt(infoOnly, 'info')).toBe(true);
  });

  it('counts records that could not be read as failures, except at never', () => {
    const clean = summary({ error: 0, warning: 0, info: 0 }, 1);
    expect(failsAt(clean, 'error')).toBe(true);
    expect(failsAt(clean, 'never')).toBe(false);
  });
});
