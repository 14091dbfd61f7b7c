/**
 * The compiled program kept between runs (V8's code cache of dist/program.cjs),
 * through the real binary: the first run of a command writes it into the
 * cache folder under the build's id, later runs read it and give the same
 * output; a damaged file is ignored and replaced; --no-cache and
 * SELLGUARD_CACHE=0 write nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, project, root, sellguard, type Run } from './helpers.js';

beforeAll(() => buildCli());

const POLICY = `policy shop "Shop messages"
record Message {
  orderId: string
  body: text
}
rule mail warning "Remove the email address" { forbid emails(body) }
`;
const MESSAGES = '{"orderId":"1","body":"Write to a@b.com"}\n{"orderId":"2","body":"Thanks for your order."}\n';

const buildId = () => readFileSync(join(root, 'apps/cli/dist/build-id.txt'), 'utf8').trim();
const programFiles = (cache: string): string[] => (existsSync(join(cache, 'program')) ? readdirSync(join(cache, 'program')).sort() : []);

function setup(): { dir: string; cache: string } {
  return { dir: project({ 'shop.policy': POLICY, 'messages.jsonl': MESSAGES }), cache: mkdtempSync(join(tmpdir(), 'sellguard-program-cache-')) };
}
const check = (dir: string, cache: string, extra: string[] = [], env: Record<string, string> = {}): Run =>
  sellguard(dir, ['check', 'shop.policy', 'messages.jsonl', '--format', 'json', '--fail-on', 'never', ...extra], { env: { SELLGUARD_CACHE_DIR: cache, ...env } });

describe('the compiled program kept between runs', () => {
  it('is written by the first run of a command, named by the build, and later runs give the same output', () => {
    const { dir, cache } = setup();
    const first = check(dir, cache);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect((JSON.parse(first.stdout) as { summary: { violations: number } }).summary.violations).toBe(1);
    const files = programFiles(cache);
    expect(files).toEqual([`${buildId()}-node${process.versions.node}-${process.arch}-check.v8cache`]);
    const written = readFileSync(join(cache, 'program', files[0]!));
    expect(written.length).toBeGreaterThan(1000);

    const second = check(dir, cache);
    expect(second).toEqual(first);
    // Read, not written again.
    expect(readFileSync(join(cache, 'program', files[0]!)).equals(written)).toBe(true);

    // Another command gets its own.
    const version = sellguard(dir, ['--version'], { env: { SELLGUARD_CACHE_DIR: cache } });
    expect(version.code).toBe(0);
    expect(programFiles(cache)).toEqual([files[0], `${buildId()}-node${process.versions.node}-${process.arch}-other.v8cache`].sort());
  });

  it('ignores a damaged file, gives the same output and writes it again', () => {
    const { dir, cache } = setup();
    const first = check(dir, cache);
    const [file] = programFiles(cache);
    writeFileSync(join(cache, 'program', file!), 'not a code cache');
    const again = check(dir, cache);
    expect(again).toEqual(first);
    expect(readFileSync(join(cache, 'program', file!)).length).toBeGreaterThan(1000);
  });

  it('runs as usual when the cache folder cannot be made (a file is in the way)', () => {
    const { dir, cache } = setup();
    const plain = check(dir, cache, ['--no-cache']);
    writeFileSync(join(cache, 'program'), 'a file where the folder would go');
    writeFileSync(join(cache, 'policies'), 'a file where the folder would go');
    expect(check(dir, cache)).toEqual(plain);
    expect(check(dir, cache)).toEqual(plain);
  });

  it('writes nothing with --no-cache or SELLGUARD_CACHE=0, with the same output', () => {
    const { dir, cache } = setup();
    const plain = check(dir, cache, ['--no-cache']);
    expect(plain.code).toBe(0);
    expect(programFiles(cache)).toEqual([]);
    const off = check(dir, cache, [], { SELLGUARD_CACHE: '0' });
    expect(off).toEqual(plain);
    expect(programFiles(cache)).toEqual([]);
    expect(check(dir, cache)).toEqual(plain);
  });
});
