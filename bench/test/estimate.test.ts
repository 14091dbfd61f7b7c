import { describe, expect, it } from 'vitest';
import { estimateSeconds, formatDuration, progress } from '../src/estimate.mjs';
import { FULL, QUICK } from '../src/sizes.mjs';
import { WORKLOADS } from '../src/run-record.mjs';

describe('the plan of a run', () => {
  it('has an estimate for every workload, larger at full size than with --quick', () => {
    for (const w of WORKLOADS) {
      expect(estimateSeconds(w, FULL, 5)).toBeGreaterThan(0);
      expect(estimateSeconds(w, FULL, 5)).toBeGreaterThanOrEqual(estimateSeconds(w, QUICK, 5));
    }
  });

  it('counts the slow engines of A at their own number of reports', () => {
    // Only the slow engines' count changes: 10,000 more reports in each of 5 repetitions and in the
    // warm-up round (30,000 is still under the 100,000-report pool), at 523 µs each.
    const more = estimateSeconds('a', { ...FULL, aSlow: FULL.aSlow + 10_000 }, 5) - estimateSeconds('a', FULL, 5);
    expect(more).toBeCloseTo(10_000 * 6 * 523e-6, 6);
  });

  it('keeps the full run within 35 minutes on an idle 2-core machine', () => {
    const total = WORKLOADS.reduce((s, w) => s + estimateSeconds(w, FULL, 5), 0);
    expect(total).toBeLessThan(35 * 60);
  });

  it('says minutes from a minute and a half', () => {
    expect([formatDuration(0.2), formatDuration(45), formatDuration(89), formatDuration(90), formatDuration(1150)]).toEqual(['1 s', '45 s', '89 s', '2 min', '19 min']);
  });

  it('rescales the time left by how the finished workloads compared with their estimates', () => {
    let now = 0;
    const lines: string[] = [];
    const step = progress([{ workload: 'a', seconds: 100 }, { workload: 'c', seconds: 200 }], (l) => lines.push(l), () => now);
    step.start('a');
    now = 200; // a took twice its estimate: c should take about 400 s
    step.start('c');
    now = 500;
    step.finish();
    expect(lines).toEqual(['[1/2] a: about 2 min; 1 s so far, about 5 min left', '[2/2] c: about 7 min; 3 min so far, about 7 min left']);
    expect(step.took).toEqual({ a: 200, c: 300 });
  });
});
