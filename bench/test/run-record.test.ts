import { describe, expect, it } from 'vitest';
import { commandLine, mergeRuns, WORKLOADS } from '../src/run-record.mjs';

describe('the command line a run records', () => {
  it('is `npm run bench -- …` when npm ran the script, without the --write the script adds', () => {
    const env = { npm_lifecycle_event: 'bench', npm_lifecycle_script: 'node bench/src/run.mjs --write', BENCH_A: '20000' };
    expect(commandLine(env, ['--write', '--only', 'a', '--reps', '3'])).toBe('BENCH_A=20000 npm run bench -- --only a --reps 3');
    expect(commandLine({ ...env, BENCH_A: undefined }, ['--write'])).toBe('npm run bench');
  });

  it('names the bench workspace when npm ran its own script', () => {
    const env = { npm_lifecycle_event: 'bench', npm_lifecycle_script: 'node src/run.mjs --write', npm_package_name: '@sellguard/bench' };
    expect(commandLine(env, ['--write', '--quick'])).toBe('npm run bench -w bench -- --quick');
  });

  it('is the node command, with every argument, when run directly', () => {
    expect(commandLine({}, ['--only', 'a,c', '--reps', '5'])).toBe('node bench/src/run.mjs --only a,c --reps 5');
    expect(commandLine({ BENCH_C: '200000,1000000' }, ['--write'])).toBe('BENCH_C=200000,1000000 node bench/src/run.mjs --write');
    expect(commandLine({}, ['--note', "it's"])).toBe(`node bench/src/run.mjs --note 'it'\\''s'`);
  });
});

describe('a run of some workloads joins the earlier run', () => {
  const earlier = {
    command: 'npm run bench', date: 'monday', reps: 5, only: WORKLOADS, a: { records: 1 }, c: [{ rows: 5 }], compile: { median: 300 },
    sizes: { a: 1_000_000, c: [1_000_000, 5_000_000] }, reduced: [],
  };

  it('replaces the workloads it measured and keeps the others with the command that measured them', () => {
    const now = { command: 'npm run bench -- --only compile', date: 'tuesday', reps: 5, only: ['compile'], compile: { median: 150 }, sizes: { a: 20_000, c: [50_000] }, reduced: [{ key: 'a', name: 'A', used: 20_000, full: 1_000_000 }] };
    const merged = mergeRuns(earlier, now);
    expect(merged.compile).toEqual({ median: 150 });
    expect(merged.a).toEqual({ records: 1 });
    expect(merged.c).toEqual([{ rows: 5 }]);
    expect(merged.runs).toEqual([
      { command: 'npm run bench -- --only compile', date: 'tuesday', reps: 5, workloads: ['compile'] },
      { command: 'npm run bench', date: 'monday', reps: 5, workloads: WORKLOADS.filter((w) => w !== 'compile') },
    ]);
    // A was not re-run: its full sizes stay, and the reduced size of this run does not apply to it.
    expect(merged.sizes.a).toBe(1_000_000);
    expect(merged.reduced).toEqual([]);
    expect(merged.only).toEqual(WORKLOADS);
  });

  it('does not name a run that measured nothing (a --resume after everything had finished)', () => {
    const merged = mergeRuns(earlier, { command: 'npm run bench -- --resume', date: 'tuesday', reps: 5, only: [], sizes: earlier.sizes, reduced: [] });
    expect(merged.runs).toEqual([{ command: 'npm run bench', date: 'monday', reps: 5, workloads: WORKLOADS }]);
    expect(merged.a).toEqual({ records: 1 });
  });

  it('keeps only the newest run when it measured everything the earlier one did', () => {
    const now = { ...earlier, date: 'tuesday', a: { records: 2 } };
    const merged = mergeRuns(earlier, now);
    expect(merged.a).toEqual({ records: 2 });
    expect(merged.runs).toEqual([{ command: 'npm run bench', date: 'tuesday', reps: 5, workloads: WORKLOADS }]);
  });
});
