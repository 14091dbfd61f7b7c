/**
 * Accepting what is known: baselines (round trip, new violations fail, gone
 * ones counted), record suppressions with and without a reason, unused
 * suppressions, and config settings per glob of inputs — in the reports and
 * in SARIF as suppressions with their justification.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, MESSAGES_POLICY, project, sellguard } from './helpers.js';

beforeAll(() => buildCli(), 180_000);

const lines = (...records: object[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

describe('--baseline', () => {
  it('records today, fails only on new violations, and counts the ones that are gone', () => {
    const dir = project({
      'msg.policy': MESSAGES_POLICY,
      'm.jsonl': lines({ orderId: 'A', body: 'mail jo@example.com' }, { orderId: 'B', body: 'SHOUTING here' }, { orderId: 'C', body: 'fine' }),
    });
    const missing = sellguard(dir, ['check', 'msg.policy', 'm.jsonl', '--baseline', 'base.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("the baseline 'base.json' does not exist yet; write it with --update-baseline");

    const write = sellguard(dir, ['check', 'msg.policy', 'm.jsonl', '--baseline', 'base.json', '--update-baseline', '--format', 'json']);
    expect(write.code).toBe(0);
    expect(JSON.parse(write.stdout).suppressions.baselined).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'))).toEqual({
      version: 1,
      entries: [
        { policy: 'msg', rule: 'msg/email-address', record: 'orderId=A', field: 'body', count: 1 },
        { policy: 'msg', rule: 'msg/shouting', record: 'orderId=B', field: 'body', count: 1 },
      ],
    });

    // Reordered records, B fixed, a new violation in C: only C fails; B's entry no longer occurs.
    writeFileSync(join(dir, 'm.jsonl'), lines({ orderId: 'C', body: 'write to x@y.com' }, { orderId: 'B', body: 'calm' }, { orderId: 'A', body: 'mail jo@example.com' }));
    const next = sellguard(dir, ['check', 'msg.policy', 'm.jsonl', '--baseline', 'base.json', '--format', 'json', '--format', 'sarif=out.sarif']);
    expect(next.code).toBe(1);
    const doc = JSON.parse(next.stdout);
    expect(doc.summary.violations).toBe(1);
    expect(doc.results.filter((r: { violations: unknown[] }) => r.violations.length > 0).map((r: { line: number }) => r.line)).toEqual([1]);
    expect(doc.suppressions).toMatchObject({ baselined: 1, baselineGone: 1 });
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    const known = sarif.runs[0].results.filter((r: { baselineState?: string }) => r.baselineState === 'unchanged');
    expect(known).toHaveLength(1);
    expect(known[0].locations[0].physicalLocation.region.startLine).toBe(3);
  });

  it('records without an id field are keyed by a hash of their content, so moving them does not matter', () => {
    const policy = 'policy p "P"\nrecord R { body: text }\nrule e error "email" { forbid emails(body) }\n';
    const dir = project({ 'p.policy': policy, 'r.jsonl': lines({ body: 'a@b.com' }, { body: 'ok' }) });
    expect(sellguard(dir, ['check', 'p.policy', 'r.jsonl', '--baseline', 'b.json', '--update-baseline']).code).toBe(0);
    const entry = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).entries[0];
    expect(entry.record).toMatch(/^sha:[0-9a-f]{14}$/);
    writeFileSync(join(dir, 'r.jsonl'), lines({ body: 'ok' }, { body: 'a@b.com' }));
    expect(sellguard(dir, ['check', 'p.policy', 'r.jsonl', '--baseline', 'b.json']).code).toBe(0);
    writeFileSync(join(dir, 'r.jsonl'), lines({ body: 'ok' }, { body: 'c@d.com' }));
    expect(sellguard(dir, ['check', 'p.policy', 'r.jsonl', '--baseline', 'b.json']).code).toBe(1);
  });
});

describe('suppressions', () => {
  it('a record suppresses a rule with a reason; without one nothing is suppressed; unused ones are reported', () => {
    const dir = project({
      'msg.policy': MESSAGES_POLICY,
      'm.jsonl': lines(
        { orderId: '1', body: 'mail jo@example.com', 'sellguard-ignore': 'email-address -- the buyer asked for our address' },
        { orderId: '2', body: 'mail al@example.com', 'sellguard-ignore': 'email-address' },
        { orderId: '3', body: 'calm', 'sellguard-ignore': { rules: ['msg/shouting'], reason: 'old template' } },
      ),
    });
    const r = sellguard(dir, ['check', 'msg.policy', 'm.jsonl', '--format', 'json', '--format', 'sarif=out.sarif']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.violations).toBe(1);
    expect(doc.suppressions.suppressed).toBe(1);
    expect(doc.suppressions.notices.map((n: { line: number; message: string }) => [n.line, n.message.split(',')[0].split(';')[0]])).toEqual([
      [2, 'the suppression of email-address has no reason'],
      [3, 'the suppression of msg/shouting is unused: that rule did not fire on this record'],
    ]);
    const first = doc.results.find((x: { line: number }) => x.line === 1);
    expect(first.violations).toEqual([]);
    expect(first.suppressed[0].suppression).toEqual({ kind: 'record', reason: 'the buyer asked for our address' });
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    const suppressed = sarif.runs[0].results.filter((x: { suppressions?: unknown[] }) => x.suppressions);
    expect(suppressed.map((x: { suppressions: unknown[] }) => x.suppressions)).toEqual([[{ kind: 'inSource', status: 'accepted', justification: 'the buyer asked for our address' }]]);
  });

  it('the config turns a rule off or lowers it for a glob of inputs, with a reason, and reports settings that never applied', () => {
    const dir = project({
      'msg.policy': MESSAGES_POLICY,
      'legacy/old.jsonl': lines({ orderId: '1', body: 'mail jo@example.com' }),
      'new/today.jsonl': lines({ orderId: '2', body: 'mail al@example.com' }, { orderId: '3', body: 'LOUD NOISES' }),
      'sellguard.config.json': JSON.stringify({
        policies: ['msg.policy'],
        inputs: ['legacy', 'new'],
        rules: { 'msg/shouting': { severity: 'info', reason: 'capitals are a brand style' } },
        overrides: [
          { files: 'legacy/**', rules: { 'msg/email-address': { severity: 'off', reason: 'sent before the policy existed' } } },
          { files: 'archive/**', rules: { 'msg/email-address': { severity: 'off', reason: 'never used' } } },
        ],
      }),
    });
    const r = sellguard(dir, ['check', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.bySeverity).toEqual({ error: 1, warning: 0, info: 1 });
    expect(doc.suppressions.suppressed).toBe(1);
    const legacy = doc.results.find((x: { file: string }) => x.file === 'legacy/old.jsonl');
    expect(legacy.suppressed[0].suppression).toEqual({ kind: 'config', reason: 'sent before the policy existed' });
    expect(r.stderr).toBe('sellguard: sellguard.config.json overrides[1].rules."msg/email-address" is unused: msg/email-address did not fire on any input it applies to; remove it if it is no longer needed\n');
  });
});
