/**
 * Runs contenders that check one record at a time over the same pool of
 * JSON text lines: first an agreement check on a sample (every contender
 * must find the same violations as the baseline, or the run stops), then
 * timed repetitions of `total` records, cycling through the pool.
 */
import { race } from '../measure.mjs';

/** A violation list as a comparable key: its rule@path pairs, sorted. */
export const keyOf = (violations) => violations.map((v) => `${v.rule}@${v.path}`).sort().join(' ');

export async function checkAgreement(contenders, pool, sample, keyFn = keyOf) {
  const [baseline, ...others] = contenders;
  const n = Math.min(sample, pool.length);
  const expected = [];
  for (let i = 0; i < n; i++) expected.push(keyFn(await resultOf(baseline, pool[i])));
  let violations = 0;
  for (const e of expected) if (e) violations++;
  for (const c of others) {
    if (c.noAgreement) continue;
    for (let i = 0; i < n; i++) {
      const got = keyFn(await resultOf(c, pool[i]));
      if (got !== expected[i]) throw new Error(`${c.name} disagrees with ${baseline.name} on record ${i}:\n  ${got}\n  ${expected[i]}\n  ${pool[i].slice(0, 400)}`);
    }
  }
  return { sample: n, withViolations: violations };
}

async function resultOf(c, line) {
  if (c.checkDecoded) return c.checkDecoded(c.prepare(line));
  if (c.checkAsync) return c.checkAsync(line);
  return c.check(line);
}

/** A timed body for one contender: `total` records from the pool, returning how many violations it saw. */
function body(c, pool, total) {
  if (c.checkAsync) {
    return async () => {
      let found = 0;
      for (let i = 0; i < total; i++) found += (await c.checkAsync(pool[i % pool.length])).length;
      return found;
    };
  }
  return () => {
    let found = 0;
    for (let i = 0; i < total; i++) found += (c.check(pool[i % pool.length])?.length ?? 0);
    return found;
  };
}

/**
 * `recordsFor(contender)` (optional) gives a contender fewer records per
 * repetition than `total`; `counts` in the result says how many each had. The
 * warm-up round runs each contender over the pool once (at most `total`).
 */
export async function runLines(contenders, pool, { total, reps, sample = 2000, keyFn = keyOf, log, recordsFor = () => total }) {
  const agreement = await checkAgreement(contenders, pool, sample, keyFn);
  log?.(`  agreement on ${agreement.sample} records (${agreement.withViolations} with violations)`);
  const counts = Object.fromEntries(contenders.map((c) => [c.name, recordsFor(c)]));
  const timed = contenders.map((c) => timedContender(c, pool, counts[c.name]));
  const times = await race(timed, { reps, log });
  return { times, agreement, counts };
}

/**
 * What `race` times for one contender. A contender that starts from records it
 * decoded in advance (`prepare`, then `checkDecoded`) gets its pool decoded just
 * before each of its timed runs and dropped right after: holding every such
 * contender's pool of 100,000 decoded records at once grew the benchmark's heap
 * to about 2 GB, where each young-generation collection of whoever allocates
 * costs several times more than in any real run, which never holds such pools.
 */
function timedContender(c, pool, count) {
  if (!c.checkDecoded) return { name: c.name, run: body(c, pool, count), warm: body(c, pool, Math.min(count, pool.length)) };
  let prepared = null;
  const loop = (n) => () => {
    let found = 0;
    for (let i = 0; i < n; i++) found += c.checkDecoded(prepared[i % prepared.length]).length;
    return found;
  };
  return {
    name: c.name,
    before: () => {
      prepared = pool.map((line) => c.prepare(line));
    },
    after: () => {
      prepared = null;
    },
    run: loop(count),
    warm: loop(Math.min(count, pool.length)),
  };
}
