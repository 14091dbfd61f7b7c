/**
 * How long each workload should take, to print a plan before a long run and
 * a time left while it goes. The costs are CPU times per record measured on
 * the 2-core benchmark machine (Node 20) with `--reps 1` at reduced sizes;
 * an idle machine of that kind takes about this long, a shared one longer
 * (the progress line rescales the rest of the plan by how the finished
 * workloads compared with their estimates).
 */

const US = 1e-6;

/** Seconds for one workload at these sizes and repetitions. */
export function estimateSeconds(workload, sizes, reps) {
  const rounds = reps + 1; // one untimed warm-up round
  switch (workload) {
    case 'a': {
      // Per report, all contenders of a pace together: Sellguard's four paths and the floor's two; zod, ajv and cel-js; the three slow ones.
      const pool = sizes.aPool;
      const paced = (count, us) => (count * reps + Math.min(count, pool)) * us * US;
      return 5 + pool * 20 * US + paced(sizes.a, 44) + paced(Math.min(sizes.aOthers, sizes.a), 37) + paced(Math.min(sizes.aSlow, sizes.a), 523);
    }
    case 'b1':
      return 2 + sizes.b1 * 32 * US * rounds;
    case 'b2':
      return 2 + sizes.b2 * 150 * US * rounds;
    case 'c':
      // Per row: generating the file, Sellguard and DuckDB once per repetition, then `sellguard check` for its memory peak.
      return sizes.c.reduce((s, rows) => s + 2 + rows * (12 + 10 * reps + 8) * US, 0);
    case 'csv':
      return 2 + sizes.csv * (12 + 25 * rounds) * US;
    case 'e2e':
      // Eight processes a round, each about 0.35 s to start; per report: reading, three `check` runs.
      return rounds * (8 * 0.35 + sizes.e2eA * 115 * US + sizes.e2eB * 20 * US);
    case 'cold':
      return (Math.max(reps, 5) + 1) * 1.3;
    case 'big':
      return sizes.bigMb.reduce((s, mb) => s + 1.5 + mb * 0.3, 0);
    case 'compile':
      return 2 + (reps + 2) * 0.35;
    case 'profile':
      return 3 + sizes.profile * 30 * US;
    case 'bundle':
      return 1;
    case 'engines':
      // Generating the file, starting two ClickHouse servers, four engines through `sellguard check`.
      return 10 + sizes.engines * 120 * US;
    default:
      return 0;
  }
}

/** "4 min", "35 s" */
export function formatDuration(seconds) {
  if (seconds >= 90) return `${Math.round(seconds / 60)} min`;
  return `${Math.max(1, Math.round(seconds))} s`;
}

/**
 * Progress through a plan of workloads: `start(w)` prints which one runs now,
 * its estimate and the time left for the run, rescaled by how long the
 * finished ones took against their estimates. `onFinish(workload)` is called
 * as each one ends.
 */
export function progress(plan, log, clock = () => performance.now() / 1000, onFinish = () => {}) {
  const began = clock();
  let estimatedDone = 0;
  let index = 0;
  let current = null;
  let startedAt = 0;
  /** Seconds each finished workload took. */
  const took = {};
  const finish = () => {
    if (current) {
      estimatedDone += current.seconds;
      took[current.workload] = clock() - startedAt;
      onFinish(current.workload);
    }
    current = null;
  };
  return {
    start(workload) {
      finish();
      current = plan.find((p) => p.workload === workload) ?? { workload, seconds: 0 };
      index++;
      startedAt = clock();
      const elapsed = startedAt - began;
      const pace = estimatedDone > 0 ? elapsed / estimatedDone : 1;
      const left = plan.slice(plan.indexOf(current)).reduce((s, p) => s + p.seconds, 0) * pace;
      log(`[${index}/${plan.length}] ${workload}: about ${formatDuration(current.seconds * pace)}; ${formatDuration(elapsed)} so far, about ${formatDuration(left)} left`);
    },
    finish,
    took,
  };
}
