/**
 * `npm run test:mutation [group...]`: runs Stryker on each file group in turn
 * (all groups when none is named) and prints each group's score.
 */
import { spawnSync } from 'node:child_process';
import { GROUPS } from './groups.mjs';

const names = process.argv.slice(2);
const unknown = names.filter((n) => !(n in GROUPS));
if (unknown.length > 0) {
  console.error(`Unknown group ${unknown.join(', ')}. Groups: ${Object.keys(GROUPS).join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const name of names.length > 0 ? names : Object.keys(GROUPS)) {
  console.log(`\n== mutation group ${name}: ${GROUPS[name].mutate.join(' ')}`);
  const run = spawnSync('npx', ['stryker', 'run', 'stryker/stryker.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_GROUP: name },
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
