import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compile, evalContext, type CompiledPolicy } from '@sellguard/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkData } from '../src/lib/check';
import { parseData, replaceRecord } from '../src/lib/data';
import { buildExamples, EXAMPLES, pickData, policyTitle } from '../src/lib/examples';
import { analyzePolicy, applyFixToRaw } from '../src/lib/policy';

const root = resolve(import.meta.dirname, '../../..');
const source = readFileSync(resolve(root, 'policies/buyer-messaging.policy'), 'utf8');
let policy: CompiledPolicy;

beforeAll(() => {
  const r = compile(source, { fileName: 'buyer-messaging.policy' });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  policy = r.policy!;
});

describe('checking the data pane', () => {
  it('finds the violations in the shipped buyer messages, like the command line', () => {
    const input = 'examples/buyer-messaging/messages.jsonl';
    const data = parseData(readFileSync(resolve(root, input), 'utf8'));
    const { records, summary } = checkData(policy, data, evalContext());
    expect(summary.records).toBe(data.entries.length);
    expect(summary.byRule['buyer-messaging/email-address']).toBeGreaterThan(0);
    // Every rule is counted, with 0 when it never fired.
    expect(Object.keys(summary.byRule).sort()).toEqual(policy.rules.map((r) => r.fullId).sort());
    expect(summary.withViolations).toBe(records.filter((r) => r.violations.length > 0).length);

    // The built command line, run as a user runs it, finds the same violations on the same lines.
    const cli = spawnSync(process.execPath, [resolve(root, 'apps/cli/dist/main.js'), 'check', 'policies/buyer-messaging.policy', input, '--format', 'json', '--fail-on', 'never'], { cwd: root, encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const report = JSON.parse(cli.stdout) as { summary: typeof summary; results: Array<{ line: number; violations: Array<{ rule: string; message: string }> }> };
    expect(summary).toEqual(report.summary);
    const fired = (rs: Array<{ line?: number; violations: Array<{ rule: string; message: string }> }>) =>
      rs.filter((r) => r.violations.length > 0).map((r) => ({ line: r.line, violations: r.violations.map((v) => `${v.rule}: ${v.message}`) }));
    expect(fired(records)).toEqual(fired(report.results));
  });

  it('lists records it cannot read with their problems, and still checks the rest', () => {
    const text = [
      JSON.stringify({ orderId: '114-3941689-8772232', body: 'Order 114-3941689-8772232: write to jo@example.com' }),
      '{"orderId": "114-3941689-8772232", "body": ',
      JSON.stringify({ orderId: '114-3941689-8772232', body: 'Order 114-3941689-8772232', priorReviewRequests: 'two' }),
    ].join('\n');
    const { records, summary } = checkData(policy, parseData(text), evalContext());
    expect(summary).toMatchObject({ records: 3, invalid: 2, checked: 1, withViolations: 1 });
    expect(records[0].violations.map((v) => v.rule)).toContain('buyer-messaging/email-address');
    expect(records[1]).toMatchObject({ line: 2, invalid: [{ path: '' }] });
    expect(records[1].invalid![0].message).toMatch(/not valid JSON/);
    expect(records[2].invalid).toEqual([expect.objectContaining({ path: 'priorReviewRequests' })]);
  });

  it('applies a fix to the raw record, under the key the record uses', () => {
    const raw = { orderId: '114-3941689-8772232', subject: 'Order 114-3941689-8772232', message: 'See http://www.amazon.com/gp/help today' };
    const text = `${JSON.stringify(raw)}\n`;
    const data = parseData(text);
    const [record] = checkData(policy, data, evalContext()).records;
    const insecure = record.violations.find((v) => v.rule === 'buyer-messaging/insecure-link');
    expect(insecure?.fix).toBeDefined();
    const fixed = applyFixToRaw(policy, raw, insecure!.fix!) as Record<string, unknown>;
    expect(fixed).toEqual({ ...raw, message: 'See https://www.amazon.com/gp/help today' });
    const after = checkData(policy, parseData(replaceRecord(text, data, 0, fixed)), evalContext()).records[0];
    expect(after.violations.map((v) => v.rule)).not.toContain('buyer-messaging/insecure-link');
  });
});

describe('the language service in the editor', () => {
  it('reports a syntax error with its place and never throws', () => {
    const broken = source.replace('rule email-address error', 'rule email-address eror');
    const a = analyzePolicy(broken);
    expect(a.policy).toBeUndefined();
    expect(a.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(a.tokens.length).toBeGreaterThan(100);
  });
});

describe('the built-in examples', () => {
  it('has every shipped policy, buyer-messaging first, with its sample data', () => {
    expect(EXAMPLES[0].id).toBe('buyer-messaging');
    expect(EXAMPLES[0].title).toBe('Buyer-Seller Messaging');
    expect(EXAMPLES[0].dataFiles).toEqual(['messages.jsonl']);
    expect(EXAMPLES[0].data).toContain('"orderId"');
    const shipped = readdirSync(resolve(root, 'policies')).filter((f) => f.endsWith('.policy'));
    expect(EXAMPLES.map((e) => `${e.id}.policy`).sort()).toEqual(shipped.sort());
  });

  it('carries the day each sample was made for, from examples/samples.json', () => {
    const samples = JSON.parse(readFileSync(resolve(root, 'examples/samples.json'), 'utf8')) as Record<string, { asOf: string }>;
    for (const ex of EXAMPLES) expect(ex.asOf, ex.id).toBe(samples[ex.id].asOf);
    expect(EXAMPLES.find((e) => e.id === 'account-health-orders')?.dataFiles).toEqual(['orders.csv']);
  });

  it('pairs policies with examples/<policy>/ and prefers JSON lines', () => {
    const ex = buildExamples(
      { '../../policies/b.policy': 'policy b "Bee"', '../../policies/a.policy': 'policy a "A \\"quoted\\""' },
      { '../../examples/b/x.csv': 'h\n1', '../../examples/b/x.jsonl': '{"h":1}', '../../examples/a/r.json': '{"n":1}', '../../examples/a/s.json': '[{"n":2},{"n":3}]', '../../examples/c/z.jsonl': '{}' },
    );
    expect(ex.map((e) => [e.id, e.title, e.dataFiles])).toEqual([
      ['a', 'A "quoted"', ['r.json', 's.json']],
      ['b', 'Bee', ['x.jsonl']],
    ]);
    expect(JSON.parse(ex[0].data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(pickData([])).toEqual({ data: '', files: [] });
    expect(policyTitle('# no header', 'fallback')).toBe('fallback');
  });
});
