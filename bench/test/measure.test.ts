import { describe, expect, it } from 'vitest';
import { median, pairedRatios, formatRatio } from '../src/measure.mjs';
import { selfTimes } from '../src/profile.mjs';

describe('benchmark statistics', () => {
  it('takes medians of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('pairs ratios per repetition', () => {
    // repetition 1: floor 10 ms, other 20 ms -> 0.5; repetition 2: 20 ms vs 10 ms -> 2
    const r = pairedRatios({ floor: [10, 20], other: [20, 10] }, 'floor');
    expect(r.other).toEqual({ median: 1.25, min: 0.5, max: 2 });
    expect(r.floor).toEqual({ median: 1, min: 1, max: 1 });
    expect(formatRatio(r.other)).toBe('1.25× (0.50–2.00)');
  });

  it('compares per record when contenders had different numbers of records', () => {
    // The floor checks 1,000 records in 10 ms (0.01 ms each); the slow one 100 records in 50 ms (0.5 ms each): 0.02×.
    const r = pairedRatios({ floor: [10, 10], slow: [50, 25] }, 'floor', { floor: 1000, slow: 100 });
    expect(r.slow).toEqual({ median: 0.03, min: 0.02, max: 0.04 });
    expect(r.floor).toEqual({ median: 1, min: 1, max: 1 });
  });

  it('reads self time per function from a CPU profile', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0, columnNumber: 0, scriptId: '1' });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '') },
        { id: 2, callFrame: frame('decode', 'file:///repo/packages/core/dist/x.js') },
        { id: 3, callFrame: frame('evaluate', 'file:///repo/packages/core/dist/y.js') },
      ],
      samples: [2, 2, 3, 2],
      timeDeltas: [10, 20, 30, 40],
    };
    const top = selfTimes(profile, '/repo');
    // decode: 10 + 20 + 40 = 70 of 100; evaluate: 30 of 100
    expect(top.map((t) => [t.fn, t.share])).toEqual([
      ['decode — packages/core/dist/x.js:1', 0.7],
      ['evaluate — packages/core/dist/y.js:1', 0.3],
    ]);
  });
});
