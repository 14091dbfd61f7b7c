/**
 * What a run says about itself in docs/benchmarks.md: the command line as it
 * was typed, and, when only some workloads ran (`--only`), how its results
 * join those of the earlier run kept in bench/last-run.json.
 */

/** Every workload, in the order a run measures them; each one's results are kept under its name. */
export const WORKLOADS = ['a', 'b1', 'b2', 'c', 'csv', 'e2e', 'cold', 'big', 'bundle', 'compile', 'profile', 'engines'];

/** The workload each size (bench/src/sizes.mjs) belongs to. */
const SIZE_WORKLOAD = { a: 'a', aPool: 'a', aOthers: 'a', aSlow: 'a', b1: 'b1', b2: 'b2', c: 'c', e2eA: 'e2e', e2eB: 'e2e', bigMb: 'big', profile: 'profile', csv: 'csv', engines: 'engines' };

const quote = (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);

/**
 * The command line that started this run: the BENCH_* variables, then `npm run bench -- …`
 * when npm ran it (the arguments npm's script adds itself, such as --write, left out), or
 * `node bench/src/run.mjs …`.
 */
export function commandLine(env, argv) {
  const vars = Object.entries(env)
    .filter(([k, v]) => k.startsWith('BENCH_') && v) // an empty variable changes nothing
    .map(([k, v]) => `${k}=${quote(v)} `)
    .join('');
  const script = env.npm_lifecycle_script?.trim().split(/\s+/) ?? [];
  const at = script.findIndex((t) => t.endsWith('run.mjs'));
  const own = at >= 0 ? script.slice(at + 1) : null;
  if (env.npm_lifecycle_event && own && own.every((t, i) => argv[i] === t)) {
    const extra = argv.slice(own.length);
    const workspace = env.npm_package_name === '@sellguard/bench' ? ' -w bench' : '';
    return `${vars}npm run ${env.npm_lifecycle_event}${workspace}${extra.length ? ` -- ${extra.map(quote).join(' ')}` : ''}`;
  }
  return `${vars}node bench/src/run.mjs${argv.length ? ` ${argv.map(quote).join(' ')}` : ''}`;
}

/** The workloads a recorded run measured (runs recorded before `only` existed measured what they hold). */
const measured = (run) => run.only ?? WORKLOADS.filter((w) => run[w] !== undefined);

/** The runs behind a record, each with the workloads it measured. */
const runsOf = (record) => record.runs ?? [{ command: record.command, date: record.date, reps: record.reps, workloads: measured(record) }];

/**
 * `current` (a run of some workloads) joined with `previous` (the record of earlier runs):
 * every workload `current` measured comes from it, every other one from `previous`. `runs`
 * lists which command measured which workloads, newest first; `reduced` keeps each size
 * that differed from the full run for the workloads still shown.
 */
export function mergeRuns(previous, current) {
  const now = measured(current);
  const kept = measured(previous).filter((w) => !now.includes(w));
  if (kept.length === 0) return { ...current, runs: runsOf(current) };
  const merged = { ...current, only: WORKLOADS.filter((w) => now.includes(w) || kept.includes(w)) };
  for (const w of kept) merged[w] = previous[w];
  const earlier = runsOf(previous)
    .map((run) => ({ ...run, workloads: run.workloads.filter((w) => kept.includes(w)) }))
    .filter((run) => run.workloads.length > 0);
  merged.runs = [...runsOf(current), ...earlier].filter((run) => run.workloads.length > 0);
  merged.reduced = [
    ...(current.reduced ?? []).filter((r) => now.includes(SIZE_WORKLOAD[r.key])),
    ...(previous.reduced ?? []).filter((r) => kept.includes(SIZE_WORKLOAD[r.key])),
  ];
  merged.sizes = { ...previous.sizes, ...current.sizes };
  for (const [key, w] of Object.entries(SIZE_WORKLOAD)) if (kept.includes(w) && previous.sizes?.[key] !== undefined) merged.sizes[key] = previous.sizes[key];
  return merged;
}
