/**
 * The benchmark's temporary files live in one folder under the OS temp dir,
 * removed when the run ends, however it ends: the measuring process runs as a
 * child of a small parent that points TMPDIR at that folder (so the child, the
 * `sellguard check` processes it starts and the engine benchmark all write
 * there) and removes it when the child exits, fails or is stopped with Ctrl-C.
 *
 * The child gets its own process group, so a Ctrl-C (or a SIGTERM to the
 * parent) stops every process the run started, then the folder goes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MARK = 'SELLGUARD_BENCH_SCRATCH';

/** True in the measuring process (the child started by `runInScratch`). */
export const inScratch = () => Boolean(process.env[MARK]);

/**
 * Run this same script again in a child whose temp dir is a fresh folder, wait
 * for it, remove the folder and return the child's exit code.
 */
export function runInScratch(script, args) {
  const dir = mkdtempSync(join(tmpdir(), 'sellguard-bench-'));
  // --expose-gc: the harness collects garbage before every timed run (measure.mjs), so no contender pays for
  // the garbage another left behind.
  const flags = process.execArgv.includes('--expose-gc') ? process.execArgv : [...process.execArgv, '--expose-gc'];
  const child = spawn(process.execPath, [...flags, script, ...args], {
    env: { ...process.env, [MARK]: dir, TMPDIR: dir, TMP: dir, TEMP: dir },
    stdio: 'inherit',
    detached: true,
  });
  let stoppedBy = null;
  const stop = (signal) => {
    stoppedBy = signal;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, stop);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      for (const s of signals) process.off(s, stop);
      // Anything the run started in its group (a `sellguard check`, a server) goes too.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Nothing left.
      }
      rmSync(dir, { recursive: true, force: true });
      if (stoppedBy) process.stderr.write(`Benchmark stopped (${stoppedBy}); its temporary files are removed.\n`);
      resolve(stoppedBy ? 130 : (code ?? (signal ? 1 : 0)));
    });
  });
}
