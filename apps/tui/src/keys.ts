/**
 * Key bindings: which action a key press means on the current screen. Pure,
 * so every binding is tested without a terminal. The help screen lists the
 * same bindings from KEY_HELP.
 */
import type { Key } from 'ink';
import type { Action, UiState } from './state.js';

export function keyToAction(input: string, key: Partial<Key>, ui: UiState): Action | null {
  if (ui.search) {
    if (key.return) return { type: 'searchDone' };
    if (key.escape) return { type: 'searchCancel' };
    if (key.backspace || key.delete) return { type: 'searchErase' };
    if (key.ctrl && input === 'u') return { type: 'searchClear' };
    if (key.upArrow || key.downArrow || key.tab || key.ctrl || key.meta) return null;
    const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
    return text ? { type: 'searchType', text } : null;
  }
  if (ui.prompt) {
    if (key.return) return { type: 'promptDone' };
    if (key.escape) return { type: 'promptCancel' };
    if (key.backspace || key.delete) return { type: 'promptErase' };
    if (key.ctrl && input === 'u') return { type: 'promptClear' };
    if (key.upArrow || key.downArrow || key.tab || key.ctrl || key.meta) return null;
    const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
    return text ? { type: 'promptType', text } : null;
  }
  if (key.upArrow || (input === 'k' && !key.ctrl)) return { type: 'up' };
  if (key.downArrow || (input === 'j' && !key.ctrl)) return { type: 'down' };
  if (key.pageUp || (key.ctrl && input === 'b')) return { type: 'pageUp' };
  if (key.pageDown || (key.ctrl && input === 'f') || input === ' ') return { type: 'pageDown' };
  if (key.home || input === 'g') return { type: 'first' };
  if (key.end || input === 'G') return { type: 'last' };
  if (key.return) return { type: 'open' };
  if (key.escape) return { type: 'back' };
  if (key.tab) return { type: 'tab' };
  if (key.rightArrow || input === 'n') return { type: 'next' };
  if (key.leftArrow || input === 'p') return { type: 'previous' };
  if (key.ctrl || key.meta) return null;
  switch (input) {
    case 'q':
      return { type: 'quit' };
    case '?':
      return { type: 'help' };
    case '/':
      return { type: 'searchStart' };
    case 's':
      return { type: 'cycleSeverity' };
    case 'r':
      return { type: 'cycleRule' };
    case 'c':
      return { type: 'clearFilters' };
    case 'e':
      return { type: 'exportStart' };
    case ':':
      return { type: 'commandStart' };
    case 'o':
      return ui.screen === 'list' ? { type: 'sortNext' } : null;
    case 'O':
      return ui.screen === 'list' ? { type: 'sortReverse' } : null;
    case 'y':
      return ui.screen === 'list' || ui.screen === 'record' ? { type: 'yank' } : null;
    case 'm':
      return { type: 'metrics' };
    case 'v':
      return ui.screen === 'help' ? null : { type: 'edit' };
    default:
      return null;
  }
}

/** The keys, in plain words, for the help screen. */
export const KEY_HELP: Array<[string, string]> = [
  ['↑ ↓  or  k j', 'move up and down'],
  ['PgUp PgDn  or  Space', 'move a page at a time'],
  ['g  G  (Home End)', 'go to the first or last row'],
  ['Enter', 'open: a rule shows its records, a record (or a group’s order) its details'],
  ['Esc', 'go back'],
  ['Tab', 'switch between the summary, the record list and (for order reports) the measures'],
  ['m', 'measures of a dataset policy: each one day by day (a sparkline) and its worst groups; Enter on a group lists its records'],
  ['← →  or  p n', 'previous or next record (in a record, or in an order of a group)'],
  ['/', 'search the records (Enter keeps the search, Esc undoes it)'],
  ['r', 'show one rule at a time (press again for the next rule)'],
  ['s', 'show errors, warnings, notes or unreadable records only'],
  ['c', 'clear all filters'],
  ['o  O', 'sort the list by the next column; reverse the order'],
  ['y', 'copy the record (in the list) or its problems (in a record) to the clipboard'],
  ['v', "open the policy in your editor ($VISUAL or $EDITOR) at the rule's line: the selected rule, or the record's first problem"],
  ['e', 'save the records in the list to a file (asks where, with a name ready)'],
  [':', 'type a command: :rule ID, :severity error, :sort worst, :export FILE.csv'],
  ['?', 'show or hide this help'],
  ['q', 'quit'],
];

/** What the mouse does, for the help screen. */
export const MOUSE_HELP: Array<[string, string]> = [
  ['click', 'select a rule, a record or a group; click it again to open it; click a tab of the top bar to show it'],
  ['wheel', 'scroll: move three rows up or down'],
];

export interface KeyPress {
  input: string;
  key: Partial<Key>;
}

/**
 * Characters that arrive in one chunk (typed fast, sent by a script, or
 * pasted) are separate key presses: "\t\rjj" is Tab, Enter, j, j.
 */
export function splitBurst(chunk: string): KeyPress[] {
  const out: KeyPress[] = [];
  for (const ch of chunk) {
    const code = ch.codePointAt(0)!;
    if (ch === '\t') out.push({ input: '', key: { tab: true } });
    else if (ch === '\r' || ch === '\n') out.push({ input: '', key: { return: true } });
    else if (ch === '\x7f' || ch === '\b') out.push({ input: '', key: { backspace: true } });
    else if (ch === '\x1b') out.push({ input: '', key: { escape: true } });
    else if (code < 0x20) out.push({ input: String.fromCharCode(code + 0x60), key: { ctrl: true } });
    else out.push({ input: ch, key: {} });
  }
  return out;
}

/** Whether Ink recognised the chunk as one special key (an arrow, Page Down, ...). */
export function isSpecialKey(key: Partial<Key>): boolean {
  return Boolean(
    key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end || key.return || key.escape || key.tab || key.backspace || key.delete || key.ctrl || key.meta,
  );
}
