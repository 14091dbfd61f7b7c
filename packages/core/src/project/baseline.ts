/**
 * Baselines: the violations a project has accepted for now, so that only
 * new ones fail a run. Each violation is keyed stably by its policy, rule,
 * the record's key (its order id, SKU, ASIN or other id field, else a hash of
 * its content) and the field, never by its position in the file, so adding
 * or reordering records does not make old violations look new. Browser-safe.
 */
import { z } from 'zod';
import type { CompiledPolicy, Violation } from '../types.js';
import { rawKey } from '../check/raw-fix.js';
import { violationKey } from '../report/writer.js';

export { violationKey };

export const BASELINE_VERSION = 1;

export const baselineSchema = z.object({
  version: z.literal(BASELINE_VERSION),
  entries: z.array(
    z.object({
      policy: z.string(),
      rule: z.string(),
      record: z.string(),
      field: z.string(),
      count: z.number().int().positive(),
    }),
  ),
});

export type BaselineFile = z.infer<typeof baselineSchema>;


/** Field names that identify a record, most specific first. */
const ID_FIELDS = ['orderId', 'amazonOrderId', 'messageId', 'sku', 'sellerSku', 'asin', 'listingId', 'id'];

/** 53-bit FNV-1a of a string, as hex: stable across runs and machines, not a security hash. */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return ((h2 & 0x1fffff) * 0x100000000 + h1).toString(16).padStart(14, '0');
}

/** JSON with object keys sorted, so the same record always hashes the same (built by concatenation: no arrays per level). */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) s += (i > 0 ? ',' : '') + stableJson(value[i]);
    return s + ']';
  }
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    let s = '{';
    for (let i = 0; i < keys.length; i++) s += (i > 0 ? ',' : '') + JSON.stringify(keys[i]) + ':' + stableJson(o[keys[i]!]);
    return s + '}';
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A record's stable key: `orderId=113-…` when the record type has an id
 * field with a value, else `sha:<hash of the raw record>`.
 */
export function recordKey(policy: Pick<CompiledPolicy, 'records' | 'recordType'>, raw: unknown): string {
  const record = policy.records.find((r) => r.name === policy.recordType);
  if (record && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const fields = [...ID_FIELDS.map((n) => record.fields.find((f) => f.name === n)), ...record.fields.filter((f) => /(Id|ID|Sku|SKU)$/.test(f.name))];
    for (const f of fields) {
      if (!f) continue;
      const key = rawKey(raw as Record<string, unknown>, f);
      const value = key === undefined ? undefined : (raw as Record<string, unknown>)[key];
      if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return `${f.name}=${String(value).trim()}`;
    }
  }
  return `sha:${contentHash(stableJson(raw))}`;
}

/**
 * Matching a run's violations against a baseline: each entry can absorb as
 * many violations as it counts. What is left over at the end no longer
 * occurs. One matcher is shared by every policy of a run.
 */
export class BaselineMatcher {
  private readonly remaining = new Map<string, number>();
  private readonly policyOf = new Map<string, string>();
  /**
   * What this run found, to write a new baseline: kept only by a run that
   * rewrites it (`acceptAll`), since it grows with every violation, and a
   * check of millions of records must stay in flat memory.
   */
  private readonly seen = new Map<string, { policy: string; rule: string; record: string; field: string; count: number }>();

  /** `acceptAll`: every violation counts as known (a run that rewrites the baseline). */
  constructor(
    file?: BaselineFile,
    private readonly acceptAll = false,
  ) {
    for (const e of file?.entries ?? []) {
      const key = violationKey(e.policy, e.rule, e.record, e.field);
      this.remaining.set(key, (this.remaining.get(key) ?? 0) + e.count);
      this.policyOf.set(key, e.policy);
    }
  }

  /** True when the violation is in the baseline (and uses up one of its entries). */
  absorb(policy: string, record: string, v: Pick<Violation, 'rule' | 'path'>): boolean {
    const key = violationKey(policy, v.rule, record, v.path);
    if (this.acceptAll) {
      const seen = this.seen.get(key);
      if (seen) seen.count++;
      else this.seen.set(key, { policy, rule: v.rule, record, field: v.path, count: 1 });
      return true;
    }
    const left = this.remaining.get(key) ?? 0;
    if (left <= 0) return false;
    this.remaining.set(key, left - 1);
    return true;
  }

  /** Baselined violations of a policy that did not occur in this run. */
  gone(policy: string): number {
    let n = 0;
    for (const [key, left] of this.remaining) if (this.policyOf.get(key) === policy) n += left;
    return n;
  }

  /** A baseline of everything this run found (a matcher made with `acceptAll`), sorted so the file diffs well. */
  snapshot(): BaselineFile {
    const entries = [...this.seen.values()].sort((a, b) => a.policy.localeCompare(b.policy) || a.rule.localeCompare(b.rule) || a.record.localeCompare(b.record) || a.field.localeCompare(b.field));
    return { version: BASELINE_VERSION, entries };
  }
}

/** Read a baseline file's text: the baseline, or a plain sentence saying what is wrong. */
export function parseBaseline(text: string, fileName: string): { baseline: BaselineFile } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { error: `the baseline '${fileName}' is not valid JSON (${e instanceof Error ? e.message : String(e)}); delete it and run with --update-baseline to write a new one` };
  }
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `the baseline '${fileName}' is not a Sellguard baseline (at ${issue.path.join('.') || 'the top'}: ${issue.message}); run with --update-baseline to write a new one` };
  }
  return { baseline: parsed.data };
}
