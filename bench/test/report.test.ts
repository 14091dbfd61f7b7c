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
    expect(short).toContain('| compile the 2,000-rule policy (warm) | 2,000 rules | ≤ 200 ms | 300 ms | short by 1.5× |');
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

/** A workload A result: the floor 100 ms for `records`, Sellguard twice as slow, Cedar on `slowRecords` at 1 ms a report. */
function workloadA(records: number, slowRecords: number) {
  const names = ['hand-written JavaScript (floor)', 'Sellguard decode + evaluate', 'Sellguard evaluate alone', 'hand-written checks alone (floor, parsed)', '@cedar-policy/cedar-wasm'];
  const times = { [names[0]]: [100], [names[1]]: [200], [names[2]]: [50], [names[3]]: [40], [names[4]]: [slowRecords] };
  const counts = Object.fromEntries(names.map((name) => [name, name === names[4] ? slowRecords : records]));
  const r = (x: number) => ({ median: x, min: x, max: x });
  // Per report: the floor 100 / records ms; Cedar 1 ms.
  const ratios = { [names[0]]: r(1), [names[1]]: r(0.5), [names[2]]: r(2), [names[3]]: r(2.5), [names[4]]: r(100 / records) };
  return { times, counts, ratios, records, pool: 1000, agreement: { sample: 1000, withViolations: 900 }, evaluateVsChecks: r(0.8) };
}

describe('the report says what was measured at which size', () => {
  it('gives the size of every target it measured', () => {
    const doc = renderReport({
      ...base,
      a: workloadA(1_000_000, 20_000),
      c: [{ rows: 5_000_000, fileMb: 795.2, answers: { x: '1/2' }, times: { DuckDB: [1000], 'Sellguard (JavaScript engine)': [2500] }, ratios: { 'Sellguard (JavaScript engine)': { median: 0.4, min: 0.4, max: 0.4 } }, cliRssMb: 150 }],
      big: [{ mb: 40, bodyMb: 40, seconds: 3.5, rssMb: 250 }],
    });
    expect(doc).toContain('| A: decode + evaluate vs the floor | 1,000,000 reports per repetition | ≥ 0.50× | 0.50× | met |');
    expect(doc).toContain('| C: JavaScript engine vs DuckDB, 5,000,000 rows | 5,000,000 rows, 795 MB | ≥ 0.50× | 0.40× | short by 1.3× |');
    expect(doc).toContain('| one 40 MB message: time (0.1 s per MB: 1 s for 10 MB) | 40 MB body | ≤ 4.0 s | 3.5 s | met |');
    // 200 MB + 3 × 40 MB = 320 MB.
    expect(doc).toContain('| one 40 MB message: peak memory | 40 MB body | ≤ 320 MB | 250 MB | met |');
    expect(doc).toContain('| B1: find() vs the RegExp floor | – | ≥ 0.80× | not measured in this run | – |');
  });

  it('lists the slow contenders of A with their own number of reports and says the ratio is per report', () => {
    const doc = renderReport({ ...base, a: workloadA(1_000_000, 20_000) });
    expect(doc).toContain('| contender | reports per repetition | median time | reports per second | speed per report vs the floor (median, lowest–highest) |');
    // Cedar: 20,000 reports in 20,000 ms = 1,000 a second; 0.0001× the floor per report.
    expect(doc).toContain('| @cedar-policy/cedar-wasm | 20,000 | 20.0 s | 1,000 | 0.00010× (0.00010–0.00010) |');
    expect(doc).toContain('| Sellguard decode + evaluate | 1,000,000 | 200 ms | 5,000,000 | 0.50× (0.50–0.50) |');
    expect(doc).toContain('their speed is compared per report');
    // Every contender on the same reports: the plain table.
    const same = renderReport({ ...base, a: workloadA(20_000, 20_000) });
    expect(same).toContain('| contender | median time | reports per second | speed vs the floor (median, lowest–highest) |');
    expect(same).not.toContain('compared per report');
  });

  it('reports the peak memory of every check and holds the largest record input to 200 MB', () => {
    const doc = renderReport({
      ...base,
      e2e: { A: { ...e2e(0.9), records: 200_000, fileMb: 356, rss: { 'sellguard check': [150, 180, 170] } }, B: e2e(0.9) },
      c: [1_000_000, 5_000_000].map((rows, i) => ({ rows, fileMb: 159 * (i * 4 + 1), answers: {}, times: { DuckDB: [1], 'Sellguard (JavaScript engine)': [1] }, ratios: { 'Sellguard (JavaScript engine)': { median: 1, min: 1, max: 1 } }, cliRssMb: [190, 240][i] })),
      big: [{ mb: 40, bodyMb: 40, seconds: 3, rssMb: 300 }],
    });
    expect(doc).toContain('| end to end A: reports (JSONL) | 200,000 records, 356 MB | 180 MB | 200 MB |');
    expect(doc).toContain('| C: order report (CSV) | 5,000,000 rows, 795 MB | 240 MB | 200 MB |');
    expect(doc).toContain('| one large message (JSONL) | 40 MB body | 300 MB | 320 MB |');
    // The 300 MB of the large message has its own limit; the largest record input is the 5M-row report.
    expect(doc).toContain('| C: order report (CSV), 5,000,000 rows, 795 MB | ≤ 200 MB | 240 MB | short by 1.2× |');
  });

  it('says plainly when sizes are reduced, and which', () => {
    const doc = renderReport({ ...base, command: 'BENCH_A=20000 npm run bench -- --quick', reduced: [{ key: 'a', name: 'A: reports per repetition', used: 20_000, full: 1_000_000 }, { key: 'c', name: 'C: order report rows', used: [50_000, 100_000], full: [1_000_000, 5_000_000] }] });
    expect(doc).toContain('Measured with `BENCH_A=20000 npm run bench -- --quick` on today');
    expect(doc).toContain("**These are reduced sizes, not the full benchmark's**");
    expect(doc).toContain('- A: reports per repetition: 20,000 (full run: 1,000,000)');
    expect(doc).toContain('- C: order report rows: 50,000, 100,000 (full run: 1,000,000, 5,000,000)');
    expect(renderReport(base)).not.toContain('reduced sizes');
  });

  it('says how long the run took, workload by workload', () => {
    // 420 + 480 + 30 s = 930 s, about 16 minutes.
    const doc = renderReport({ ...base, took: { a: 420, c: 480, compile: 30 } });
    expect(doc).toContain('The run took 16 min: A 7 min, C 8 min, compiling 30 s.');
  });

  it('names the command behind each workload when they come from different runs', () => {
    const doc = renderReport({
      ...base,
      only: ['a', 'compile'],
      compile: { median: 150, min: 140, max: 160 },
      runs: [
        { command: 'npm run bench -- --only compile', date: 'today', reps: 5, workloads: ['compile'] },
        { command: 'npm run bench', date: 'yesterday', reps: 5, workloads: ['a'] },
      ],
    });
    expect(doc).toContain('- `npm run bench -- --only compile` on today: compiling');
    expect(doc).toContain('- `npm run bench` on yesterday: A');
    expect(doc).toContain('Not measured: B1, B2, C, CSV parsers, end to end, cold start, one large message, playground download size, CPU profile, SQL engines.');
  });
});
