/**
 * The labelled corpora and `npm run accuracy`: every blind corpus is well
 * formed and labelled only with its policy's rule ids, the order-report labels
 * agree with a plain recount of the rows, and the script measures all six
 * policies as a user runs it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../packages/core/src/node/index.js';
import { POLICIES } from '../../scripts/accuracy/corpora.mjs';
import { accuracyDoc, firstBlindBlock, newFirstBlindBlock } from '../../scripts/accuracy/doc.mjs';

const root = resolve(import.meta.dirname, '../..');
const readJsonl = (file: string) =>
  readFileSync(join(root, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; labels: string[]; note: string; [key: string]: unknown });
const ruleIdsOf = (file: string) => loadPolicy(join(root, file)).policy!.rules.map((r) => r.id);

const MINIMUM: Record<string, number> = {
  'buyer-messaging': 150,
  'follow-selling': 40,
  'listing-defense': 40,
  'product-certification': 40,
  'account-health': 15,
};
const MESSAGE_FIELDS = ['orderId', 'purpose', 'subject', 'body', 'language', 'buyerLanguage', 'orderCompletedAt', 'sentAt', 'attachments', 'images', 'priorReviewRequests'];

describe('blind corpora', () => {
  for (const p of POLICIES.filter((x) => x.corpora.blind.kind === 'records')) {
    const corpus = p.corpora.blind as { file: string; key: string };
    it(`${p.id}: enough records, unique ids, notes, and labels that are rules of the policy`, () => {
      const entries = readJsonl(corpus.file);
      const rules = new Set(ruleIdsOf(p.file));
      expect(entries.length).toBeGreaterThanOrEqual(MINIMUM[p.id]!);
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
      for (const e of entries) {
        expect(e.note, e.id).toMatch(/\S/);
        expect(e.labels.filter((l) => !rules.has(l)), e.id).toEqual([]);
        expect(new Set(e.labels).size, e.id).toBe(e.labels.length);
        expect(e[corpus.key], e.id).toBeTypeOf('object');
      }
    });
  }

  it('buyer-messaging: every message has exactly the README fields, its order id is unique, and about half are compliant', () => {
    const entries = readJsonl('corpus/buyer-messaging/blind.jsonl');
    for (const e of entries) expect(Object.keys(e.message as object).sort(), e.id).toEqual([...MESSAGE_FIELDS].sort());
    const orderIds = entries.map((e) => (e.message as { orderId: string }).orderId);
    expect(new Set(orderIds).size).toBe(entries.length);
    const compliant = entries.filter((e) => e.labels.length === 0).length / entries.length;
    expect(compliant).toBeGreaterThan(0.4);
    expect(compliant).toBeLessThan(0.6);
    const languages = new Set(entries.map((e) => (e.message as { language: string }).language));
    for (const lang of ['en', 'de', 'fr', 'it', 'es', 'ja']) expect(languages).toContain(lang);
  });
});

/** Amazon's definitions applied to the rows of one order report, in plain code (no Sellguard). */
function recount(text: string, separator: string, asOf: string): string[] {
  const [head, ...lines] = text.trim().split('\n');
  const columns = head!.split(separator);
  const rows = lines.map((l) => Object.fromEntries(l.split(separator).map((v, i) => [columns[i]!, v])));
  const day = 86_400_000;
  const end = Date.parse(`${asOf}T00:00:00Z`) + day;
  const within = (r: Record<string, string>, days: number) => {
    const t = Date.parse(r['purchase-date']!);
    return t >= end - days * day && t < end;
  };
  const sellerFulfilled = (r: Record<string, string>) => /^(merchant|mfn)$/i.test(r['fulfillment-channel']!);
  const fired: string[] = [];
  const last60 = rows.filter((r) => within(r, 60));
  const defective = last60.filter((r) => r['negative-feedback'] === 'true' || r['az-claim'] === 'true' || r.chargeback === 'true');
  if (last60.length > 0 && defective.length / last60.length >= 0.01) fired.push('order-defect-rate');
  const last7 = rows.filter((r) => within(r, 7) && sellerFulfilled(r));
  if (last7.length > 0 && last7.filter((r) => r['cancelled-by'] === 'seller').length / last7.length >= 0.025) fired.push('pre-fulfillment-cancel-rate');
  for (const days of [10, 30]) {
    const shipped = rows.filter((r) => within(r, days) && sellerFulfilled(r) && r['ship-date']);
    const late = shipped.filter((r) => Date.parse(r['ship-date']!) > Date.parse(r['latest-ship-date']!));
    if (shipped.length > 0 && late.length / shipped.length >= 0.04) fired.push(`late-shipment-rate-${days}d`);
  }
  const shipped30 = rows.filter((r) => within(r, 30) && sellerFulfilled(r) && r['ship-date']);
  const valid = shipped30.filter((r) => r['tracking-id'] && r['tracking-valid'] === 'true');
  if (shipped30.length > 0 && valid.length / shipped30.length <= 0.95) fired.push('valid-tracking-rate');
  return fired.sort();
}

describe('account-health-orders blind cases', () => {
  const dir = join(root, 'corpus/account-health-orders');
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, { asOf: string; labels: string[]; note: string; orders: number }>;
  const rules = new Set(ruleIdsOf('policies/account-health-orders.policy'));

  it('has at least 15 cases, each labelled with rules of the policy', () => {
    expect(Object.keys(labels).length).toBeGreaterThanOrEqual(15);
    for (const [file, l] of Object.entries(labels)) expect(l.labels.filter((x) => !rules.has(x)), file).toEqual([]);
  });

  it.each(Object.keys(labels))('%s: the labels agree with a recount of its rows', (file) => {
    const label = labels[file]!;
    const text = readFileSync(join(dir, 'blind', file), 'utf8');
    expect(text.trim().split('\n').length - 1).toBe(label.orders);
    expect(recount(text, file.endsWith('.txt') ? '\t' : ',', label.asOf)).toEqual([...label.labels].sort());
  });
});

describe('npm run accuracy', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/accuracy.mjs'), ...args], { cwd: root, encoding: 'utf8' });

  it('refuses an unknown corpus with a plain message and exit code 2', () => {
    const r = run('--corpus', 'blindd');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown corpus 'blindd'");
    expect(r.stderr).toContain('--corpus blind');
  });

  it('--corpus blind measures all six policies, and each micro-average counts every label of its corpus', () => {
    const r = run('--corpus', 'blind');
    expect(r.status).toBe(0);
    for (const p of POLICIES) {
      const blind = p.corpora.blind as { kind: string; file?: string; dir?: string };
      const labelCount =
        blind.kind === 'records'
          ? readJsonl(blind.file!).reduce((n, e) => n + e.labels.length, 0)
          : Object.values(JSON.parse(readFileSync(join(root, blind.dir!, 'labels.json'), 'utf8')) as Record<string, { labels: string[] }>).reduce((n, c) => n + c.labels.length, 0);
      const section = r.stdout.slice(r.stdout.indexOf(`\n${p.id} on the blind corpus`));
      expect(section, p.id).toMatch(new RegExp(`\\| \\*\\*all rules \\(micro-average\\)\\*\\* \\| ${labelCount} \\|`));
    }
    expect(r.stdout).not.toContain('on the tuning corpus');
  });
});

describe('docs/accuracy.md', () => {
  const fake = (policy: string) => ({
    policy,
    corpus: 'blind',
    source: `corpus/${policy}/blind.jsonl`,
    total: 2,
    languages: new Map<string, number>(),
    ruleIds: ['a'],
    stats: { a: { tp: 1, fp: 0, fn: 1, falsePositives: [], misses: ['x'] } },
    invalid: [],
    unknownLabels: [],
  });

  it('keeps a recorded first blind measurement verbatim when the file is rewritten', () => {
    const first = newFirstBlindBlock([fake('p')], '2026-01-02');
    const doc = accuracyDoc({ tuning: fake('t'), holdout: fake('h'), blind: [fake('p')], firstBlock: first });
    expect(firstBlindBlock(doc)).toBe(first);
    expect(first).toContain('Measured on 2026-01-02');
    // precision 1/1, recall 1/2
    expect(first).toContain('| `a` | 2 | 1 | 1 | 1.000 | 0.500 |');
  });

  it('records the first blind measurement for all six policies', () => {
    const block = firstBlindBlock(readFileSync(join(root, 'docs/accuracy.md'), 'utf8'));
    expect(block).not.toBeNull();
    expect(block).toContain('Blind held-out corpus — first measurement (before fixes)');
    for (const p of POLICIES) expect(block).toContain(`### ${p.id}\n`);
  });
});
