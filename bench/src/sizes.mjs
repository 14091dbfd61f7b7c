/**
 * How much each workload measures. The full run (`npm run bench`) uses the
 * sizes of the performance issue's table for Sellguard and the floor; the
 * slow alternatives on workload A are timed on fewer records per repetition
 * and compared per record (a 3,600-reports-a-second engine on a million
 * reports, six times, would take half an hour alone). `--quick` and the
 * BENCH_* variables shrink sizes; docs/benchmarks.md then says which.
 */

export const FULL = {
  a: 1_000_000,
  aPool: 100_000,
  aOthers: 1_000_000,
  aSlow: 20_000,
  b1: 100_000,
  b2: 10_000,
  c: [1_000_000, 5_000_000],
  e2eA: 200_000,
  e2eB: 50_000,
  bigMb: [10, 40],
  profile: 200_000,
  csv: 200_000,
  engines: 200_000,
};

export const QUICK = {
  a: 20_000,
  aPool: 10_000,
  aOthers: 20_000,
  aSlow: 5_000,
  b1: 10_000,
  b2: 1_000,
  c: [50_000, 100_000],
  e2eA: 20_000,
  e2eB: 5_000,
  bigMb: [1, 4],
  profile: 10_000,
  csv: 50_000,
  engines: 20_000,
};

/** Each size: its environment variable and what it counts, as docs/benchmarks.md names it. */
export const SIZE_NAMES = {
  a: ['BENCH_A', 'A: reports per repetition (Sellguard and the floor)'],
  aPool: ['BENCH_A_POOL', 'A: distinct reports'],
  aOthers: ['BENCH_A_OTHERS', 'A: reports per repetition for zod, ajv and cel-js'],
  aSlow: ['BENCH_A_SLOW', 'A: reports per repetition for json-rules-engine, Cedar and the zod-schema path'],
  b1: ['BENCH_B1', 'B1: messages'],
  b2: ['BENCH_B2', 'B2: messages'],
  c: ['BENCH_C', 'C: order report rows'],
  e2eA: ['BENCH_E2E_A', 'end to end A: reports'],
  e2eB: ['BENCH_E2E_B', 'end to end B: messages'],
  bigMb: ['BENCH_BIG_MB', 'one large message: MB'],
  profile: ['BENCH_PROFILE', 'CPU profile: reports'],
  csv: ['BENCH_CSV', 'CSV parsers: rows'],
  engines: ['BENCH_ENGINES', 'SQL engines: order report rows'],
};

const list = (v) => (Array.isArray(v) ? v : [v]);

/**
 * The sizes of this run from `--quick` and the environment, and every size
 * that differs from the full run's ({ key, name, used, full }).
 */
export function runSizes(env, quick) {
  const sizes = structuredClone(quick ? QUICK : FULL);
  for (const [key, [variable]] of Object.entries(SIZE_NAMES)) {
    const raw = env[variable];
    if (!raw) continue;
    const values = raw.split(',').map(Number);
    if (values.some((x) => !Number.isFinite(x) || x <= 0)) throw new Error(`${variable}=${raw}: give a positive number${Array.isArray(FULL[key]) ? ' or a comma-separated list of them' : ''}.`);
    sizes[key] = Array.isArray(FULL[key]) ? values : values[0];
  }
  // The alternatives of A never get more reports per repetition than Sellguard and the floor.
  sizes.aOthers = Math.min(sizes.aOthers, sizes.a);
  sizes.aSlow = Math.min(sizes.aSlow, sizes.a);
  const reduced = Object.keys(SIZE_NAMES)
    .filter((key) => list(sizes[key]).join(',') !== list(FULL[key]).join(','))
    .map((key) => ({ key, name: SIZE_NAMES[key][1], used: sizes[key], full: FULL[key] }));
  return { sizes, reduced };
}

/** Records per repetition for a contender of workload A, by how fast it is (`pace`). */
export function aRecordsFor(pace, sizes) {
  if (pace === 'slow') return sizes.aSlow;
  if (pace === 'alternative') return sizes.aOthers;
  return sizes.a;
}
