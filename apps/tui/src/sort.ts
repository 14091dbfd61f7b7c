/**
 * Sorting the record list by one of its columns, like the list views of k9s
 * and lazygit. The input order is the default; a sort is stable, so records
 * that compare equal keep their input order.
 */
import { firstProblem, worstOf, type FlaggedRecord } from './model.js';

export type SortColumn = 'where' | 'worst' | 'problems' | 'first';

export interface Sort {
  column: SortColumn;
  descending: boolean;
}

/** The columns in the order `o` steps through them, with the words `:sort` accepts. */
export const SORT_COLUMNS: readonly SortColumn[] = ['where', 'worst', 'problems', 'first'];

export const SORT_WORD: Record<SortColumn, string> = { where: 'where', worst: 'worst problem', problems: 'number of problems', first: 'first problem' };

/** Worst first when sorting by severity: unreadable, error, warning, info. */
const SEVERITY_RANK = { invalid: 0, error: 1, warning: 2, info: 3 } as const;

function compare(column: SortColumn, a: FlaggedRecord, b: FlaggedRecord): number {
  switch (column) {
    case 'where':
      return (a.file ?? '').localeCompare(b.file ?? '') || a.index - b.index;
    case 'worst':
      return SEVERITY_RANK[worstOf(a)] - SEVERITY_RANK[worstOf(b)];
    case 'problems':
      return (a.invalid?.length ?? a.violations.length) - (b.invalid?.length ?? b.violations.length);
    case 'first':
      return firstProblem(a).localeCompare(firstProblem(b));
  }
}

export function sortRecords(records: readonly FlaggedRecord[], sort: Sort | null): readonly FlaggedRecord[] {
  if (!sort) return records;
  const sign = sort.descending ? -1 : 1;
  return records
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => sign * compare(sort.column, a, b) || i - j)
    .map(([r]) => r);
}

/** The next sort for `o`: the next column, ascending; after the last column, back to the input order. */
export function nextSort(sort: Sort | null): Sort | null {
  const at = sort ? SORT_COLUMNS.indexOf(sort.column) : -1;
  return at + 1 < SORT_COLUMNS.length ? { column: SORT_COLUMNS[at + 1], descending: false } : null;
}
