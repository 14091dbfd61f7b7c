/**
 * `node stryker/survivors.mjs GROUP`: the surviving and uncovered mutants of
 * the group's last run (reports/mutation/GROUP.json), one line each, to be
 * explained in docs/testing.md.
 */
import { readFileSync } from 'node:fs';
import { scoreOf, survivorsOf } from './score.mjs';

const name = process.argv[2];
if (!name) {
  console.error('Name a group, e.g. node stryker/survivors.mjs values');
  process.exit(2);
}
const report = JSON.parse(readFileSync(`reports/mutation/${name}.json`, 'utf8'));
console.log(JSON.stringify(scoreOf(report)));
for (const line of survivorsOf(report)) console.log(line);
