import { describe, expect, it } from 'vitest';
import { FULL, QUICK, SIZE_NAMES, aRecordsFor, runSizes } from '../src/sizes.mjs';

describe('benchmark sizes', () => {
  it('uses the full sizes and calls nothing reduced without --quick or BENCH_* variables', () => {
    const { sizes, reduced } = runSizes({}, false);
    expect(sizes).toEqual(FULL);
    expect(sizes.c).toEqual([1_000_000, 5_000_000]);
    expect(reduced).toEqual([]);
  });

  it('lists every size a variable changed, with the full one', () => {
    const { sizes, reduced } = runSizes({ BENCH_A: '20000', BENCH_C: '200000,1000000', PATH: '/bin' }, false);
    expect(sizes.a).toBe(20_000);
    expect(sizes.c).toEqual([200_000, 1_000_000]);
    expect(reduced).toEqual([
      { key: 'a', name: SIZE_NAMES.a[1], used: 20_000, full: 1_000_000 },
      // The alternatives never get more reports than Sellguard and the floor: 20,000 as well.
      { key: 'aOthers', name: SIZE_NAMES.aOthers[1], used: 20_000, full: 1_000_000 },
      { key: 'c', name: SIZE_NAMES.c[1], used: [200_000, 1_000_000], full: [1_000_000, 5_000_000] },
    ]);
  });

  it('calls every size of --quick that differs from the full run reduced', () => {
    const { reduced } = runSizes({}, true);
    const differing = Object.keys(FULL).filter((k) => String(FULL[k as keyof typeof FULL]) !== String(QUICK[k as keyof typeof QUICK]));
    expect(reduced.map((r) => r.key)).toEqual(differing);
    expect(differing.length).toBeGreaterThan(5);
  });

  it('says which variable is wrong', () => {
    expect(() => runSizes({ BENCH_B1: 'many' }, false)).toThrow('BENCH_B1=many: give a positive number.');
  });

  it('times the slow engines of A on fewer records, never more than the run', () => {
    const { sizes } = runSizes({}, false);
    expect([aRecordsFor(undefined, sizes), aRecordsFor('alternative', sizes), aRecordsFor('slow', sizes)]).toEqual([1_000_000, 1_000_000, 20_000]);
    const small = runSizes({ BENCH_A: '10000' }, false).sizes;
    expect([aRecordsFor(undefined, small), aRecordsFor('alternative', small), aRecordsFor('slow', small)]).toEqual([10_000, 10_000, 10_000]);
  });
});
