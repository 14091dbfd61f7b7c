/**
 * The whole screen: a top bar, the current screen, a bottom bar, exactly as
 * many rows as the terminal has. Keys go through keyToAction and the pure
 * reducer; the session (policy, check, watch) is read through a store.
 */
import { isAbsolute, relative } from 'node:path';
import { useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { Box, useApp, useInput, useStdout, type Key } from 'ink';
import { osc52, problemsText, recordText } from './clipboard.js';
import { formatOf, parseCommand, type Command } from './commands.js';
import { SORT_WORD, type Sort } from './sort.js';
import { ListBuilder, type Busy, type Slicing } from './list-job.js';
import { Footer, Header, tabAt, type FooterProps } from './components/Bars.js';
import { Lines as ScrollLines } from './components/Lines.js';
import { useTerminalSize } from './components/useTerminalSize.js';
import { defaultExportName, exportTo } from './export.js';
import { editorCommand, lineAt, ruleLine, type EditorCommand } from './editor.js';
import type { Filters } from './filter.js';
import { isSpecialKey, keyToAction, splitBurst } from './keys.js';
import { parseMouse, type MouseEvent } from './mouse.js';
import { plural, shortenPath, wrapSegments, type Line } from './layout.js';
import { baseName, shortRule, whereIs, type FlaggedRecord, type GroupRecord } from './model.js';
import { Diagnostics, diagnosticsLines } from './screens/Diagnostics.js';
import { Help, helpLines } from './screens/Help.js';
import { LIST_FIRST_ROW, listPage, RecordList } from './screens/RecordList.js';
import { RecordView, recordViewLines } from './screens/RecordView.js';
import { ruleRows, rulesPage, Summary, SUMMARY_FIRST_ROW } from './screens/Summary.js';
import { GROUP_FIRST_ROW, groupPage, groupRecordAsFlagged, groupRecordList, GroupScreen } from './screens/GroupRecords.js';
import { Metrics, metricsLayout, metricsTop } from './screens/Metrics.js';
import type { SessionState, SessionStore } from './session.js';
import { clampAll, INVALID_ROW, initialState, reduce, type Action, type UiState, type View } from './state.js';
import { useTheme } from './theme.js';

export interface AppProps {
  store: SessionStore;
  /** Where exports are saved (default: the current folder). */
  cwd?: string;
  /** The state to start in (tests start on a given screen). */
  initial?: UiState;
  /** Called when the analyst quits. */
  onQuit?: () => void;
  /**
   * Runs the editor with the screen handed over to it, and gives back a
   * sentence when it could not be started. Without it, `v` says it cannot.
   */
  openEditor?: (command: EditorCommand) => string | null;
  /** The environment the editor is chosen from ($VISUAL, $EDITOR). */
  env?: Record<string, string | undefined>;
  /** How slices of filtering and sorting are timed and run (tests run them by hand). */
  slicing?: Slicing;
}

/** Rows one turn of the mouse wheel moves. */
const WHEEL_ROWS = 3;

export function App({ store, cwd, initial, onQuit, openEditor, env, slicing }: AppProps) {
  const session = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const { columns: width, rows } = useTerminalSize();
  const { color } = useTheme();
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [raw, setRaw] = useState<UiState>(initial ?? initialState);
  const [problemScroll, setProblemScroll] = useState(0);
  // After the editor had the terminal, one empty frame makes the next frame redraw every row.
  const [repaint, setRepaint] = useState(0);
  useEffect(() => {
    if (repaint % 2 === 1) setRepaint(repaint + 1);
  }, [repaint]);

  const bodyHeight = Math.max(1, rows - 2);
  const data = session.data;
  const list = useRecordList(data.flagged, data.version, raw.filters, raw.sort, slicing);
  const sorted = list.records;
  const rules = useMemo(() => ruleRows(data, session.policy?.rules ?? []), [data, session.policy]);

  /** Records of a group opened in the record view, made once each (the record view keeps its lines per record). */
  const groupRecordViews = useRef(new WeakMap<GroupRecord, FlaggedRecord>());
  const groupRecordView = (r: GroupRecord): FlaggedRecord => {
    let view = groupRecordViews.current.get(r);
    if (!view) groupRecordViews.current.set(r, (view = groupRecordAsFlagged(r, data.flagged)));
    return view;
  };

  /** What is on screen for a given state: the view the reducer needs, the filtered records, the open record's lines. */
  const layoutFor = (state: UiState) => {
    // The list as built so far: a new filter or sort is built in slices, and the view follows it as it grows.
    const records = sorted;
    const base: View = {
      records: records.length,
      rules: rules.map((r) => r.id),
      listPage: listPage(bodyHeight),
      rulesPage: rulesPage(bodyHeight, data.metrics),
      lines: Infinity,
      linesPage: bodyHeight,
    };
    const pre = clampAll(state, base);
    const record: FlaggedRecord | undefined = records[pre.list.selected];
    // The group's records, for the group screen and the record view of one of them. `pre` does not know the
    // measures yet (they come with `view` below), so the group and its cursor are read from `state`.
    const groupRecords = state.group ? groupRecordList(data.groups?.get(state.group)) : [];
    const groupRows = groupRecords.length;
    const inGroupAt = Math.max(0, Math.min(state.groupList.selected, groupRows - 1));
    const groupRecord = state.screen === 'groupRecord' && groupRecords[inGroupAt] ? groupRecordView(groupRecords[inGroupAt]) : undefined;
    const position = groupRecord ? { at: inGroupAt + 1, of: groupRows, within: 'group' as const } : { at: pre.list.selected + 1, of: records.length };
    const shown = groupRecord ?? (pre.screen === 'record' ? record : undefined);
    const lines: Line[] = shown
      ? recordViewLines({ record: shown, policy: session.policy, context: session.context, policySource: session.policySource, width, color, position })
      : pre.screen === 'help'
        ? helpLines(width, session.watching)
        : [];
    const measures = data.metrics?.length ? metricsLayout(data, pre.metrics.selected, width) : undefined;
    const view: View = { ...base, lines: lines.length, ...(measures ? { metricPicks: measures.picks, groupRecords: groupRows, groupPage: groupPage(bodyHeight) } : {}) };
    return { view, ui: clampAll(state, view), record, records, measures, groupRecord, position };
  };
  const { ui, record: selected, groupRecord, position } = layoutFor(raw);

  const problems = session.status === 'policy-errors' || session.status === 'failed';
  const problemLines = problems ? problemText(session, width) : [];
  const showing: FooterProps['showing'] = ui.screen === 'help' ? 'help' : problems ? 'problems' : ui.screen;

  // The state as of the last key: several keys can arrive before the next render (typing fast, pasting).
  const current = useRef(ui);
  current.current = ui;
  const dispatch = (action: Action) => {
    const { view, ui: before } = layoutFor(current.current);
    const next = reduce(before, action, view);
    current.current = next;
    setRaw(next);
  };

  const quit = () => {
    onQuit?.();
    exit();
  };

  const folder = cwd ?? process.cwd();

  const save = (path: string) => {
    const policy = session.policy;
    if (!policy) return dispatch({ type: 'notice', text: 'Nothing to save: the policy has errors.' });
    const format = formatOf(path);
    if (!format) return dispatch({ type: 'notice', text: `Choose a name ending in .csv or .json (not "${path}"); press e to try again.` });
    const { records } = layoutFor(current.current);
    try {
      const written = exportTo(records, format, { policy, filters: current.current.filters, inputs: session.inputs, cwd: folder }, path);
      const partial = session.status === 'checking' && !session.rechecking ? ' (only the records read so far)' : list.busy ? ` (only the records ${list.busy.what === 'sorting' ? 'sorted' : 'found'} so far)` : '';
      const lead = `Saved ${plural(records.length, 'record')} to `;
      const shown = relative(process.cwd(), written);
      const where = shown.startsWith('..') || isAbsolute(shown) ? written : shown;
      dispatch({ type: 'notice', text: `${lead}${shortenPath(where, width - lead.length - partial.length)}${partial}` });
    } catch (e) {
      dispatch({ type: 'notice', text: `Not saved: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const yank = () => {
    const { records, ui: now } = layoutFor(current.current);
    const record = records[now.list.selected];
    if (!record) return dispatch({ type: 'notice', text: 'Nothing to copy: the list is empty.' });
    const onRecord = now.screen === 'record';
    stdout.write(osc52(onRecord ? problemsText(record) : recordText(record)));
    dispatch({ type: 'notice', text: `Copied ${onRecord ? 'the problems of ' : ''}${whereIs(record)} to the clipboard.` });
  };

  /** The rule `v` means here: the selected rule on the summary, else the first problem of the selected record. */
  const ruleHere = (): string | null => {
    const { records, ui: now } = layoutFor(current.current);
    if (now.screen === 'summary') {
      const row = rules[now.rules.selected];
      return row && row.id !== INVALID_ROW ? row.id : null;
    }
    if (now.screen !== 'list' && now.screen !== 'record') return null;
    return records[now.list.selected]?.violations[0]?.rule ?? null;
  };

  const edit = (rule: string | null) => {
    const target = rule ?? ruleHere();
    if (!target && !problems) return dispatch({ type: 'notice', text: 'No rule here to open: select a rule or a record with a problem, or type :edit RULE.' });
    const line = target ? ruleLine(session.policySource, target) : firstProblemLine(session);
    const command = editorCommand(env ?? process.env, session.policyFile, line);
    if (!openEditor) return dispatch({ type: 'notice', text: 'The editor cannot be opened here.' });
    const failed = openEditor(command);
    setRepaint((n) => n + 1);
    if (failed) return dispatch({ type: 'notice', text: failed });
    const at = line === undefined ? `${target ? `${shortRule(target)} is not in this file; ` : ''}opened ${baseName(session.policyFile)}` : `Back from ${baseName(session.policyFile)} line ${line}`;
    dispatch({ type: 'notice', text: `${at}.${session.watching ? '' : ' Saved changes are checked again.'}` });
    if (!session.watching) store.reload?.();
  };

  const run = (command: Command) => {
    switch (command.type) {
      case 'rule':
        return dispatch({ type: 'setRule', rule: command.rule });
      case 'severity':
        return dispatch({ type: 'setSeverity', severity: command.severity });
      case 'sort':
        dispatch({ type: 'setSort', sort: command.column ? { column: command.column, descending: command.descending } : null });
        return dispatch({ type: 'notice', text: command.column ? `Sorted by ${SORT_WORD[command.column]}${command.descending ? ', reversed' : ''}.` : 'Back to the order of the input.' });
      case 'export':
        return save(command.path);
      case 'clear':
        return dispatch({ type: 'clearFilters' });
      case 'edit':
        return edit(command.rule);
      case 'help':
        return dispatch({ type: 'help' });
      case 'quit':
        return quit();
    }
  };

  const submitPrompt = () => {
    const prompt = current.current.prompt;
    dispatch({ type: 'promptDone' });
    if (!prompt) return;
    if (prompt.kind === 'export') return save(prompt.draft.trim());
    const parsed = parseCommand(prompt.draft, rules.map((r) => r.id).filter((id) => !id.startsWith(':')));
    if ('error' in parsed) return dispatch({ type: 'notice', text: parsed.error });
    run(parsed);
  };

  const handleKey = (input: string, key: Partial<Key>) => {
    const action = keyToAction(input, key, current.current);
    if (!action) return;
    if (action.type === 'quit') return quit();
    if (action.type === 'edit') return edit(null);
    if (problems && current.current.screen !== 'help') {
      if (action.type === 'help') return dispatch(action);
      const next = scrollProblems(action, problemScroll, problemLines.length, bodyHeight);
      if (next !== null) setProblemScroll(next);
      return;
    }
    if (action.type === 'exportStart') return dispatch({ type: 'promptStart', kind: 'export', draft: defaultExportName(folder, 'csv') });
    if (action.type === 'commandStart') return dispatch({ type: 'promptStart', kind: 'command', draft: '' });
    if (action.type === 'promptDone') return submitPrompt();
    if (action.type === 'yank') return yank();
    dispatch(action);
  };

  /** A click on a row selects it (a second click opens it); the wheel moves three rows. */
  const handleMouse = (events: MouseEvent[]) => {
    for (const e of events) {
      if (e.kind === 'wheelUp' || e.kind === 'wheelDown') {
        for (let i = 0; i < WHEEL_ROWS; i++) handleKey('', e.kind === 'wheelUp' ? { upArrow: true } : { downArrow: true });
        continue;
      }
      if (e.kind !== 'press' || e.button !== 0 || current.current.prompt || current.current.search) continue;
      const now = current.current;
      if (e.row === 1) {
        const tab = tabAt({ session, ui: now, listed: sorted.length, width, color }, e.column);
        if (tab === 'metrics') dispatch({ type: 'metrics' });
        else if (tab) dispatch({ type: 'show', screen: tab });
        continue;
      }
      // Row 1 is the top bar; the body starts on row 2.
      const bodyRow = e.row - 2;
      if (now.screen === 'list') dispatch({ type: 'pick', index: now.list.top + bodyRow - LIST_FIRST_ROW });
      else if (now.screen === 'group') dispatch({ type: 'pick', index: now.groupList.top + bodyRow - GROUP_FIRST_ROW });
      else if (now.screen === 'metrics') {
        const { measures } = layoutFor(now);
        if (!measures) continue;
        const index = measures.pickLines.indexOf(metricsTop(measures, now.metrics.selected, bodyHeight) + bodyRow);
        if (index >= 0) dispatch({ type: 'pick', index });
      }
      else if (now.screen === 'summary' && !problems) dispatch({ type: 'pick', index: now.rules.top + bodyRow - SUMMARY_FIRST_ROW });
    }
  };

  useInput((input, key) => {
    const mouse = parseMouse(input);
    if (mouse) return handleMouse(mouse);
    if (input.length > 1 && !isSpecialKey(key)) for (const k of splitBurst(input)) handleKey(k.input, k.key);
    else handleKey(input, key);
  });

  if (repaint % 2 === 1) return <ScrollLines lines={[]} width={width} height={rows} />;
  let body;
  if (ui.screen === 'help') body = <Help width={width} height={bodyHeight} scroll={ui.scroll} watching={session.watching} />;
  else if (problems) body = <ProblemText lines={problemLines} width={width} height={bodyHeight} scroll={problemScroll} session={session} />;
  else if ((ui.screen === 'record' && selected) || (ui.screen === 'groupRecord' && groupRecord)) {
    // One record in full: from the list of records, or an order of a metric's group (← → move through the group).
    const fromList = ui.screen === 'record';
    body = (
      <RecordView
        record={(fromList ? selected : groupRecord)!}
        policy={session.policy}
        context={session.context}
        policySource={session.policySource}
        width={width}
        height={bodyHeight}
        scroll={ui.scroll}
        color={color}
        position={fromList ? { at: ui.list.selected + 1, of: sorted.length } : position}
      />
    );
  }
  else if (ui.screen === 'metrics') body = <Metrics data={data} selected={ui.metrics.selected} width={width} height={bodyHeight} />;
  else if (ui.screen === 'group' && ui.group) {
    const [metric, group, value] = JSON.parse(ui.group) as [string, string, string];
    const result = data.metrics?.find((m) => m.name === metric)?.result;
    body = result ? (
      <GroupScreen metric={result} group={group} value={value} records={data.groups?.get(ui.group)} cursor={ui.groupList} width={width} height={bodyHeight} />
    ) : (
      <ScrollLines lines={[]} width={width} height={bodyHeight} />
    );
  } else if (ui.screen === 'list' || ui.screen === 'record')
    body = (
      <RecordList
        records={sorted}
        busy={list.busy}
        sort={ui.sort}
        total={data.flagged.length}
        cursor={ui.list}
        filters={ui.filters}
        width={width}
        height={bodyHeight}
        loading={session.status === 'checking' && !session.rechecking}
      />
    );
  else body = <Summary data={data} rows={rules} cursor={ui.rules} width={width} height={bodyHeight} empty={session.status === 'loading' ? 'Loading the policy…' : undefined} />;

  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Header session={session} ui={ui} listed={sorted.length} width={width} color={color} />
      {body}
      <Footer ui={ui} showing={showing} listed={sorted.length} width={width} color={color} />
    </Box>
  );
}

/**
 * The records matching the filters, in the chosen order, built in slices
 * (list-job.ts) so that keys are answered while a large list is filtered or
 * sorted. While a file is being read only the new records are taken in.
 */
function useRecordList(flagged: FlaggedRecord[], version: number, filters: Filters, sort: Sort | null, slicing?: Slicing): { records: readonly FlaggedRecord[]; busy: Busy | null } {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const builder = useRef<ListBuilder | null>(null);
  builder.current ??= new ListBuilder(redraw, slicing);
  useEffect(() => {
    builder.current!.update(flagged, filters, sort);
    // `version` changes when records are added to the same array, which the array itself does not show.
  }, [flagged, version, filters, sort]);
  useEffect(() => () => builder.current!.dispose(), []);
  return { records: builder.current.records, busy: builder.current.busy };
}

/** While the policy has errors, `v` opens it at its first error. */
function firstProblemLine(session: SessionState): number | undefined {
  const first = session.diagnostics.find((d) => d.severity === 'error') ?? session.diagnostics[0];
  return first ? lineAt(session.policySource, first.span.start) : undefined;
}

/** What replaces the results while the policy has errors or an input cannot be read. */
function problemText(session: SessionState, width: number): Line[] {
  if (session.status === 'policy-errors') {
    return diagnosticsLines({ diagnostics: session.diagnostics, source: session.policySource, fileName: session.policyFile, width, watching: session.watching });
  }
  const lines: Line[] = [[{ text: 'Something could not be read', tone: 'bad' }], ...wrapSegments([{ text: session.error ?? 'unknown problem' }], width, 2)];
  lines.push([], ...wrapSegments([{ text: session.watching ? 'Waiting for the files to change: the check runs again by itself.' : 'Check the file names and start again.', tone: 'dim' }], width));
  return lines;
}

function ProblemText({ lines, width, height, scroll, session }: { lines: Line[]; width: number; height: number; scroll: number; session: SessionState }) {
  if (session.status === 'policy-errors') {
    return (
      <Diagnostics diagnostics={session.diagnostics} source={session.policySource} fileName={session.policyFile} width={width} height={height} scroll={scroll} watching={session.watching} />
    );
  }
  const top = Math.max(0, Math.min(scroll, lines.length - height));
  return <ScrollLines lines={lines.slice(top, top + height)} width={width} height={height} />;
}

function scrollProblems(action: Action, scroll: number, lines: number, page: number): number | null {
  const max = Math.max(0, lines - page);
  const to = (n: number) => Math.max(0, Math.min(n, max));
  switch (action.type) {
    case 'up':
      return to(scroll - 1);
    case 'down':
      return to(scroll + 1);
    case 'pageUp':
      return to(scroll - page);
    case 'pageDown':
      return to(scroll + page);
    case 'first':
      return 0;
    case 'last':
      return max;
    default:
      return null;
  }
}
