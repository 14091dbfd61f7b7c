/** The catalogue helpers: filling templates, building diagnostics, and the one edit distance. */
import { describe, expect, it } from 'vitest';
import { closestName, defineMessages, editDistance, fillTemplate, report } from '../src/catalogue.js';

describe('editDistance (optimal string alignment)', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('recrod', 'record')).toBe(1);
  });
  it('counts insertions, deletions and substitutions, ignoring case', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('Body', 'body')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    // OSA, not full Damerau–Levenshtein: "ca" → "abc" needs 3 edits here (2 with unrestricted transpositions)
    expect(editDistance('ca', 'abc')).toBe(3);
  });
});

describe('closestName', () => {
  it('suggests the nearest candidate within a third of the word', () => {
    expect(closestName('titel', ['body', 'title', 'price'])).toBe('title');
    expect(closestName('xyz', ['body', 'title'])).toBeUndefined();
  });
  it('with prefix, accepts the one candidate that starts with what was written', () => {
    expect(closestName('promo', ['promotion', 'price'], { prefix: true })).toBe('promotion');
    expect(closestName('promo', ['promotion', 'price'])).toBeUndefined();
  });
});

describe('report', () => {
  const codes = { SG9990: 'test code' };
  const messages = defineMessages(codes, {
    noField: { code: 'SG9990', message: '{record} has no field `{name}`', help: 'write `{ field: value }` with a field of {record}' },
    advice: { code: 'SG9990', severity: 'warning', message: 'consider {what}' },
  });
  it('fills the message and help, leaving braces that are not parameters as text', () => {
    const d = report(messages.noField, { start: 1, end: 4 }, { record: 'Message', name: 'titel' });
    expect(d).toEqual({
      code: 'SG9990',
      severity: 'error',
      message: 'Message has no field `titel`',
      help: 'write `{ field: value }` with a field of Message',
      span: { start: 1, end: 4 },
    });
  });
  it('takes the severity from the template and help from the report when given', () => {
    const d = report(messages.advice, { start: 0, end: 0 }, { what: 'a hint' }, { help: 'did you mean `x`?', file: 'a.policy' });
    expect(d).toEqual({ code: 'SG9990', severity: 'warning', message: 'consider a hint', help: 'did you mean `x`?', file: 'a.policy', span: { start: 0, end: 0 } });
  });
  it('fillTemplate keeps a parameter it has no value for', () => {
    expect(fillTemplate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
