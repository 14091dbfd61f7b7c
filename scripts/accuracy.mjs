#!/usr/bin/env node
/**
 * Precision and recall of every shipped policy on its labelled corpora, rule
 * by rule, with a micro-average per policy (see scripts/accuracy/).
 *
 *   npm run accuracy                      # every policy on every corpus it has
 *   npm run accuracy -- --corpus blind    # one kind of corpus: blind, holdout or tuning
 *   npm run accuracy -- --write           # also rewrite docs/accuracy.md
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadSpeller } from '@sellguard/core/node';
import { CORPUS_NAMES, POLICIES } from './accuracy/corpora.mjs';
import { measure } from './accuracy/measure.mjs';
import { problemsOf, table } from './accuracy/tables.mjs';
import { accuracyDoc, firstBlindBlock, newFirstBlindBlock } from './accuracy/doc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const args = { write: false, corpus: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--write') args.write = true;
    else if (a === '--corpus' || a.startsWith('--corpus=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!CORPUS_NAMES.includes(value)) throw new Error(`unknown corpus '${value ?? ''}': use --corpus ${CORPUS_NAMES.join(', --corpus ')}`);
      args.corpus = value;
    } else throw new Error(`unknown option '${a}': use --corpus <${CORPUS_NAMES.join('|')}> and --write`);
  }
  return args;
}

async function measureAll(names) {
  const results = [];
  // One spelling checker for every policy that checks spelling, built when the first needs it.
  let speller;
  const sharedSpeller = () => (speller ??= loadSpeller());
  for (const p of POLICIES) for (const name of names) if (p.corpora[name]) results.push(await measure(root, p, name, sharedSpeller));
  return results;
}

let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`accuracy: ${e.message}`);
  process.exit(2);
}
const names = args.corpus ? [args.corpus] : CORPUS_NAMES;
const results = await measureAll(args.write ? CORPUS_NAMES : names);
for (const r of results.filter((x) => names.includes(x.corpus))) {
  console.log(`\n${r.policy} on the ${r.corpus} corpus (${r.source}): ${r.total} ${r.source.endsWith('orders') ? 'order reports' : 'records'}\n`);
  console.log(table(r, { withTotal: true }));
  const problems = problemsOf(r);
  if (problems.length) console.log(`\n${problems.join('\n')}`);
}
if (args.write) {
  const docFile = join(root, 'docs/accuracy.md');
  const existing = existsSync(docFile) ? readFileSync(docFile, 'utf8') : '';
  const blind = results.filter((r) => r.corpus === 'blind');
  const byCorpus = (policy, corpus) => results.find((r) => r.policy === policy && r.corpus === corpus);
  const firstBlock = firstBlindBlock(existing) ?? newFirstBlindBlock(blind, new Date().toISOString().slice(0, 10));
  writeFileSync(docFile, accuracyDoc({ tuning: byCorpus('buyer-messaging', 'tuning'), holdout: byCorpus('buyer-messaging', 'holdout'), blind, firstBlock }));
  console.log('\nwrote docs/accuracy.md');
}
