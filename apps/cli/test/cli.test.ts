/**
 * Scenario tests: the built `sellguard` binary, spawned the way a user runs
 * it, in a temporary folder. (npm test builds everything first.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'apps/cli/dist/main.js');

function sellguard(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? root,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const POLICY = `policy demo "Demo" source "tests"
record Message { orderId: string  body: text }
rule email-address error "Remove the email address {matched}" {
  forbid emails(body)
  hint "Buyers reach you through Amazon messaging."
}
rule shouting warning "Do not shout" { forbid body matches "[A-Z]{6,}" }
example "has email" { given { orderId: "1", body: "mail a@b.com" } expect email-address }
example "clean" { given { orderId: "1", body: "hello" } expect nothing }
`;

let dir: string;
beforeAll(() => {
  if (!existsSync(bin)) throw new Error('build first: npm run build');
  dir = mkdtempSync(join(tmpdir(), 'sellguard-cli-'));
  writeFileSync(join(dir, 'demo.policy'), POLICY);
  writeFileSync(join(dir, 'clean.jsonl'), '{"orderId":"1","body":"hello"}\n{"orderId":"2","body":"thanks"}\n');
  writeFileSync(join(dir, 'mixed.jsonl'), '{"orderId":"1","body":"write to jo@example.com"}\n{"orderId":"2","body":"fine"}\nnot json\n\n{"orderId":3,"body":["x"]}\n{"orderId":"4","body":"PLEASE RESPOND"}\n');
  writeFileSync(join(dir, 'messages.csv'), 'orderId,body\n1,"line one\nline two, jo@example.com"\n2,ok\n');
});

describe('sellguard --help', () => {
  it('lists the commands', () => {
    const r = sellguard(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['check', 'test', 'fmt', 'compile']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });
  it('rejects an unknown command with exit 2', () => {
    const r = sellguard(['chek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'chek'");
  });
});

describe('sellguard check', () => {
  it('exits 0 when nothing fires', () => {
    const r = sellguard(['check', 'demo.policy', 'clean.jsonl'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 records: 2 checked, 0 could not be checked, 0 with violations');
  });

  it('reports violations with the matched text in context, bad lines with their line, and goes on', () => {
    const r = sellguard(['check', 'demo.policy', 'mixed.jsonl'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('record 1 (line 1 of mixed.jsonl)');
    expect(r.stdout).toContain('error    demo/email-address  Remove the email address jo@example.com');
    expect(r.stdout).toContain('│ write to jo@example.com');
    expect(r.stdout).toContain('│          ^^^^^^^^^^^^^^');
    expect(r.stdout).toContain('line 3 is not valid JSON');
    expect(r.stdout).toContain('record 4 (line 5 of mixed.jsonl): could not be checked');
    expect(r.stdout).toContain('body: expected text, got a list');
    expect(r.stdout).toContain('5 records: 3 checked, 2 could not be checked, 2 with violations');
  });

  it('prints one JSON document in the documented shape', () => {
    const r = sellguard(['check', 'demo.policy', 'mixed.jsonl', '--format', 'json'], { cwd: dir });
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['policy', 'summary', 'results']);
    expect(doc.summary).toMatchObject({ records: 5, checked: 3, invalid: 2, withViolations: 2, violations: 2 });
    expect(doc.summary.byRule).toEqual({ 'demo/email-address': 1, 'demo/shouting': 1 });
    const first = doc.results[0];
    expect(first.index).toBe(0);
    expect(first.violations[0]).toEqual({
      rule: 'demo/email-address',
      severity: 'error',
      message: 'Remove the email address jo@example.com',
      path: 'body',
      spans: [{ path: 'body', start: 9, end: 23, text: 'jo@example.com' }],
      hint: 'Buyers reach you through Amazon messaging.',
    });
    expect(doc.results.map((x: { index: number }) => x.index)).toEqual([0, 2, 3, 4]);
  });

  it('honours --fail-on', () => {
    writeFileSync(join(dir, 'shout.jsonl'), '{"orderId":"4","body":"PLEASE RESPOND"}\n');
    expect(sellguard(['check', 'demo.policy', 'shout.jsonl'], { cwd: dir }).code).toBe(0);
    expect(sellguard(['check', 'demo.policy', 'shout.jsonl', '--fail-on', 'warning'], { cwd: dir }).code).toBe(1);
    expect(sellguard(['check', 'demo.policy', 'mixed.jsonl', '--fail-on', 'never'], { cwd: dir }).code).toBe(0);
  });

  it('reads CSV with quoted line breaks and reports the line where a record starts', () => {
    const r = sellguard(['check', 'demo.policy', 'messages.csv', '--format', 'json'], { cwd: dir });
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.records).toBe(2);
    expect(doc.results[0]).toMatchObject({ index: 0, line: 2 });
  });

  it('reads standard input', () => {
    const r = sellguard(['check', 'demo.policy', '-', '--format', 'json'], { cwd: dir, input: '{"orderId":"1","body":"a@b.co"}\n' });
    expect(JSON.parse(r.stdout).summary.violations).toBe(1);
  });

  it('explains a missing input or policy in plain words, exit 2', () => {
    const missing = sellguard(['check', 'demo.policy', 'nope.jsonl'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("sellguard: cannot read input file 'nope.jsonl': no such file\n");
    const noPolicy = sellguard(['check', 'nope.policy', 'clean.jsonl'], { cwd: dir });
    expect(noPolicy.code).toBe(2);
    expect(noPolicy.stderr).toBe("sellguard: cannot read policy file 'nope.policy': no such file\n");
  });

  it('prints the diagnostics of a broken policy as code frames, exit 2', () => {
    writeFileSync(join(dir, 'broken.policy'), POLICY.replace('forbid emails(body)', 'forbid emails(bdy)'));
    const r = sellguard(['check', 'broken.policy', 'clean.jsonl'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[SG2001]: there is no field or constant called `bdy`');
    expect(r.stderr).toContain('--> broken.policy:4:17');
    expect(r.stderr).toContain('help: did you mean `body`?');
  });
});

describe('sellguard test', () => {
  it('runs the examples and ends with the counts', () => {
    const r = sellguard(['test', 'demo.policy'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ demo: has email');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 0 failed');
  });
  it('shows what fired when an example fails', () => {
    writeFileSync(join(dir, 'wrong.policy'), POLICY.replace('expect nothing', 'expect email-address'));
    const r = sellguard(['test', 'wrong.policy'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ demo: clean (wrong.policy:9)');
    expect(r.stdout).toContain('expected email-address to fire, but it did not');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });
});

describe('sellguard fmt', () => {
  it('checks, formats, and leaves formatted files alone', () => {
    writeFileSync(join(dir, 'messy.policy'), 'policy   demo "Demo"\nrecord M {   body :text }\n');
    expect(sellguard(['fmt', '--check', 'messy.policy'], { cwd: dir }).code).toBe(1);
    expect(sellguard(['fmt', 'messy.policy'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'messy.policy'), 'utf8')).toBe('policy demo "Demo"\n\nrecord M {\n  body: text\n}\n');
    expect(sellguard(['fmt', '--check', 'messy.policy'], { cwd: dir }).code).toBe(0);
  });
  it('refuses to format a file with syntax errors', () => {
    writeFileSync(join(dir, 'bad.policy'), 'policy demo "Demo"\nrecord M { body: }\n');
    const r = sellguard(['fmt', 'bad.policy'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'bad.policy'), 'utf8')).toBe('policy demo "Demo"\nrecord M { body: }\n');
  });
});

describe('sellguard compile', () => {
  it('writes a module and types that work without the compiler', async () => {
    const out = join(dir, 'build');
    const r = sellguard(['compile', 'demo.policy', '--out', out], { cwd: dir });
    expect(r.code).toBe(0);
    const dts = readFileSync(join(out, 'demo.d.ts'), 'utf8');
    expect(dts).toContain('export interface Message {');
    expect(dts).toContain('export declare function check(');
    // Import the emitted module with the runtime resolved from this repository.
    const js = readFileSync(join(out, 'demo.js'), 'utf8').replace("'@sellguard/core/runtime'", JSON.stringify(join(root, 'packages/core/dist/runtime/index.js')));
    writeFileSync(join(out, 'demo.mjs'), js);
    const mod = await import(join(out, 'demo.mjs'));
    expect(mod.check({ orderId: '1', body: 'x@y.co' })).toMatchObject({ ok: true, violations: [{ rule: 'demo/email-address' }] });
    expect(mod.check({ orderId: '1' })).toEqual({ ok: false, problems: [{ path: 'body', message: 'is missing: expected text' }] });
  });
});
