/**
 * End to end: the built `sellguard-tui` binary in a real terminal (tmux,
 * 80x24). Keys are typed with send-keys and the screen is read with
 * capture-pane, waiting (bounded) for text to appear rather than sleeping.
 *
 * Needs `tmux` (Debian package); skipped when it is not installed.
 * UPDATE_SCREENSHOTS=1 also saves the summary of the sample data to
 * docs/images/tui-summary.txt for the README.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'apps/tui/dist/main.js');
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `sellguard-e2e-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

/** Start the binary in a fresh 80x24 session; "exited N" is printed when it ends. */
function start(name: string, cwd: string, args: string[], env: Record<string, string> = {}): void {
  const vars = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? cwd, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...env };
  // env -i: a clean environment, so CI=true from the runner does not switch Ink into its non-interactive mode.
  const command = ['env', '-i', ...Object.entries(vars).map(([k, v]) => `${k}=${v}`), process.execPath, BIN, ...args].map(quote).join(' ');
  tmux('-u', 'new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-c', cwd, `${command}; echo "exited $?"; sleep 30`);
}

function quote(s: string): string {
  return /^[\w./=:-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

const screen = (name: string, escapes = false) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', name);
const keys = (name: string, ...k: string[]) => tmux('send-keys', '-t', name, ...k);

/** Poll the screen until it passes the test; fail with the last screen after `ms`. */
async function waitFor(name: string, ok: (s: string) => boolean, ms = 15000, escapes = false): Promise<string> {
  const deadline = Date.now() + ms;
  let last = '';
  while (Date.now() < deadline) {
    last = screen(name, escapes);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting; the screen was:\n${last}`);
}
const showing = (name: string, text: string | RegExp, ms?: number) => waitFor(name, (s) => (typeof text === 'string' ? s.includes(text) : text.test(s)), ms);

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sellguard-tui-e2e-'));
  copyFileSync(join(FIXTURES, 'messages.policy'), join(dir, 'messages.policy'));
  copyFileSync(join(FIXTURES, 'messages.jsonl'), join(dir, 'messages.jsonl'));
  return dir;
}

describe.skipIf(!hasTmux)('sellguard-tui in tmux at 80x24', () => {
  beforeAll(() => {
    // Build (incremental: quick when up to date). If another package is mid-change and does not build, use the last build.
    spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'apps/tui'], { cwd: ROOT, stdio: 'ignore' });
    if (!existsSync(BIN)) throw new Error('apps/tui is not built: run `npx tsc -b apps/tui`');
  }, 120_000);

  afterAll(() => {
    // The socket path, to remove it too: killing the server leaves the file behind.
    const path = spawnSync('tmux', ['-L', socket, 'display-message', '-p', '#{socket_path}'], { encoding: 'utf8' }).stdout.trim();
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    if (path) rmSync(path, { force: true });
  });

  test('summary, search, a record with its violation highlighted, quit', async () => {
    const dir = workspace();
    start('main', dir, ['messages.policy', 'messages.jsonl']);

    const summary = await showing('main', '✓ 7 records checked');
    expect(summary).toContain('Records checked 5   with problems 4 (80%)   could not be read 2');
    expect(summary).toMatch(/email-address\s+error\s+█+\s+2/);
    const rows = summary.replace(/\n$/, '').split('\n');
    expect(rows).toHaveLength(24);

    keys('main', '/');
    await showing('main', 'Search:');
    keys('main', '-l', 'desk');
    const filtered = await showing('main', '1 of 6 records with problems match: text "desk"');
    expect(filtered).toMatch(/› messages\.jsonl line 3\s+error\s+3 email-address/);
    expect(filtered).not.toContain('messages.jsonl line 2 ');

    keys('main', 'Enter');
    await waitFor('main', (s) => !s.includes('Search:'));
    keys('main', 'Enter');
    const record = await showing('main', 'messages.jsonl line 3  ·  3 problems');
    expect(record).toContain('Call us at (312) 555-0147 or mail desk@lumo-shop.com to book a time.');
    // The matched characters are drawn in inverse video.
    const coloured = screen('main', true).split('\n').find((l) => l.includes('desk@lumo-shop.com'))!;
    expect(coloured).toMatch(/\x1b\[(?:\d*;)*7(?:;\d*)*m(?:\x1b\[[\d;]*m)*desk@lumo-shop\.com/);

    keys('main', 'q');
    await showing('main', 'exited 0');
  });

  test('with NO_COLOR the marks are [brackets] and nothing is coloured (and CI=true in the shell changes nothing)', async () => {
    const dir = workspace();
    start('plain', dir, ['messages.policy', 'messages.jsonl'], { NO_COLOR: '1', CI: 'true' });
    await showing('plain', '✓ 7 records checked');
    keys('plain', 'Tab');
    await showing('plain', '[Records 6]');
    keys('plain', 'j');
    await showing('plain', /› messages\.jsonl line 3/);
    keys('plain', 'Enter');
    const record = await showing('plain', '[desk@lumo-shop.com]');
    expect(record).toContain('[(312) 555-0147]');
    expect(screen('plain', true)).not.toMatch(/\x1b\[[0-9;]*[1-9][0-9;]*m/);
    keys('plain', 'q');
    await showing('plain', 'exited 0');
  });

  test('--watch: a broken policy shows its problem, fixing it brings the results back in place', async () => {
    const dir = workspace();
    start('watch', dir, ['--watch', 'messages.policy', 'messages.jsonl']);
    await showing('watch', 'watching for changes');
    keys('watch', 'Tab');
    await showing('watch', '6 records with problems');
    keys('watch', 'j');
    await showing('watch', /› messages\.jsonl line 3/);
    const policy = join(dir, 'messages.policy');
    const good = execFileSync('cat', [policy], { encoding: 'utf8' });
    writeFileSync(policy, good.replace('forbid emails(body)', 'forbid emails(bodyy)'));
    const broken = await showing('watch', 'The policy has 1 error, so nothing was checked');
    expect(broken).toContain('forbid emails(bodyy)');
    writeFileSync(policy, good);
    await showing('watch', /› messages\.jsonl line 3/);
    keys('watch', 'q');
    await showing('watch', 'exited 0');
  });

  test('e asks where to save, with a name ready; Enter saves it there', async () => {
    const dir = workspace();
    start('save', dir, ['messages.policy', 'messages.jsonl']);
    await showing('save', '✓ 7 records checked');
    keys('save', 'Tab');
    await showing('save', '6 records with problems');
    keys('save', 'e');
    const asked = await showing('save', /Save the 6 records to: sellguard-export-\d{8}-\d{6}\.csv/);
    const offered = /(sellguard-export-\d{8}-\d{6}\.csv)/.exec(asked)![1];
    expect(readdirSync(dir).filter((f) => f.startsWith('sellguard-export-'))).toEqual([]);
    keys('save', 'Enter');
    await showing('save', `Saved 6 records to ${offered}`);
    expect(readdirSync(dir).filter((f) => f.startsWith('sellguard-export-'))).toEqual([offered]);
    keys('save', 'q');
    await showing('save', 'exited 0');
  });

  test(': command mode filters, sorts and exports; o sorts by a column', async () => {
    const dir = workspace();
    start('command', dir, ['messages.policy', 'messages.jsonl']);
    await showing('command', '✓ 7 records checked');
    keys('command', ':');
    await showing('command', /^:_?/m);
    keys('command', '-l', 'rule email-address');
    keys('command', 'Enter');
    await showing('command', '2 of 6 records with problems match: rule email-address');
    keys('command', ':');
    keys('command', '-l', 'severity error');
    keys('command', 'Enter');
    await showing('command', 'match: rule email-address, errors only');
    keys('command', ':');
    keys('command', '-l', 'export mail.json');
    keys('command', 'Enter');
    await showing('command', 'Saved 2 records to mail.json');
    const saved = JSON.parse(readFileSync(join(dir, 'mail.json'), 'utf8')) as { results: Array<{ line: number }> };
    expect(saved.results.map((r) => r.line)).toEqual([2, 3]);
    keys('command', 'c');
    await showing('command', /^6 records with problems/m);
    // o: by where; O reverses it, so the last line of the input comes first.
    keys('command', 'o');
    await showing('command', 'Where ▲');
    keys('command', 'O');
    // Sorting runs between key presses: the heading shows the new order first, the rows follow.
    await waitFor('command', (s) => s.includes('Where ▼') && /› messages\.jsonl line 7/.test(s));
    keys('command', 'q');
    await showing('command', 'exited 0');
  });

  test('y copies the selected record through OSC 52 (tmux keeps it in its paste buffer)', async () => {
    const dir = workspace();
    start('yank', dir, ['messages.policy', 'messages.jsonl']);
    tmux('set-option', '-s', 'set-clipboard', 'on');
    await showing('yank', '✓ 7 records checked');
    keys('yank', 'Tab');
    await showing('yank', /› messages\.jsonl line 2/);
    keys('yank', 'y');
    await showing('yank', 'Copied messages.jsonl line 2 to the clipboard.');
    const line2 = JSON.parse(readFileSync(join(dir, 'messages.jsonl'), 'utf8').split('\n')[1]) as unknown;
    await waitFor('yank', () => spawnSync('tmux', ['-L', socket, 'show-buffer'], { encoding: 'utf8' }).status === 0);
    expect(JSON.parse(tmux('show-buffer'))).toEqual(line2);
    keys('yank', 'q');
    await showing('yank', 'exited 0');
  });

  test('? lists the commands and how the mouse is used', async () => {
    const dir = workspace();
    start('help', dir, ['messages.policy', 'messages.jsonl']);
    await showing('help', '✓ 7 records checked');
    keys('help', '?');
    await showing('help', 'move up and down');
    keys('help', 'G');
    const help = await showing('help', 'Mouse');
    expect(help).toContain('To select text with the mouse, hold Shift');
    keys('help', 'q');
    await showing('help', 'exited 0');
  });

  test('the sample data: summary screen (saved for the README with UPDATE_SCREENSHOTS=1)', async () => {
    start('sample', ROOT, ['policies/buyer-messaging.policy', 'examples/buyer-messaging/messages.jsonl'], { NO_COLOR: '1' });
    const summary = await showing('sample', /✓ [\d,]+ records checked/, 30_000);
    expect(summary).toContain('Records checked');
    expect(summary).toMatch(/› \S+/);
    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
      writeFileSync(join(ROOT, 'docs/images/tui-summary.txt'), `${summary.replace(/\s+$/, '')}\n`);
    }
    keys('sample', 'q');
    await showing('sample', 'exited 0');
  });
});
