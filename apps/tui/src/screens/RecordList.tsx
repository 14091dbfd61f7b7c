/**
 * The record list: records with problems that match the filters, one row
 * each, windowed so only the rows that fit are drawn.
 */
import { Lines } from '../components/Lines.js';
import { describeFilters, isFiltered, type Filters } from '../filter.js';
import { count, fit, textWidth, windowStart, type Line, type Tone } from '../layout.js';
import { firstProblem, SEVERITY_WORD, whereIs, worstOf, type FlaggedRecord } from '../model.js';

export { firstProblem };
import type { Sort, SortColumn } from '../sort.js';
import type { Busy } from '../list-job.js';
import type { Cursor } from '../state.js';

/** The line of the list where the first record is drawn (under the filter line and the column headings). */
export const LIST_FIRST_ROW = 2;

/** Rows of records that fit: the filter line and the column headings take two lines. */
export function listPage(height: number): number {
  return Math.max(1, height - 2);
}

export interface RecordListProps {
  /** Records matching the filters. */
  records: readonly FlaggedRecord[];
  /** All records with problems, before filtering. */
  total: number;
  cursor: Cursor;
  filters: Filters;
  width: number;
  height: number;
  /** Still reading: an empty list may fill up. */
  loading: boolean;
  /** The column the list is sorted by, marked in the headings. */
  sort?: Sort | null;
  /** A filter or sort still being worked out: said in place of the position. */
  busy?: Busy | null;
}

export function recordListLines({ records, total, cursor, filters, width, height, loading, sort, busy }: RecordListProps): Line[] {
  const title = (label: string, column: SortColumn) => (sort?.column === column ? `${label} ${sort.descending ? '▼' : '▲'}` : label);
  const page = listPage(height);
  const top = windowStart(cursor.selected, cursor.top, page, records.length);
  const shown = records.slice(top, top + page);
  const position = busy
    ? `${busy.what === 'sorting' ? 'Sorting' : 'Filtering'}… ${Math.floor((busy.done / Math.max(1, busy.of)) * 100)}% `
    : records.length > 0
      ? `${count(cursor.selected + 1)} of ${count(records.length)} `
      : '';
  const heading = isFiltered(filters)
    ? `${count(records.length)} of ${count(total)} records with problems match: ${describeFilters(filters)}`
    : `${count(total)} ${total === 1 ? 'record' : 'records'} with problems`;
  const lines: Line[] = [[{ text: fit(heading, Math.max(0, width - textWidth(position) - 1)), tone: 'heading' }, { text: ' ' }, { text: position, tone: 'dim' }]];
  if (records.length === 0) {
    lines.push([], [{ text: busy ? 'Looking for matching records…' : emptyMessage(total, filters, loading), tone: 'dim' }]);
    return lines;
  }
  const whereW = Math.min(28, Math.max(10, Math.floor(width * 0.28)));
  const sevW = 11;
  const numW = 4;
  const restW = Math.max(0, width - 2 - whereW - 1 - sevW - numW - 1);
  lines.push([{ text: `  ${fit(title('Where', 'where'), whereW)} ${fit(title('Worst', 'worst'), sevW)}${fit(title('#', 'problems'), numW, 'right')} ${fit(title('First problem', 'first'), restW)}`, tone: 'dim' }]);
  for (let i = 0; i < shown.length; i++) {
    const r = shown[i];
    const selected = top + i === cursor.selected;
    const worst = worstOf(r);
    const tone: Tone = worst === 'invalid' ? 'bad' : worst;
    const problems = r.invalid?.length ?? r.violations.length;
    lines.push([
      { text: selected ? '› ' : '  ', tone: 'key' },
      { text: fit(whereIs(r), whereW), tone: selected ? 'selected' : 'plain' },
      { text: ' ' },
      { text: fit(SEVERITY_WORD[worst], sevW), tone },
      { text: fit(String(problems), numW, 'right') },
      { text: ' ' },
      { text: fit(firstProblem(r), restW) },
    ]);
  }
  return lines;
}

function emptyMessage(total: number, filters: Filters, loading: boolean): string {
  if (total > 0 && isFiltered(filters)) return 'No records match the filters. Press c to clear them, or / to change the search.';
  if (loading) return 'No problems found so far; still reading…';
  return 'No problems found: every record follows the policy.';
}

export function RecordList(props: RecordListProps) {
  return <Lines lines={recordListLines(props)} width={props.width} height={props.height} />;
}
