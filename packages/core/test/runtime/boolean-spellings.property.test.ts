/**
 * Booleans in report cells: "true" and "false" as written are read without
 * trimming and lower-casing a copy; every text must still read as the
 * lenient rule says (trimmed, any case: true/yes/y/1/t, false/no/n/0/f),
 * here written out independently of the reader.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAD, coerceBoolean } from '../../src/runtime/coerce.js';

function byTheRule(text: string): boolean | typeof BAD {
  const t = text.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 't'].includes(t)) return true;
  if (['false', 'no', 'n', '0', 'f'].includes(t)) return false;
  return BAD;
}

const spelling = fc.oneof(
  fc.constantFrom('true', 'false', 'True', 'FALSE', ' true', 'false ', 'yes', 'No', 'y', 'N', '1', '0', 't', 'F', '', ' ', 'truth', 'fals', 'true\n', '\ttrue'),
  fc.string({ maxLength: 6 }),
);

describe('boolean cells', () => {
  it('read as the lenient rule says, with or without the short way for "true" and "false"', () => {
    fc.assert(fc.property(spelling, (text) => {
        expect(coerceBoolean(text)).toBe(byTheRule(text));
      }), { numRuns: 2000 });
  });
});
