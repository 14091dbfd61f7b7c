/**
 * The cache of compiled policies, through the real binary: a second run of
 * an unchanged policy reads the compiled policy from SELLGUARD_CACHE_DIR and
 * reports exactly what the first run did; editing the policy or a file it
 * imports compiles it again; a damaged entry is ignored and replaced;
 * --no-cache and SELLGUARD_CACHE=0 write nothing; runs at the same time
 * never read half an entry.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, buildCli, project, sellguard, type Run } from './helpers.js';

beforeAll(() => buildCli());

const COMMON = `policy common "Shared"
phrases marketing = ["limited offer", "buy now"]
`;
const policyText = (message: string) => `policy shop "Shop messages"
import { marketing } from "./common.policy"
record Message {
  orderId: string
  body: text
}
rule ad error ${JSON.stringify(message)} { forbid phrases(body, marketing) }
rule mail warning "Remove the email address" { forbid emails(body) }
`;
const MESSAGES = ['{"orderId":"1","body":"Limited offer: buy now!"}', '{"orderId":"2","body":"Write to a@b.com"}', '{"orderId":"3","body":"Thanks for your order."}'].join('\n') + '\n';

function setup(): { dir: string; cache: string } {
  const dir = project({ 'shop.policy': policyText('No advertising'), 'common.policy': COMMON, 'messages.jsonl': MESSAGES });
  return { dir, cache: mkdtempSync(join(tmpdir(), 'sellguard-cache-test-')) };
}

const check = (dir: string, cache: string, extra: string[] = [], env: Record<string, string> = {}): Run =>
  sellguard(dir, ['check', 'shop.policy', 'messages.jsonl', '--format', 'json', '--fail-on', 'never', ...extra], { env: { SELLGUARD_CACHE_DIR: cache, ...env } });

const entries = (cache: string): string[] => (existsSync(join(cache, 'policies')) ? readdirSync(join(cache, 'policies')) : []);
const messagesOf = (r: Run): string[] => (JSON.parse(r.stdout) as { results: Array<{ violations: Array<{ message: string }> }> }).results.flatMap((x) => x.violations.map((v) => v.message));

/** Rewrite an entry's JSON (and the hash on its first line, as a real entry has). */
function editEntry(file: string, edit: (body: string) => string): void {
  const text = readFileSync(file, 'utf8');
  const newline = text.indexOf('\n');
  const body = edit(text.slice(newline + 1));
  writeFileSync(file, `${text.slice(0, newline).split(' ')[0]} ${createHash('sha256').update(body).digest('hex')}\n${body}`);
}

describe('the cache of compiled policies', () => {
  it('gives the same report on the second run, read from the cache', () => {
    const { dir, cache } = setup();
    const first = check(dir, cache);
    expect(first.code).toBe(0);
    expect(messagesOf(first)).toEqual(['No advertising', 'Remove the email address']);
    expect(entries(cache)).toHaveLength(1);
    const second = check(dir, cache);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
    expect(second.code).toBe(0);

    // The second run really used the entry: a message changed inside it shows up.
    editEntry(join(cache, 'policies', entries(cache)[0]), (body) => body.replaceAll('No advertising', 'From the cache'));
    expect(messagesOf(check(dir, cache))).toEqual(['From the cache', 'Remove the email address']);
  });

  it('shows the warnings of a cached policy again', () => {
    const dir = project({ 'shop.policy': `${policyText('No advertising')}example "forgotten" { given { orderId: "1", body: "x" } }\n`, 'common.policy': COMMON, 'messages.jsonl': MESSAGES });
    const cache = mkdtempSync(join(tmpdir(), 'sellguard-cache-test-'));
    const first = sellguard(dir, ['check', 'shop.policy', 'messages.jsonl', '--fail-on', 'never'], { env: { SELLGUARD_CACHE_DIR: cache } });
    const second = sellguard(dir, ['check', 'shop.policy', 'messages.jsonl', '--fail-on', 'never'], { env: { SELLGUARD_CACHE_DIR: cache } });
    expect(first.stderr).toContain('the example "forgotten" expects nothing');
    expect(entries(cache)).toHaveLength(1);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
  });

  it('compiles again when the policy changes', () => {
    const { dir, cache } = setup();
    check(dir, cache);
    writeFileSync(join(dir, 'shop.policy'), policyText('Advertising is not allowed'));
    const r = check(dir, cache);
    expect(messagesOf(r)).toEqual(['Advertising is not allowed', 'Remove the email address']);
    expect(entries(cache)).toHaveLength(2);
  });

  it('compiles again when an imported file changes', () => {
    const { dir, cache } = setup();
    expect(messagesOf(check(dir, cache))).toEqual(['No advertising', 'Remove the email address']);
    writeFileSync(join(dir, 'common.policy'), COMMON.replace('"limited offer", "buy now"', '"thanks for your order"'));
    expect(messagesOf(check(dir, cache))).toEqual(['Remove the email address', 'No advertising']);
  });

  it('ignores a damaged entry and writes a good one', () => {
    const { dir, cache } = setup();
    const first = check(dir, cache);
    const file = join(cache, 'policies', entries(cache)[0]);
    const good = readFileSync(file, 'utf8');
    for (const damaged of [good.slice(0, good.length / 2), 'not a cache entry', '', good.replace('"evaluator":"', '"evaluator":"}')]) {
      writeFileSync(file, damaged);
      const r = check(dir, cache);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(first.stdout);
      expect(r.stderr).toBe('');
      expect(readFileSync(file, 'utf8')).toBe(good);
    }
  });

  it('ignores an entry whose code does not run, and compiles again', () => {
    const { dir, cache } = setup();
    const first = check(dir, cache);
    // A well-formed entry (right hash, right shape) with broken code: e.g. written by a faulty copy.
    editEntry(join(cache, 'policies', entries(cache)[0]), (body) => body.replace('"evaluator":"', '"evaluator":"this is not JavaScript '));
    const r = check(dir, cache);
    expect(r.stdout).toBe(first.stdout);
    expect(r.code).toBe(0);
  });

  it('writes nothing with --no-cache or SELLGUARD_CACHE=0', () => {
    const { dir, cache } = setup();
    const plain = check(dir, cache, ['--no-cache']);
    expect(messagesOf(plain)).toEqual(['No advertising', 'Remove the email address']);
    expect(check(dir, cache, [], { SELLGUARD_CACHE: '0' }).stdout).toBe(plain.stdout);
    expect(existsSync(join(cache, 'policies'))).toBe(false);
  });

  it('fix keeps and reads the compiled policy in the cache too, with the same changes, and --no-cache writes nothing', () => {
    const dir = project({ 'shop.policy': policyText('No advertising').replace('forbid emails(body) }', 'forbid emails(body) fix remove }'), 'common.policy': COMMON, 'messages.jsonl': MESSAGES });
    const cache = mkdtempSync(join(tmpdir(), 'sellguard-cache-test-'));
    const fix = (extra: string[] = []) => sellguard(dir, ['fix', 'shop.policy', 'messages.jsonl', '--dry-run', ...extra], { env: { SELLGUARD_CACHE_DIR: cache } });
    const fresh = fix(['--no-cache']);
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toContain('-{"orderId":"2","body":"Write to a@b.com"}');
    expect(entries(cache)).toEqual([]);
    const first = fix();
    expect(entries(cache)).toHaveLength(1);
    const second = fix();
    expect(second).toEqual(first);
    expect(first).toEqual(fresh);
    // check and fix share the entry.
    sellguard(dir, ['check', 'shop.policy', 'messages.jsonl', '--fail-on', 'never'], { env: { SELLGUARD_CACHE_DIR: cache } });
    expect(entries(cache)).toHaveLength(1);
  });

  it('explain and test read the compiled policy from the cache, with the IR, and report exactly what a fresh compile does', () => {
    const withExamples = `${policyText('No advertising')}example "an ad" { given { orderId: "1", body: "Limited offer" } expect ad }\nexample "a mail" { given { orderId: "2", body: "a@b.com" } expect mail }\n`;
    const dir = project({ 'shop.policy': withExamples, 'common.policy': COMMON, 'messages.jsonl': MESSAGES });
    const cache = mkdtempSync(join(tmpdir(), 'sellguard-cache-test-'));
    const run = (args: string[]) => sellguard(dir, args, { env: { SELLGUARD_CACHE_DIR: cache } });
    const explain = ['explain', 'shop.policy', 'messages.jsonl', '--record', '1'];
    const test = ['test', 'shop.policy', '--format', 'json'];
    const freshExplain = run([...explain, '--no-cache']);
    const freshTest = run([...test, '--no-cache']);
    expect(freshExplain.code).toBe(1); // the record breaks a rule
    expect(freshExplain.stdout).toContain('No advertising');
    expect(freshTest.code).toBe(0);
    expect((JSON.parse(freshTest.stdout) as { passed: number }).passed).toBe(2);
    expect(entries(cache)).toEqual([]);

    // The first run compiles and keeps the policy with its IR; the next ones read it.
    expect(run(explain)).toEqual(freshExplain);
    expect(entries(cache)).toHaveLength(1);
    const entry = readFileSync(join(cache, 'policies', entries(cache)[0]!), 'utf8');
    expect(JSON.parse(entry.slice(entry.indexOf('\n') + 1)).ir).toBeTypeOf('object');
    expect(run(explain)).toEqual(freshExplain);
    expect(run(test)).toEqual(freshTest);
    expect(entries(cache)).toHaveLength(1);

    // They really run from the entry: an example's expectation changed inside the kept IR shows up.
    editEntry(join(cache, 'policies', entries(cache)[0]!), (body) => body.replace('"name":"a mail"', '"name":"a mail, from the cache"'));
    expect(run(test).stdout).toContain('a mail, from the cache');
  });

  it('never keeps a policy with errors', () => {
    const { dir, cache } = setup();
    writeFileSync(join(dir, 'shop.policy'), policyText('No advertising').replace('forbid emails(body)', 'forbid emails(bodyy)'));
    const r = check(dir, cache);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bodyy');
    expect(entries(cache)).toEqual([]);
  });

  it('lets two runs compile the same policy at once', async () => {
    const { dir, cache } = setup();
    const run = () =>
      new Promise<{ code: number | null; stdout: string }>((done) => {
        const child = spawn(process.execPath, [bin, 'check', 'shop.policy', 'messages.jsonl', '--format', 'json', '--fail-on', 'never'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', SELLGUARD_CACHE_DIR: cache } });
        let stdout = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.on('close', (code) => done({ code, stdout }));
      });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    // One entry, no temporary file left behind, and it is read by the next run.
    expect(entries(cache)).toHaveLength(1);
    expect(check(dir, cache).stdout).toBe(a.stdout);
  });

  it('is kept in the user\'s cache folder unless SELLGUARD_CACHE_DIR says otherwise', () => {
    const { dir } = setup();
    const xdg = mkdtempSync(join(tmpdir(), 'sellguard-xdg-'));
    expect(check(dir, '', [], { XDG_CACHE_HOME: xdg }).code).toBe(0);
    expect(entries(join(xdg, 'sellguard'))).toHaveLength(1);
    const home = mkdtempSync(join(tmpdir(), 'sellguard-home-'));
    expect(check(dir, '', [], { XDG_CACHE_HOME: '', HOME: home }).code).toBe(0);
    expect(entries(join(home, '.cache', 'sellguard'))).toHaveLength(1);
  });

  it('keeps the 100 most recently compiled policies', () => {
    const { dir, cache } = setup();
    const folder = join(cache, 'policies');
    mkdirSync(folder, { recursive: true });
    // 104 older entries (their content does not matter: only their number and age).
    const old = Date.now() / 1000 - 3600;
    for (let i = 0; i < 104; i++) {
      const file = join(folder, `${String(i).padStart(64, '0')}.json`);
      writeFileSync(file, 'old');
      utimesSync(file, old + i, old + i);
    }
    expect(check(dir, cache).code).toBe(0);
    const kept = entries(cache);
    expect(kept).toHaveLength(100);
    // The new entry and the 99 youngest old ones stay; the 5 oldest go.
    expect(kept.filter((f) => readFileSync(join(folder, f), 'utf8') !== 'old')).toHaveLength(1);
    expect(kept).not.toContain(`${String(4).padStart(64, '0')}.json`);
    expect(kept).toContain(`${String(5).padStart(64, '0')}.json`);
  });
});
