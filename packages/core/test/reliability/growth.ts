/**
 * How a scan's time grows when its text doubles: the median of several runs at 2N divided by the median
 * at N, after warm-up runs (the first runs compile regexes and optimise code). Linear growth gives about 2,
 * quadratic about 4; tests allow generous room between the two, since the machine may be busy.
 * Every run gets a text of its own (a different last line), so no scan's memory of its last input
 * answers for it.
 */
export function growthRatio(run: (text: string) => unknown, make: (n: number) => string, n: number, runs = 7): number {
  // A burst of other work can inflate one measurement, never deflate a quadratic scan's ratio below 3:
  // the least of up to three measurements, stopping at the first that is clearly linear.
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best >= 2.5; attempt++) best = Math.min(best, measureGrowth(run, make, n, runs));
  return best;
}

function measureGrowth(run: (text: string) => unknown, make: (n: number) => string, n: number, runs: number): number {
  const small = make(n);
  const large = make(2 * n);
  let serial = 0;
  const fresh = (text: string): string => `${text}\n${++serial}`;
  for (let i = 0; i < 2; i++) {
    run(fresh(small));
    run(fresh(large));
  }
  const median = (text: string): number => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const input = fresh(text);
      const t0 = performance.now();
      run(input);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[runs >> 1]!;
  };
  // Interleaved, so a burst of other work on the machine hits both sizes alike.
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 3; i++) {
    a.push(median(small));
    b.push(median(large));
  }
  a.sort((x, y) => x - y);
  b.sort((x, y) => x - y);
  return b[1]! / Math.max(a[1]!, 0.5);
}
