/** runTui, the entry point the CLI's `sellguard tui` calls, with fake terminal streams. */
import { EventEmitter } from 'node:events';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';

// Ink decides at import time whether it runs in CI (then it only draws the last frame, at exit).
// CI runs these tests with CI=true; the UI under test is interactive.
vi.hoisted(() => {
  for (const key of Object.keys(process.env)) if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) delete process.env[key];
});

const { runTui, clearCiMarkers } = await import('../src/index.js');
const { MESSAGES, POLICY, tick } = await import('./helpers.js');

class FakeStdin extends EventEmitter {
  isTTY = true;
  private queue: string[] = [];
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  destroy() {}
  read = () => this.queue.shift() ?? null;
  type(data: string) {
    this.queue.push(data);
    this.emit('readable');
  }
}

class FakeStdout extends EventEmitter {
  columns = 80;
  rows = 24;
  isTTY = false;
  output = '';
  write = (s: string) => {
    this.output += s;
    return true;
  };
}

function streams() {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout();
  const stderr = new FakeStdout();
  return { stdin, stdout, stderr, io: { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream, stderr: stderr as unknown as NodeJS.WriteStream } };
}

async function until(ok: () => boolean, ms = 10000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await tick(20);
  }
}

describe('runTui', () => {
  test('shows the summary and resolves with 0 when the analyst presses q', async () => {
    const s = streams();
    const done = runTui({ policy: POLICY, inputs: [MESSAGES], ...s.io });
    await until(() => s.stdout.output.includes('✓ 7 records checked'));
    expect(s.stdout.output).toContain('Records checked 5');
    // Not a terminal: no colours and no switch to the alternate screen.
    expect(s.stdout.output).not.toContain('\x1b[?1049h');
    s.stdin.type('q');
    expect(await done).toBe(0);
  });

  test('a policy with errors is shown, and leaving then gives exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sellguard-tui-run-'));
    const policy = join(dir, 'broken.policy');
    writeFileSync(policy, readFileSync(POLICY, 'utf8').replace('forbid emails(body)', 'forbid emails(bodyy)'));
    const s = streams();
    const done = runTui({ policy, inputs: [MESSAGES], ...s.io });
    await until(() => s.stdout.output.includes('The policy has 1 error'));
    s.stdin.type('q');
    expect(await done).toBe(2);
  });

  test('--input-format reads a file whatever its extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sellguard-tui-run-'));
    const input = join(dir, 'messages.txt');
    copyFileSync(MESSAGES, input);
    const s = streams();
    const done = runTui({ policy: POLICY, inputs: [input], inputFormat: 'jsonl', ...s.io });
    await until(() => s.stdout.output.includes('✓ 7 records checked'));
    s.stdin.type('q');
    expect(await done).toBe(0);
  });

  test('no input files: a plain message and exit code 2', async () => {
    const s = streams();
    expect(await runTui({ policy: POLICY, inputs: [], ...s.io })).toBe(2);
    expect(s.stderr.output).toContain('give at least one data file');
  });
});

test('clearCiMarkers removes what makes Ink think it runs in CI, and nothing else', () => {
  const env: NodeJS.ProcessEnv = { CI: 'true', CI_JOB_ID: '7', CONTINUOUS_INTEGRATION: '1', PATH: '/bin', NO_COLOR: '1', CIRCLE: 'x' };
  clearCiMarkers(env);
  expect(env).toEqual({ PATH: '/bin', NO_COLOR: '1', CIRCLE: 'x' });
});
