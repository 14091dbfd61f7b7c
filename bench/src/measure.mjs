/**
 * Timing contenders side by side: every repetition runs every contender
 * once, in a rotating order (so none always runs first or last); ratios are
 * taken per repetition against the baseline's time in that same repetition,
 * then summarised by their median and their spread (lowest to highest).
 */

/** The median of a list of numbers. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median, lowest and highest of a list. */
export function summary(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Per repetition, how fast each contender is compared with the baseline
 * (baseline time ÷ contender time: 0.5 means half as fast). With `counts`
 * (records per repetition by contender, when they differ), per record: the
 * baseline's time per record ÷ the contender's.
 */
export function pairedRatios(timesByName, baseline, counts = {}) {
  const per = (name, t) => t / (counts[name] ?? 1);
  const base = timesByName[baseline];
  const out = {};
  for (const [name, times] of Object.entries(timesByName)) out[name] = summary(times.map((t, i) => per(baseline, base[i]) / per(name, t)));
  return out;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Run `contenders` ({ name, run, warm? }) `reps` times each after one untimed
 * warm-up round (`warm` instead of `run` when given: a shorter body that
 * warms the same code). `run` may be async. Returns times in ms per contender.
 */
export async function race(contenders, { reps = 5, warmup = true, log = () => {} } = {}) {
  const times = Object.fromEntries(contenders.map((c) => [c.name, []]));
  const rounds = reps + (warmup ? 1 : 0);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(k + r) % contenders.length];
      // Untimed set-up and tear-down around each timed run (e.g. a pool of records decoded in advance).
      await c.before?.();
      globalThis.gc?.();
      const start = now();
      const cpuBefore = process.cpuUsage();
      await (warmup && r === 0 && c.warm ? c.warm : c.run)();
      const ms = now() - start;
      const cpu = process.cpuUsage(cpuBefore);
      await c.after?.();
      if (!warmup || r > 0) times[c.name].push(ms);
      // CPU time next to wall time: on a shared machine it says what an idle one would take.
      log(`  ${c.name}: ${ms.toFixed(0)} ms (${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU)${warmup && r === 0 ? ' (warm-up)' : ''}`);
    }
  }
  return times;
}

/** "0.46× (0.41–0.52)" */
export function formatRatio({ median: m, min, max }) {
  const f = (x) => (x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2));
  return `${f(m)}× (${f(min)}–${f(max)})`;
}

/** Items per second from a count and a time in ms. */
export function perSecond(count, ms) {
  return Math.round((count * 1000) / ms);
}
