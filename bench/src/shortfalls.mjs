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
    'JSON.parse is about 42% of the time for us and the floor alike; of the rest, garbage collection and writing the sentence of each violation (dates, rates) weigh most: 96% of these reports fail a rule, and each violation gets a sentence, where the floor returns rule names.',
  'e2e-a':
    'a --jobs 1 profile shows reading and JSON.parse of each line at about 15–21% (the floor does the same), reading the file and decoding its UTF-8 about 14%, garbage collection 7–12% and writing violation sentences and the JSON report about 10%: 96% of these reports fail, so the report is about as big as the input, which the floor never writes.',
  'c-duckdb':
    'DuckDB scans the CSV with every core in C++; our single thread spends about a quarter of a 1,000,000-row profile on garbage collection (about 8% by --trace-gc, so the profiler overstates it), and the rest on turning text into dates (about 7%), cutting rows (5%), the generated decoder and metric code (about 8%), and loading the policy for each repetition.',
  'jobs-a':
    'each thread now reads, checks and writes its own part of the JSON report and the main thread only copies text and adds up counts (about 75% idle in a --jobs 2 profile), but two threads take about 1.35× the CPU of one on 200,000 reports: each thread starts and warms up its own copy of the program (over a second under load) and spends 14–19% of its profile collecting garbage against 8–12% on one thread, so two cores give at most about 1.45×.',
  'jobs-b':
    'on a file this small the run is mostly start-up: threads now start while the policy loads, but each still loads and warms up its own copy of the program and the phrase lists, which a few 2 MB pieces do not win back.',
  'b1-find':
    "a message whose text lacks a pattern's required words is answered with one native search, so most messages never run most patterns; what remains is decoding each message into a typed record, the list of matches kept for each violation and the sentence written for the quarter of messages that break a rule, where the floor returns a yes or no.",
  'b2-full':
    "all ten phrase lists are now found in one pass over a text and links and addresses once per record, and the profile is flat with no single hot spot: garbage collection about 9%, the speller's word walk about 6%, then the links pattern, libphonenumber, the opt-out detector, settling phrase candidates, and each record's bookkeeping (maps of shared scans, sentence objects); reaching 0.1× needs fewer objects per record rather than fewer scans.",
  'e2e-b':
    'on small inputs the time is mostly start-up (see cold start) and then reading, decoding and the report; evaluating the five patterns is a small part of a run.',
  'cold-start':
    "with the compiled policy read from the cache, the spelling table prepared at build time and the program read from V8's code cache, a check of 10 messages uses about 0.28 s of CPU (was 0.55 s) against 0.05 s for node -e 0; the rest is loading core's modules (the zod schemas of the project config and baseline, the detectors' data: libphonenumber's metadata, linkify, entities), assembling buyer-messaging (building its phrase lists and checking its patterns), the first run of the link, e-mail and phone detectors (V8 compiling them), reading the code cache (about 13 ms) and garbage collection (about 10%); a policy without text rules starts faster.",
  'big-time':
    'about half a second is start-up; of the rest, spelling is about 14%, phrase scans of sentences for lists that no two rules share about 12%, the per-sentence maps of shared scans about 11%, garbage collection 9% and the find() patterns that do run on the whole text about 10%; time grows linearly (npm run test:growth) but each sentence is still an object.',
  'big-memory':
    "each sentence of the message is an object, registered in a map of shared scans for the record (about 37 MB at 10 MB), and the sentence objects, the answers shared between rules for each sentence, the speller's word positions and the reader's copy of the line are all held at once for the one record.",
  'peak-memory':
    'the highest peak is the largest order report; until this round `--engine auto` handed order reports of 64 MB or more to DuckDB, whose own memory made the 242 MB measured at 1,000,000 rows; the JavaScript engine now checks every CSV, TSV and JSON lines file and stays at about 135 MB at 1,000,000 rows and 165 MB at 5,000,000, with the heap kept after each collection flat at 16–18 MB (npm run test:growth); resident memory still rises slowly with size because V8 lets the old generation grow before a full collection.',
  'compile':
    'a warm compile takes about 160 ms of CPU (was about 260): parsing is about half (Chevrotain\'s syntax tree about 47 ms, building the policy\'s tree about 20, cutting tokens 5), checking about 30 (of which checking the 500 patterns with RE2 about 5), writing the evaluator about 20 and loading it about 10; garbage collection is about 30% of all of it, mostly the tokens and syntax tree held while parsing; when the measured time is above the CPU time, the machine was busy; nothing grows faster than the policy.',
  'a-evaluate':
    "each evaluation allocates its violations and their sentences, where the floor's checks return rule names; the gap grows with the heap the process holds (a benchmark holding every contender's decoded pool at once measured 0.8× where the same loop alone measures 2.8×, so each contender's pool is now decoded just before its own timed runs).",
};
