/**
 * Navigation and filter state of the terminal UI, as a pure reducer:
 * `reduce(state, action, view)` → next state. `view` tells the reducer what
 * is on screen (how many records match the filters, the rule rows of the
 * summary, how many rows fit), so it can keep cursors inside the lists.
 *
 * Nothing here draws or reads files; screens and the session do that.
 */
import { NO_FILTERS, SEVERITY_CYCLE, type Filters, type SeverityFilter } from './filter.js';
import { nextSort, type Sort } from './sort.js';

/** `groupRecord`: one record of the group drilled into, in full (the record view). */
export type Screen = 'summary' | 'list' | 'record' | 'help' | 'metrics' | 'group' | 'groupRecord';

export type ExportFormat = 'json' | 'csv';

/** A selected row and the first row shown of a windowed list. */
export interface Cursor {
  selected: number;
  top: number;
}

export interface UiState {
  screen: Screen;
  /** Where `?` or Esc returns to from the help screen. */
  behindHelp: Screen;
  filters: Filters;
  /** The record list. */
  list: Cursor;
  /** The rule rows on the summary. */
  rules: Cursor;
  /** The selected group row on the measures screen (dataset policies). */
  metrics: Cursor;
  /** The group drilled into (a groupKey), and the cursor in its records. */
  group: string | null;
  groupList: Cursor;
  /** First line shown of a scrolling text screen (record view, help, problems in the policy). */
  scroll: number;
  /** The search line while the analyst types; `before` is restored on Esc. */
  search: { draft: string; before: string } | null;
  /** The line being typed at the bottom: a `:` command, or the file to save the list to. */
  prompt: Prompt | null;
  /** How the record list is sorted; null is the input order. */
  sort: Sort | null;
  /** A one-line message for the status bar, e.g. where an export was saved. */
  notice: string | null;
  quit: boolean;
}

export interface Prompt {
  kind: 'command' | 'export';
  draft: string;
}

/** What is on screen, as far as navigation needs to know. */
export interface View {
  /** Records that match the current filters. */
  records: number;
  /** Selectable rows of the summary: full rule ids (or INVALID_ROW). */
  rules: readonly string[];
  /** Rows that fit in the record list / summary rule table. */
  listPage: number;
  rulesPage: number;
  /** Lines of the scrolling text screen and how many fit. */
  lines: number;
  linesPage: number;
  /** The measures screen's selectable group rows (groupKeys), for dataset policies. */
  metricPicks?: readonly string[];
  /** Records of the group drilled into, and how many rows of them fit. */
  groupRecords?: number;
  groupPage?: number;
}

/** Group rows PgUp and PgDn move on the measures screen. */
const METRICS_PAGE = 5;

/** The summary row for records that could not be read. */
export const INVALID_ROW = ':invalid';

export type Action =
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'pageUp' }
  | { type: 'pageDown' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'tab' }
  | { type: 'help' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'searchStart' }
  | { type: 'searchType'; text: string }
  | { type: 'searchErase' }
  | { type: 'searchClear' }
  | { type: 'searchDone' }
  | { type: 'searchCancel' }
  | { type: 'cycleSeverity' }
  | { type: 'cycleRule' }
  | { type: 'clearFilters' }
  | { type: 'exportStart' }
  | { type: 'commandStart' }
  | { type: 'promptStart'; kind: Prompt['kind']; draft: string }
  | { type: 'promptType'; text: string }
  | { type: 'promptErase' }
  | { type: 'promptClear' }
  | { type: 'promptCancel' }
  | { type: 'promptDone' }
  | { type: 'setRule'; rule: string | null }
  | { type: 'setSeverity'; severity: SeverityFilter | null }
  | { type: 'setSort'; sort: Sort | null }
  | { type: 'sortNext' }
  | { type: 'sortReverse' }
  | { type: 'yank' }
  | { type: 'metrics' }
  /** A click on a tab of the top bar. */
  | { type: 'show'; screen: 'summary' | 'list' }
  | { type: 'edit' }
  /** A click on row `index` of the list or the rule table: select it, or open it when it was already selected. */
  | { type: 'pick'; index: number }
  | { type: 'notice'; text: string | null }
  | { type: 'sync' }
  | { type: 'quit' };

export const initialState: UiState = {
  screen: 'summary',
  behindHelp: 'summary',
  filters: NO_FILTERS,
  list: { selected: 0, top: 0 },
  rules: { selected: 0, top: 0 },
  metrics: { selected: 0, top: 0 },
  group: null,
  groupList: { selected: 0, top: 0 },
  scroll: 0,
  search: null,
  prompt: null,
  sort: null,
  notice: null,
  quit: false,
};

export function reduce(state: UiState, action: Action, view: View): UiState {
  const next = step(state, action, view);
  return next === state ? state : clampAll(next, view);
}

function step(s: UiState, a: Action, view: View): UiState {
  switch (a.type) {
    case 'up':
      return moveBy(s, -1, view);
    case 'down':
      return moveBy(s, 1, view);
    case 'pageUp':
      return moveBy(s, -pageOf(s, view), view);
    case 'pageDown':
      return moveBy(s, pageOf(s, view), view);
    case 'first':
      return moveBy(s, -Infinity, view);
    case 'last':
      return moveBy(s, Infinity, view);
    case 'open':
      if (s.screen === 'summary') {
        const row = view.rules[s.rules.selected];
        if (row === undefined) return s;
        const filters: Filters = row === INVALID_ROW ? { ...s.filters, rule: null, severity: 'invalid' } : { ...s.filters, rule: row, severity: null };
        return { ...s, screen: 'list', filters, list: { selected: 0, top: 0 }, notice: null };
      }
      if (s.screen === 'list' && view.records > 0) return { ...s, screen: 'record', scroll: 0, notice: null };
      if (s.screen === 'metrics') {
        const key = view.metricPicks?.[s.metrics.selected];
        return key === undefined ? s : { ...s, screen: 'group', group: key, groupList: { selected: 0, top: 0 }, notice: null };
      }
      if (s.screen === 'group' && (view.groupRecords ?? 0) > 0) return { ...s, screen: 'groupRecord', scroll: 0, notice: null };
      return s;
    case 'back':
      if (s.screen === 'help') return { ...s, screen: s.behindHelp, scroll: 0 };
      if (s.screen === 'record') return { ...s, screen: 'list', scroll: 0 };
      if (s.screen === 'list') return { ...s, screen: 'summary' };
      if (s.screen === 'groupRecord') return { ...s, screen: 'group', scroll: 0 };
      if (s.screen === 'group') return { ...s, screen: 'metrics' };
      if (s.screen === 'metrics') return { ...s, screen: 'summary' };
      return s.notice ? { ...s, notice: null } : s;
    case 'tab': {
      // Summary → records → measures (dataset policies) → summary.
      const onList = s.screen === 'list' || s.screen === 'record';
      const screen: Screen = s.screen === 'summary' ? 'list' : onList && view.metricPicks ? 'metrics' : 'summary';
      return { ...s, screen, scroll: 0, notice: null };
    }
    case 'show':
      return { ...s, screen: a.screen, scroll: 0, notice: null };
    case 'metrics':
      if (!view.metricPicks) return { ...s, notice: 'No measures to show: a policy with metrics shows them here once its data is read.' };
      return { ...s, screen: 'metrics', notice: null };
    case 'help':
      if (s.screen === 'help') return { ...s, screen: s.behindHelp, scroll: 0 };
      return { ...s, screen: 'help', behindHelp: s.screen, scroll: 0 };
    case 'next':
    case 'previous': {
      if (s.screen === 'groupRecord') {
        const selected = s.groupList.selected + (a.type === 'next' ? 1 : -1);
        if (selected < 0 || selected >= (view.groupRecords ?? 0)) return s;
        return { ...s, groupList: { ...s.groupList, selected }, scroll: 0 };
      }
      if (s.screen !== 'record') return s;
      const selected = s.list.selected + (a.type === 'next' ? 1 : -1);
      if (selected < 0 || selected >= view.records) return s;
      return { ...s, list: { ...s.list, selected }, scroll: 0 };
    }
    case 'searchStart':
      return {
        ...s,
        screen: 'list',
        search: { draft: s.filters.text, before: s.filters.text },
        notice: null,
      };
    case 'searchType':
      return s.search ? withText(s, s.search.draft + a.text) : s;
    case 'searchErase':
      return s.search ? withText(s, [...s.search.draft].slice(0, -1).join('')) : s;
    case 'searchClear':
      return s.search ? withText(s, '') : s;
    case 'searchDone':
      return s.search ? { ...s, search: null } : s;
    case 'searchCancel':
      return s.search ? { ...withText(s, s.search.before), search: null } : s;
    case 'cycleSeverity': {
      const at = SEVERITY_CYCLE.indexOf(s.filters.severity);
      const severity = SEVERITY_CYCLE[(at + 1) % SEVERITY_CYCLE.length];
      return refilter(s, { ...s.filters, severity, rule: severity === 'invalid' ? null : s.filters.rule });
    }
    case 'cycleRule': {
      const ids = view.rules.filter((r) => r !== INVALID_ROW);
      if (ids.length === 0) return s;
      const at = s.filters.rule === null ? -1 : ids.indexOf(s.filters.rule);
      const rule = at + 1 >= ids.length ? null : ids[at + 1];
      const severity = s.filters.severity === 'invalid' ? null : s.filters.severity;
      return refilter(s, { ...s.filters, rule, severity });
    }
    case 'clearFilters':
      return refilter(s, NO_FILTERS);
    case 'exportStart':
    case 'commandStart':
    case 'yank':
    case 'edit':
      // The app turns these into a prompt with a default, or a clipboard write.
      return s;
    case 'promptStart':
      return s.screen === 'help' && a.kind === 'export' ? s : { ...s, prompt: { kind: a.kind, draft: a.draft }, notice: null };
    case 'promptType':
      return s.prompt ? { ...s, prompt: { ...s.prompt, draft: s.prompt.draft + a.text } } : s;
    case 'promptErase':
      return s.prompt ? { ...s, prompt: { ...s.prompt, draft: [...s.prompt.draft].slice(0, -1).join('') } } : s;
    case 'promptClear':
      return s.prompt ? { ...s, prompt: { ...s.prompt, draft: '' } } : s;
    case 'promptCancel':
    case 'promptDone':
      // What the line says is carried out by the app; the reducer closes it.
      return s.prompt ? { ...s, prompt: null } : s;
    case 'setRule':
      return toList(refilter(s, { ...s.filters, rule: a.rule, severity: s.filters.severity === 'invalid' ? null : s.filters.severity }));
    case 'setSeverity':
      return toList(refilter(s, { ...s.filters, severity: a.severity, rule: a.severity === 'invalid' ? null : s.filters.rule }));
    case 'setSort':
      return { ...s, sort: a.sort, list: { selected: 0, top: 0 }, screen: s.screen === 'summary' ? 'list' : s.screen };
    case 'sortNext':
      return { ...s, sort: nextSort(s.sort), list: { selected: 0, top: 0 } };
    case 'sortReverse':
      return s.sort ? { ...s, sort: { ...s.sort, descending: !s.sort.descending }, list: { selected: 0, top: 0 } } : s;
    case 'pick':
      if (s.screen === 'summary') {
        if (a.index < 0 || a.index >= view.rules.length) return s;
        return a.index === s.rules.selected ? step(s, { type: 'open' }, view) : { ...s, rules: { ...s.rules, selected: a.index } };
      }
      if (s.screen === 'list') {
        if (a.index < 0 || a.index >= view.records) return s;
        return a.index === s.list.selected ? step(s, { type: 'open' }, view) : { ...s, list: { ...s.list, selected: a.index } };
      }
      if (s.screen === 'metrics') {
        if (a.index < 0 || a.index >= (view.metricPicks?.length ?? 0)) return s;
        return a.index === s.metrics.selected ? step(s, { type: 'open' }, view) : { ...s, metrics: { ...s.metrics, selected: a.index } };
      }
      if (s.screen === 'group') {
        if (a.index < 0 || a.index >= (view.groupRecords ?? 0)) return s;
        return a.index === s.groupList.selected ? step(s, { type: 'open' }, view) : { ...s, groupList: { ...s.groupList, selected: a.index } };
      }
      return s;
    case 'notice':
      return { ...s, notice: a.text };
    case 'sync':
      return { ...s };
    case 'quit':
      return { ...s, quit: true };
  }
}

/** A command typed on the summary or the help shows its result: the list. */
function toList(s: UiState): UiState {
  return s.screen === 'summary' || s.screen === 'help' ? { ...s, screen: 'list' } : s;
}

function pageOf(s: UiState, view: View): number {
  const page =
    s.screen === 'summary' ? view.rulesPage : s.screen === 'list' ? view.listPage : s.screen === 'group' ? (view.groupPage ?? 1) : s.screen === 'metrics' ? METRICS_PAGE : view.linesPage;
  return Math.max(1, page);
}

function moveBy(s: UiState, delta: number, view: View): UiState {
  if (s.screen === 'summary') return { ...s, rules: { ...s.rules, selected: clamp(s.rules.selected + delta, view.rules.length) } };
  if (s.screen === 'list') return { ...s, list: { ...s.list, selected: clamp(s.list.selected + delta, view.records) } };
  if (s.screen === 'metrics') return { ...s, metrics: { ...s.metrics, selected: clamp(s.metrics.selected + delta, view.metricPicks?.length ?? 0) } };
  if (s.screen === 'group') return { ...s, groupList: { ...s.groupList, selected: clamp(s.groupList.selected + delta, view.groupRecords ?? 0) } };
  const maxScroll = Math.max(0, view.lines - view.linesPage);
  return { ...s, scroll: Math.max(0, Math.min(s.scroll + delta, maxScroll)) };
}

function withText(s: UiState, draft: string): UiState {
  return { ...refilter(s, { ...s.filters, text: draft }), search: s.search ? { ...s.search, draft } : null };
}

/** New filters start the list from the top; the record view goes back to the list it came from. */
function refilter(s: UiState, filters: Filters): UiState {
  return { ...s, filters, list: { selected: 0, top: 0 }, screen: s.screen === 'record' ? 'list' : s.screen, notice: null };
}

function clamp(n: number, count: number): number {
  if (count <= 0) return 0;
  if (n === Infinity) return count - 1;
  if (n === -Infinity) return 0;
  return Math.max(0, Math.min(Math.trunc(n), count - 1));
}

/** Keep cursors inside their lists and their windows around them (after data changes or a resize too). */
export function clampAll(s: UiState, view: View): UiState {
  const list = keepVisible(s.list, view.records, view.listPage);
  const rules = keepVisible(s.rules, view.rules.length, view.rulesPage);
  const maxScroll = Math.max(0, view.lines - view.linesPage);
  const scroll = Math.min(s.scroll, maxScroll);
  const metrics = keepVisible(s.metrics, view.metricPicks?.length ?? 0, Infinity);
  const groupList = keepVisible(s.groupList, view.groupRecords ?? 0, view.groupPage ?? 1);
  const inMeasures = s.screen === 'metrics' || s.screen === 'group' || s.screen === 'groupRecord';
  const screen =
    s.screen === 'record' && view.records === 0
      ? 'list'
      : inMeasures && !view.metricPicks
        ? 'summary'
        : (s.screen === 'group' || s.screen === 'groupRecord') && s.group === null
          ? 'metrics'
          : s.screen === 'groupRecord' && (view.groupRecords ?? 0) === 0
            ? 'group'
            : s.screen;
  if (list === s.list && rules === s.rules && scroll === s.scroll && screen === s.screen && metrics === s.metrics && groupList === s.groupList) return s;
  return { ...s, list, rules, scroll, screen, metrics, groupList };
}

function keepVisible(c: Cursor, count: number, page: number): Cursor {
  const selected = clamp(c.selected, count);
  const p = Math.max(1, page);
  let top = Math.max(0, Math.min(c.top, Math.max(0, count - p)));
  if (selected < top) top = selected;
  if (selected >= top + p) top = selected - p + 1;
  if (selected === c.selected && top === c.top) return c;
  return { selected, top };
}
