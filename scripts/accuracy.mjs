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
import { compile, createSpeller, evalContext } from '@sellguard/core';
import dictionary from 'dictionary-en';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const policyFile = join(root, 'policies/buyer-messaging.policy');
const corpora = {
  tuning: join(root, 'corpus/buyer-messaging/messages.jsonl'),
  holdout: join(root, 'corpus/buyer-messaging/holdout.jsonl'),
};

export async function measure(corpusFile = corpora.tuning, ctx = evalContext({ dictionary: createSpeller(dictionary) })) {
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
    const fired = new Set(policy.evaluate(decoded.value, ctx).map((v) => v.rule.slice(policy.id.length + 1)));
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

function problemsOf(result) {
  const out = [];
  for (const id of result.ruleIds) {
    const s = result.stats[id];
    if (s.falsePositives.length) out.push(`${id}: false alarms on ${s.falsePositives.join(', ')}`);
    if (s.misses.length) out.push(`${id}: missed ${s.misses.join(', ')}`);
  }
  return out;
}

const languagesOf = (result) =>
  [...result.languages.entries()].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(', ');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ctx = evalContext({ dictionary: createSpeller(dictionary) });
  const tuning = await measure(corpora.tuning, ctx);
  const holdout = await measure(corpora.holdout, ctx);
  for (const [name, result] of [['tuning corpus (messages.jsonl)', tuning], ['held-out corpus (holdout.jsonl)', holdout]]) {
    console.log(`\n${name}: ${result.total} messages\n`);
    console.log(table(result));
    const problems = problemsOf(result);
    if (problems.length) console.log(`\n${problems.join('\n')}`);
  }
  if (process.argv.includes('--write')) {
    const doc = `# Accuracy of the buyer-messaging policy

How well \`policies/buyer-messaging.policy\` finds what it should, measured on
two labelled corpora of realistic seller messages (plain text and HTML, about
half of them compliant, with deliberate near-misses such as order ids,
tracking numbers, VAT numbers and prices that are not phone numbers). Each
message is labelled with every rule it breaks; see
\`corpus/buyer-messaging/README.md\` for the labelling conventions.

- **precision**: of the messages a rule flagged, the share that really break it (false alarms lower it);
- **recall**: of the messages that break a rule, the share it flagged.

Reproduce with:

\`\`\`sh
npm run accuracy            # prints both tables and lists every miss and false alarm
npm run accuracy -- --write # rewrites this file
\`\`\`

## Tuning corpus

\`corpus/buyer-messaging/messages.jsonl\`: ${tuning.total} messages (${languagesOf(tuning)}). The
phrase lists were tuned on it, so these numbers are an upper bound.

${table(tuning)}

## Held-out corpus

\`corpus/buyer-messaging/holdout.jsonl\`: ${holdout.total} messages (${languagesOf(holdout)}),
written separately, without looking at the policy, in styles and phrasings
the tuning corpus does not have.

${table(holdout)}

**Its first measurement, before any change prompted by it**, is the honest
estimate for unseen data. It was: precision 1.000 and recall 1.000 for 14 of
the 22 rules; marketing-content recall 0.727, incentivized-review recall 0.875,
review-manipulation precision 0.875 and recall 0.700, insecure-link recall
0.857, email-address recall 0.750, phone-number precision 0.875, spelling
precision 0.667. The misses it showed were general gaps (social-media
invitations, vouchers, "talk to us before posting", asking to update a
review, Spanish and bracketed disguised emails, VAT numbers read as phones,
logos linked over http) and were fixed as such; the table above is after
those fixes, so the held-out set is now partly a tuning set too. The next
held-out set should be written fresh.

## Known limits

- \`spelling\` (a warning) flags real but rare words that the Hunspell
  dictionary lacks (technical terms such as "codec", "pupillary", "duffel").
  Sellers can ignore or add such words; precision on unseen text is lower than
  for the other rules.
`;
    writeFileSync(join(root, 'docs/accuracy.md'), doc);
  }
}
