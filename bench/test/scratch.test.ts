import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const run = join(__dirname, '../src/run.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** `node bench/src/run.mjs ...args` with its own temp dir; `onLine` sees each line it writes to stderr. */
function bench(args: string[], env: Record<string, string>, onLine: (line: string, stop: () => void, temp: string) => void = () => {}) {
  const temp = mkdtempSync(join(tmpdir(), 'sellguard-bench-test-'));
  dirs.push(temp);
  const child = spawn(process.execPath, [run, ...args], { env: { ...process.env, ...env, TMPDIR: temp }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const line of chunk.split('\n')) onLine(line, () => child.kill('SIGINT'), temp);
  });
  return new Promise<{ code: number | null; stderr: string; left: string[] }>((resolve) =>
    child.once('close', (code) => resolve({ code, stderr, left: readdirSync(temp) })),
  );
}

describe('the benchmark leaves no temporary files', () => {
  it('removes them when a run fails', async () => {
    const r = await bench(['--only', 'compile', '--reps', '1'], { BENCH_B1: 'many' });
    expect(r.code).toBe(2);
    // A plain sentence, not a stack trace.
    expect(r.stderr.trim()).toBe('BENCH_B1=many: give a positive number.');
    expect(r.left).toEqual([]);
  });

  it('removes them, and the files it was writing, when stopped with Ctrl-C', async () => {
    let during: string[] = [];
    const r = await bench(['--only', 'c', '--reps', '1'], { BENCH_C: '2000000' }, (line, stop, temp) => {
      // The order report is being written into the run's folder: stop the run there.
      if (line.startsWith('C: 2,000,000-row order report')) {
        during = readdirSync(temp);
        stop();
      }
    });
    expect(r.stderr).toContain('Benchmark stopped (SIGINT); its temporary files are removed.');
    expect(r.code).toBe(130);
    expect(r.left).toEqual([]);
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^sellguard-bench-/);
  }, 60_000);
});
