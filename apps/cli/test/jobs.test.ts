/**
 * `sellguard check --jobs N`: the built binary, run as a user runs it, gives
 * the very same reports on one thread and on several (results in input order,
 * the same summary, the same metrics). Speed is measured by `npm run bench`,
 * never here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, buildCli, root } from './helpers.js';

const POLICY = `policy demo "Demo" source "tests"
record Message { orderId: string  body: text }
rule email-address error "Remove the email address {matched}" {
  forbid emails(body)
  hint "Buyers reach you through Amazon messaging."
}
rule shouting warning "Do not shout" { forbid body matches "[A-Z]{6,}" }
`;

/** 1,000 records (several batches per thread): every 7th has an address, every 11th shouts, every 97th is not JSON. */
function messages(): string {
  const lines: string[] = [];
  for (let i = 0; i < 1000; i++) {
    if (i % 97 === 50) {
      lines.push(`not json ${i}`);
      continue;
    }
    const body = `${i % 7 === 0 ? `write to buyer${i}@example.com ` : ''}${i % 11 === 0 ? 'PLEASE RESPOND ' : ''}message ${i}`;
    lines.push(JSON.stringify({ orderId: `113-${i}`, body }));
  }
  return `${lines.join('\n')}\n`;
}

let dir: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'sellguard-jobs-'));
  writeFileSync(join(dir, 'demo.policy'), POLICY);
  writeFileSync(join(dir, 'messages.jsonl'), messages());
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function check(args: string[]) {
  const r = spawnSync(process.execPath, [bin, 'check', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sellguard check --jobs', () => {
  it('gives the same JSON report on one thread and on two, in input order', () => {
    const one = check(['demo.policy', 'messages.jsonl', '--format', 'json', '--jobs', '1']);
    const two = check(['demo.policy', 'messages.jsonl', '--format', 'json', '--jobs', '2']);
    expect(two.stderr).toBe(one.stderr);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    const doc = JSON.parse(two.stdout);
    // Counted independently from the generator above: 11 lines are not JSON; 143 of the rest have an address.
    const bad = Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 97 === 50);
    const emails = Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 7 === 0 && i % 97 !== 50);
    expect(doc.summary.records).toBe(1000);
    expect(doc.summary.invalid).toBe(bad.length);
    expect(doc.summary.byRule['demo/email-address']).toBe(emails.length);
    const indexes = doc.results.map((r: { index: number }) => r.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  });

  it('gives the same text report, with the text of each violation, on three threads', () => {
    const one = check(['demo.policy', 'messages.jsonl', '--jobs', '1']);
    const three = check(['demo.policy', 'messages.jsonl', '--jobs', '3']);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stdout).toContain('buyer7@example.com');
  });

  it('gives the same metrics of an order report on two threads', () => {
    const args = [join(root, 'policies/account-health-orders.policy'), join(root, 'examples/orders/orders.csv'), '--as-of', '2026-11-20', '--format', 'json', '--fail-on', 'never'];
    const one = check([...args, '--jobs', '1']);
    const two = check([...args, '--jobs', '2']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(Object.keys(JSON.parse(two.stdout).metrics)).toContain('order-defect-rate');
  });

  it('refuses a number of threads below 1 in plain words', () => {
    const r = check(['demo.policy', 'messages.jsonl', '--jobs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected a whole number of at least 1');
  });
});
