/**
 * A CPU profile reading: run a workload under V8's sampling profiler and sum the
 * self time per function, to say where the time goes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** Self time per function (and file) from a .cpuprofile, biggest first, as shares of all samples. */
export function selfTimes(profile, root) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const f = byId.get(id).callFrame;
    const file = f.url ? relative(root, f.url.replace('file://', '')) : '';
    const key = `${f.functionName || '(anonymous)'}${file ? ` — ${file.replace(/^.*node_modules\//, '')}:${f.lineNumber + 1}` : ''}`;
    ms.set(key, (ms.get(key) ?? 0) + dt);
  });
  return [...ms.entries()].map(([fn, us]) => ({ fn, share: us / total })).sort((a, b) => b.share - a.share);
}

/** Run `node script ...args PROFILE_FILE` (it writes its own profile) and return its top functions by self time. */
export function profileRun(script, args, root, top = 12) {
  const dir = mkdtempSync(join(tmpdir(), 'sellguard-prof-'));
  try {
    const file = join(dir, 'run.cpuprofile');
    const r = spawnSync(process.execPath, [script, ...args, file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`profiling failed: ${r.stderr.slice(0, 2000)}`);
    return selfTimes(JSON.parse(readFileSync(file, 'utf8')), root).slice(0, top);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
