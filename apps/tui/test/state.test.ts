import { describe, expect, test } from 'vitest';
import { NO_FILTERS } from '../src/filter.js';
import { clampAll, initialState, INVALID_ROW, reduce, type Action, type UiState, type View } from '../src/state.js';

const view: View = {
  records: 50,
  rules: [INVALID_ROW, 'p/email-address', 'p/phone-number', 'p/outside-window'],
  listPage: 10,
  rulesPage: 3,
  lines: 40,
  linesPage: 20,
};

const at = (patch: Partial<UiState>): UiState => ({ ...initialState, ...patch });
const list = (selected: number, top = 0) => at({ screen: 'list', list: { selected, top } });

type Row = [name: string, from: UiState, action: Action, expected: Partial<UiState>];

const table: Row[] = [
  // moving in the record list
  ['down moves the selection', list(0), { type: 'down' }, { list: { selected: 1, top: 0 } }],
  ['up stops at the first row', list(0), { type: 'up' }, { list: { selected: 0, top: 0 } }],
  ['down past the window scrolls it', list(9), { type: 'down' }, { list: { selected: 10, top: 1 } }],
  ['down stops at the last row', list(49, 40), { type: 'down' }, { list: { selected: 49, top: 40 } }],
  ['page down moves a page', list(0), { type: 'pageDown' }, { list: { selected: 10, top: 1 } }],
  ['page up moves a page', list(25, 20), { type: 'pageUp' }, { list: { selected: 15, top: 15 } }],
  ['G goes to the last row', list(3), { type: 'last' }, { list: { selected: 49, top: 40 } }],
  ['g goes to the first row', list(30, 25), { type: 'first' }, { list: { selected: 0, top: 0 } }],
  // moving on the summary
  ['down on the summary moves the rule cursor', at({}), { type: 'down' }, { rules: { selected: 1, top: 0 } }],
  ['the rule cursor stops at the last rule', at({ rules: { selected: 3, top: 1 } }), { type: 'last' }, { rules: { selected: 3, top: 1 } }],
  // scrolling text
  ['down scrolls a record', at({ screen: 'record', scroll: 0 }), { type: 'down' }, { scroll: 1 }],
  ['scrolling stops at the end', at({ screen: 'record', scroll: 20 }), { type: 'pageDown' }, { scroll: 20 }],
  ['help scrolls too', at({ screen: 'help', scroll: 5 }), { type: 'up' }, { scroll: 4 }],
  // opening and going back
  ['Enter on a rule lists its records', at({ rules: { selected: 1, top: 0 } }), { type: 'open' }, { screen: 'list', filters: { ...NO_FILTERS, rule: 'p/email-address' } }],
  ['Enter on "could not be read" lists unreadable records', at({}), { type: 'open' }, { screen: 'list', filters: { ...NO_FILTERS, severity: 'invalid' } }],
  ['Enter on a record opens it', list(4), { type: 'open' }, { screen: 'record', scroll: 0, list: { selected: 4, top: 0 } }],
  ['Esc from a record goes back to the list', at({ screen: 'record', list: { selected: 4, top: 0 }, scroll: 7 }), { type: 'back' }, { screen: 'list', list: { selected: 4, top: 0 } }],
  ['Esc from the list goes to the summary', list(4), { type: 'back' }, { screen: 'summary' }],
  ['Esc on the summary clears a notice', at({ notice: 'Saved' }), { type: 'back' }, { notice: null }],
  ['Tab switches summary → list', at({}), { type: 'tab' }, { screen: 'list' }],
  ['Tab switches list → summary', list(2), { type: 'tab' }, { screen: 'summary' }],
  ['Tab from a record goes to the summary', at({ screen: 'record' }), { type: 'tab' }, { screen: 'summary' }],
  ['? opens help and remembers the screen', list(2), { type: 'help' }, { screen: 'help', behindHelp: 'list' }],
  ['? again closes help', at({ screen: 'help', behindHelp: 'record' }), { type: 'help' }, { screen: 'record' }],
  ['Esc closes help', at({ screen: 'help', behindHelp: 'list' }), { type: 'back' }, { screen: 'list' }],
  // previous / next record
  ['n shows the next record', at({ screen: 'record', list: { selected: 4, top: 0 }, scroll: 9 }), { type: 'next' }, { list: { selected: 5, top: 0 }, scroll: 0 }],
  ['p shows the previous record', at({ screen: 'record', list: { selected: 4, top: 0 } }), { type: 'previous' }, { list: { selected: 3, top: 0 } }],
  ['n on the list does nothing', list(4), { type: 'next' }, { list: { selected: 4, top: 0 } }],
  // search
  ['/ starts a search on the list', at({}), { type: 'searchStart' }, { screen: 'list', search: { draft: '', before: '' } }],
  ['typing filters as you type', at({ screen: 'list', search: { draft: 'bo', before: '' }, list: { selected: 7, top: 3 } }), { type: 'searchType', text: 'b' }, { filters: { ...NO_FILTERS, text: 'bob' }, search: { draft: 'bob', before: '' }, list: { selected: 0, top: 0 } }],
  ['backspace removes a character', at({ screen: 'list', search: { draft: 'bob', before: '' } }), { type: 'searchErase' }, { filters: { ...NO_FILTERS, text: 'bo' } }],
  ['Enter keeps the search', at({ screen: 'list', search: { draft: 'bob', before: '' }, filters: { ...NO_FILTERS, text: 'bob' } }), { type: 'searchDone' }, { search: null, filters: { ...NO_FILTERS, text: 'bob' } }],
  ['Esc undoes the search', at({ screen: 'list', search: { draft: 'bob', before: 'al' }, filters: { ...NO_FILTERS, text: 'bob' } }), { type: 'searchCancel' }, { search: null, filters: { ...NO_FILTERS, text: 'al' } }],
  // filters
  ['s cycles to errors only', list(5), { type: 'cycleSeverity' }, { filters: { ...NO_FILTERS, severity: 'error' }, list: { selected: 0, top: 0 } }],
  ['s cycles past unreadable back to all', at({ screen: 'list', filters: { ...NO_FILTERS, severity: 'invalid' } }), { type: 'cycleSeverity' }, { filters: NO_FILTERS }],
  ['r shows the first rule', list(0), { type: 'cycleRule' }, { filters: { ...NO_FILTERS, rule: 'p/email-address' } }],
  ['r moves to the next rule', at({ screen: 'list', filters: { ...NO_FILTERS, rule: 'p/email-address' } }), { type: 'cycleRule' }, { filters: { ...NO_FILTERS, rule: 'p/phone-number' } }],
  ['r after the last rule shows all rules', at({ screen: 'list', filters: { ...NO_FILTERS, rule: 'p/outside-window' } }), { type: 'cycleRule' }, { filters: NO_FILTERS }],
  ['c clears every filter', at({ screen: 'list', filters: { rule: 'p/phone-number', severity: 'error', text: 'x' } }), { type: 'clearFilters' }, { filters: NO_FILTERS }],
  ['changing filters in a record goes back to the list', at({ screen: 'record' }), { type: 'cycleSeverity' }, { screen: 'list' }],
  // export and quitting
  ['e opens the file name line with a name ready', list(0), { type: 'promptStart', kind: 'export', draft: 'x.csv' }, { prompt: { kind: 'export', draft: 'x.csv' } }],
  ['typing adds to the line', at({ screen: 'list', prompt: { kind: 'command', draft: 'ru' } }), { type: 'promptType', text: 'le' }, { prompt: { kind: 'command', draft: 'rule' } }],
  ['Backspace takes one character off', at({ screen: 'list', prompt: { kind: 'command', draft: 'rulé' } }), { type: 'promptErase' }, { prompt: { kind: 'command', draft: 'rul' } }],
  ['Enter closes the line (the app carries it out)', at({ screen: 'list', prompt: { kind: 'export', draft: 'a.csv' } }), { type: 'promptDone' }, { prompt: null }],
  ['Esc cancels the line', at({ screen: 'list', prompt: { kind: 'export', draft: 'a.csv' } }), { type: 'promptCancel' }, { prompt: null }],
  // commands and sorting
  [':rule shows one rule from the top of the list', list(5), { type: 'setRule', rule: 'p/phone-number' }, { filters: { ...NO_FILTERS, rule: 'p/phone-number' }, list: { selected: 0, top: 0 } }],
  [':severity unreadable drops the rule filter', at({ screen: 'list', filters: { ...NO_FILTERS, rule: 'p/phone-number' } }), { type: 'setSeverity', severity: 'invalid' }, { filters: { ...NO_FILTERS, severity: 'invalid' } }],
  ['o sorts by the first column', list(5), { type: 'sortNext' }, { sort: { column: 'where', descending: false }, list: { selected: 0, top: 0 } }],
  ['o after the last column goes back to the input order', at({ screen: 'list', sort: { column: 'first', descending: false } }), { type: 'sortNext' }, { sort: null }],
  ['O reverses the sort', at({ screen: 'list', sort: { column: 'worst', descending: false } }), { type: 'sortReverse' }, { sort: { column: 'worst', descending: true } }],
  [':sort from the summary shows the sorted list', list(0), { type: 'setSort', sort: { column: 'problems', descending: true } }, { sort: { column: 'problems', descending: true } }],
  ['a notice is shown', list(0), { type: 'notice', text: 'Saved 3 records' }, { notice: 'Saved 3 records' }],
  ['q quits', list(0), { type: 'quit' }, { quit: true }],
];

describe('reduce', () => {
  test.each(table)('%s', (_name, from, action, expected) => {
    const next = reduce(from, action, view);
    expect(next).toMatchObject(expected);
  });

  test('never changes the state it is given', () => {
    for (const [, from, action] of table) {
      const copy = structuredClone(from);
      reduce(from, action, view);
      expect(from).toEqual(copy);
    }
  });

  test('Enter on an order of a group shows it; ← → go through the group; Esc goes back to the group', () => {
    const measures: View = { ...view, metricPicks: ['["m","sku","A"]'], groupRecords: 3, groupPage: 10 };
    const group = at({ screen: 'group', group: '["m","sku","A"]', groupList: { selected: 1, top: 0 } });
    const opened = reduce(group, { type: 'open' }, measures);
    expect(opened).toMatchObject({ screen: 'groupRecord', scroll: 0, groupList: { selected: 1, top: 0 } });
    expect(reduce(opened, { type: 'next' }, measures).groupList.selected).toBe(2);
    expect(reduce(reduce(opened, { type: 'next' }, measures), { type: 'next' }, measures).groupList.selected).toBe(2);
    expect(reduce(opened, { type: 'previous' }, measures).groupList.selected).toBe(0);
    expect(reduce(opened, { type: 'back' }, measures)).toMatchObject({ screen: 'group', groupList: { selected: 1, top: 0 } });
    // A click on the selected order opens it too; on another one selects it.
    expect(reduce(group, { type: 'pick', index: 1 }, measures).screen).toBe('groupRecord');
    expect(reduce(group, { type: 'pick', index: 2 }, measures)).toMatchObject({ screen: 'group', groupList: { selected: 2 } });
    // Nothing to open in an empty group; a record view whose group emptied falls back to the group.
    expect(reduce(group, { type: 'open' }, { ...measures, groupRecords: 0 }).screen).toBe('group');
    expect(clampAll(opened, { ...measures, groupRecords: 0 }).screen).toBe('group');
  });

  test('opening a record needs a record', () => {
    expect(reduce(list(0), { type: 'open' }, { ...view, records: 0 }).screen).toBe('list');
  });
});

describe('clampAll', () => {
  test('keeps the selection when the list is long enough', () => {
    const s = list(12, 5);
    expect(clampAll(s, view)).toBe(s);
  });

  test('pulls the selection into a shorter list and its window with it', () => {
    expect(clampAll(list(45, 40), { ...view, records: 20 }).list).toEqual({ selected: 19, top: 10 });
  });

  test('a smaller window (terminal resized) still shows the selection', () => {
    expect(clampAll(list(9, 0), { ...view, listPage: 5 }).list).toEqual({ selected: 9, top: 5 });
  });

  test('a record view with no records left falls back to the list', () => {
    expect(clampAll(at({ screen: 'record' }), { ...view, records: 0 }).screen).toBe('list');
  });
});
