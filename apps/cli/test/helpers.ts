/**
 * Running the built `sellguard` binary the way a user does, in a temporary
 * folder of their own files. The binary is built first (incrementally).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const root = resolve(import.meta.dirname, '../../..');
export const bin = join(root, 'apps/cli/dist/main.js');

export function buildCli(): void {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-b', 'apps/cli'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0 || !existsSync(bin)) throw new Error(`could not build the CLI:\n${build.stdout}${build.stderr}`);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Compiled policies of the test runs are kept here, not in the user's own cache folder. */
const TEST_CACHE = mkdtempSync(join(tmpdir(), 'sellguard-test-cache-'));

/** Every folder these helpers made for a test file, removed when the file's tests are done. */
const made: string[] = [TEST_CACHE];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function sellguard(cwd: string, args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CI: '', SELLGUARD_CACHE_DIR: TEST_CACHE, ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder holding these files (paths may have folders). */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sellguard-test-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A small policy about messages: an error with a fix, and a warning. */
export const MESSAGES_POLICY = `policy msg "Messages" source "tests" version "2"
record Message {
  orderId: string from "order-id"
  body: text from "message"
}
rule email-address error "Remove the email address {matched}" {
  forbid emails(body)
  hint "Buyers reach you through Amazon messaging."
  fix remove
}
rule shouting warning "Do not shout" { forbid body matches "[A-Z]{6,}" }
example "has email" { given { orderId: "1", body: "mail a@b.com" } expect email-address }
`;

/** A second policy with another record type: offers. */
export const OFFERS_POLICY = `policy offers "Offers"
record Offer {
  sku: string
  price: number
}
rule free error "The price must be above zero" { require price > 0 }
`;

export const MESSAGES_JSONL = [
  '{"orderId":"1","body":"Hello, your parcel ships today."}',
  '{"orderId":"2","body":"Write to jo@example.com for help.","note":"kept"}',
  '{"orderId":"3","body":"PLEASE RESPOND"}',
  'not json',
  '',
].join('\n');
