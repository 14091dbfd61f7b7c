/**
 * The shipped policies cite public sources a seller can look up: Amazon's
 * own pages and policy names (or, for practice around them, say so). Never a
 * reference that only makes sense inside this project, such as a document
 * number.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../packages/core/src/node/index.js';

const root = resolve(import.meta.dirname, '../..');
const files = readdirSync(join(root, 'policies')).filter((f) => f.endsWith('.policy')).sort();
/** Internal document references: "seed 002", "seeds 003, 004", "doc 4", "#004". */
const INTERNAL_REFERENCE = /\b(seeds?|docs?|documents?)\s+\d|#\d{3}\b/i;

describe.each(files)('%s', (file) => {
  it('cites Amazon by page or policy name in its source and every rule source', () => {
    const { policy } = loadPolicy(join(root, 'policies', file));
    const sources = [policy!.source ?? '', ...policy!.rules.map((r) => r.source ?? '')];
    expect(sources.filter((s) => !/Amazon/.test(s))).toEqual([]);
    expect(sources.filter((s) => INTERNAL_REFERENCE.test(s))).toEqual([]);
  });

  it('has no internal document numbers in its comments either', () => {
    const lines = readFileSync(join(root, 'policies', file), 'utf8').split('\n');
    expect(lines.filter((l) => INTERNAL_REFERENCE.test(l))).toEqual([]);
  });
});
