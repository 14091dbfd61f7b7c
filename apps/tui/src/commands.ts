/**
 * The `:` command line, as in k9s and vim: `:rule email-address`,
 * `:severity error`, `:sort worst`, `:export problems.csv`. Parsing is pure:
 * a command becomes what to do, or a plain sentence saying what is wrong.
 */
import type { SeverityFilter } from './filter.js';
import { SORT_COLUMNS, type SortColumn } from './sort.js';

export type Command =
  | { type: 'rule'; rule: string | null }
  | { type: 'severity'; severity: SeverityFilter | null }
  | { type: 'sort'; column: SortColumn | null; descending: boolean }
  | { type: 'export'; path: string }
  | { type: 'clear' }
  | { type: 'edit'; rule: string | null }
  | { type: 'help' }
  | { type: 'quit' };

export const COMMAND_HELP: Array<[string, string]> = [
  [':rule ID', 'show one rule (short or full id); :rule alone shows all'],
  [':severity LEVEL', 'error, warning, info, unreadable, or all'],
  [':sort COLUMN', 'where, worst, problems or first; add "desc" to reverse; :sort alone for file order'],
  [':export FILE', 'save the list to FILE (.csv or .json)'],
  [':edit [RULE]', "open the policy in your editor at the rule's line (the selected one without RULE)"],
  [':clear  :help  :q', 'clear the filters, show help, quit'],
];

const SEVERITIES: Record<string, SeverityFilter | null> = {
  error: 'error',
  errors: 'error',
  warning: 'warning',
  warnings: 'warning',
  info: 'info',
  note: 'info',
  notes: 'info',
  unreadable: 'invalid',
  invalid: 'invalid',
  all: null,
};

/** `rules` are the policy's full rule ids, e.g. `buyer-messaging/email-address`. */
export function parseCommand(line: string, rules: readonly string[]): Command | { error: string } {
  const [name = '', ...rest] = line.trim().split(/\s+/);
  const arg = rest.join(' ');
  switch (name.toLowerCase()) {
    case 'rule': {
      if (!arg) return { type: 'rule', rule: null };
      const rule = rules.find((r) => r === arg || r.slice(r.indexOf('/') + 1) === arg);
      if (rule) return { type: 'rule', rule };
      const names = rules.map((r) => r.slice(r.indexOf('/') + 1));
      return { error: `No rule named "${arg}". The rules are: ${names.join(', ')}.` };
    }
    case 'severity':
    case 'sev': {
      const key = arg.toLowerCase();
      if (key in SEVERITIES) return { type: 'severity', severity: SEVERITIES[key] };
      return { error: `"${arg}" is not a severity: use error, warning, info, unreadable or all.` };
    }
    case 'sort': {
      const [column = '', order = ''] = arg.toLowerCase().split(/\s+/);
      if (!column) return { type: 'sort', column: null, descending: false };
      if (!(SORT_COLUMNS as readonly string[]).includes(column)) return { error: `Cannot sort by "${column}": use where, worst, problems or first.` };
      return { type: 'sort', column: column as SortColumn, descending: order === 'desc' };
    }
    case 'export':
    case 'save':
    case 'w':
      if (!arg) return { error: 'Say where to save, e.g. :export problems.csv' };
      return { type: 'export', path: arg };
    case 'edit':
    case 'e': {
      if (!arg) return { type: 'edit', rule: null };
      const rule = rules.find((r) => r === arg || r.slice(r.indexOf('/') + 1) === arg);
      if (rule) return { type: 'edit', rule };
      return { error: `No rule named "${arg}". The rules are: ${rules.map((r) => r.slice(r.indexOf('/') + 1)).join(', ')}.` };
    }
    case 'clear':
      return { type: 'clear' };
    case 'help':
      return { type: 'help' };
    case 'q':
    case 'quit':
      return { type: 'quit' };
    case '':
      return { error: 'Type a command, e.g. :rule email-address, :severity error, :sort worst, :export problems.csv' };
    default:
      return { error: `Unknown command "${name}". Try :rule, :severity, :sort, :export, :edit, :clear or :q.` };
  }
}

/** The file format from a file name: .json is JSON, .csv (or anything else) is CSV. */
export function formatOf(path: string): 'json' | 'csv' | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}
