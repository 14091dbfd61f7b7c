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
    'JSON.parse is about 42% of the time for us and the floor alike; of the rest, garbage collection is 12% and writing the messages of violations (dates, rates) about 9%: 96% of these reports fail a rule, and each violation gets a sentence, where the floor returns rule names.',
  'e2e-a':
    'the command writes what the benchmark’s reader does not: 96% of these reports fail, so the JSON report is about as big as the input (158 MB for 100,000 reports), and turning results into JSON is about 15% of the run, next to JSON.parse (16%), garbage collection (10%) and UTF-8 decoding (6%).',
  'c-duckdb':
    'DuckDB scans the CSV with all cores in C++; our single thread now cuts rows with its own tokenizer (about 3.9× csv-parse\'s speed, level with udsv in the "CSV parsers" table, and about 11% of a `sellguard check` profile of 200,000 rows), and spends the rest turning text cells into dates and numbers, running the metric plan, collecting garbage (about 13%) and starting up (loading the program, about 12% at this size).',
  'jobs-a':
    'each thread reads and checks its own pieces of the file, but 96% of these reports fail, and the main thread still turns every result into the JSON report (a 158 MB report for 100,000 reports, about a quarter of one thread’s work, so two cores can give at most about 1.6×), while each thread also loads the policy (from the cache of compiled policies) and collects its own heap.',
  'jobs-b':
    'each thread reads and checks its own pieces of the file; under 64 KB, and for standard input, a file is read on one thread, and each thread first loads the policy and builds its phrase lists and spelling dictionary, which a small file does not win back.',
  'b1-find':
    'the patterns themselves now cost what the floor’s do (every pattern runs on V8’s RegExp); what remains is decoding each message into a typed record, the list of matches kept for each violation, and the sentence written for the quarter of messages that break a rule, where the floor returns a yes or no.',
  'b2-full':
    'each message goes through ten phrase lists one after another, the speller over every word, and the link, e-mail, phone and opt-out detectors, some of which scan the text again inside other detectors; garbage collection is about 12%. Reaching 0.1× needs one shared pass over each field for all lists and detectors.',
  'e2e-b':
    'on small inputs the time is mostly start-up (see cold start) and then reading, decoding and the report; evaluating the five patterns is a small part of a run.',
  'cold-start':
    'with the compiled policy read from the cache, the rest of the start is: building the ten phrase lists and patterns of buyer-messaging (about 20%), expanding the spelling dictionary (about 19%), compiling 2.6 MB of bundled JavaScript (about 15%; Node 20 has no compile cache for ES modules) and garbage collection (about 12%).',
  'big-time':
    'about a second is start-up (the spelling dictionary, the policy); the rest is ten phrase-list passes, spelling about 1.7 million words and bookkeeping for every sentence (184,000 in 10 MB); each is linear (npm run test:growth), but the constant is too high.',
  'big-memory':
    'the sentence objects, the answers shared between rules for each sentence, the spelling word positions and the reader’s copies of the line are all held at once for the one record.',
  'peak-memory':
    'the peak is at 1,000,000 order rows (200,000 rows stay at about 150 MB); the reader that csv-parse drove before reached the same peak, so it grows in the metric run or the report rather than the reader, and it is not yet profiled.',
  'compile':
    'parsing with Chevrotain is about half of compiling the 2,000-rule policy and the checker about a quarter; nothing in the checker, intermediate form or code generator grows faster than the policy.',
};
