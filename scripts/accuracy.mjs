#!/usr/bin/env node
/**
 * Precision and recall of policies/buyer-messaging.policy on the labelled
 * corpus in corpus/buyer-messaging/messages.jsonl, per rule.
 *
 *   npm run accuracy            # print the table
 *   npm run accuracy -- --write # also rewrite docs/accuracy.md
 *
 * A rule "predicts" a message when it fires on it at least once; the labels
 * say which rules should fire. Counts are per message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { compile, setSpellingDictionary } from '@sellguard/core';
import dictionary from 'dictionary-en';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const policyFile = join(root, 'policies/buyer-messaging.policy');
const corpusFile = join(root, 'corpus/buyer-messaging/messages.jsonl');

export async function measure() {
  setSpellingDictionary(dictionary);
  const { policy, diagnostics } = compile(readFileSync(policyFile, 'utf8'), { fileName: policyFile });
  if (!policy) throw new Error(`the policy does not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
  const lines = readFileSync(corpusFile, 'utf8').split('\n').filter((l) => l.trim());
  const ruleIds = policy.rules.map((r) => r.id);
  const stats = Object.fromEntries(ruleIds.map((id) => [id, { tp: 0, fp: 0, fn: 0, falsePositives: [], misses: [] }]));
  const languages = new Map();
  for (const line of lines) {
    const entry = JSON.parse(line);
    languages.set(entry.lang, (languages.get(entry.lang) ?? 0) + 1);
    const decoded = policy.decode(entry.message);
    if (!decoded.ok) throw new Error(`corpus record ${entry.id} is invalid: ${JSON.stringify(decoded.problems)}`);
    const fired = new Set(policy.evaluate(decoded.value).map((v) => v.rule.slice(policy.id.length + 1)));
    const labels = new Set(entry.labels);
    for (const id of ruleIds) {
      const s = stats[id];
      if (fired.has(id) && labels.has(id)) s.tp++;
      else if (fired.has(id)) {
        s.fp++;
        s.falsePositives.push(entry.id);
      } else if (labels.has(id)) {
        s.fn++;
        s.misses.push(entry.id);
      }
    }
  }
  return { total: lines.length, languages, stats, ruleIds };
}

const ratio = (a, b) => (b === 0 ? null : a / b);
const fmt = (x) => (x === null ? 'n/a' : x.toFixed(3));

export function table({ stats, ruleIds }) {
  const rows = ['| rule | positives | fired | true positives | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const id of ruleIds) {
    const s = stats[id];
    rows.push(`| \`${id}\` | ${s.tp + s.fn} | ${s.tp + s.fp} | ${s.tp} | ${fmt(ratio(s.tp, s.tp + s.fp))} | ${fmt(ratio(s.tp, s.tp + s.fn))} |`);
  }
  return rows.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await measure();
  const body = table(result);
  console.log(body);
  const problems = [];
  for (const id of result.ruleIds) {
    const s = result.stats[id];
    if (s.falsePositives.length) problems.push(`${id}: false alarms on ${s.falsePositives.join(', ')}`);
    if (s.misses.length) problems.push(`${id}: missed ${s.misses.join(', ')}`);
  }
  if (problems.length) console.log(`\n${problems.join('\n')}`);
  if (process.argv.includes('--write')) {
    const langs = [...result.languages.entries()].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(', ');
    const doc = `# Accuracy of the buyer-messaging policy

How well \`policies/buyer-messaging.policy\` finds what it should, measured on
the labelled corpus in \`corpus/buyer-messaging/messages.jsonl\`
(${result.total} realistic seller messages: ${langs}; plain text and HTML; about
half of them compliant, including deliberate near-misses such as order ids,
tracking numbers and prices that are not phone numbers). Each message is
labelled with every rule it breaks (see \`corpus/buyer-messaging/README.md\`).

- **precision**: of the messages a rule flagged, the share that really break it (false alarms lower it);
- **recall**: of the messages that break a rule, the share it flagged.

Reproduce with:

\`\`\`sh
npm run accuracy            # prints this table and lists every miss and false alarm
npm run accuracy -- --write # rewrites this file
\`\`\`

${body}

The corpus was written for this purpose and the policy was tuned on it, so
these numbers are an upper bound for unseen data; the near-miss messages are
there to keep the tuning honest. New messages that expose a false alarm or a
miss belong in the corpus, with their labels.
`;
    writeFileSync(join(root, 'docs/accuracy.md'), doc);
  }
}
