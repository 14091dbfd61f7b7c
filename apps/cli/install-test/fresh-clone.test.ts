/**
 * A new user's first minutes: clone the repository (this commit), `npm
 * install`, then run the commands the README shows, with `npx` as written.
 * Slow (a full install and build), so it runs with `npm run test:install`,
 * not `npm test`; `.ci/run`, which starts from a fresh clone, also runs the
 * README's commands after the tests.
 */
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, run, runOk } from '../test/support/npm.js';

let tmp: string;
let clone: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sellguard-clone-'));
  clone = join(tmp, 'sellguard');
  const commit = runOk('git', ['rev-parse', 'HEAD'], repoRoot).stdout.trim();
  runOk('git', ['clone', '--quiet', '--no-checkout', repoRoot, clone], tmp);
  runOk('git', ['checkout', '--quiet', commit], clone);
  runOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], clone, { timeout: 900_000 });
}, 900_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The `npx sellguard check …` lines of the README's code blocks that name real files (no POLICY/INPUT placeholders). */
function readmeCheckCommands(): string[][] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  return readme
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.startsWith('npx sellguard check ') && !/[A-Z]{4,}/.test(line))
    .map((line) => line.split(/\s+/));
}

describe('a fresh clone after npm install', () => {
  it('runs npx sellguard --help and npx sellguard-tui --help', () => {
    const help = run('npx', ['sellguard', '--help'], clone);
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: sellguard /);
    const tui = run('npx', ['sellguard-tui', '--help'], clone);
    expect(tui.code).toBe(0);
    expect(tui.stdout).toMatch(/^Usage: sellguard-tui /);
  });

  it("runs the README's npx sellguard check commands", () => {
    const commands = readmeCheckCommands();
    expect(commands.map((c) => c.slice(3, 5).join(' '))).toContain('policies/account-health-orders.policy examples/orders/orders.csv');
    for (const [command, ...args] of commands) {
      const r = run(command, args, clone);
      // Exit 1: the sample orders miss the late shipment target on purpose; 2 would mean the command could not run.
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 1, stderr: '' });
      expect(r.stdout).toContain(`${args[2].replace(/^policies\/|\.policy$/g, '')}/`);
    }
  });

  it('runs npm start as the README says', () => {
    const r = run('npm', ['start'], clone);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('buyer-messaging/email-address');
  });

  it('keeps the commands working and executable after a second npm install', () => {
    runOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], clone, { timeout: 900_000 });
    for (const file of ['node_modules/.bin/sellguard', 'node_modules/.bin/sellguard-tui', 'apps/cli/dist/main.js', 'apps/tui/dist/main.js']) {
      expect(() => accessSync(join(clone, file), constants.X_OK)).not.toThrow();
    }
    const direct = run(join(clone, 'apps/cli/dist/main.js'), ['--version'], clone);
    expect(direct.stdout).toBe(`${JSON.parse(readFileSync(join(clone, 'apps/cli/package.json'), 'utf8')).version}\n`);
    expect(run('npx', ['sellguard', '--help'], clone).code).toBe(0);
  });
});
