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

/** What a record is sorted by: text first, then a number (file then position; or a rank, a count). */
export type SortKey = readonly [string, number];

export function sortKey(column: SortColumn, r: FlaggedRecord): SortKey {
  switch (column) {
    case 'where':
      return [r.file ?? '', r.index];
    case 'worst':
      return ['', SEVERITY_RANK[worstOf(r)]];
    case 'problems':
      return ['', r.invalid?.length ?? r.violations.length];
    case 'first':
      return [firstProblem(r), 0];
  }
}

const collator = new Intl.Collator();

export function compareKeys(a: SortKey, b: SortKey): number {
  return (a[0] === b[0] ? 0 : collator.compare(a[0], b[0])) || a[1] - b[1];
}

/** Sort at once (for small lists and tests; the app sorts in slices, see list-job.ts). Stable. */
export function sortRecords(records: readonly FlaggedRecord[], sort: Sort | null): readonly FlaggedRecord[] {
  if (!sort) return records;
  const sign = sort.descending ? -1 : 1;
  return records
    .map((r, i) => ({ r, i, key: sortKey(sort.column, r) }))
    .sort((a, b) => sign * compareKeys(a.key, b.key) || a.i - b.i)
    .map(({ r }) => r);
}

/** The next sort for `o`: the next column, ascending; after the last column, back to the input order. */
export function nextSort(sort: Sort | null): Sort | null {
  const at = sort ? SORT_COLUMNS.indexOf(sort.column) : -1;
  return at + 1 < SORT_COLUMNS.length ? { column: SORT_COLUMNS[at + 1], descending: false } : null;
}
