/**
 * Filtering and sorting in slices: the result is the plain filter and sort,
 * and keys are answered while a large list is still being worked out. The
 * slices are run by hand (a queue and a clock that moves 10 ms per look),
 * so the tests do not depend on the machine's speed.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { App } from '../src/App.js';
import { ListBuilder, type Slicing } from '../src/list-job.js';
import { NO_FILTERS, type Filters } from '../src/filter.js';
import type { FlaggedRecord } from '../src/model.js';
import { fixedStore } from '../src/session.js';
import { fixtureState, KEYS, manyRecords, renderAt } from './helpers.js';

afterEach(() => cleanup());

/** Slices run only when the test says so; each look at the clock is 10 ms later, so every slice is one step. */
function handSlicing() {
  const queue: Array<() => void> = [];
  let t = 0;
  const slicing: Slicing = { schedule: (step) => void queue.push(step), now: () => (t += 10) };
  return {
    slicing,
    pending: () => queue.length,
    runAll: () => {
      while (queue.length) queue.shift()!();
    },
  };
}

/** Records with one or two problems, "seller17@example.com" style text, a varying first problem. */
function records(n: number): FlaggedRecord[] {
  return manyRecords(n).map((r, i) =>
    i % 3 === 0
      ? { ...r, violations: [{ ...r.violations[0], rule: 'tui-fixture/phone-number', message: `Phone numbers are not allowed: ${1000 - (i % 997)}` }, ...r.violations] }
      : r,
  );
}

describe('ListBuilder', () => {
  test('filtering and sorting give the same list as a plain filter and a stable sort', () => {
    const all = records(5000);
    const h = handSlicing();
    const b = new ListBuilder(() => undefined, h.slicing);
    const filters: Filters = { ...NO_FILTERS, text: 'seller1' };
    b.update(all, filters, { column: 'first', descending: false });
    expect(b.busy?.what).toBe('filtering');
    h.runAll();
    expect(b.busy).toBeNull();
    const expected = all
      .filter((r) => JSON.stringify(r.raw).toLowerCase().includes('seller1'))
      .map((r) => ({ r, first: `${r.violations[0].rule.split('/')[1]}: ${r.violations[0].message}` }))
      // The list sorts text the way people read it (the locale's collation), like localeCompare.
      .sort((a, b) => a.first.localeCompare(b.first) || a.r.index - b.r.index)
      .map(({ r }) => r.index);
    expect(b.records.map((r) => r.index)).toEqual(expected);
  });

  test('records that arrive while reading are filtered and merged into the sorted list', () => {
    const all = records(3000);
    const growing = all.slice(0, 1000);
    const h = handSlicing();
    const b = new ListBuilder(() => undefined, h.slicing);
    const sort = { column: 'problems' as const, descending: true };
    b.update(growing, NO_FILTERS, sort);
    h.runAll();
    growing.push(...all.slice(1000));
    b.update(growing, NO_FILTERS, sort);
    h.runAll();
    // Two problems first (every third record), each group in input order.
    const expected = [...all.filter((_, i) => i % 3 === 0), ...all.filter((_, i) => i % 3 !== 0)].map((r) => r.index);
    expect(b.records.map((r) => r.index)).toEqual(expected);
  });
});

describe('the app while a large list is filtered', () => {
  test('keys are answered while the filter is still running, and the list fills in afterwards', async () => {
    const state = await fixtureState();
    const many = records(60_000);
    const h = handSlicing();
    const r = await renderAt(<App store={fixedStore({ ...state, data: { ...state.data, flagged: many, version: 99 } })} slicing={h.slicing} />);
    h.runAll();
    await r.press(KEYS.tab, '/', 's', 'e', 'l', 'l', 'e', 'r', '5', '9', '9', '9', '9');
    expect(r.screen()).toMatch(/Filtering… \d+%/);
    expect(h.pending()).toBeGreaterThan(0);
    // Help opens at once, with the filter still unfinished behind it.
    await r.press(KEYS.enter, '?');
    expect(r.screen()).toContain('move up and down');
    expect(h.pending()).toBeGreaterThan(0);
    await r.press(KEYS.escape);
    await r.after(() => h.runAll());
    // seller59999 and nothing else: 59999 is the only index starting with those digits below 60,000.
    expect(r.screen()).toContain('1 of 60,000 records with problems match: text "seller59999"');
    expect(r.screen()).toMatch(/› many\.jsonl line 60000 /);
  });
});
