/**
 * The measures of a dataset policy (order defect rate, late shipment rate,
 * ...): each with its value against its target, its trend over its window
 * as a sparkline (one bar a day), and its worst groups (SKUs, ASINs). A
 * group is selected with ↑↓ or a click, and Enter lists its records.
 */
import { worstGroups, type MetricCounts, type MetricResult } from '@sellguard/core';
import { Lines } from '../components/Lines.js';
import { count, fit, textWidth, type Line, type Segment } from '../layout.js';
import { groupKey, type CheckData } from '../model.js';
import { bucketDays, NO_DATA, sparkline } from '../sparkline.js';

/** Worst groups shown per group expression. */
export const WORST_SHOWN = 5;

export interface MetricsLayout {
  lines: Line[];
  /** The selectable group rows: their groupKey, in order. */
  picks: string[];
  /** The line each pick is drawn on. */
  pickLines: number[];
}

export function metricsLayout(data: CheckData, selected: number, width: number): MetricsLayout {
  const lines: Line[] = [];
  const picks: string[] = [];
  const pickLines: number[] = [];
  if (!data.metrics?.length) return { lines: [[{ text: 'This policy has no measures.', tone: 'dim' }]], picks, pickLines };
  for (const { name, result } of data.metrics) {
    if (lines.length > 0) lines.push([]);
    lines.push(titleLine(result, width));
    const days = data.series?.[name];
    if (days?.length && result.window) lines.push(trendLine(days, result, width));
    for (const group of Object.keys(result.groups ?? {})) {
      const worst = worstGroups(result, group).slice(0, WORST_SHOWN);
      if (worst.length === 0) continue;
      lines.push([{ text: `  worst by ${group}`, tone: 'dim' }]);
      for (const [value, counts] of worst) {
        const key = groupKey(name, group, value);
        const kept = data.groups?.get(key);
        const isSelected = picks.length === selected;
        pickLines.push(lines.length);
        picks.push(key);
        lines.push(groupLine(value, counts, result, isSelected, kept !== undefined, width));
      }
    }
  }
  return { lines, picks, pickLines };
}

function titleLine(m: MetricResult, width: number): Line {
  const verdict: Segment = m.status === 'pass' ? { text: '✓ met', tone: 'ok' } : m.status === 'fail' ? { text: '✗ missed', tone: 'bad' } : { text: m.status ?? '', tone: 'dim' };
  const right = `${m.display}${m.target ? `  target ${m.target}` : ''}  `;
  const titleW = Math.max(4, width - textWidth(right) - textWidth(verdict.text));
  return [{ text: fit(m.title, titleW), tone: 'heading' }, { text: right, tone: 'bold' }, verdict];
}

/** "▁▁█▁▃ per day, 2026-10-25 to 2026-10-31 by purchaseDate" (or "2 days a bar" when the window is wider than the screen). */
function trendLine(days: NonNullable<CheckData['series']>[string], m: MetricResult, width: number): Line {
  const w = m.window!;
  const about = (per: number) => ` ${per === 1 ? 'a bar a day' : `${per} days a bar`}, ${w.from} to ${w.to} by ${w.by}`;
  const room = Math.max(4, width - 2 - textWidth(about(Math.ceil(days.length / Math.max(1, width / 2)))));
  const { values, perBucket } = bucketDays(days, m.kind, Math.min(days.length, room));
  const line = sparkline(values);
  const empty = [...line].every((c) => c === NO_DATA);
  return [{ text: '  ' }, { text: line, tone: empty ? 'dim' : 'bar' }, { text: fit(about(perBucket), Math.max(0, width - 2 - textWidth(line))), tone: 'dim' }];
}

/** A group value as the CLI's report shows it: 25.00% (1 of 4). */
export function groupValue(counts: MetricCounts, kind: MetricResult['kind']): string {
  if (counts.value === null) return 'no data';
  const value = kind === 'rate' ? `${(counts.value * 100).toFixed(2)}%` : count(Math.round(counts.value * 100) / 100);
  return counts.denominator !== undefined ? `${value}  ${count(counts.numerator ?? 0)} of ${count(counts.denominator)}` : value;
}

function groupLine(value: string, counts: MetricCounts, m: MetricResult, selected: boolean, drillable: boolean, width: number): Line {
  const valueW = Math.min(40, Math.max(12, Math.floor(width * 0.4)));
  return [
    { text: selected ? '  › ' : '    ', tone: 'key' },
    { text: fit(value, valueW), tone: selected ? 'selected' : drillable ? 'plain' : 'dim' },
    { text: ' ' },
    { text: fit(groupValue(counts, m.kind), Math.max(0, width - valueW - 5)) },
  ];
}

/** The first line shown, so that the selected group's line is in view (with its metric's title when it fits). */
export function metricsTop(layout: MetricsLayout, selected: number, height: number): number {
  const line = layout.pickLines[selected] ?? 0;
  if (layout.lines.length <= height || line < height - 1) return 0;
  return Math.min(line - height + 2, layout.lines.length - height);
}

export function Metrics({ data, selected, width, height }: { data: CheckData; selected: number; width: number; height: number }) {
  const layout = metricsLayout(data, selected, width);
  const top = metricsTop(layout, selected, height);
  return <Lines lines={layout.lines.slice(top, top + height)} width={width} height={height} />;
}
