/**
 * What the reliability tests share: the built CLI run as a user runs it, in a
 * fresh folder, and the first sample record of a shipped policy to vary.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../../../..');
export const cliMain = join(repoRoot, 'apps/cli/dist/main.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `sellguard …` in `cwd`, feeding `input` on standard input. */
export function sellguard(args: string[], cwd: string, input = ''): CliResult {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [cliMain, ...args], { cwd, env, input, encoding: 'utf8', maxBuffer: 256 << 20 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? `\n${r.error.message}` : '') };
}

/** A fresh folder with the given files in it. */
export function folderWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sellguard-reliability-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** The first message of the buyer-messaging sample: a record that passes the policy. */
export function goodMessageLine(): string {
  return readFileSync(join(repoRoot, 'examples/buyer-messaging/messages.jsonl'), 'utf8').split('\n')[0];
}

export const messagingPolicy = join(repoRoot, 'policies/buyer-messaging.policy');
