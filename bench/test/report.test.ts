import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/report.mjs';
import { SHORTFALLS } from '../src/shortfalls.mjs';

const base = { machine: { cpus: 2, cpu: 'x', memoryGb: 1, node: 'v20', platform: 'linux' }, command: 'npm run bench', date: 'today', reps: 5, sizes: {} };

/** An end-to-end result whose check ran at `ratio` times the speed of reading + parsing. */
const e2e = (ratio: number) => ({ records: 1, fileMb: 1, times: { 'read + JSON.parse': [100], 'sellguard check': [100 / ratio] }, ratios: { 'sellguard check': { median: ratio, min: ratio, max: ratio } }, rss: { 'sellguard check': [100] } });

describe('the targets table says why a target falls short', () => {
  it('prints the reason of a missed target and none for a met one', () => {
    // A 300 ms compile misses the 200 ms goal by 1.5×; cold start is not measured at all.
    const short = renderReport({ ...base, compile: { median: 300, min: 290, max: 310 } });
    expect(short).toContain('| compile the 2,000-rule policy (warm) | ≤ 200 ms | 300 ms | short by 1.5× |');
    expect(short).toContain('- compile the 2,000-rule policy (warm): ');
    const met = renderReport({ ...base, compile: { median: 150, min: 140, max: 160 } });
    expect(met).toContain('| 150 ms | met |');
    expect(met).not.toContain('Why the targets that fall short');
  });

  it('uses the sentence kept for the target', () => {
    const doc = renderReport({ ...base, e2e: { A: e2e(0.25), B: e2e(0.9) } });
    expect(doc).toContain(`- end to end A: check vs read + JSON.parse: ${SHORTFALLS['e2e-a']}`);
    // B's 0.9× meets its 0.5× goal: no reason is printed for it.
    expect(doc).not.toContain('- end to end B');
  });
});
