/**
 * Short seeded fuzz runs (the seed is fixed for `npm test`, see
 * scripts/test/fast-check-seed.ts): policy mutations through parse, compile,
 * analyze and fmt; random records through every shipped policy, the generated
 * code against the interpreter; byte soups through every reader. Longer runs:
 * `npm run fuzz -- --seconds 600`.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { policyMutationProperty } from '../../../../scripts/fuzz/policies.js';
import { recordProperty } from '../../../../scripts/fuzz/records.js';
import { readerProperty } from '../../../../scripts/fuzz/readers.js';

describe('seeded fuzzing', () => {
  it('mutated shipped policies never break parse, compile, analyze or fmt; fmt is idempotent and keeps the meaning', () => {
    fc.assert(policyMutationProperty, { numRuns: 15 });
  }, 120_000);

  it('random records through every shipped policy: no throw, counts add up, interpreter and generated code agree', () => {
    fc.assert(recordProperty, { numRuns: 80 });
  }, 120_000);

  it('byte soups in every input format and on standard input never break a reader', async () => {
    await fc.assert(readerProperty, { numRuns: 60 });
  }, 120_000);
});
