import { describe, expect, it } from 'vitest';
import * as rt from '../../src/runtime/values.js';
import { show, showDuration } from '../../src/runtime/format.js';
import { applyFix, fixInsert, fixRemove, fixReplace, getPath } from '../../src/runtime/fixes.js';
import { all, any, countWhere, matched, nonEmpty, spansOf, type Witnesses } from '../../src/runtime/witnesses.js';
import { sentences } from '../../src/runtime/text.js';

describe('null-safe operations', () => {
  it('compares nothing with missing values', () => {
    expect([rt.lt(null, 1), rt.le(1, null), rt.gt(undefined, 0), rt.ge(null, null)]).toEqual([false, false, false, false]);
    expect([rt.lt(1, 2), rt.ge(2, 2), rt.gt('b', 'a')]).toEqual([true, true, true]);
    expect([rt.equal(null, null), rt.equal('a', null), rt.ne('a', null), rt.ne(null, undefined), rt.ne(undefined, 'b')]).toEqual([false, false, false, false, false]);
    expect([rt.equal('a', 'a'), rt.ne('a', 'b'), rt.ne([1], [1]), rt.equal({ k: 1 }, { k: 1 })]).toEqual([true, true, false, true]);
  });
  it('propagates missing values through arithmetic and refuses division by zero', () => {
    expect([rt.add(1, null), rt.sub(null, 1), rt.div(1, 0), rt.div(6, 3), rt.mul(2, 3)]).toEqual([null, null, null, 2, 6]);
  });
  it('compares lists and tables by value', () => {
    expect(rt.eq([1, { a: 'x' }], [1, { a: 'x' }])).toBe(true);
    expect(rt.eq({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(rt.eq(null, undefined)).toBe(true);
    expect(rt.eq(null, 0)).toBe(false);
  });
  it('searches text ignoring case', () => {
    expect(rt.contains('Refurbished Phone', 'refurbished')).toBe(true);
    expect(rt.startsWith('B07XYZ', 'b07')).toBe(true);
    expect(rt.endsWith(null, 'x')).toBe(false);
  });
  it('normalizes units and spacing for comparisons', () => {
    expect(rt.normalize('10 Centimeters')).toBe(rt.normalize('10cm'));
    expect(rt.normalize('  Crème   Brûlée ')).toBe('creme brulee');
    expect(rt.normalize('2 Kilograms')).toBe(rt.normalize('2 kg'));
    expect(rt.normalize('500 ml')).toBe(rt.normalize('500 Milliliters'));
  });
  it('reads language codes', () => {
    expect(['en-US', 'EN', 'English', 'de_DE', 'Deutsch', '', null].map(rt.languageCode)).toEqual(['en', 'en', 'en', 'de', 'de', null, null]);
  });
  it('takes the UTC day of a timestamp', () => {
    expect(rt.dateOf(Date.parse('2026-11-03T23:59:00Z'))).toBe(Date.parse('2026-11-03T00:00:00Z'));
  });
  it('runs user patterns on RE2 with UTF-16 offsets', () => {
    const re = rt.regex('(?i)save\\s+\\d+%');
    const text = '😀 Save 20% today';
    expect(re.findAll(text)).toEqual([{ start: 3, end: 11, text: 'Save 20%' }]);
    expect(re.test('nothing')).toBe(false);
  });
});

describe('showing values in messages', () => {
  it('formats by type', () => {
    expect(show(Date.parse('2026-11-03T00:00:00Z'), 'date')).toBe('2026-11-03');
    expect(show(Date.parse('2026-11-03T10:05:00Z'), 'datetime')).toBe('2026-11-03 10:05 UTC');
    expect(show(0.0116, 'percent')).toBe('1.16%');
    expect(show(31.0000001, 'number')).toBe('31');
    expect(show(null, 'string')).toBe('(none)');
    expect(show(true, 'boolean')).toBe('yes');
    expect(show(['a', 'b'], 'list')).toBe('a, b');
  });
  it('reads durations naturally', () => {
    expect(showDuration(86_400_000)).toBe('1 day');
    expect(showDuration(31 * 86_400_000)).toBe('31 days');
    expect(showDuration(5 * 3_600_000)).toBe('5 hours');
    expect(showDuration(-2 * 86_400_000)).toBe('-2 days');
  });
});

const m = (path: string, start: number, text: string) => ({ path, start, end: start + text.length, text });

describe('witnesses', () => {
  it('keeps only the items that decide the outcome', () => {
    const w: Witnesses = [];
    expect(any([1, 5, 7], 'xs', (x) => x > 4, w)).toBe(true);
    expect(w).toEqual([{ path: 'xs[1]', text: '5' }, { path: 'xs[2]', text: '7' }]);
    const w2: Witnesses = [];
    expect(all([1, 5, 7], 'xs', (x) => x > 4, w2)).toBe(false);
    expect(w2).toEqual([{ path: 'xs[0]', text: '1' }]);
    const w3: Witnesses = [];
    expect(countWhere([{ a: 1 }, { a: 5 }], null, (x) => x.a > 4, w3)).toBe(1);
    expect(w3).toEqual([]);
    const w4: Witnesses = [];
    expect(any(['wattage', 'color'], 'listing.parameters', (k) => k === 'color', w4, true)).toBe(true);
    expect(w4).toEqual([{ path: 'listing.parameters.color', text: 'color' }]);
    expect(matched(w4)).toBe('color');
  });
  it('rolls back witnesses pushed inside a body that did not hold', () => {
    const w: Witnesses = [];
    const items = [m('body', 0, 'a@b.com'), m('body', 10, 'c@d.com')];
    any([{ n: 1 }, { n: 2 }], 'xs', (x) => nonEmpty(items, w) && x.n > 1, w);
    expect(w.filter((x) => x.start !== undefined)).toHaveLength(2);
    expect(w.at(-1)).toEqual({ path: 'xs[1]' });
  });
  it('lists matched texts once and spans in order', () => {
    const w: Witnesses = [m('body', 10, 'a@b.com'), m('body', 0, 'a@b.com'), m('subject', 2, 'x'), m('body', 0, 'a@b.com')];
    expect(matched(w)).toBe('a@b.com, x');
    expect(spansOf(w).map((s) => `${s.path}:${s.start}`)).toEqual(['body:0', 'body:10', 'subject:2']);
  });
  it('leaves out spans inside a larger span of the same field', () => {
    const w: Witnesses = [m('body', 6, 'review'), m('body', 0, 'Leave review for gift'), m('body', 17, 'gift'), m('subject', 6, 'review')];
    expect(spansOf(w).map((s) => s.text)).toEqual(['Leave review for gift', 'review']);
    expect(matched(w)).toBe('Leave review for gift, review');
  });
});

describe('fixes', () => {
  const record = { subject: 'Hi', body: 'Thanks 😊 for your order 😊', items: [{ note: 'x http://a.co' }] };
  it('removes matches with one neighbouring space', () => {
    const w: Witnesses = [m('body', 7, '😊'), m('body', 25, '😊')];
    const fix = fixRemove(record, w)!;
    expect(applyFix(record, fix).body).toBe('Thanks for your order');
  });
  it('replaces matches and inserts text', () => {
    const fix = fixReplace([m('items[0].note', 2, 'http://a.co')], (s) => s.text.replace('http://', 'https://'))!;
    expect(applyFix(record, fix).items[0].note).toBe('x https://a.co');
    const ins = fixInsert(record, 'subject', 'Order 1: ', 'start')!;
    expect(applyFix(record, ins).subject).toBe('Order 1: Hi');
    expect(record.subject).toBe('Hi');
  });
  it('reads nested paths', () => {
    expect(getPath(record, 'items[0].note')).toBe('x http://a.co');
    expect(getPath(record, 'items[3].note')).toBeUndefined();
  });
});

describe('sentences', () => {
  it('splits at punctuation, CJK stops, line breaks and HTML blocks', () => {
    const text = 'Hello there. Is it OK?\nYes!<br>Done 好的。谢谢';
    expect(sentences(text).map((s) => s.text)).toEqual(['Hello there.', 'Is it OK?', 'Yes!', 'Done 好的。', '谢谢']);
    for (const s of sentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
  it('does not split decimals or domains', () => {
    expect(sentences('It costs 19.99 at shop.example.com today.').map((s) => s.text)).toEqual(['It costs 19.99 at shop.example.com today.']);
  });
});
