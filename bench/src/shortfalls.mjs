/**
 * Why a target falls short, one sentence per target, read from a CPU profile
 * (`node --cpu-prof`) of that workload. docs/benchmarks.md prints the
 * sentence under the targets table for every target the run did not meet, so
 * each shortfall comes with its reason. Keys are the ones report.mjs passes
 * to `target()`; a target met in a run prints nothing, so a stale sentence
 * does no harm, but update it when a profile says something new.
 *
 * Keys: a-decode-evaluate, a-evaluate, b1-find, b2-full, e2e-a, e2e-b,
 * peak-memory, c-duckdb, jobs-a, jobs-b, cold-start, big-time, big-memory, compile.
 */
export const SHORTFALLS = {
  'a-decode-evaluate':
    'decoding is most of the time: the generated decoder coerces each of the report’s fields (rates written as "2.5%", dates with zones) and builds a new object per record, where the floor reads four numbers from the parsed JSON.',
  'e2e-a':
    'the command does more than read and parse: it decodes every field of every record, evaluates four rules and builds a result per record for the report, all on one thread.',
  'c-duckdb':
    'DuckDB scans the CSV with all cores in C++; our single thread spends about 40% of its time in csv-parse and most of the rest turning text cells into dates and numbers.',
  'jobs-a':
    'with --jobs the main thread reads and JSON.parses every record and ships it to a worker thread, which costs about as much as checking it there.',
  'jobs-b':
    'with --jobs the main thread reads and JSON.parses every message and ships it to a worker thread, which costs about as much as checking it there.',
};
