/**
 * `npm run test:mutation [-- --group NAME ...] [--incremental]`: runs Stryker
 * on each file group in turn (every group when none is named) and prints each
 * group's score: killed ÷ all mutants and killed ÷ covered mutants.
 *
 *   --group NAME    one group (repeat it, or write a,b, for several); a bare
 *                   group name works too
 *   --lines A-B     mutate only lines A to B of a one-file group (a part
 *                   of a large file when time is short; say so with the score)
 *   --incremental   reuse the results of the last run of the group for the
 *                   mutants and tests that did not change (faster re-runs
 *                   while writing tests; measure the numbers in
 *                   docs/testing.md without it)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { GROUPS } from './groups.mjs';
import { scoreOf } from './score.mjs';

const args = process.argv.slice(2);
const names = [];
let incremental = false;
let lines;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--incremental') incremental = true;
  else if (arg === '--lines') lines = args[++i];
  else if (arg === '--group') names.push(...(args[++i] ?? '').split(',').filter(Boolean));
  else if (arg.startsWith('--group=')) names.push(...arg.slice('--group='.length).split(',').filter(Boolean));
  else if (arg.startsWith('-')) {
    console.error(`Unknown option ${arg}. Use --group NAME (groups: ${Object.keys(GROUPS).join(', ')}) and --incremental.`);
    process.exit(2);
  } else names.push(arg);
}
const unknown = names.filter((n) => !(n in GROUPS));
if (unknown.length > 0) {
  console.error(`Unknown group ${unknown.join(', ')}. Groups: ${Object.keys(GROUPS).join(', ')}`);
  process.exit(2);
}

const summary = [];
let failed = false;
for (const name of names.length > 0 ? names : Object.keys(GROUPS)) {
  console.log(`\n== mutation group ${name}: ${GROUPS[name].mutate.join(' ')}`);
  const stryker = ['stryker', 'run', 'stryker/stryker.config.mjs'];
  if (lines) {
    if (!/^\d+-\d+$/.test(lines) || GROUPS[name].mutate.length !== 1) {
      console.error(`--lines takes A-B (e.g. 300-480) and works on a group of one file; ${name} has ${GROUPS[name].mutate.length}.`);
      process.exit(2);
    }
    stryker.push('--mutate', `${GROUPS[name].mutate[0]}:${lines}`);
  }
  if (incremental) stryker.push('--incremental', '--incrementalFile', `reports/mutation/${name}.incremental.json`);
  const run = spawnSync('npx', stryker, { stdio: 'inherit', env: { ...process.env, MUTATION_GROUP: name } });
  if (run.status !== 0) failed = true;
  const report = `reports/mutation/${name}.json`;
  if (run.status === 0 && existsSync(report)) summary.push({ name, ...scoreOf(JSON.parse(readFileSync(report, 'utf8'))) });
}

if (summary.length > 0) {
  console.log('\n| group | mutants | killed (of which timed out) | survived | not covered | score (all) | score (covered) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const s of summary)
    console.log(`| \`${s.name}\` | ${s.total} | ${s.killed} (${s.timeout}) | ${s.survived} | ${s.noCoverage} | ${s.all} | ${s.covered} |`);
}
process.exit(failed ? 1 : 0);
