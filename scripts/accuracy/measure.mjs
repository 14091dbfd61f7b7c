/**
 * Precision and recall of one policy on one labelled corpus, rule by rule.
 * A rule "predicts" a record (or an order-report case) when it fires on it at
 * least once; the labels say which rules should fire. A record the policy
 * cannot read counts as one on which nothing fired, and is listed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRecords, contextFor, loadPolicy, readRecords, withAsOf } from '@sellguard/core/node';

const utcDay = (iso) => (iso ? Date.parse(`${iso}T00:00:00Z`) : null);

export function compilePolicy(root, file) {
  const { policy, diagnostics } = loadPolicy(join(root, file));
  if (!policy) throw new Error(`${file} does not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
  return policy;
}

const shortId = (policy, fullId) => fullId.slice(policy.id.length + 1);

/** Every labelled item of a corpus as { id, labels, lang?, fired(policy) → Promise<{ fired: Set, invalid?: string }> }. */
function itemsOf(root, corpus, contextAsOf) {
  if (corpus.kind === 'records') {
    const lines = readFileSync(join(root, corpus.file), 'utf8').split('\n').filter((l) => l.trim());
    return lines.map((line) => {
      const entry = JSON.parse(line);
      return {
        id: entry.id,
        labels: entry.labels,
        lang: entry.lang,
        async fired(policy) {
          const decoded = policy.decode(entry[corpus.key]);
          if (!decoded.ok) return { fired: new Set(), invalid: decoded.problems.map((p) => `${p.path || 'record'}: ${p.message}`).join('; ') };
          return { fired: new Set(policy.evaluate(decoded.value, contextAsOf(utcDay(corpus.asOf))).map((v) => shortId(policy, v.rule))) };
        },
      };
    });
  }
  const labels = JSON.parse(readFileSync(join(root, corpus.dir, 'labels.json'), 'utf8'));
  return Object.entries(labels).map(([file, label]) => ({
    id: file,
    labels: label.labels,
    async fired(policy) {
      const report = await checkRecords(policy, readRecords(join(root, corpus.dir, 'blind', file)), contextAsOf(utcDay(label.asOf)));
      const fired = new Set([...(report.datasetViolations ?? []), ...report.results.flatMap((r) => r.violations)].map((v) => shortId(policy, v.rule)));
      const invalid = report.summary.invalid > 0 ? `${report.summary.invalid} of ${report.summary.records} rows could not be read` : undefined;
      return { fired, invalid };
    },
  }));
}

/** `speller` builds (or returns the one already built) spelling checker, for policies that check spelling. */
export async function measure(root, policyEntry, corpusName, speller) {
  const corpus = policyEntry.corpora[corpusName];
  const policy = compilePolicy(root, policyEntry.file);
  const base = contextFor([policy], speller ? { speller } : {});
  const contextAsOf = (asOf) => withAsOf(base, asOf);
  const ruleIds = policy.rules.map((r) => r.id);
  const stats = Object.fromEntries(ruleIds.map((id) => [id, { tp: 0, fp: 0, fn: 0, falsePositives: [], misses: [] }]));
  const languages = new Map();
  const invalid = [];
  const unknownLabels = new Set();
  const items = itemsOf(root, corpus, contextAsOf);
  {
    for (const item of items) {
      if (item.lang) languages.set(item.lang, (languages.get(item.lang) ?? 0) + 1);
      const { fired, invalid: why } = await item.fired(policy);
      if (why) invalid.push({ id: item.id, why });
      const labels = new Set(item.labels);
      for (const l of labels) if (!stats[l]) unknownLabels.add(l);
      for (const id of ruleIds) {
        const s = stats[id];
        if (fired.has(id) && labels.has(id)) s.tp++;
        else if (fired.has(id)) {
          s.fp++;
          s.falsePositives.push(item.id);
        } else if (labels.has(id)) {
          s.fn++;
          s.misses.push(item.id);
        }
      }
    }
  }
  return { policy: policyEntry.id, corpus: corpusName, source: corpus.file ?? corpus.dir, total: items.length, languages, stats, ruleIds, invalid, unknownLabels: [...unknownLabels] };
}

/** Micro-average over the policy's rules: every (record, rule) decision counts once. */
export function microAverage({ stats, ruleIds }) {
  let tp = 0;
  let fired = 0;
  let positives = 0;
  for (const id of ruleIds) {
    tp += stats[id].tp;
    fired += stats[id].tp + stats[id].fp;
    positives += stats[id].tp + stats[id].fn;
  }
  return { tp, fired, positives };
}
