import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDiff, diffText } from '../src/lib/textDiff';

describe('the compact text difference of share links', () => {
  it('keeps the common start and end, and stores only what changed', () => {
    expect(diffText('rule a error {\n}\n', 'rule b error {\n}\n')).toEqual([5, 11, 'b']);
    expect(diffText('abc', 'abc')).toEqual([3, 0, '']);
    expect(diffText('aaa', 'aaaa')).toEqual([3, 0, 'a']);
    expect(diffText('', 'new')).toEqual([0, 0, 'new']);
  });

  it('applying the difference gives the edited text back, for any two texts', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (from, to) => applyDiff(from, diffText(from, to)) === to));
  });

  it('refuses a difference that does not fit the text', () => {
    expect(applyDiff('short', [4, 4, 'x'])).toBeNull();
    expect(applyDiff('text', 'nonsense')).toBeNull();
    expect(applyDiff('text', [1.5, 0, ''])).toBeNull();
  });
});
