/**
 * docs/benchmarks.md from one run's results: the machine, the command, the
 * targets (met, or by how much they fall short), then every workload with
 * every ratio and its spread, memory, cold start, text-size scaling and a
 * CPU profile reading.
 */
import { formatRatio, median, perSecond } from './measure.mjs';
import { renderBundleSizes } from './workloads/bundle-size.mjs';
import { SHORTFALLS } from './shortfalls.mjs';
import { WORKLOADS } from './run-record.mjs';
import { formatDuration } from './estimate.mjs';

const n = (x) => Math.round(x).toLocaleString('en-US');
const ms = (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${n(x)} ms`);

function contenderTable(run, count, unit) {
  // Runs where some contenders had fewer records per repetition say how many each had.
  const counts = run.counts && new Set(Object.values(run.counts)).size > 1 ? run.counts : null;
  const rows = counts
    ? [`| contender | ${unit} per repetition | median time | ${unit} per second | speed per report vs the floor (median, lowest–highest) |`, '| --- | ---: | ---: | ---: | ---: |']
    : [`| contender | median time | ${unit} per second | speed vs the floor (median, lowest–highest) |`, '| --- | ---: | ---: | ---: |'];
  for (const [name, times] of Object.entries(run.times)) {
    const m = median(times);
    const c = counts?.[name] ?? count;
    rows.push(`| ${name} |${counts ? ` ${n(c)} |` : ''} ${ms(m)} | ${n(perSecond(c, m))} | ${formatRatio(run.ratios[name])} |`);
  }
  return rows.join('\n');
}

/** "1 MB", "795 MB", "1.2 GB" */
const mb = (x) => (x >= 1000 ? `${(x / 1000).toFixed(1)} GB` : x >= 10 ? `${n(x)} MB` : `${x.toFixed(1)} MB`);

/**
 * The peak memory of every `sellguard check` the run started, by input: the end-to-end files,
 * each order report of C, the cold start and each large message (which has its own limit).
 */
export function memoryRuns(r) {
  const runs = [];
  for (const [key, e] of Object.entries(r.e2e ?? {}))
    runs.push({ input: key === 'A' ? 'end to end A: reports (JSONL)' : 'end to end B: messages (JSONL)', size: `${n(e.records)} records, ${mb(e.fileMb)}`, rssMb: Math.max(...e.rss['sellguard check']), limitMb: 200 });
  for (const c of r.c ?? []) runs.push({ input: 'C: order report (CSV)', size: `${n(c.rows)} rows, ${mb(c.fileMb)}`, rssMb: c.cliRssMb, limitMb: 200 });
  if (r.cold) runs.push({ input: 'cold start: buyer messages (JSONL)', size: '10 records', rssMb: Math.max(...r.cold.rss['sellguard check (10 messages)']), limitMb: 200 });
  for (const b of r.big ?? []) runs.push({ input: 'one large message (JSONL)', size: `${b.mb} MB body`, rssMb: b.rssMb, limitMb: 200 + 3 * b.mb, large: true });
  return runs;
}

/**
 * One target line: what was measured against what was asked. `key` names the
 * target in shortfalls.mjs; a target that falls short is listed under the
 * table with the reason written there (`short` collects them).
 */
function target(short, key, what, at, measured, goal, higherIsBetter, show = (x) => `${x >= 0.1 ? x.toFixed(2) : x.toPrecision(2)}×`) {
  if (measured === undefined) return `| ${what} | – | ${higherIsBetter ? '≥' : '≤'} ${show(goal)} | not measured in this run | – |`;
  const met = higherIsBetter ? measured >= goal : measured <= goal;
  const gap = higherIsBetter ? goal / measured : measured / goal;
  if (!met) short.push({ key, what });
  return `| ${what} | ${at} | ${higherIsBetter ? '≥' : '≤'} ${show(goal)} | ${show(measured)} | ${met ? 'met' : `short by ${gap.toFixed(1)}×`} |`;
}

/** The header's first lines: the command (or the commands, when workloads come from different runs) and any reduced sizes. */
function provenance(r) {
  const m = r.machine;
  const lines = [];
  const runs = r.runs ?? [{ command: r.command, date: r.date, workloads: r.only }];
  if (runs.length === 1) lines.push(`Measured with \`${r.command}\` on ${r.date}: ${m.cpus} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}.`);
  else {
    lines.push(`Measured on ${m.cpus} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}, in ${runs.length} runs (a run of some workloads replaces only theirs):`, '');
    for (const run of runs) lines.push(`- \`${run.command}\` on ${run.date}${run.reps && run.reps !== r.reps ? ` (${run.reps} repetitions)` : ''}: ${run.workloads.map(workloadName).join(', ')}`);
    lines.push('');
  }
  if (r.took && runs.length === 1) {
    const total = Object.values(r.took).reduce((a, b) => a + b, 0);
    lines.push(`The run took ${formatDuration(total)}: ${Object.entries(r.took).map(([w, t]) => `${workloadName(w)} ${formatDuration(t)}`).join(', ')}.`);
  }
  const notRun = WORKLOADS.filter((w) => r.only && !r.only.includes(w));
  if (notRun.length) lines.push(`Not measured: ${notRun.map(workloadName).join(', ')}.`);
  if (r.reduced?.length) {
    lines.push('', `**These are reduced sizes, not the full benchmark's** (\`npm run bench\` with no BENCH_* variables and no --quick measures the full ones):`, '');
    for (const x of r.reduced) lines.push(`- ${x.name}: ${[x.used].flat().map(n).join(', ')} (full run: ${[x.full].flat().map(n).join(', ')})`);
    lines.push('');
  }
  return lines.join('\n');
}

const WORKLOAD_NAMES = { a: 'A', b1: 'B1', b2: 'B2', c: 'C', csv: 'CSV parsers', e2e: 'end to end', cold: 'cold start', big: 'one large message', bundle: 'playground download size', compile: 'compiling', profile: 'CPU profile', engines: 'SQL engines' };
const workloadName = (w) => WORKLOAD_NAMES[w] ?? w;

/** Why each target that falls short does (one sentence per target from shortfalls.mjs, said once per key). */
function shortfallNotes(short) {
  const keys = [...new Set(short.map((s) => s.key))];
  if (keys.length === 0) return [];
  const lines = ['Why the targets that fall short do (from CPU profiles; `bench/src/shortfalls.mjs`):', ''];
  for (const key of keys) {
    const names = short.filter((s) => s.key === key).map((s) => s.what);
    lines.push(`- ${names.join('; ')}: ${SHORTFALLS[key] ?? 'not yet profiled.'}`);
  }
  lines.push('');
  return lines;
}

/** A's note on the contenders timed on fewer reports than the others. */
function fewerRecords(a) {
  const fewer = Object.entries(a.counts ?? {}).filter(([, c]) => c < a.records);
  if (fewer.length === 0) return '';
  return `The slowest engines are timed on fewer reports per repetition (column "reports per repetition"), so that a full run
stays within about half an hour; their speed is compared per report: the floor's time per report in the same repetition
divided by theirs.
`;
}

export function renderReport(r) {
  const out = [];
  out.push(`# Benchmarks

${provenance(r)}
The machine was shared with other work, so absolute times move between runs; compare the ratios,
which are taken per repetition (every contender runs once per repetition, in rotating order) and
given as the median of ${r.reps} repetitions with the lowest and highest. Before anything is timed,
every contender is checked to give the same answers as the floor on a sample of the same records.
All data is generated by \`bench/src/data/\`, the same on every run.

"Speed vs the floor" is the floor's time divided by the contender's: 0.5× means half as fast.
The floor is what a careful engineer writes without Sellguard (it never calls our detectors).
Earlier runs and what changed between them: [benchmarks-history.md](benchmarks-history.md).
`);

  out.push('## Targets\n');
  out.push('| target | measured at | goal | measured | |', '| --- | --- | ---: | ---: | --- |');
  const short = [];
  const A = r.a?.ratios;
  const aAt = r.a && `${n(r.a.records)} reports per repetition`;
  out.push(target(short, 'a-decode-evaluate', 'A: decode + evaluate vs the floor', aAt, A?.['Sellguard decode + evaluate'].median, 0.5, true));
  out.push(target(short, 'a-evaluate', 'A: evaluate alone vs the floor', aAt, A?.['Sellguard evaluate alone'].median, 0.8, true));
  out.push(target(short, 'b1-find', 'B1: find() vs the RegExp floor', r.b1 && `${n(r.b1.records)} messages`, r.b1?.ratios['Sellguard find()'].median, 0.8, true));
  out.push(target(short, 'b2-full', 'B2: full buyer-messaging vs the B1 floor', r.b2 && `${n(r.b2.records)} messages`, r.b2?.ratios['Sellguard buyer-messaging'].median, 0.1, true));
  const e2eAt = (e) => e && `${n(e.records)} records, ${mb(e.fileMb)}`;
  out.push(target(short, 'e2e-a', 'end to end A: check vs read + JSON.parse', e2eAt(r.e2e?.A), r.e2e?.A.ratios['sellguard check'].median, 0.8, true));
  out.push(target(short, 'e2e-b', 'end to end B: check vs read + JSON.parse', e2eAt(r.e2e?.B), r.e2e?.B.ratios['sellguard check'].median, 0.5, true));
  const records = memoryRuns(r).filter((x) => !x.large);
  const peak = records.length ? records.reduce((a, b) => (b.rssMb > a.rssMb ? b : a)) : undefined;
  out.push(target(short, 'peak-memory', 'peak memory of check, any input size (the largest of the "Memory" table)', peak && `${peak.input}, ${peak.size}`, peak?.rssMb, 200, false, (x) => `${n(x)} MB`));
  for (const c of r.c ?? []) out.push(target(short, 'c-duckdb', `C: JavaScript engine vs DuckDB, ${n(c.rows)} rows`, `${n(c.rows)} rows, ${mb(c.fileMb)}`, c.ratios['Sellguard (JavaScript engine)'].median, 0.5, true));
  for (const [key, e] of Object.entries(r.e2e ?? {})) if (e.jobs) out.push(target(short, `jobs-${key.toLowerCase()}`, `end to end ${key}: check --jobs 2 vs --jobs 1`, e2eAt(e), e.jobs.median, 1.7, true));
  out.push(target(short, 'cold-start', 'cold start: check on 10 records vs node -e 0', '10 messages, compiled policy cached', r.cold ? 1 / r.cold.ratios['sellguard check (10 messages)'].median : undefined, 2, false));
  for (const b of r.big ?? []) {
    const limit = b.mb * 0.1;
    out.push(target(short, 'big-time', `one ${b.mb} MB message: time (0.1 s per MB: 1 s for 10 MB)`, `${b.mb} MB body`, b.seconds, limit, false, (x) => `${x >= 1 ? x.toFixed(1) : x.toFixed(2)} s`));
    out.push(target(short, 'big-memory', `one ${b.mb} MB message: peak memory`, `${b.mb} MB body`, b.rssMb, 200 + 3 * b.mb, false, (x) => `${n(x)} MB`));
  }
  out.push(target(short, 'compile', 'compile the 2,000-rule policy (warm)', '2,000 rules', r.compile?.median, 200, false, (x) => `${n(x)} ms`));
  out.push('');
  out.push(...shortfallNotes(short));

  if (r.a) {
    out.push(`## A: seller performance reports, the four rate rules

${n(r.a.records)} reports per repetition (cycling through ${n(r.a.pool ?? r.sizes.aPool)} distinct generated reports),
each starting from its JSON text: the order defect, pre-fulfillment cancellation, late shipment and
valid tracking rules of \`policies/account-health.policy\`. Contenders agreed on ${n(r.a.agreement.sample)}
reports (${n(r.a.agreement.withViolations)} with violations). "Evaluate alone" and "checks alone" start from
already decoded records; Sellguard's evaluation alone against the floor's checks alone: ${formatRatio(r.a.evaluateVsChecks)}.
${r.a.cedarProblem ? `\nCedar could not run here: ${r.a.cedarProblem}\n` : 'Cedar has no floating point numbers, so its contender passes rates as four-place decimals.\n'}${fewerRecords(r.a)}
${contenderTable(r.a, r.a.records, 'reports')}
`);
  }
  if (r.b1) {
    out.push(`## B1: messages, five rules a regular expression can state

${n(r.b1.records)} generated buyer messages (email address, web link, US phone number, discount, request to
change a review), the same pattern strings in every engine. Contenders agreed on which rules fire for
${n(r.b1.agreement.sample)} messages (${n(r.b1.agreement.withViolations)} with violations); "own detectors" uses Sellguard's
emails/links/phones detectors, which find more (disguised addresses, bare domains), so it is timed but not compared.

${contenderTable(r.b1, r.b1.records, 'messages')}
`);
  }
  if (r.b2) {
    out.push(`## B2: the full buyer-messaging policy

${n(r.b2.records)} of the same messages through all rules of \`policies/buyer-messaging.policy\` (decode + evaluate):
**${n(r.b2.perSecond.median)} messages per second** (${n(r.b2.perSecond.min)}–${n(r.b2.perSecond.max)}), ${formatRatio(r.b2.ratios['Sellguard buyer-messaging'])} the speed of the B1 floor.
`);
  }
  if (r.c) {
    const rows = ['| rows | file | DuckDB | Sellguard | Sellguard rows/s | Sellguard speed vs DuckDB | `sellguard check` peak memory |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
    for (const c of r.c)
      rows.push(`| ${n(c.rows)} | ${n(c.fileMb)} MB | ${ms(median(c.times.DuckDB))} | ${ms(median(c.times['Sellguard (JavaScript engine)']))} | ${n(perSecond(c.rows, median(c.times['Sellguard (JavaScript engine)'])))} | ${formatRatio(c.ratios['Sellguard (JavaScript engine)'])} | ${n(c.cliRssMb)} MB |`);
    const answers = Object.entries(r.c.at(-1).answers).map(([k, v]) => `${k} ${v}`).join(', ');
    out.push(`## C: an order report CSV, five metrics

\`policies/account-health-orders.policy\` (order defect, seller cancellation, late shipment over 10 and 30 days,
valid tracking) on a generated Amazon-style order report, as of 2026-11-20. Sellguard streams the file the way
\`sellguard check\` does; DuckDB (\`@duckdb/node-api\`, all cores) runs the same metrics as one SQL query over the
same file. Both gave identical numerators and denominators before timing (largest file: ${answers}).

${rows.join('\n')}
`);
  }
  if (r.csv) {
    const rows = ['| parser | median time | rows per second | speed vs csv-parse | same rows as csv-parse | quirks read as written | unclosed quote |', '| --- | ---: | ---: | ---: | --- | --- | --- |'];
    for (const [name, times] of Object.entries(r.csv.times)) {
      const q = r.csv.quirks[name];
      rows.push(`| ${name} | ${ms(median(times))} | ${n(perSecond(r.csv.rows, median(times)))} | ${formatRatio(r.csv.ratios[name])} | ${r.csv.same[name] ? 'yes' : 'no'} | ${q.failed.length === 0 ? 'all' : `not: ${q.failed.join('; ')}`} | ${q.unclosed.replace(/\|/g, '\\|')} |`);
    }
    out.push(`## CSV parsers

The parser under the CSV reader (csv-parse) and the alternatives, on the text of a generated ${n(r.csv.rows)}-row order report
(${n(r.csv.fileMb)} MB), parsed whole into rows of strings. "Quirks" are a quoted value holding a delimiter, doubled quotes
and a line break; a quote inside an unquoted value (\`12" x 18"\`); empty values and a blank line. The reader reports a
row whose quote is never closed, with its line, and reads on after it.

${rows.join('\n')}
`);
  }
  if (r.e2e) {
    const rows = ['| input | records | file | read + JSON.parse | `sellguard check` | speed vs read + parse | peak memory of check | `check --jobs 1` | `check --jobs 2` | `--jobs 2` vs `--jobs 1` |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
    const time = (e, name) => (e.times[name] ? ms(median(e.times[name])) : '–');
    for (const [key, e] of Object.entries(r.e2e))
      rows.push(`| ${key === 'A' ? 'A: reports, rate rules' : 'B: messages, five find() rules'} | ${n(e.records)} | ${n(e.fileMb)} MB | ${time(e, 'read + JSON.parse')} | ${time(e, 'sellguard check')} | ${formatRatio(e.ratios['sellguard check'])} | ${n(median(e.rss['sellguard check']))} MB | ${time(e, 'sellguard check --jobs 1')} | ${time(e, 'sellguard check --jobs 2')} | ${e.jobs ? formatRatio(e.jobs) : '–'} |`);
    out.push(`## End to end

The real command, \`node apps/cli/dist/main.js check POLICY FILE --format json\`, against a script that streams the same
JSONL file and runs \`JSON.parse\` on every line; each in a fresh process. \`sellguard check\` is the default
(one thread); \`--jobs 1\` and \`--jobs 2\` are timed as well.

${rows.join('\n')}
`);
  }
  if (r.cold) {
    const first = r.cold.times['sellguard check, first run'];
    out.push(`## Cold start

\`sellguard check policies/buyer-messaging.policy\` on 10 messages, the policy compiled by an earlier run (read from the cache of compiled policies):
${ms(median(r.cold.times['sellguard check (10 messages)']))} and ${n(median(r.cold.rss['sellguard check (10 messages)']))} MB,
against \`node -e 0\`: ${ms(median(r.cold.times['node -e 0']))} and ${n(median(r.cold.rss['node -e 0']))} MB: **${(1 / r.cold.ratios['sellguard check (10 messages)'].median).toFixed(1)}×** the time.
${first ? `The first run of the policy, which compiles it and writes the cache: ${ms(median(first))} and ${n(median(r.cold.rss['sellguard check, first run']))} MB (${(1 / r.cold.ratios['sellguard check, first run'].median).toFixed(1)}× \`node -e 0\`).\n` : ''}`);
  }
  if (r.big) {
    const rows = ['| message | time | peak memory |', '| ---: | ---: | ---: |'];
    for (const b of r.big) rows.push(`| ${b.mb} MB | ${b.seconds.toFixed(1)} s | ${n(b.rssMb)} MB |`);
    out.push(`## One large message

\`sellguard check policies/buyer-messaging.policy\` on a single message of generated sentences (a few forbidden ones
among them), in a fresh process each.

${rows.join('\n')}
`);
  }
  const memory = memoryRuns(r);
  if (memory.length) {
    const rows = ['| input | size | peak memory | limit |', '| --- | ---: | ---: | ---: |'];
    for (const x of memory) rows.push(`| ${x.input} | ${x.size} | ${n(x.rssMb)} MB | ${n(x.limitMb)} MB |`);
    out.push(`## Memory

The peak resident memory of every \`sellguard check\` process this run started (for end to end and the cold start, the highest
of the repetitions). The target is under 200 MB for any input size; a single large message may use 200 MB plus three times its body.

${rows.join('\n')}
`);
  }
  if (r.compile) out.push(`## Compiling\n\nA generated 2,000-rule policy, from source to a ready evaluator, in process after one untimed compile: ${n(r.compile.median)} ms (${n(r.compile.min)}–${n(r.compile.max)}).\n`);
  if (r.profile) {
    const rows = ['| self time | function |', '| ---: | --- |'];
    for (const t of r.profile.top) rows.push(`| ${(t.share * 100).toFixed(1)}% | \`${t.fn}\` |`);
    out.push(`## Where the time goes

A CPU profile (V8's sampling profiler, started after the data is generated and the policy compiled) of ${r.profile.workload === 'a' ? `workload A's decode + evaluate path, ${n(r.profile.records)} reports` : `workload B2, ${n(r.profile.records)} messages`}, the slowest
against its floor; the functions with the most self time:

${rows.join('\n')}
`);
  }
  if (r.bundle) out.push(renderBundleSizes(r.bundle));
  if (r.engines) out.push(`## SQL engines\n\n${r.engines.trim()}\n`);
  return out.join('\n');
}
