/**
 * The engine comparison as a section of docs/benchmarks.md: `npm run bench`
 * (bench/src/run.mjs) runs this file with its own arguments and puts what it
 * prints under "SQL engines". It runs scripts/bench-engines.ts (JavaScript,
 * DuckDB on CSV and Parquet, a two-shard ClickHouse cluster) through tsx and
 * turns its JSON runs into a Markdown table.
 *
 *   node scripts/bench-engines.mjs [--quick] [--only engines,…]
 *
 * --quick: 200,000 rows instead of 5M and 50M. --only without "engines": prints nothing.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;
if (only && !only.includes('engines')) process.exit(0);

const [sizes, jsMax] = argv.includes('--quick') ? ['200000', '200000'] : ['5000000,50000000', '5000000'];
const run = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/bench-engines.ts'), '--sizes', sizes, '--js-max', jsMax], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 1 << 24,
});
if (run.status !== 0) {
  console.error('The engine benchmark (scripts/bench-engines.ts) failed; its messages are above.');
  process.exit(1);
}
const table = ['| rows | engine | input | wall time | CPU time | rows per CPU-second |', '| ---: | --- | --- | ---: | ---: | ---: |'];
for (const r of JSON.parse(run.stdout))
  table.push(
    `| ${r.rows.toLocaleString('en-US')} | ${r.engine} | ${r.input} | ${r.seconds.toFixed(1)} s | ${r.cpuSeconds.toFixed(1)} s | ${Math.round(r.rowsPerCpuSecond).toLocaleString('en-US')} |`,
  );
console.log(`The account-health-orders policy on the same generated order reports, counted by each engine
through \`sellguard check\` (\`--engine js\`, \`--engine duckdb\` on the CSV and on the same rows as
Parquet, \`--db clickhouse://…\` on a Distributed table over two local shards). Every engine gave the
same numerators and denominators for every metric and group, or the run would have failed. CPU time
counts the sellguard process and, for ClickHouse, both servers; on a shared machine it is the fairer
measure. See [scale.md](scale.md).

${table.join('\n')}`);
