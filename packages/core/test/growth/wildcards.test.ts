/**
 * `word*` wildcard phrases stay linear when a match would start inside a word (the left word boundary
 * fails at every position of one long word): doubling the text about doubles the time.
 */
import { describe, expect, it } from 'vitest';
import { compilePhrases } from '../../src/runtime/detectors/index.js';
import { growthRatio } from '../reliability/growth.js';

describe('wildcard phrases grow linearly with the text', () => {
  const matcher = compilePhrases(['review*', 'best* seller', 'five star']);
  const texts: Array<[string, (n: number) => string]> = [
    ['a trailing wildcard inside a word', (n) => 'a' + 'review'.repeat(n / 6)],
    ['a wildcard in the middle of a phrase', (n) => 'x' + 'best'.repeat(n / 4)],
  ];
  for (const [name, make] of texts) {
    it(`${name}: time at 2N / time at N stays well below the 4 of quadratic growth`, () => {
      const n = 1024 * 1024;
      expect(matcher(make(n))).toEqual([]);
      expect(growthRatio(matcher, make, n)).toBeLessThan(3);
    });
  }
});
