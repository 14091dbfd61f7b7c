import { describe, expect, test } from 'vitest';
import type { Key } from 'ink';
import { isSpecialKey, keyToAction, splitBurst } from '../src/keys.js';
import { initialState, type UiState } from '../src/state.js';

const browsing: UiState = { ...initialState, screen: 'list' };
const k = (patch: Partial<Key>): Partial<Key> => patch;

describe('keyToAction while browsing', () => {
  test.each([
    ['↑', '', k({ upArrow: true }), 'up'],
    ['k', 'k', k({}), 'up'],
    ['↓', '', k({ downArrow: true }), 'down'],
    ['j', 'j', k({}), 'down'],
    ['PgUp', '', k({ pageUp: true }), 'pageUp'],
    ['Ctrl-B', 'b', k({ ctrl: true }), 'pageUp'],
    ['PgDn', '', k({ pageDown: true }), 'pageDown'],
    ['Space', ' ', k({}), 'pageDown'],
    ['g', 'g', k({}), 'first'],
    ['Home', '', k({ home: true }), 'first'],
    ['G', 'G', k({ shift: true }), 'last'],
    ['End', '', k({ end: true }), 'last'],
    ['Enter', '', k({ return: true }), 'open'],
    ['Esc', '', k({ escape: true }), 'back'],
    ['Tab', '', k({ tab: true }), 'tab'],
    ['→', '', k({ rightArrow: true }), 'next'],
    ['n', 'n', k({}), 'next'],
    ['←', '', k({ leftArrow: true }), 'previous'],
    ['p', 'p', k({}), 'previous'],
    ['/', '/', k({}), 'searchStart'],
    ['?', '?', k({}), 'help'],
    ['s', 's', k({}), 'cycleSeverity'],
    ['r', 'r', k({}), 'cycleRule'],
    ['c', 'c', k({}), 'clearFilters'],
    ['e', 'e', k({}), 'exportStart'],
    ['q', 'q', k({}), 'quit'],
  ])('%s', (_name, input, key, type) => {
    expect(keyToAction(input, key, browsing)?.type).toBe(type);
  });

  test('other keys do nothing', () => {
    expect(keyToAction('x', {}, browsing)).toBeNull();
    expect(keyToAction('q', { ctrl: true }, browsing)).toBeNull();
  });
});

describe('keyToAction in the search line', () => {
  const searching: UiState = { ...browsing, search: { draft: 'bo', before: '' } };
  test('letters, even q and j, are text', () => {
    expect(keyToAction('q', {}, searching)).toEqual({ type: 'searchType', text: 'q' });
    expect(keyToAction('j', {}, searching)).toEqual({ type: 'searchType', text: 'j' });
  });
  test('Enter keeps, Esc undoes, Backspace erases, Ctrl-U clears', () => {
    expect(keyToAction('', { return: true }, searching)?.type).toBe('searchDone');
    expect(keyToAction('', { escape: true }, searching)?.type).toBe('searchCancel');
    expect(keyToAction('', { backspace: true }, searching)?.type).toBe('searchErase');
    expect(keyToAction('', { delete: true }, searching)?.type).toBe('searchErase');
    expect(keyToAction('u', { ctrl: true }, searching)?.type).toBe('searchClear');
  });
  test('arrows are ignored', () => {
    expect(keyToAction('', { downArrow: true }, searching)).toBeNull();
  });
});

describe('keyToAction while typing a command or a file name', () => {
  const typing: UiState = { ...browsing, prompt: { kind: 'command', draft: 'ru' } };
  test('letters are typed (q too), Enter runs, Esc cancels, Backspace and Ctrl+U erase', () => {
    expect(keyToAction('q', {}, typing)).toEqual({ type: 'promptType', text: 'q' });
    expect(keyToAction('', { return: true }, typing)?.type).toBe('promptDone');
    expect(keyToAction('', { escape: true }, typing)?.type).toBe('promptCancel');
    expect(keyToAction('', { backspace: true }, typing)?.type).toBe('promptErase');
    expect(keyToAction('u', { ctrl: true }, typing)?.type).toBe('promptClear');
    expect(keyToAction('', { downArrow: true }, typing)).toBeNull();
  });
  test(': starts a command, o and O sort the list, y copies', () => {
    expect(keyToAction(':', {}, browsing)?.type).toBe('commandStart');
    expect(keyToAction('o', {}, { ...browsing, screen: 'list' })?.type).toBe('sortNext');
    expect(keyToAction('O', {}, { ...browsing, screen: 'list' })?.type).toBe('sortReverse');
    expect(keyToAction('y', {}, { ...browsing, screen: 'record' })?.type).toBe('yank');
    expect(keyToAction('y', {}, { ...browsing, screen: 'summary' })).toBeNull();
  });
});

describe('splitBurst', () => {
  test('splits keys that arrived together', () => {
    expect(splitBurst('\t\rjj')).toEqual([
      { input: '', key: { tab: true } },
      { input: '', key: { return: true } },
      { input: 'j', key: {} },
      { input: 'j', key: {} },
    ]);
  });
  test('control characters become Ctrl keys, DEL is Backspace', () => {
    expect(splitBurst('\x15\x7f')).toEqual([
      { input: 'u', key: { ctrl: true } },
      { input: '', key: { backspace: true } },
    ]);
  });
  test('keeps emoji whole', () => {
    expect(splitBurst('a🎉').map((p) => p.input)).toEqual(['a', '🎉']);
  });
  test('isSpecialKey tells arrows from text', () => {
    expect(isSpecialKey({ upArrow: true })).toBe(true);
    expect(isSpecialKey({ shift: true })).toBe(false);
  });
});
