/**
 * The fast text paths (patterns on V8 RegExp, phrase lists through the literal prefilter, one scan of a
 * field shared by the rules of a record) must report exactly what the plain paths report: every pattern
 * on RE2, every phrase list as one alternation regex, every rule scanning for itself. The same generated
 * code is run on both runtimes, on the labelled corpus, the benchmark's messages and generated messages.
 */
import dictionary from 'dictionary-en';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/compile/index.js';
import { createSpeller, evalContext } from '../../src/index.js';
import * as rt from '../../src/runtime/index.js';
import type { UserRegex } from '../../src/runtime/values.js';
import { compilePhrases as oneRegex } from '../detectors/reference/phrases-one-regex.js';
import { bigMessage, messages } from '../../../../bench/src/data/messages.mjs';

const root = resolve(import.meta.dirname, '../../../..');
const seed = Number(process.env.SELLGUARD_FC_SEED ?? 20261205);
const ctx = evalContext({ asOf: Date.UTC(2026, 10, 20), dictionary: createSpeller(dictionary) });

/** A pattern on RE2 only, as before any pattern ran on V8. */
function onRe2(source: string): UserRegex {
  const compiled = RE2JS.compile(source);
  return {
    test: (s) => s != null && compiled.test(s),
    findAll: (s) => {
      const out: Array<{ start: number; end: number; text: string }> = [];
      const m = compiled.matcher(s);
      while (m.find()) if (m.end() > m.start()) out.push({ start: m.start(), end: m.end(), text: s.slice(m.start(), m.end()) });
      return out;
    },
  };
}

type Evaluate = (record: unknown, ctx: rt.EvalContext) => unknown[];

function evaluator(source: string, runtime: typeof rt): { evaluate: Evaluate; decode: (raw: unknown) => unknown } {
  const { code } = translate(source);
  if (!code) throw new Error('the policy does not compile');
  const factory = new Function('rt', `"use strict";\n${code.schema}\n${code.decoder}\n${code.evaluator}\nreturn { evaluate, decodeInput };`);
  const loaded = factory(runtime) as { evaluate: Evaluate; decodeInput: (raw: unknown) => unknown };
  return { evaluate: loaded.evaluate, decode: loaded.decodeInput };
}

const source = readFileSync(join(root, 'policies/buyer-messaging.policy'), 'utf8');
const fast = evaluator(source, rt);
// The plain paths: RE2, one regex per phrase list, and no record scans (each rule scans for itself).
const plain = evaluator(source, {
  ...rt,
  regex: onRe2,
  phraseMatcher: (list: string[]) => Object.assign(oneRegex(list), {}),
  recordScans: () => undefined,
} as unknown as typeof rt);

function compare(raws: unknown[]): number {
  let compared = 0;
  for (const raw of raws) {
    const value = fast.decode(raw);
    if (value === rt.d.BAD) continue;
    expect(fast.evaluate(value, ctx)).toEqual(plain.evaluate(value, ctx));
    compared++;
  }
  return compared;
}

const corpus = ['messages.jsonl', 'holdout.jsonl', 'blind.jsonl'].flatMap((f) =>
  readFileSync(join(root, 'corpus/buyer-messaging', f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { message: unknown }).message),
);

describe('buyer-messaging on the fast and the plain text paths', () => {
  it('agrees on the labelled corpus', () => {
    expect(compare(corpus)).toBeGreaterThan(600);
  }, 120_000);

  it("agrees on the benchmark's messages", () => {
    expect(compare(messages(300).map((l: string) => JSON.parse(l)))).toBe(300);
  }, 120_000);

  it('agrees on a message longer than the texts whose phrase lists are scanned together', () => {
    // About 150,000 characters: past the length where each list scans a text by itself again.
    expect(compare([bigMessage(150_000)])).toBe(1);
  }, 120_000);

  it('agrees on generated messages made of the corpus words, glued in awkward ways', () => {
    const words = [...new Set(corpus.flatMap((m) => String((m as { body?: unknown }).body ?? '').split(/\s+/)))].filter((w) => w.length > 0);
    const glue = [' ', ' ', ' ', '. ', '\n', '-', '', '! ', ', ', '<br>', '  '];
    const body = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...glue)), { maxLength: 60 }).map((xs) => xs.map(([w, g]) => w + g).join(''));
    fc.assert(
      fc.property(body, fc.constantFrom('order_issue', 'review_request', 'custom_design'), (b, purpose) => {
        expect(compare([{ orderId: '112-1234567-1234567', purpose, subject: 'About your order', body: b }])).toBe(1);
      }),
      { numRuns: 80, seed },
    );
  }, 120_000);
});
