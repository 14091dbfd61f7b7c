/**
 * Projects: several policies and inputs in one run, globs expanded by
 * Sellguard, folders walked, inputs matched to policies by their columns or
 * paired explicitly, the config file (and its errors), `sellguard init`, the
 * up-front message for a header without the needed columns, and usage errors
 * that point at the command's own help.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, MESSAGES_JSONL, MESSAGES_POLICY, OFFERS_POLICY, project, root, sellguard } from './helpers.js';

beforeAll(() => buildCli(), 180_000);

const reportIds = (stdout: string) =>
  (JSON.parse(stdout).reports as Array<{ policy: { id: string }; summary: { records: number } }>).map((r) => [r.policy.id, r.summary.records]);

describe('several policies and inputs', () => {
  it('matches each input to the policy whose record it holds, and expands quoted globs itself', () => {
    const dir = project({
      'policies/msg.policy': MESSAGES_POLICY,
      'policies/offers.policy': OFFERS_POLICY,
      'data/a/messages.jsonl': MESSAGES_JSONL,
      'data/b/offers.csv': 'sku,price\nA1,10\nB2,0\n',
      'data/b/more-offers.csv': 'sku,price\nC3,5\n',
    });
    const r = sellguard(dir, ['check', '--policy', 'policies/', 'data/**/*.{jsonl,csv}', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(reportIds(r.stdout)).toEqual([
      ['msg', 4],
      ['offers', 3],
    ]);
    // A folder is walked the same way.
    const walked = sellguard(dir, ['check', '--policy', 'policies/*.policy', 'data', '--format', 'json']);
    expect(reportIds(walked.stdout)).toEqual(reportIds(r.stdout));
  });

  it('an input that fits no policy is named with what each policy needs', () => {
    const dir = project({ 'msg.policy': MESSAGES_POLICY, 'offers.policy': OFFERS_POLICY, 'other.csv': 'name,colour\nx,red\n' });
    const r = sellguard(dir, ['check', '--policy', 'msg.policy', '--policy', 'offers.policy', 'other.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'other.csv' fits none of the policies (its fields: name, colour)");
    expect(r.stderr).toContain('msg (msg.policy) needs the fields orderId, body');
    expect(r.stderr).toContain('offers (offers.policy) needs the fields sku, price');
  });

  it('--pair checks an input against one policy only', () => {
    const dir = project({ 'msg.policy': MESSAGES_POLICY, 'offers.policy': OFFERS_POLICY, 'offers.csv': 'sku,price\nA1,10\nB2,0\n' });
    const r = sellguard(dir, ['check', '--pair', 'offers.policy=offers.csv', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.policy.id).toBe('offers');
    expect(doc.summary.byRule).toEqual({ 'offers/free': 1 });
  });
});

describe('the project config', () => {
  const files = {
    'policies/msg.policy': MESSAGES_POLICY,
    'data/messages.jsonl': MESSAGES_JSONL,
  };

  it('sellguard.config.json names the policies, inputs, formats and failing severity', () => {
    const dir = project({
      ...files,
      'sellguard.config.json': JSON.stringify({ policies: ['policies/*.policy'], inputs: ['data/*.jsonl'], format: ['json=reports/out.json'], failOn: 'never' }),
      'reports/.keep': '',
    });
    const r = sellguard(dir, ['check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const doc = JSON.parse(readFileSync(join(dir, 'reports/out.json'), 'utf8'));
    expect(doc.summary.records).toBe(4);
  });

  it('the same config under "sellguard" in package.json', () => {
    const dir = project({ ...files, 'package.json': JSON.stringify({ name: 'shop', sellguard: { policies: 'policies/msg.policy', inputs: 'data/messages.jsonl' } }) });
    const r = sellguard(dir, ['check', '--format', 'json']);
    expect(JSON.parse(r.stdout).summary.records).toBe(4);
  });

  it('a config mistake names the file, the place in it and what to do', () => {
    const dir = project({
      ...files,
      'sellguard.config.json': JSON.stringify({ policies: ['policies/*.policy'], rules: { 'msg/shouting': { severity: 'off' } }, formats: ['text'] }),
    });
    const r = sellguard(dir, ['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sellguard.config.json: rules."msg/shouting".reason: every change to a rule needs a reason: add "reason": "why"');
    expect(r.stderr).toContain('sellguard.config.json: the top level: unknown key "formats"');
  });

  it('sellguard init scaffolds a project that passes its own tests, and refuses to overwrite', () => {
    const dir = project({});
    const init = sellguard(dir, ['init']);
    expect(init.code).toBe(0);
    for (const f of ['sellguard.config.json', 'policies/messages.policy', 'data/messages.jsonl']) expect(existsSync(join(dir, f))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts['sellguard:check']).toBe('sellguard check');
    expect(sellguard(dir, ['test', 'policies']).code).toBe(0);
    const check = sellguard(dir, ['check', '--format', 'json']);
    expect(JSON.parse(check.stdout).summary.byRule['messages/email-address']).toBe(1);

    const before = readFileSync(join(dir, 'policies/messages.policy'), 'utf8');
    writeFileSync(join(dir, 'policies/messages.policy'), `${before}# mine\n`);
    const again = sellguard(dir, ['init']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('nothing was written, because these already exist: sellguard.config.json, policies/messages.policy');
    expect(readFileSync(join(dir, 'policies/messages.policy'), 'utf8')).toBe(`${before}# mine\n`);
  });
});

describe('a CSV header without the needed columns', () => {
  it('gets one message up front naming the file, the columns found and expected, with did-you-mean; exit 2', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `${i},hello`).join('\n');
    const dir = project({ 'msg.policy': MESSAGES_POLICY, 'drafts.csv': `order,bdy\n${rows}\n` });
    const r = sellguard(dir, ['check', 'msg.policy', 'drafts.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'sellguard: drafts.csv: the header lacks the columns orderId, body that policy msg needs for each Message, so no row was checked.',
        '  columns found:    order, bdy',
        '  columns required: orderId (or order-id), body (or message)',
        "  did you mean: 'order' → orderId, 'bdy' → body (rename those columns)",
        "  Rename the columns in the file's first line (or add the missing ones), then run again.",
        '',
      ].join('\n'),
    );
  });

  it('a well-formed header with a short row still reports that row alone', () => {
    const dir = project({ 'msg.policy': MESSAGES_POLICY, 'drafts.csv': 'order-id,message\n1,hello\n2\n' });
    const r = sellguard(dir, ['check', 'msg.policy', 'drafts.csv', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ records: 2, invalid: 1 });
    expect(doc.results[0].invalid[0].message).toContain('has 1 value, but the header has 2 columns');
  });
});

describe('usage errors', () => {
  it('name the help of the command that was run', () => {
    const dir = project({});
    for (const [args, help] of [
      [['check', '--formt', 'json'], 'sellguard check --help'],
      [['explain', 'a.policy'], 'sellguard explain --help'],
      [['completion', 'tcsh'], 'sellguard completion --help'],
      [['fix', 'a.policy', 'b.jsonl'], 'sellguard fix --help'],
    ] as const) {
      const r = sellguard(dir, [...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(help);
    }
  });
});

describe('shipped policies', () => {
  it('check the shipped examples in one run, every report valid by the published schema', () => {
    const r = sellguard(root, ['check', '--policy', 'policies', 'examples/orders/orders.csv', 'examples/buyer-messaging/messages.jsonl', '--as-of', '2026-11-20', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(JSON.parse(readFileSync(join(root, 'docs/report.schema.json'), 'utf8')));
    expect(validate(doc), JSON.stringify(validate.errors, null, 1)).toBe(true);
    const ids = doc.reports.map((x: { policy: { id: string } }) => x.policy.id);
    expect(ids).toContain('account-health-orders');
    expect(ids).toContain('buyer-messaging');
    // Every metric the policy declares is reported, read from the policy's own `metric NAME` lines.
    const declared = [...readFileSync(join(root, 'policies/account-health-orders.policy'), 'utf8').matchAll(/^metric (\S+)/gm)].map((m) => m[1]);
    expect(declared).toHaveLength(5);
    const reported = doc.reports.find((x: { policy: { id: string } }) => x.policy.id === 'account-health-orders').metrics;
    expect(Object.keys(reported).sort()).toEqual(declared.sort());
  });

  it('npx sellguard runs the same binary', () => {
    const npx = join(process.execPath, '../npx');
    const r = spawnSync(existsSync(npx) ? npx : 'npx', ['--no-install', 'sellguard', '--version'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'apps/cli/package.json'), 'utf8')).version);
  });
});
