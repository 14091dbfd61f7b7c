/**
 * The top bar (which screen, which policy, how far the check has got) and
 * the bottom bar (the keys that matter here, the search line, or a notice).
 */
import { count, fit, plural, textWidth, truncate, type Line, type Segment } from '../layout.js';
import { baseName } from '../model.js';
import { rateOf } from '../loader.js';
import type { SessionState } from '../session.js';
import type { UiState } from '../state.js';
import { LineView } from './Lines.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** "Reading… 12,345 records, 4,100 a second" and the like. */
export function statusText(s: SessionState): Segment {
  switch (s.status) {
    case 'loading':
      return { text: 'Loading the policy…', tone: 'dim' };
    case 'policy-errors':
      return { text: '✗ the policy has errors', tone: 'bad' };
    case 'failed':
      return { text: '✗ could not read the input', tone: 'bad' };
    case 'checking': {
      const p = s.rechecking ?? s.data.progress;
      const spin = SPINNER[Math.floor(p.elapsedMs / 100) % SPINNER.length];
      const rate = rateOf(p.read, p.elapsedMs);
      const what = s.rechecking ? 'Checking again…' : 'Reading…';
      return { text: `${spin} ${what} ${plural(p.read, 'record')}${rate > 0 ? `, ${count(rate)} a second` : ''}`, tone: 'warning' };
    }
    case 'done':
      return { text: `✓ ${plural(s.data.summary.records, 'record')} checked${s.watching ? ' · watching for changes' : ''}`, tone: 'ok' };
  }
}

export interface HeaderProps {
  session: SessionState;
  ui: UiState;
  /** Records in the list after filtering. */
  listed: number;
  width: number;
  color: boolean;
}

export function headerLine({ session, ui, listed, width, color }: HeaderProps): Line {
  const tab = (label: string, active: boolean): Segment =>
    active ? { text: color ? ` ${label} ` : `[${label}]`, tone: 'selected' } : { text: ` ${label} `, tone: 'dim' };
  const onList = ui.screen === 'list' || ui.screen === 'record';
  const left: Segment[] = [tab('Summary', ui.screen === 'summary'), { text: ' ' }, tab(`Records ${count(listed)}`, onList)];
  if (session.data.metrics?.length) left.push({ text: ' ' }, tab('Measures', ui.screen === 'metrics' || ui.screen === 'group' || ui.screen === 'groupRecord'));
  if (ui.screen === 'help') left.push({ text: ' ' }, tab('Help', true));
  const status = statusText(session);
  const title = session.policy?.title ?? baseName(session.policyFile);
  const leftW = left.reduce((n, s) => n + textWidth(s.text), 0);
  const statusText_ = truncate(status.text, Math.max(10, width - leftW - 4));
  const titleW = Math.max(0, width - leftW - textWidth(statusText_) - 3);
  return [...left, { text: '  ' }, { text: fit(titleW >= 6 ? title : '', titleW), tone: 'bold' }, { text: ' ' }, { ...status, text: statusText_ }];
}

/** Which tab of the top bar is at a 1-based column, if any. */
export function tabAt(props: HeaderProps, column: number): 'summary' | 'list' | 'metrics' | null {
  let x = 0;
  for (const seg of headerLine(props)) {
    const w = textWidth(seg.text);
    if (column > x && column <= x + w) {
      const label = seg.text.replace(/[[\]]/g, '').trim();
      if (label === 'Summary') return 'summary';
      if (label.startsWith('Records ')) return 'list';
      if (label === 'Measures') return 'metrics';
      return null;
    }
    x += w;
  }
  return null;
}

export function Header(props: HeaderProps) {
  return <LineView line={headerLine(props)} width={props.width} />;
}

export interface FooterProps {
  ui: UiState;
  /** Which screen is really on show (the policy's problems replace the results while it has errors). */
  showing: 'summary' | 'list' | 'record' | 'help' | 'problems' | 'metrics' | 'group' | 'groupRecord';
  listed: number;
  width: number;
  color: boolean;
}

const HINTS: Record<FooterProps['showing'], Array<[string, string]>> = {
  summary: [['↑↓', 'move'], ['Enter', 'show records'], ['Tab', 'list'], ['/', 'search'], ['?', 'help'], ['q', 'quit']],
  list: [['↑↓', 'move'], ['Enter', 'open'], ['/', 'search'], ['r', 'rule'], ['s', 'severity'], ['o', 'sort'], ['y', 'copy'], ['e', 'save'], [':', 'command'], ['?', 'help'], ['q', 'quit']],
  record: [['↑↓', 'scroll'], ['←→', 'previous/next'], ['Esc', 'back'], ['y', 'copy'], ['e', 'save'], ['?', 'help'], ['q', 'quit']],
  help: [['↑↓', 'scroll'], ['Esc', 'back'], ['q', 'quit']],
  metrics: [['↑↓', 'group'], ['Enter', 'its records'], ['Esc', 'back'], ['Tab', 'summary'], ['?', 'help'], ['q', 'quit']],
  group: [['↑↓', 'move'], ['Enter', 'open'], ['Esc', 'back to the measures'], ['?', 'help'], ['q', 'quit']],
  groupRecord: [['↑↓', 'scroll'], ['←→', 'previous/next'], ['Esc', 'back to the group'], ['?', 'help'], ['q', 'quit']],
  problems: [['↑↓', 'scroll'], ['?', 'help'], ['q', 'quit']],
};

export function footerLine({ ui, showing, listed, width, color }: FooterProps): Line {
  if (ui.search) {
    const cursor: Segment = color ? { text: ' ', tone: 'selected' } : { text: '_' };
    return [{ text: 'Search: ', tone: 'key' }, { text: ui.search.draft }, cursor, { text: '   Enter keep · Esc undo', tone: 'dim' }];
  }
  if (ui.prompt) {
    const cursor: Segment = color ? { text: ' ', tone: 'selected' } : { text: '_' };
    const lead: Segment = ui.prompt.kind === 'command' ? { text: ':', tone: 'key' } : { text: `Save the ${plural(listed, 'record')} to: `, tone: 'key' };
    const tail = ui.prompt.kind === 'export' ? '   .csv or .json · Enter save · Esc cancel' : '   Enter run · Esc cancel';
    return [lead, { text: ui.prompt.draft }, cursor, { text: tail, tone: 'dim' }];
  }
  if (ui.notice) return [{ text: ui.notice, tone: 'ok' }];
  const out: Segment[] = [];
  let used = 0;
  for (const [key, what] of HINTS[showing]) {
    const w = textWidth(key) + 1 + textWidth(what) + 2;
    if (used + w > width) break;
    out.push({ text: key, tone: 'key' }, { text: ` ${what}  ` });
    used += w;
  }
  return out;
}

export function Footer(props: FooterProps) {
  return <LineView line={footerLine(props)} width={props.width} />;
}
