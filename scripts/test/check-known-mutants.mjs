#!/usr/bin/env node
/**
 * `node scripts/test/check-known-mutants.mjs [--all]`: makes three small edits
 * that break what a seller relies on, one at a time, runs the tests, and
 * reports whether the tests noticed. Each edit must make the tests fail.
 *
 *   1. `<` behaving like `<=` (runtime/values.ts `lt`)
 *   2. every group of a grouped metric reporting the whole metric's counts
 *      (runtime/metrics.ts)
 *   3. `>` without its guard against a missing right side (runtime/values.ts
 *      `gt`), so JavaScript reads a missing value as 0
 *
 * By default each edit runs the test files that exercise the edited file;
 * `--all` runs the whole of packages/core/test instead (slower). The edit is
 * made in place and the original file is always written back: after the run,
 * on an error, and on Ctrl-C. Run it by hand, not from npm test.
 * Exit status: 0 when every edit was caught, 1 when one was not.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const core = 'packages/core/test';

const EDITS = [
  {
    name: '`lt` behaving like `le`',
    file: 'packages/core/src/runtime/values.ts',
    from: 'a != null && b != null && a < b;',
    to: 'a != null && b != null && a <= b;',
    tests: [`${core}/runtime/values-oracle.test.ts`, `${core}/runtime/values.test.ts`, `${core}/operators.test.ts`, `${core}/metric-kinds.test.ts`],
  },
  {
    name: "every group reporting the whole metric's counts",
    file: 'packages/core/src/runtime/metrics.ts',
    from: 'entries.map(([k, a]) => [k, countsOf(d.kind, a)])',
    to: 'entries.map(([k]) => [k, countsOf(d.kind, S.acc[i])])',
    tests: [`${core}/metric-kinds.test.ts`, `${core}/metrics.test.ts`],
  },
  {
    name: '`gt` without its `b != null` guard',
    file: 'packages/core/src/runtime/values.ts',
    from: 'export const gt = (a: Ord, b: Ord) => a != null && b != null && a > b;',
    to: 'export const gt = (a: Ord, b: Ord) => a != null && a > b;',
    tests: [`${core}/runtime/values-oracle.test.ts`, `${core}/runtime/values.test.ts`, `${core}/operators.test.ts`, `${core}/metric-kinds.test.ts`],
  },
];

const all = process.argv.includes('--all');
const scratch = mkdtempSync(join(tmpdir(), 'sellguard-known-mutants-'));

/** The file's original text while an edit is applied, so every exit path can put it back. */
let pending = null;
/** The vitest run in progress, stopped with the script. */
let child = null;
function restore() {
  if (pending) {
    writeFileSync(pending.path, pending.text);
    pending = null;
  }
}
process.on('exit', () => {
  restore();
  rmSync(scratch, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(signal, () => {
    // The run has its own process group (npx, vitest and its workers): stop all of it.
    if (child) process.kill(-child.pid, 'SIGTERM');
    restore();
    process.exit(130);
  });

/** Runs a command without blocking, so a signal can stop it and restore the file. */
function run(command, args) {
  return new Promise((resolve) => {
    let stderr = '';
    child = spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => {
      child = null;
      resolve({ status, stderr });
    });
  });
}

/** Failed test names from vitest's JSON report. */
function failedTests(reportPath) {
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    return report.testResults.flatMap((f) =>
      f.assertionResults.filter((a) => a.status === 'failed').map((a) => `${f.name.replace(root, '')} > ${a.fullName}`),
    );
  } catch {
    return [];
  }
}

const results = [];
for (const [n, edit] of EDITS.entries()) {
  const path = join(root, edit.file);
  const original = readFileSync(path, 'utf8');
  const at = original.split(edit.from).length - 1;
  if (at !== 1) {
    console.error(`${edit.file}: expected the text \`${edit.from}\` once, found it ${at} times; the source has changed, update this script.`);
    process.exit(2);
  }
  pending = { path, text: original };
  writeFileSync(path, original.replace(edit.from, edit.to));
  const reportPath = join(scratch, `edit-${n + 1}.json`);
  const files = all ? [core] : edit.tests;
  console.log(`\n== edit ${n + 1}: ${edit.name} (${edit.file})\n   npx vitest run ${files.join(' ')}`);
  let outcome;
  try {
    outcome = await run('npx', ['vitest', 'run', ...files, '--reporter=dot', '--reporter=json', `--outputFile.json=${reportPath}`]);
  } finally {
    restore();
  }
  const failed = failedTests(reportPath);
  const caught = outcome.status !== 0 && failed.length > 0;
  // No failed test but a failed run: vitest itself broke (a syntax error, a missing file); show why.
  if (outcome.status !== 0 && failed.length === 0) console.error(outcome.stderr.split('\n').slice(-30).join('\n'));
  results.push({ edit, caught, failed });
  console.log(caught ? `   caught: ${failed.length} tests fail` : '   NOT CAUGHT: the tests pass with this edit');
  for (const name of failed) console.log(`     - ${name}`);
}

console.log('\n| edit | result |\n| --- | --- |');
for (const r of results) console.log(`| ${r.edit.name} | ${r.caught ? `caught, ${r.failed.length} tests fail` : 'not caught'} |`);
process.exit(results.every((r) => r.caught) ? 0 : 1);
