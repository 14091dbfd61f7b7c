/**
 * Driving a real terminal for end-to-end tests: a private tmux server (its
 * own socket), sessions started with a clean environment, keys typed with
 * send-keys, and the screen read with capture-pane, waiting (bounded) for
 * text to appear rather than sleeping.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const TUI = join(ROOT, 'apps/tui/dist/main.js');
export const CLI = join(ROOT, 'apps/cli/dist/main.js');
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export class Terminal {
  readonly socket: string;

  constructor(label: string) {
    this.socket = `sellguard-${label}-${process.pid}`;
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Start a program (node script + args) in a fresh session; "exited N" is printed when it ends. */
  start(name: string, cwd: string, script: string, args: string[], { env = {}, columns = 80, rows = 24 }: { env?: Record<string, string>; columns?: number; rows?: number } = {}): void {
    const vars = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? cwd, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...env };
    // env -i: a clean environment, so CI=true from the runner does not switch Ink into its non-interactive mode.
    const command = ['env', '-i', ...Object.entries(vars).map(([k, v]) => `${k}=${v}`), process.execPath, script, ...args].map(quote).join(' ');
    this.tmux('-u', 'new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), '-c', cwd, `${command}; echo "exited $?"; sleep 60`);
  }

  screen(name: string, escapes = false): string {
    return this.tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', name);
  }

  keys(name: string, ...k: string[]): void {
    this.tmux('send-keys', '-t', name, ...k);
  }

  /** Bytes as a terminal would send them (mouse reports), not key names. */
  bytes(name: string, text: string): void {
    this.tmux('send-keys', '-t', name, '-l', text);
  }

  /** Poll the screen until it passes the test; fail with the last screen after `ms`. */
  async waitFor(name: string, ok: (s: string) => boolean, ms = 20000): Promise<string> {
    const deadline = Date.now() + ms;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen(name);
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting; the screen was:\n${last}`);
  }

  showing(name: string, text: string | RegExp, ms?: number): Promise<string> {
    return this.waitFor(name, (s) => (typeof text === 'string' ? s.includes(text) : text.test(s)), ms);
  }

  /** The process id of the program running in a session (the shell's child). */
  programPid(name: string): number | undefined {
    const shell = this.tmux('display-message', '-p', '-t', name, '#{pane_pid}').trim();
    const child = spawnSync('pgrep', ['-P', shell], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
    return child ? Number(child) : undefined;
  }

  close(): void {
    const path = spawnSync('tmux', ['-L', this.socket, 'display-message', '-p', '#{socket_path}'], { encoding: 'utf8' }).stdout.trim();
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
    if (path && existsSync(path)) rmSync(path, { force: true });
  }
}

export function quote(s: string): string {
  return /^[\w./=:-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Build the TUI and the CLI (incremental: quick when up to date); a package mid-change keeps its last build. */
export function buildOnce(): void {
  spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'apps/tui', 'apps/cli'], { cwd: ROOT, stdio: 'ignore' });
  if (!existsSync(TUI) || !existsSync(CLI)) throw new Error('apps/tui or apps/cli is not built: run `npm run build`');
}

/** SGR mouse reports, as xterm and tmux send them: a left click at a 1-based column and row, and wheel turns. */
export const mouse = {
  click: (column: number, row: number) => `\x1b[<0;${column};${row}M\x1b[<0;${column};${row}m`,
  wheelDown: (column: number, row: number) => `\x1b[<65;${column};${row}M`,
  wheelUp: (column: number, row: number) => `\x1b[<64;${column};${row}M`,
};
