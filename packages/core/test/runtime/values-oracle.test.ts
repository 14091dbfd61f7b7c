/**
 * The value operations generated evaluators call, checked against an oracle
 * that does not share their code: tables worked out by hand from the rules in
 * docs/language.md (a comparison with a missing value is false, arithmetic
 * with one gives no value), and fast-check properties against plain
 * JavaScript written here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evalContext, today, withAsOf } from '../../src/runtime/context.js';
import * as rt from '../../src/runtime/values.js';

const DAY = 86_400_000;

describe('comparisons at their boundaries', () => {
  // [a, b, a < b, a <= b, a > b, a >= b], worked out by hand.
  const rows: Array<[number | string | null | undefined, number | string | null | undefined, boolean, boolean, boolean, boolean]> = [
    [1, 2, true, true, false, false],
    [2, 1, false, false, true, true],
    [2, 2, false, true, false, true],
    [0, 0, false, true, false, true],
    [-1, 0, true, true, false, false],
    [0, -1, false, false, true, true],
    [0.1, 0.1, false, true, false, true],
    ['a', 'b', true, true, false, false],
    ['b', 'a', false, false, true, true],
    ['a', 'a', false, true, false, true],
    ['', 'a', true, true, false, false],
    // A missing value on either side: no comparison holds, whatever JavaScript would say about null.
    [1, null, false, false, false, false],
    [-1, null, false, false, false, false],
    [0, null, false, false, false, false],
    [null, 1, false, false, false, false],
    [null, -1, false, false, false, false],
    [null, 0, false, false, false, false],
    [null, null, false, false, false, false],
    [undefined, 0, false, false, false, false],
    [0, undefined, false, false, false, false],
    ['a', null, false, false, false, false],
    [null, '', false, false, false, false],
  ];
  for (const [a, b, lt, le, gt, ge] of rows) {
    it(`${String(a)} vs ${String(b)}: < ${lt}, <= ${le}, > ${gt}, >= ${ge}`, () => {
      expect([rt.lt(a, b), rt.le(a, b), rt.gt(a, b), rt.ge(a, b)]).toEqual([lt, le, gt, ge]);
    });
  }

  it('agree with plain JavaScript on numbers, and are false whenever a side is missing', () => {
    const value = fc.option(fc.integer({ min: -5, max: 5 }), { nil: null });
    fc.assert(
      fc.property(value, value, (a, b) => {
        const both = a !== null && b !== null;
        expect(rt.lt(a, b)).toBe(both && a < b);
        expect(rt.le(a, b)).toBe(both && a <= b);
        expect(rt.gt(a, b)).toBe(both && a > b);
        expect(rt.ge(a, b)).toBe(both && a >= b);
      }),
    );
  });

  it('give exactly one of <, == and > when both sides are present', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        const holds = [rt.lt(a, b), rt.eq(a, b) || a === b, rt.gt(a, b)].filter(Boolean).length;
        expect(holds).toBe(1);
        expect(rt.le(a, b)).toBe(!rt.gt(a, b));
        expect(rt.ge(a, b)).toBe(!rt.lt(a, b));
      }),
    );
  });
});

describe('equality', () => {
  const rows: Array<[unknown, unknown, boolean]> = [
    [1, 1, true],
    [1, 2, false],
    ['a', 'a', true],
    ['a', 'A', false],
    [true, true, true],
    [true, false, false],
    [null, null, true],
    [null, undefined, true],
    [undefined, null, true],
    [null, 0, false],
    [0, null, false],
    ['', null, false],
    [null, '', false],
    [[1, 2, 3], [1, 2, 3], true],
    [[1, 2, 3], [1, 2, 4], false],
    [[1, 2, 3], [0, 2, 3], false],
    [[1, 2, 3], [1, 2], false],
    [[1, 2], [1, 2, 3], false],
    [[], [], true],
    [[[1], ['a']], [[1], ['a']], true],
    [[[1], ['a']], [[1], ['b']], false],
    [{ a: 1, b: 'x' }, { b: 'x', a: 1 }, true],
    [{ a: 1 }, { a: 2 }, false],
    [{ a: 1 }, { b: 1 }, false],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: 1, b: 2 }, { a: 1 }, false],
    [{}, {}, true],
    [{}, 5, false],
    [5, {}, false],
    [{}, 'x', false],
    [[1], 1, false],
    [{}, null, false],
    [null, {}, false],
    [[1], null, false],
    [null, [1], false],
    [{ a: 1 }, undefined, false],
    [{ a: [1, { b: null }] }, { a: [1, { b: null }] }, true],
    [{ a: [1, { b: null }] }, { a: [1, { b: 0 }] }, false],
  ];
  for (const [a, b, equal] of rows) {
    it(`${JSON.stringify(a) ?? 'undefined'} == ${JSON.stringify(b) ?? 'undefined'} is ${equal}`, () => {
      expect(rt.eq(a, b)).toBe(equal);
      // The language's == and != are false when either side is missing, like every comparison.
      const bothPresent = a !== null && a !== undefined && b !== null && b !== undefined;
      expect(rt.equal(a, b)).toBe(bothPresent && equal);
      expect(rt.ne(a, b)).toBe(bothPresent && !equal);
    });
  }

  it('compares lists of numbers element by element, as plain JavaScript would', () => {
    const list = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 });
    fc.assert(
      fc.property(list, list, (a, b) => {
        const same = a.length === b.length && a.every((x, i) => x === b[i]);
        expect(rt.eq(a, b)).toBe(same);
      }),
    );
  });
});

describe('arithmetic', () => {
  it('is plain arithmetic when both sides are present, and no value otherwise', () => {
    const value = fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null });
    fc.assert(
      fc.property(value, value, (a, b) => {
        const both = a !== null && b !== null;
        expect(rt.add(a, b)).toBe(both ? a + b : null);
        expect(rt.sub(a, b)).toBe(both ? a - b : null);
        expect(rt.mul(a, b)).toBe(both ? a * b : null);
        expect(rt.div(a, b)).toBe(both && b !== 0 ? a / b : null);
        expect(rt.neg(a)).toBe(a === null ? null : -a);
        expect(rt.abs(a)).toBe(a === null ? null : a < 0 ? -a : a);
      }),
    );
  });

  it('works out a table by hand', () => {
    expect([rt.add(2, 3), rt.sub(2, 3), rt.mul(-2, 3), rt.div(7, 2), rt.div(0, 5), rt.div(5, 0)]).toEqual([5, -1, -6, 3.5, 0, null]);
    expect([rt.neg(4), rt.neg(-4), rt.neg(null), rt.neg(undefined)]).toEqual([-4, 4, null, null]);
    expect([rt.abs(-2.5), rt.abs(2.5), rt.abs(null)]).toEqual([2.5, 2.5, null]);
    expect(rt.add(undefined, 1)).toBeNull();
    expect(rt.mul(2, null)).toBeNull();
    expect(rt.div(null, 2)).toBeNull();
  });

  it('rounds half away from zero upwards, to a number of decimals', () => {
    expect(rt.round(2.5)).toBe(3);
    expect(rt.round(2.4)).toBe(2);
    expect(rt.round(-2.6)).toBe(-3);
    expect(rt.round(1.25, 1)).toBe(1.3);
    expect(rt.round(1234.5678, 2)).toBe(1234.57);
    expect(rt.round(1250, -2)).toBe(1300);
    expect(rt.round(7, null)).toBe(7);
    expect(rt.round(null, 2)).toBeNull();
  });
});

describe('lists', () => {
  it('joins two lists, treating a missing list as empty', () => {
    expect(rt.concatLists([1, 2], [3])).toEqual([1, 2, 3]);
    expect(rt.concatLists(null, ['a'])).toEqual(['a']);
    expect(rt.concatLists(['a'], undefined)).toEqual(['a']);
    expect(rt.concatLists(null, null)).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.array(fc.integer()), (a, b) => {
        const joined = rt.concatLists(a, b);
        expect(joined).toHaveLength(a.length + b.length);
        expect(joined.slice(0, a.length)).toEqual(a);
        expect(joined.slice(a.length)).toEqual(b);
      }),
    );
  });

  it('adds up, and finds the smallest and largest, skipping missing values', () => {
    expect(rt.sum([1, 2, 3.5])).toBe(6.5);
    expect(rt.sum([1, null, 2])).toBe(3);
    expect(rt.sum([1, undefined as unknown as null, 2])).toBe(3);
    expect(rt.sum([])).toBe(0);
    expect(rt.sum(null)).toBe(0);
    expect(rt.min([3, 1, 2])).toBe(1);
    expect(rt.min([3, null, -1, 2])).toBe(-1);
    expect(rt.min([null, 4])).toBe(4);
    expect(rt.min([])).toBeNull();
    expect(rt.min([null])).toBeNull();
    expect(rt.min(null)).toBeNull();
    expect(rt.max([3, 1, 2])).toBe(3);
    expect(rt.max([-3, null, -1, -2])).toBe(-1);
    expect(rt.max([null, -4])).toBe(-4);
    expect(rt.max([])).toBeNull();
    expect(rt.max(undefined)).toBeNull();
    expect(rt.min(['pear', 'apple', 'fig'])).toBe('apple');
    expect(rt.max(['pear', 'apple', 'fig'])).toBe('pear');
  });

  it('agree with a plain loop on any list of numbers and missing values', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -50, max: 50 }), { nil: null })), (list) => {
        const present = list.filter((x): x is number => x !== null);
        let total = 0;
        for (const x of present) total += x;
        expect(rt.sum(list)).toBe(total);
        expect(rt.min(list)).toBe(present.length === 0 ? null : Math.min(...present));
        expect(rt.max(list)).toBe(present.length === 0 ? null : Math.max(...present));
        expect(rt.count(list)).toBe(list.length);
        expect(rt.first(list)).toBe(list.length === 0 ? null : list[0]);
      }),
    );
  });

  it('counts, measures, and takes the first item', () => {
    expect([rt.count([1, 2]), rt.count([]), rt.count(null)]).toEqual([2, 0, 0]);
    expect([rt.length('abc'), rt.length(''), rt.length([1, 2]), rt.length({ a: 1, b: 2, c: 3 }), rt.length(null)]).toEqual([3, 0, 2, 3, 0]);
    expect([rt.first(['x', 'y']), rt.first([]), rt.first(null)]).toEqual(['x', null, null]);
  });

  it('finds items by value, and keys in tables', () => {
    expect(rt.inList(2, [1, 2, 3])).toBe(true);
    expect(rt.inList(4, [1, 2, 3])).toBe(false);
    expect(rt.inList([1], [[0], [1]])).toBe(true);
    expect(rt.inList({ a: 1 }, [{ a: 2 }])).toBe(false);
    expect(rt.inList(1, null)).toBe(false);
    expect(rt.inList(null, [null])).toBe(true);
    expect(rt.listContains(['a', 'b'], 'b')).toBe(true);
    expect(rt.listContains(['a', 'b'], 'c')).toBe(false);
    expect(rt.listContains(undefined, 'c')).toBe(false);
    expect(rt.hasKey({ color: 'red' }, 'color')).toBe(true);
    expect(rt.hasKey({ color: 'red' }, 'size')).toBe(false);
    expect(rt.hasKey({ color: 'red' }, 'toString')).toBe(false);
    expect(rt.hasKey(null, 'color')).toBe(false);
    expect(rt.hasKey({ color: 'red' }, null)).toBe(false);
    expect(rt.hasKey({ null: 'x' }, null)).toBe(false);
    expect(rt.keys({ b: 1, a: 2 })).toEqual(['b', 'a']);
    expect(rt.keys(null)).toEqual([]);
  });

  it('indexes lists by whole numbers in range and tables by their own keys', () => {
    const list = ['a', 'b', 'c'];
    expect([rt.at(list, 0), rt.at(list, 2), rt.at(list, 3), rt.at(list, -1), rt.at(list, 1.5), rt.at(list, '1')]).toEqual(['a', 'c', null, null, null, 'b']);
    expect(rt.at(list, null)).toBeNull();
    expect(rt.at(list, 'length')).toBeNull();
    expect(rt.at(null, 0)).toBeNull();
    const table = { color: 'red', size: null };
    expect([rt.at(table, 'color'), rt.at(table, 'size'), rt.at(table, 'weight'), rt.at(table, 'toString')]).toEqual(['red', null, null, null]);
    expect(rt.at('text', 0)).toBeNull();
  });

  it('joins items into text', () => {
    expect(rt.join(['a', 'b'])).toBe('a, b');
    expect(rt.join([1, 'x'], ' | ')).toBe('1 | x');
    expect(rt.join([{ text: 'jo@example.com' }, { text: 'an@example.com' }], '; ')).toBe('jo@example.com; an@example.com');
    expect(rt.join([null, 2], null)).toBe('null, 2');
    expect(rt.join(null)).toBe('');
  });
});

describe('text', () => {
  it('searches ignoring case, and finds nothing in or for a missing text', () => {
    const rows: Array<[string | null, string | null, boolean, boolean, boolean]> = [
      // [text, part, contains, startsWith, endsWith]
      ['Refurbished Phone', 'PHONE', true, false, true],
      ['Refurbished Phone', 'refurb', true, true, false],
      ['Refurbished Phone', 'bish', true, false, false],
      ['Refurbished Phone', 'tablet', false, false, false],
      ['abc', '', true, true, true],
      ['', 'a', false, false, false],
      [null, 'a', false, false, false],
      ['abc', null, false, false, false],
    ];
    for (const [text, part, c, s, e] of rows) expect([rt.contains(text, part), rt.startsWith(text, part), rt.endsWith(text, part)], `${text} / ${part}`).toEqual([c, s, e]);
  });

  it('joins texts, a missing one counting as empty', () => {
    expect([rt.concat('a', 'b'), rt.concat(null, 'b'), rt.concat('a', undefined), rt.concat(null, null)]).toEqual(['ab', 'b', 'a', '']);
  });

  it('changes case and trims, keeping a missing text missing', () => {
    expect([rt.lower('AbC'), rt.upper('AbC'), rt.trim('  a b  ')]).toEqual(['abc', 'ABC', 'a b']);
    expect([rt.lower(null), rt.upper(null), rt.trim(undefined)]).toEqual([null, null, null]);
  });

  it('replaces every occurrence', () => {
    expect(rt.replace('a-b-c', '-', '+')).toBe('a+b+c');
    expect(rt.replace('a-b', '-', null)).toBe('ab');
    expect(rt.replace('abc', '', 'x')).toBe('abc');
    expect(rt.replace('abc', null, 'x')).toBe('abc');
    expect(rt.replace(null, 'a', 'b')).toBeNull();
  });

  it('splits into trimmed, non-empty parts', () => {
    expect(rt.split('red, green,,blue ', ',')).toEqual(['red', 'green', 'blue']);
    expect(rt.split('  one  ', null)).toEqual(['one']);
    expect(rt.split('one two', '')).toEqual(['one two']);
    expect(rt.split('   ', null)).toEqual([]);
    expect(rt.split(null, ',')).toEqual([]);
  });

  it('tells empty values from present ones', () => {
    const rows: Array<[unknown, boolean]> = [
      [null, true],
      [undefined, true],
      ['', true],
      ['  \n', true],
      [' x ', false],
      [[], true],
      [[null], false],
      [{}, true],
      [{ a: null }, false],
      [0, false],
      [false, false],
    ];
    for (const [v, isEmpty] of rows) expect(rt.empty(v), JSON.stringify(v)).toBe(isEmpty);
    expect([rt.exists(null), rt.exists(undefined), rt.exists(0), rt.exists('')]).toEqual([false, false, true, true]);
  });

  it('reads every language name it knows, in any case, and the first part of a code', () => {
    const names: Array<[string, string]> = [
      ['english', 'en'], ['German', 'de'], ['Deutsch', 'de'], ['french', 'fr'], ['francais', 'fr'], ['Français', 'fr'],
      ['spanish', 'es'], ['espanol', 'es'], ['español', 'es'], ['italian', 'it'], ['italiano', 'it'], ['japanese', 'ja'],
      ['日本語', 'ja'], ['chinese', 'zh'], ['中文', 'zh'], ['dutch', 'nl'], ['nederlands', 'nl'], ['polish', 'pl'], ['polski', 'pl'],
      ['swedish', 'sv'], ['svenska', 'sv'], ['turkish', 'tr'], ['Türkçe', 'tr'], ['portuguese', 'pt'], ['português', 'pt'],
      ['arabic', 'ar'], ['العربية', 'ar'], ['hindi', 'hi'],
      [' fr-CA ', 'fr'], ['pt_BR', 'pt'], ['ZH', 'zh'], ['klingon', 'klingon'], ['   ', ''],
    ];
    for (const [name, code] of names) expect(rt.languageCode(name), name).toBe(code === '' ? null : code);
    expect(rt.languageCode(undefined)).toBeNull();
  });

  it('writes every unit one way, attached to its number, metric quantities in their base unit (mm, g, ml, w)', () => {
    const rows: Array<[string, string]> = [
      ['10 Centimeters', '100mm'], ['10 centimetres', '100mm'], ['10 cms', '100mm'], ['5 millimeters', '5mm'], ['5 MM', '5mm'],
      ['2 meters', '2000mm'], ['2 metres', '2000mm'], ['3 inches', '3in'], ['3 inch', '3in'], ['2 kilograms', '2000g'], ['2 kgs', '2000g'],
      ['2 kilos', '2000g'], ['500 grams', '500g'], ['500 gr', '500g'], ['5 pounds', '5lb'], ['5 lbs', '5lb'], ['8 ounces', '8oz'],
      ['8 OZ', '8oz'], ['250 milliliters', '250ml'], ['250 mls', '250ml'], ['1 liter', '1000ml'], ['1 litres', '1000ml'], ['60 watts', '60w'],
      ['12 volts', '12v'], ['5000 milliamp hours', '5000mah'], ['5000 mAh', '5000mah'], ['50 hertz', '50hz'], ['50 Hz', '50hz'],
      ['1 centimeter', '10mm'], ['1 millimetre', '1mm'], ['1 meter', '1000mm'], ['1 kilogram', '1000g'], ['1 kilo', '1000g'], ['1 gram', '1g'],
      ['1 gm', '1g'], ['1 gms', '1g'], ['1 pound', '1lb'], ['1 ounce', '1oz'], ['1 milliliter', '1ml'], ['1 ml', '1ml'], ['1 mls', '1ml'],
      ['1 watt', '1w'], ['1 volt', '1v'], ['1 milliamp hour', '1mah'], ['1 milliamphours', '1mah'], ['1 milliamp-hour', '1mah'],
      ['10   cm', '100mm'], ['10\tkg', '10000g'],
      ['Crème  Brûlée', 'creme brulee'], ['  a \t b  ', 'a b'], ['size m', 'size m'],
    ];
    for (const [input, folded] of rows) expect(rt.normalize(input), input).toBe(folded);
    expect(rt.normalize(null)).toBeNull();
  });
});

describe('dates and durations', () => {
  it("checks as of the context's day, cut to its UTC day, or of today", () => {
    const ctx = evalContext({ asOf: Date.UTC(2026, 10, 20, 15, 30) });
    expect(ctx.asOf).toBe(Date.UTC(2026, 10, 20));
    expect(today(ctx)).toBe(Date.UTC(2026, 10, 20));
    expect(today(withAsOf(ctx, Date.UTC(2026, 0, 2, 23, 59)))).toBe(Date.UTC(2026, 0, 2));
    expect(today(withAsOf(ctx, null))).toBe(Date.UTC(2026, 10, 20));
    const before = Math.floor(Date.now() / DAY) * DAY;
    const real = today(evalContext());
    const after = Math.floor(Date.now() / DAY) * DAY;
    expect([before, after]).toContain(real);
  });

  it('converts durations to days and hours', () => {
    expect([rt.days(3 * DAY), rt.days(DAY / 2), rt.days(null)]).toEqual([3, 0.5, null]);
    expect([rt.hours(90 * 60_000), rt.hours(DAY), rt.hours(undefined)]).toEqual([1.5, 24, null]);
  });
  it('takes the UTC day of a time, at both ends of the day', () => {
    const day = Date.UTC(2026, 10, 3);
    expect([rt.dateOf(day), rt.dateOf(day + DAY - 1), rt.dateOf(day + DAY), rt.dateOf(null)]).toEqual([day, day, day + DAY, null]);
  });
});

describe('user patterns', () => {
  it('never report empty matches, and report every non-empty one with its place', () => {
    expect(rt.regex('a*').findAll('baab')).toEqual([{ start: 1, end: 3, text: 'aa' }]);
    expect(rt.regex('\\d+').findAll('1 22 333')).toEqual([
      { start: 0, end: 1, text: '1' },
      { start: 2, end: 4, text: '22' },
      { start: 5, end: 8, text: '333' },
    ]);
    expect([rt.regex('x').test(null), rt.regex('x').test('axb'), rt.regex('^x$').test('axb')]).toEqual([false, true, false]);
  });
});
