/**
 * The summary: how many records were checked, how many have problems, and
 * one row per rule with a bar scaled to the terminal width. Enter on a rule
 * lists its records. Dataset policies also show each measure against its
 * target.
 */
import type { RuleInfo, Severity } from '@sellguard/core';
import { Lines } from '../components/Lines.js';
import { count, fit, textWidth, windowStart, type Line, type Segment, type Tone } from '../layout.js';
import { SEVERITY_WORD, shortRule, type CheckData, type MetricRow } from '../model.js';
import { INVALID_ROW, type Cursor } from '../state.js';

export interface RuleRow {
  /** Full rule id, or INVALID_ROW. */
  id: string;
  label: string;
  /** As the rule declares it; undefined for a counted rule the policy does not list and no kept violation shows. */
  severity: Severity | 'invalid' | undefined;
  count: number;
}

/** The severity a rule was declared with, as its violations carry it (each violation copies its rule's). */
function severityOfViolations(data: CheckData, ruleId: string): Severity | undefined {
  for (const record of data.flagged) for (const v of record.violations) if (v.rule === ruleId) return v.severity;
  return undefined;
}

/** Rows of the rule table: unreadable records first (when there are any), then rules by count, most first. */
export function ruleRows(data: CheckData, rules: readonly Pick<RuleInfo, 'fullId' | 'id' | 'severity'>[]): RuleRow[] {
  const rows: RuleRow[] = rules.map((r) => ({ id: r.fullId, label: r.id, severity: r.severity, count: data.summary.byRule[r.fullId] ?? 0 }));
  // Rules the counts hold that the policy does not list (results from before the policy was edited and
  // reloaded, rules of another policy file) still get a row, with the severity their violations carry
  // (as `sellguard check` reports it), never one made up.
  for (const [id, n] of Object.entries(data.summary.byRule)) {
    if (!rows.some((r) => r.id === id)) rows.push({ id, label: shortRule(id), severity: severityOfViolations(data, id), count: n });
  }
  const order = new Map(rows.map((r, i) => [r.id, i]));
  rows.sort((a, b) => b.count - a.count || order.get(a.id)! - order.get(b.id)!);
  if (data.summary.invalid > 0) rows.unshift({ id: INVALID_ROW, label: 'could not be read', severity: 'invalid', count: data.summary.invalid });
  return rows;
}

/** Lines above the rule table: two lines of counts and a blank line. */
const STATS_HEIGHT = 3;
/** The line of the summary where the first rule row is drawn (under the counts and the table's headings). */
export const SUMMARY_FIRST_ROW = STATS_HEIGHT + 1;

/** How many lines the measures take (heading, rows, blank line), at most a third of the screen. */
function metricsHeight(metrics: MetricRow[] | undefined, height: number): number {
  if (!metrics?.length) return 0;
  return Math.min(metrics.length, Math.max(1, Math.floor(height / 3) - 2)) + 2;
}

/** How many rule rows fit under the counts (and measures) in `height` lines. */
export function rulesPage(height: number, metrics?: MetricRow[]): number {
  return Math.max(1, height - STATS_HEIGHT - metricsHeight(metrics, height) - 1);
}

export interface SummaryProps {
  data: CheckData;
  rows: RuleRow[];
  cursor: Cursor;
  width: number;
  height: number;
  /** Said instead of the rule table when there are no rules yet (e.g. "Loading the policy…"). */
  empty?: string;
}

export function summaryLines({ data, rows, cursor, width, height, empty }: SummaryProps): Line[] {
  const s = data.summary;
  const num = (n: number, tone: Tone = 'bold'): Segment => ({ text: count(n), tone: n > 0 ? tone : 'plain' });
  const share = s.checked > 0 && s.withViolations > 0 ? ` (${percent(s.withViolations, s.checked)})` : '';
  const lines: Line[] = [
    [
      { text: 'Records checked ' },
      num(s.checked),
      { text: '   with problems ' },
      num(s.withViolations, 'bad'),
      { text: share },
      { text: '   could not be read ' },
      num(s.invalid, 'bad'),
    ],
    [
      { text: 'Problems found ' },
      num(s.violations),
      { text: '   errors ' },
      num(s.bySeverity.error, 'error'),
      { text: '   warnings ' },
      num(s.bySeverity.warning, 'warning'),
      { text: '   notes ' },
      num(s.bySeverity.info, 'info'),
    ],
  ];
  const metricRows = metricsHeight(data.metrics, height);
  const page = rulesPage(height, data.metrics);
  const top = windowStart(cursor.selected, cursor.top, page, rows.length);
  const range = rows.length > page ? `rows ${top + 1}–${Math.min(rows.length, top + page)} of ${rows.length}` : '';
  lines.push([{ text: fit('', width - textWidth(range)) }, { text: range, tone: 'dim' }]);
  lines.push(...ruleTable(rows, cursor, width, page, empty));
  if (metricRows > 0) {
    while (lines.length < height - metricRows) lines.push([]);
    lines.push([], [{ text: 'Measures against their targets', tone: 'heading' }]);
    for (const m of data.metrics!.slice(0, metricRows - 2)) lines.push(metricLine(m, width));
  }
  return lines.slice(0, height);
}

function ruleTable(rows: RuleRow[], cursor: Cursor, width: number, page: number, empty = 'This policy has no rules.'): Line[] {
  if (rows.length === 0) return [[{ text: empty, tone: 'dim' }]];
  const nameW = Math.min(32, Math.max(12, Math.floor(width * 0.34)));
  const sevW = 11;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const countW = Math.max(7, count(max).length);
  const barW = width - 2 - nameW - 1 - sevW - countW - 1;
  const top = windowStart(cursor.selected, cursor.top, page, rows.length);
  const shown = rows.slice(top, top + page);
  const header = `  ${fit('Rule', nameW)} ${fit('Severity', sevW)}${barW >= 4 ? fit('', barW) : ''}${fit('Problems', countW + 1, 'right')}`;
  const out: Line[] = [[{ text: header, tone: 'heading' }]];
  for (let i = 0; i < shown.length; i++) {
    const row = shown[i];
    const selected = top + i === cursor.selected;
    const tone: Tone = row.severity === 'invalid' ? 'bad' : (row.severity ?? 'dim');
    const line: Line = [
      { text: selected ? '› ' : '  ', tone: selected ? 'key' : 'plain' },
      { text: fit(row.label, nameW), tone: selected ? 'selected' : row.count === 0 ? 'dim' : 'plain' },
      { text: ' ' },
      { text: fit(row.severity ? SEVERITY_WORD[row.severity] : '', sevW), tone: row.count === 0 ? 'dim' : tone },
    ];
    if (barW >= 4) {
      const len = row.count === 0 ? 0 : Math.max(1, Math.round((row.count / max) * (barW - 1)));
      line.push({ text: '█'.repeat(len), tone }, { text: ' '.repeat(barW - len) });
    }
    line.push({ text: fit(count(row.count), countW + 1, 'right'), tone: row.count === 0 ? 'dim' : 'bold' });
    out.push(line);
  }
  return out;
}

/** One measure: its title, value, target and window as core words them, and whether the rules about it passed. */
function metricLine({ result }: MetricRow, width: number): Line {
  const verdict: Segment = result.status === 'pass' ? { text: '✓ met', tone: 'ok' } : result.status === 'fail' ? { text: '✗ missed', tone: 'bad' } : { text: '' };
  const window = result.window ? `over ${result.window.days} days by ${result.window.by} to ${result.window.to}` : '';
  const parts = [result.display, result.target !== undefined ? `target ${result.target}` : '', window].filter(Boolean);
  const nameW = Math.min(30, Math.floor(width * 0.35));
  return [{ text: '  ' }, { text: fit(result.title, nameW) }, { text: ' ' }, { text: fit(parts.join('   '), Math.max(0, width - nameW - 13)) }, { text: ' ' }, verdict];
}

function percent(part: number, whole: number): string {
  const p = (part / whole) * 100;
  return `${p >= 10 || p === 0 ? Math.round(p) : p.toFixed(1)}%`;
}

export function Summary(props: SummaryProps) {
  return <Lines lines={summaryLines(props)} width={props.width} height={props.height} />;
}
