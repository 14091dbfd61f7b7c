/**
 * `sellguard explain`, `sellguard fix` (JSONL and CSV round trips that keep
 * unknown columns and order; --dry-run diffs; a fix that would make another
 * rule fire is refused) and `sellguard watch` (re-checks when an imported
 * policy file changes).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bin, buildCli, MESSAGES_POLICY, project, sellguard } from './helpers.js';

beforeAll(() => buildCli(), 180_000);

describe('sellguard explain', () => {
  const dir = () =>
    project({
      'msg.policy': MESSAGES_POLICY,
      'm.jsonl': '{"orderId":"1","body":"hello"}\n{"orderId":"2","body":"write to jo@example.com"}\n',
    });

  it('says for each rule whether it fired and why, by record number', () => {
    const r = sellguard(dir(), ['explain', 'msg.policy', 'm.jsonl', '--record', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('record 2 (line 2, m.jsonl), policy msg');
    expect(r.stdout).toContain('✗ msg/email-address [error]: fired (one violation)');
    expect(r.stdout).toContain('not allowed: emails(body) → yes: it holds, so the rule fires');
    expect(r.stdout).toContain('✓ msg/shouting [warning]: did not fire');
    expect(r.stdout).toContain('not allowed: body matches "[A-Z]{6,}" → no: it does not hold, so this is fine');
  });

  it('finds the record by a field value', () => {
    const r = sellguard(dir(), ['explain', 'msg.policy', 'm.jsonl', '--where', 'orderId=1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('record 1 (line 1, m.jsonl)');
    expect(r.stdout).toContain('✓ msg/email-address [error]: did not fire');
    const none = sellguard(dir(), ['explain', 'msg.policy', 'm.jsonl', '--where', 'orderId=9']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("sellguard: no record in 'm.jsonl' has orderId=9\n");
  });
});

describe('sellguard fix', () => {
  it('JSONL: fixes records in place, keeps unknown fields, their order, and untouched lines byte for byte', () => {
    const input = [
      '{"orderId":"1",  "body":"hello"}',
      '{"note":"first","orderId":"2","body":"write to jo@example.com today","z":1}',
      'not json',
      '',
    ].join('\n');
    const dir = project({ 'msg.policy': MESSAGES_POLICY, 'm.jsonl': input });
    const r = sellguard(dir, ['fix', 'msg.policy', 'm.jsonl', '--output', 'fixed.jsonl']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('applied 1 fix to 1 of 3 records; wrote fixed.jsonl');
    // The fix removes the match and one neighbouring space.
    expect(readFileSync(join(dir, 'fixed.jsonl'), 'utf8')).toBe(input.replace('{"note":"first","orderId":"2","body":"write to jo@example.com today","z":1}', '{"note":"first","orderId":"2","body":"write to today","z":1}'));
    expect(sellguard(dir, ['check', 'msg.policy', 'fixed.jsonl', '--format', 'json']).stdout).toContain('"msg/email-address": 0');
  });

  it('CSV: keeps unknown columns and quoting; --dry-run prints a unified diff and writes nothing', () => {
    const input = 'orderId,message,extra\n1,hello,x\n2,"write to jo@example.com, please",y\n';
    const dir = project({ 'msg.policy': MESSAGES_POLICY, 'm.csv': input });
    const dry = sellguard(dir, ['fix', 'msg.policy', 'm.csv', '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('--- m.csv\n+++ m.csv\n');
    expect(dry.stdout).toContain('-2,"write to jo@example.com, please",y\n+2,"write to, please",y\n');
    expect(readFileSync(join(dir, 'm.csv'), 'utf8')).toBe(input);
    expect(sellguard(dir, ['fix', 'msg.policy', 'm.csv', '-o', 'out.csv']).code).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('orderId,message,extra\n1,hello,x\n2,"write to, please",y\n');
  });

  it('does not apply a fix that would make another rule fire, and says so', () => {
    const policy = `policy p "P"
record R { body: text }
rule email error "email {matched}" { forbid emails(body) fix remove }
rule too-short warning "The message is too short" { require length(body) >= 12 }
`;
    const dir = project({ 'p.policy': policy, 'r.jsonl': '{"body":"hi there a@b.com"}\n{"body":"hello there, a@b.com"}\n' });
    const r = sellguard(dir, ['fix', 'p.policy', 'r.jsonl', '-o', 'out.jsonl']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('record 1 (line 1): p/email: not fixed, because the fix would make p/too-short fire');
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe('{"body":"hi there a@b.com"}\n{"body":"hello there,"}\n');
  });
});

describe('sellguard watch', () => {
  let child: ReturnType<typeof spawn> | undefined;
  afterEach(() => {
    child?.kill('SIGTERM');
    child = undefined;
  });

  it('checks again when a file the policy imports changes', async () => {
    const dir = project({
      'common.policy': 'policy common "Common"\nconst banned = "refund"\n',
      'main.policy': 'policy main "Main"\nimport { banned } from "./common.policy"\nrecord M { body: text }\nrule banned-word error "banned word" { forbid body contains banned }\n',
      'in.jsonl': '{"body":"refund please"}\n{"body":"a coupon"}\n',
    });
    child = spawn(process.execPath, [bin, 'watch', 'main.policy', 'in.jsonl', '--format', 'json'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: '' } });
    let stdout = '';
    let stderr = '';
    let exited = false;
    const waiting: Array<() => void> = [];
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => {
      stderr += d;
      for (const w of waiting) w();
    });
    child.on('exit', () => {
      exited = true;
      for (const w of waiting) w();
    });
    // Resolves once stderr has said `pattern` `count` times.
    const waitFor = (pattern: RegExp, count: number) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if ((stderr.match(new RegExp(pattern, 'g')) ?? []).length >= count) resolve();
          else if (exited) reject(new Error(`watch stopped:\n${stderr}`));
        };
        waiting.push(check);
        check();
      });
    await waitFor(/watching for changes/, 1);
    writeFileSync(join(dir, 'common.policy'), 'policy common "Common"\nconst banned = "coupon"\n');
    await waitFor(/watching for changes/, 2);
    expect(stderr).toContain('common.policy changed; checking again');
    const reports = stdout.split(/\n(?=\{)/).map((t) => JSON.parse(t));
    expect(reports.map((doc) => doc.results.map((r: { line: number }) => r.line)), stderr).toEqual([[1], [2]]);
  }, 60_000);
});
