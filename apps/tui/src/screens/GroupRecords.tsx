/**
 * The records of one group of a measure (the orders of one SKU in the late
 * shipment rate): those that met the measure's condition first, each with
 * the day the window placed it on and its main values. Enter shows one in
 * full (the record view); Esc goes back.
 */
import type { MetricResult } from '@sellguard/core';
import { Lines } from '../components/Lines.js';
import { count, fit, oneLine, plural, windowStart, type Line } from '../layout.js';
import { whereIs, type FlaggedRecord, type GroupRecord, type GroupRecords } from '../model.js';
import type { Cursor } from '../state.js';

/** The line of the screen where the first record is drawn (under the title and the column headings). */
export const GROUP_FIRST_ROW = 3;

export function groupPage(height: number): number {
  return Math.max(1, height - GROUP_FIRST_ROW);
}

/** The records in the order shown: those that met the condition, then the others. */
export function groupRecordList(g: GroupRecords | undefined): GroupRecord[] {
  return g ? [...g.hits, ...g.others] : [];
}

/**
 * A record of a group as the record view shows it: its values, and its own
 * problems when the check flagged it (most orders counted by a measure have
 * none of their own).
 */
export function groupRecordAsFlagged(r: GroupRecord, flagged: readonly FlaggedRecord[]): FlaggedRecord {
  const own = flagged.find((f) => f.index === r.record.index);
  return own ?? { ...r.record, violations: [] };
}

export interface GroupView {
  metric: MetricResult;
  group: string;
  value: string;
  records: GroupRecords | undefined;
  cursor: Cursor;
  width: number;
  height: number;
}

export function groupLines({ metric, group, value, records, cursor, width, height }: GroupView): Line[] {
  const list = groupRecordList(records);
  const total = records?.total ?? 0;
  const hits = records?.hits.length ?? 0;
  const met = metric.kind === 'rate' ? `, ${count(hits)} met the condition (✗)` : '';
  const kept = list.length < total ? ` (the first ${count(list.length)} shown)` : '';
  const lines: Line[] = [
    [{ text: fit(`${group} ${value} in ${metric.title}`, width), tone: 'heading' }],
    [{ text: fit(`${plural(total, 'record')}${met}${kept}`, width) }],
  ];
  if (list.length === 0) return [...lines, [], [{ text: 'No records of this group were kept. Press Esc to go back.', tone: 'dim' }]];
  const whereW = Math.min(28, Math.max(10, Math.floor(width * 0.3)));
  const dayW = 11;
  const restW = Math.max(0, width - 4 - whereW - 1 - dayW);
  lines.push([{ text: `    ${fit('Where', whereW)} ${fit('Day', dayW)}${fit('Values', restW)}`, tone: 'dim' }]);
  const page = groupPage(height);
  const top = windowStart(cursor.selected, cursor.top, page, list.length);
  list.slice(top, top + page).forEach((r, i) => {
    const selected = top + i === cursor.selected;
    lines.push([
      { text: selected ? '› ' : '  ', tone: 'key' },
      r.hit ? { text: '✗ ', tone: 'bad' } : { text: '  ' },
      { text: fit(whereIs(r.record), whereW), tone: selected ? 'selected' : 'plain' },
      { text: ' ' },
      { text: fit(r.day ?? '', dayW), tone: 'dim' },
      { text: fit(values(r.record.raw), restW) },
    ]);
  });
  return lines;
}

/** The record's values on one line: "111-8122250-1991709 · 2026-10-09T19:35 · MFN · Shipped". */
function values(raw: unknown): string {
  if (raw === null || typeof raw !== 'object') return oneLine(String(raw ?? ''));
  return oneLine(
    Object.values(raw as Record<string, unknown>)
      .filter((v) => v !== '' && v !== null && v !== undefined && typeof v !== 'object')
      .map(String)
      .join(' · '),
  );
}

export function GroupScreen(props: GroupView) {
  return <Lines lines={groupLines(props)} width={props.width} height={props.height} />;
}
