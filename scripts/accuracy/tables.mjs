/** Markdown tables and plain-text problem lists for accuracy results. */
import { microAverage } from './measure.mjs';

const ratio = (a, b) => (b === 0 ? null : a / b);
const fmt = (x) => (x === null ? 'n/a' : x.toFixed(3));

/** One row per rule; with `withTotal`, a last row with the policy's micro-average. */
export function table(result, { withTotal = false } = {}) {
  const { stats, ruleIds } = result;
  const rows = ['| rule | positives | fired | true positives | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const id of ruleIds) {
    const s = stats[id];
    rows.push(`| \`${id}\` | ${s.tp + s.fn} | ${s.tp + s.fp} | ${s.tp} | ${fmt(ratio(s.tp, s.tp + s.fp))} | ${fmt(ratio(s.tp, s.tp + s.fn))} |`);
  }
  if (withTotal) {
    const m = microAverage(result);
    rows.push(`| **all rules (micro-average)** | ${m.positives} | ${m.fired} | ${m.tp} | ${fmt(ratio(m.tp, m.fired))} | ${fmt(ratio(m.tp, m.positives))} |`);
  }
  return rows.join('\n');
}

/** One row per policy: its micro-averaged precision and recall. */
export function summaryTable(results) {
  const rows = ['| policy | records | could not be read | positives | fired | true positives | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const r of results) {
    const m = microAverage(r);
    rows.push(`| ${r.policy} | ${r.total} | ${r.invalid.length} | ${m.positives} | ${m.fired} | ${m.tp} | ${fmt(ratio(m.tp, m.fired))} | ${fmt(ratio(m.tp, m.positives))} |`);
  }
  return rows.join('\n');
}

export function problemsOf(result) {
  const out = [];
  for (const { id, why } of result.invalid) out.push(`${id} could not be read: ${why}`);
  for (const l of result.unknownLabels) out.push(`label ${l} is not a rule of ${result.policy}`);
  for (const id of result.ruleIds) {
    const s = result.stats[id];
    if (s.falsePositives.length) out.push(`${id}: false alarms on ${s.falsePositives.join(', ')}`);
    if (s.misses.length) out.push(`${id}: missed ${s.misses.join(', ')}`);
  }
  return out;
}

export const languagesOf = (result) =>
  [...result.languages.entries()].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(', ');
