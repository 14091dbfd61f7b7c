/**
 * Measuring whole processes, as a user runs them: wall time and peak
 * memory (read by a preloaded hook, see rss-at-exit.cjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Run `node ...args`; returns { ms, rssMb }. Throws when the command fails in an unexpected way.
 * `env`: more environment variables, or a function giving them afresh for each run.
 */
export function runNode(args, { okStatus = [0], env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sellguard-rss-'));
  const rssFile = join(dir, 'rss');
  try {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-r', join(here, 'rss-at-exit.cjs'), ...args], {
      env: { ...process.env, ...(typeof env === 'function' ? env() : env), SELLGUARD_BENCH_RSS: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!okStatus.includes(r.status)) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr.slice(0, 2000)}`);
    const rssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024;
    return { ms, rssMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Time whole-process contenders side by side, rotating order, after one warm-up round. */
export function raceProcesses(contenders, reps, log = () => {}) {
  const times = Object.fromEntries(contenders.map((c) => [c.name, []]));
  const rss = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (let r = 0; r <= reps; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(k + r) % contenders.length];
      const run = runNode(c.args, c);
      if (r > 0) {
        times[c.name].push(run.ms);
        rss[c.name].push(run.rssMb);
      }
      log(`  ${c.name}: ${run.ms.toFixed(0)} ms, ${run.rssMb.toFixed(0)} MB${r === 0 ? ' (warm-up)' : ''}`);
    }
  }
  return { times, rss };
}
