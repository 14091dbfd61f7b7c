import type { CompiledPolicy, Fix } from '@sellguard/core';
import { format } from '@sellguard/dsl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AsOfControl } from './components/AsOfControl';
import { Compiled } from './components/Compiled';
import { ExamplesPanel } from './components/ExamplesPanel';
import { Explain } from './components/Explain';
import { Problems } from './components/Problems';
import { RecordForm } from './components/RecordForm';
import { RecordPicker } from './components/RecordPicker';
import { Results } from './components/Results';
import { SharePanel } from './components/SharePanel';
import { Tabs } from './components/Tabs';
import { DataEditor, type DataEditorHandle, type LineProblem } from './editor/DataEditor';
import { PolicyEditor, type PolicyEditorHandle } from './editor/PolicyEditor';
import { BigFileResults } from './files/BigFileResults';
import { OpenButton, useDropFiles } from './files/FileTools';
import { baseName, download, EDITOR_LIMIT_BYTES, isSpreadsheet } from './files/fileKinds';
import { renderReport, REPORT_FORMATS, type ReportFormat } from './files/reports';
import { useBigCheck } from './files/useBigCheck';
import { budgetFrom, timedOutMessage } from './checks/budget';
import type { CheckJob } from './checks/protocol';
import { useLiveCheck } from './checks/useLiveCheck';
import { appendRecord, FORMAT_NAMES, parseData, replaceRecord } from './lib/data';
import { EXAMPLES, type Example } from './lib/examples';
import { newRecord } from './lib/form';
import { useDebounced } from './lib/hooks';
import { analyzePolicy, applyFixToRaw, inputRecord } from './lib/policy';
import { importsOf, MAIN_POLICY_FILE, splitProject, type PolicySource } from './lib/project';
import { labelFieldOf } from './lib/records';
import { decodeState, encodeState, type DataView, type OutputTab, type ShareState } from './lib/urlState';

const STARTER_POLICY = `policy my-policy "My policy"
  input Message

record Message {
  body: text
}

rule email-address error "Email addresses are not allowed: {matched}" {
  forbid emails(body)
}
`;

/** Today as YYYY-MM-DD, in UTC like the checker's today(). */
function todayText(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The day today() means for the checks (UTC midnight, ms); '' is the real today (null). */
function asOfDay(asOf: string): number | null {
  const ms = asOf ? Date.parse(`${asOf}T00:00:00Z`) : NaN;
  return Number.isNaN(ms) ? null : ms;
}

function exampleState(ex: Example | undefined): ShareState {
  return { policy: ex?.policy ?? STARTER_POLICY, data: ex?.data ?? '{"body": "Write to me at jo@example.com"}\n', record: 0, tab: 'results', view: 'text', ...(ex?.asOf ? { asOf: ex.asOf } : {}) };
}

const OUTPUT_TABS = [
  { id: 'results' as const, label: 'Results' },
  { id: 'explain' as const, label: 'Explain' },
  { id: 'examples' as const, label: 'Examples' },
  { id: 'compiled' as const, label: 'Compiled' },
];

const DATA_VIEWS = [
  { id: 'text' as const, label: 'Text' },
  { id: 'form' as const, label: 'Form' },
];

const DEBOUNCE_MS = 150;

/**
 * A workbook's first sheet as a CSV file of the same name, or null when it
 * is not a workbook. The reader is a separate chunk, fetched on first use.
 */
async function spreadsheetAsCsv(file: File): Promise<File | null> {
  try {
    const { spreadsheetToCsv } = await import('./files/spreadsheet');
    return new File([await spreadsheetToCsv(file)], file.name, { type: 'text/csv' });
  } catch {
    return null;
  }
}

/** Two checks of the same policy, project files, data and day (what the results depend on). */
function sameCheck(a: CheckJob, b: CheckJob): boolean {
  return a.policy === b.policy && a.others === b.others && a.data === b.data && a.asOf === b.asOf;
}

export function App() {
  const initial = useMemo(() => decodeState(window.location.hash, EXAMPLES) ?? exampleState(EXAMPLES[0]), []);
  const [policyText, setPolicyText] = useState(initial.policy);
  /** The main policy's name as the visitor opened it (its tab's label). */
  const [policyName, setPolicyName] = useState(initial.policyName ?? MAIN_POLICY_FILE);
  /** The other policy files of the project (what the main policy imports), each in a tab. */
  const [otherFiles, setOtherFiles] = useState<PolicySource[]>(initial.files ?? []);
  /** The file shown in the policy editor: null for the main policy, else another file's name. */
  const [activeFile, setActiveFile] = useState<string | null>(null);
  const [dataText, setDataText] = useState(initial.data);
  const [selected, setSelected] = useState(initial.record);
  const [tab, setTab] = useState<OutputTab>(initial.tab);
  const [view, setView] = useState<DataView>(initial.view);
  const [asOf, setAsOfDate] = useState(initial.asOf ?? '');
  /** How long a check may run before it is stopped (`?budget=` in the address changes it, for testing). */
  const budgetMs = useMemo(() => budgetFrom(window.location.search), []);
  const [shareUrl, setShareUrl] = useState<string | null>(null);
  /** The name of the data file the visitor opened, for naming downloads. */
  const [dataName, setDataName] = useState<string | null>(null);
  const big = useBigCheck();
  const [notice, setNotice] = useState<string | null>(null);
  /** Set once the visitor changes anything; until then the address stays clean. */
  const touched = useRef(false);
  /** After an example loads, select its first record with problems. */
  const pickFirstProblem = useRef(decodeState(window.location.hash, EXAMPLES) === null);
  const policyEditor = useRef<PolicyEditorHandle>(null);
  const outputBody = useRef<HTMLDivElement>(null);
  const dataEditor = useRef<DataEditorHandle>(null);

  // ---- the policy: analysed 150 ms after the last keystroke
  const [analyzedText, flushPolicy] = useDebounced(policyText, DEBOUNCE_MS);
  // An edit in any file of the project checks the main policy (and the data) again.
  const [analyzedOthers, flushOthers] = useDebounced(otherFiles, DEBOUNCE_MS);
  const analyzed = useMemo(() => ({ text: analyzedText, others: analyzedOthers, analysis: analyzePolicy(analyzedText, analyzedOthers) }), [analyzedText, analyzedOthers]);
  const activeOther = otherFiles.find((f) => f.name === activeFile);
  const editorText = activeOther?.text ?? policyText;
  /** The analysis of the file in the editor: the main policy's, or the shown file's own. */
  const analyzedShown = useMemo(() => {
    const shown = analyzedOthers.find((f) => f.name === activeFile);
    return shown ? { text: shown.text, others: analyzedOthers, analysis: analyzePolicy(shown.text, analyzedOthers, shown.name) } : analyzed;
  }, [activeFile, analyzedOthers, analyzed]);
  /** The last policy without errors, kept while the text has some; a new analysis (of any file of the project) replaces it. */
  const lastGood = useRef<{ policy: CompiledPolicy; source: string; from: typeof analyzed } | null>(null);
  if (analyzed.analysis.policy && lastGood.current?.from !== analyzed) lastGood.current = { policy: analyzed.analysis.policy, source: analyzed.text, from: analyzed };
  const good = lastGood.current;
  const policy = good?.policy;
  const policyBroken = !analyzed.analysis.policy;

  // ---- the data: read at once (the form shows it), checked 150 ms after the last change
  const parsedPlain = useMemo(() => parseData(dataText), [dataText]);
  // Only an object that may hold the records depends on the policy (it may be one record itself): only
  // that is read again when the policy changes, not every data text on every policy edit.
  const parsedNow = useMemo(() => (policy && parsedPlain.format === 'json-wrapped' ? parseData(dataText, policy) : parsedPlain), [parsedPlain, dataText, policy]);
  const [checkedText, flushData] = useDebounced(dataText, DEBOUNCE_MS);
  const usesToday = policy?.usesToday ?? false;

  const count = parsedNow.entries.length;
  const sel = Math.max(0, Math.min(selected, count - 1));
  const info = policy ? inputRecord(policy) : undefined;

  // ---- the checks: every evaluation of the data runs in the check worker, with a time budget
  const asOfMs = asOfDay(asOf);
  const explainIndex = tab === 'explain' ? sel : null;
  const runExamples = tab === 'examples';
  const job: CheckJob | null = useMemo(
    () => (good ? { policy: good.source, others: good.from.others, data: checkedText, asOf: asOfMs, explain: explainIndex, examples: runExamples } : null),
    [good, checkedText, asOfMs, explainIndex, runExamples],
  );
  const live = useLiveCheck(job, budgetMs);
  const settled = live.settled;
  /** No edit is waiting for its check to start (the editors wait 150 ms after the last keystroke). */
  const settledEdits = checkedText === dataText && policyText === analyzed.text && otherFiles === analyzedOthers;
  /** The latest check is of the policy and data shown now (only then are its results current). */
  const isCurrent = settledEdits && settled !== null && job !== null && sameCheck(settled.job, job);
  const done = settled?.state === 'done' ? settled : null;
  const outcome = done && isCurrent ? done.result.outcome : undefined;
  /** While the latest edit is being checked, the results before it stay in view, marked as out of date. */
  const staleOutcome = done && !isCurrent ? done.result.outcome : undefined;
  const shownOutcome = outcome ?? staleOutcome;
  const checking = job !== null && !(settledEdits && settled !== null && sameCheck(settled.job, job) && settled.job.explain === job.explain && settled.job.examples === job.examples);
  const stopped = settled && settled.state !== 'done' && isCurrent ? (settled.state === 'timed-out' ? timedOutMessage(settled) : settled.message) : null;
  const selRecord = outcome?.records[sel];
  const explanation = outcome && done?.job.explain === sel ? done.result.explanation : undefined;
  const exampleOutcomes = done && job && done.job.policy === job.policy && done.job.others === job.others && done.job.asOf === job.asOf ? done.result.examples : undefined;

  useEffect(() => {
    if (!pickFirstProblem.current || !outcome) return;
    pickFirstProblem.current = false;
    const first = outcome.records.find((r) => r.violations.length > 0 || r.invalid);
    if (first) setSelected(first.index);
  }, [outcome]);

  // A new tab, or another record explained, starts at the top.
  useEffect(() => {
    if (outputBody.current) outputBody.current.scrollTop = 0;
  }, [tab, tab === 'explain' ? sel : -1]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 3500);
    return () => clearTimeout(t);
  }, [notice]);

  // ---- the address keeps the whole state, so reloading or sharing shows the same thing
  const state: ShareState = useMemo(
    () => ({
      policy: policyText,
      data: dataText,
      record: sel,
      tab,
      view,
      ...(asOf ? { asOf } : {}),
      ...(otherFiles.length > 0 ? { files: otherFiles, policyName } : {}),
    }),
    [policyText, dataText, sel, tab, view, asOf, otherFiles, policyName],
  );
  const stateRef = useRef(state);
  stateRef.current = state;
  useEffect(() => {
    if (!touched.current) return;
    const t = setTimeout(() => {
      const hash = `#${encodeState(state, EXAMPLES)}`;
      if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
    }, 300);
    return () => clearTimeout(t);
  }, [state]);

  const restore = useCallback(
    (s: ShareState) => {
      lastGood.current = null;
      setPolicyText(s.policy);
      flushPolicy(s.policy);
      setPolicyName(s.policyName ?? MAIN_POLICY_FILE);
      setOtherFiles(s.files ?? []);
      flushOthers(s.files ?? []);
      setActiveFile(null);
      setDataText(s.data);
      flushData(s.data);
      setSelected(s.record);
      setTab(s.tab);
      setView(s.view);
      setAsOfDate(s.asOf ?? '');
    },
    [flushPolicy, flushData, flushOthers],
  );

  useEffect(() => {
    const onHash = () => {
      const s = decodeState(window.location.hash, EXAMPLES);
      if (!s) return;
      const cur = stateRef.current;
      if (encodeState(s, EXAMPLES) === encodeState(cur, EXAMPLES)) return;
      pickFirstProblem.current = false;
      restore(s);
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('popstate', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('popstate', onHash);
    };
  }, [restore]);

  const touch = () => {
    touched.current = true;
  };

  // ---- actions
  const loadExample = (ex: Example) => {
    // Keep what was there one step back in the browser history.
    if (touched.current) window.history.pushState(null, '', `#${encodeState(stateRef.current, EXAMPLES)}`);
    touch();
    pickFirstProblem.current = true;
    big.close();
    setDataName(null);
    restore(exampleState(ex));
    setNotice(`Loaded the example "${ex.title}".`);
  };

  /** Replace the text of the file in the editor (the main policy or another file of the project). */
  const setShownText = (text: string) => {
    if (activeOther) setOtherFiles((files) => files.map((f) => (f.name === activeOther.name ? { ...f, text } : f)));
    else setPolicyText(text);
  };

  const onFormat = () => {
    const r = format(editorText);
    if (r.diagnostics.some((d) => d.severity === 'error')) setNotice('The policy was not formatted: fix the problems in it first.');
    else if (!r.changed) setNotice('The policy is already formatted.');
    else {
      touch();
      setShownText(r.text);
      if (!activeOther) flushPolicy(r.text);
      setNotice('Formatted the policy.');
    }
  };

  /** An offset in the main policy: shown in its tab first when another file is in the editor. */
  const mainPolicyOffset = useRef<number | null>(null);
  const goToMainPolicy = (offset: number) => {
    if (activeFile === null) policyEditor.current?.focusAt(offset);
    else {
      mainPolicyOffset.current = offset;
      setActiveFile(null);
    }
  };
  useEffect(() => {
    if (activeFile !== null || mainPolicyOffset.current === null) return;
    policyEditor.current?.focusAt(mainPolicyOffset.current);
    mainPolicyOffset.current = null;
  }, [activeFile]);

  const select = (index: number) => {
    touch();
    setSelected(index);
  };

  const revealRecord = (index: number) => {
    select(index);
    const entry = parsedNow.entries[index];
    if (view === 'text' && entry) dataEditor.current?.revealLine(entry.line);
  };

  const onFix = (index: number, fix: Fix) => {
    const entry = parsedNow.entries[index];
    if (!policy || !entry || entry.raw === undefined) return;
    const next = applyFixToRaw(policy, entry.raw, fix);
    const text = replaceRecord(dataText, parsedNow, index, next);
    touch();
    setDataText(text);
    flushData(text);
    setSelected(index);
    setNotice(`Record ${index + 1}: ${fix.description}. Checked again.`);
  };

  const onFormChange = (raw: unknown) => {
    touch();
    setDataText(replaceRecord(dataText, parsedNow, sel, raw));
  };

  const addRecord = () => {
    if (!policy || !info) return;
    const text = appendRecord(dataText, parsedNow, newRecord(info, policy.records));
    touch();
    setDataText(text);
    flushData(text);
    setSelected(count);
    setView('form');
  };

  const openShare = () => {
    // A policy that looks at today's date is pinned to the day the sender saw.
    const shared = usesToday && !asOf ? { ...state, asOf: todayText() } : state;
    if (shared !== state) setAsOfDate(shared.asOf ?? '');
    window.history.replaceState(null, '', `#${encodeState(shared, EXAMPLES)}`);
    touch();
    setShareUrl(window.location.href);
  };

  const onCursorLine = (line: number) => {
    let index = -1;
    for (const e of parsedNow.entries) if (e.line <= line) index = e.index;
    if (index >= 0 && index !== sel) select(index);
  };

  // ---- the visitor's own files
  const policyNow = useRef(policyText);
  policyNow.current = policyText;
  useDropFiles(fileHandlers());
  function fileHandlers() {
    return {
      onPolicies: async (opened: readonly File[]) => {
        const files = await Promise.all(opened.map(async (f) => ({ name: f.name, text: await f.text() })));
        touch();
        // One file the main policy imports: it replaces that file's tab, and the main policy stays.
        if (files.length === 1 && importsOf(policyNow.current).includes(files[0].name)) {
          const next = [...otherFiles.filter((f) => f.name !== files[0].name), files[0]];
          setOtherFiles(next);
          flushOthers(next);
          setActiveFile(files[0].name);
          setNotice(`Opened ${files[0].name}, which ${policyName} imports.`);
          return;
        }
        const { main, others } = splitProject(files);
        lastGood.current = null;
        policyNow.current = main.text;
        setPolicyText(main.text);
        flushPolicy(main.text);
        setPolicyName(main.name);
        setOtherFiles(others);
        flushOthers(others);
        setActiveFile(null);
        setNotice(others.length === 0 ? `Opened the policy ${main.name}.` : `Opened the policy ${main.name} with ${others.map((f) => f.name).join(', ')}.`);
      },
      onData: async (opened: File) => {
        touch();
        setTab('results');
        const file = isSpreadsheet(opened.name) ? await spreadsheetAsCsv(opened) : opened;
        if (!file) {
          setNotice(`${opened.name} could not be read as an Excel workbook. Save it again as .xlsx (or as CSV) and open it again.`);
          return;
        }
        if (file.size > EDITOR_LIMIT_BYTES) {
          // Too large to edit record by record: checked in the background, with a progress bar.
          big.start(policyNow.current, otherFiles, file, asOfDay(asOf));
          return;
        }
        const text = await file.text();
        big.close();
        setDataText(text);
        flushData(text);
        setSelected(0);
        setDataName(file.name);
        setNotice(`Opened ${file.name}.`);
      },
      onUnknown: (file: File) =>
        setNotice(`${file.name} is not a file the playground reads. Open a .policy file, or data as .jsonl, .json, .csv, .xlsx, or an Amazon flat file (.txt or .tsv).`),
    };
  }

  const downloadName = baseName(dataName ?? activeExampleData() ?? 'data');
  function activeExampleData(): string | undefined {
    return EXAMPLES.find((e) => e.data === dataText)?.dataFiles[0];
  }
  const downloadResults = (format: ReportFormat) => {
    if (!policy || !outcome) return;
    const { ext, type } = REPORT_FORMATS.find((f) => f.format === format)!;
    download(`${downloadName}-results.${ext}`, renderReport(format, policy, outcome, dataName ?? activeExampleData() ?? 'data'), type);
  };
  const downloadFixed = () => {
    if (!policy) return;
    // Fixing re-checks every record after each fix: done in the check worker, the download follows.
    setNotice('Applying the fixes…');
    live.fixAll();
  };
  /** The request whose fixed records were downloaded (a request checked again once the dictionary is ready is not downloaded twice). */
  const downloadedFixes = useRef<CheckJob | null>(null);
  useEffect(() => {
    if (settled?.state !== 'done' || !settled.job.fixAll || !settled.result.fixed || downloadedFixes.current === settled.job) return;
    downloadedFixes.current = settled.job;
    const { text, fixed } = settled.result.fixed;
    if (fixed === 0) {
      setNotice('No record has a fix to apply.');
      return;
    }
    const ext = parsedNow.format === 'csv' || parsedNow.format === 'tsv' || parsedNow.format === 'jsonl' ? 'jsonl' : 'json';
    download(`${downloadName}-fixed.${ext}`, text, ext === 'jsonl' ? 'application/x-ndjson' : 'application/json');
    setNotice(`Applied ${fixed} ${fixed === 1 ? 'fix' : 'fixes'} in the downloaded copy; the data here is unchanged.`);
  }, [settled]); // eslint-disable-line react-hooks/exhaustive-deps

  // ---- what the panes show
  // Problems of the file in the editor (those inside a file it imports show in that file's tab).
  const diagnostics = analyzedShown.analysis.diagnostics.filter((d) => d.file === undefined || d.file === (activeOther?.name ?? MAIN_POLICY_FILE));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const pending = policyText !== analyzed.text || otherFiles !== analyzedOthers;
  const activeExample = otherFiles.length === 0 ? EXAMPLES.find((e) => e.policy === policyText) : undefined;
  const fileTabs = [{ id: '', label: policyName }, ...otherFiles.map((f) => ({ id: f.name, label: f.name }))];

  const dataProblems: LineProblem[] = useMemo(() => {
    const out: LineProblem[] = [];
    for (const r of outcome?.records ?? parsedNow.entries.map((e) => ({ line: e.line, invalid: e.error ? [{ path: '', message: e.error }] : undefined }))) {
      for (const p of r.invalid ?? []) out.push({ line: r.line, message: p.path ? `${p.path}: ${p.message}` : p.message });
    }
    return out;
  }, [outcome, parsedNow]);

  return (
    <div className="app">
      <a className="skip-link" href="#output-panel">
        Skip to the results
      </a>
      <header className="topbar">
        <div className="brand">
          <svg className="logo" viewBox="0 0 32 32" aria-hidden="true">
            <path d="M16 2 4 7v8c0 7.5 5.1 13.4 12 15 6.9-1.6 12-7.5 12-15V7z" />
            <path d="m11 16 4 4 7-8" className="logo-check" />
          </svg>
          <div>
            <h1>
              Sellguard <span className="brand-sub">playground</span>
            </h1>
            <p className="tagline">Try a policy on your data. Everything runs in this browser; nothing is uploaded.</p>
          </div>
        </div>
        <nav className="examples" aria-label="Examples">
          <span className="examples-label">Examples</span>
          {EXAMPLES.map((ex) => (
            <button key={ex.id} type="button" className="example" aria-pressed={activeExample?.id === ex.id} onClick={() => loadExample(ex)} title={`Load the “${ex.title}” policy${ex.dataFiles.length ? ` with its sample data (${ex.dataFiles.join(', ')})` : ''}`}>
              {ex.title.split(':')[0]}
            </button>
          ))}
        </nav>
        <div className="top-actions">
          <OpenButton {...fileHandlers()} />
          <button type="button" className="primary share-button" onClick={openShare} aria-haspopup="dialog">
            Share
          </button>
        </div>
      </header>
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      {shareUrl !== null && <SharePanel url={shareUrl} onClose={() => setShareUrl(null)} />}

      <main className="workspace">
        <section className="pane policy-pane" aria-labelledby="policy-heading">
          <div className="pane-head">
            <h2 id="policy-heading">Policy</h2>
            {policy && <span className="policy-title" title={policy.source ?? ''}>{policy.title}{policy.version ? ` · version ${policy.version}` : ''}</span>}
            <span className={`status-pill ${pending ? 'pending' : errors ? 'bad' : warnings ? 'warn' : 'ok'}`} data-testid="policy-status">
              {pending ? 'Checking…' : errors ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : warnings ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : 'No problems'}
            </span>
            <button type="button" className="small" onClick={onFormat} title="Format the policy (Shift+Alt+F)" aria-keyshortcuts="Shift+Alt+F">
              Format
            </button>
          </div>
          {otherFiles.length > 0 && (
            <Tabs label="Policy files" items={fileTabs} value={activeFile ?? ''} onChange={(id) => setActiveFile(id === '' ? null : id)} idPrefix="file" className="file-tabs" />
          )}
          <div id="file-panel" className="file-panel" {...(otherFiles.length > 0 ? { role: 'tabpanel', 'aria-labelledby': `file-tab-${activeFile ?? ''}` } : {})}>
            <PolicyEditor
              ref={policyEditor}
              value={editorText}
              onChange={(t) => {
                if (t === editorText) return;
                touch();
                setShownText(t);
              }}
              analyzed={analyzedShown}
              onFormat={onFormat}
            />
          </div>
          <Problems diagnostics={diagnostics} text={analyzedShown.text} onGo={(o) => policyEditor.current?.focusAt(o)} />
        </section>

        <div className="right">
          <section className={`pane data-pane view-${view}`} aria-labelledby="data-heading">
            <div className="pane-head">
              <h2 id="data-heading">Data</h2>
              <Tabs label="Show the data as" items={DATA_VIEWS} value={view} onChange={(v) => (touch(), setView(v))} idPrefix="data" />
              <span className="data-format">
                {FORMAT_NAMES[parsedNow.format]}
                {count > 0 ? ` · ${count} ${count === 1 ? 'record' : 'records'}` : ''}
              </span>
              <button type="button" className="small" onClick={addRecord} disabled={!info}>
                New record
              </button>
            </div>
            {big.check && (
              <p className="banner" role="note" data-testid="data-not-checked">
                {big.check.fileName} is too large to edit here, so it is checked in the background: the results on the right are for it. The data below is what you had before; close those results to see its own again.
              </p>
            )}
            <div id="data-panel" role="tabpanel" aria-labelledby={`data-tab-${view}`} className="data-body">
              <div hidden={view !== 'text'} className="data-text">
                <DataEditor
                  ref={dataEditor}
                  value={dataText}
                  onChange={(t) => {
                    if (t !== dataText) touch();
                    setDataText(t);
                  }}
                  problems={dataProblems}
                  onCursorLine={onCursorLine}
                />
              </div>
              {view === 'form' && (
                <div className="data-form">
                  <RecordPicker count={count} selected={sel} records={outcome?.records} onSelect={select} />
                  {!policy || !info ? (
                    <p className="empty">The form is made from the policy's record types. Fix the problems in the policy to see it.</p>
                  ) : count === 0 ? (
                    <p className="empty">There are no records yet. Choose “New record” to start one.</p>
                  ) : parsedNow.entries[sel]?.error ? (
                    <p className="empty">{parsedNow.entries[sel].error}. Fix it in the text view to edit it here.</p>
                  ) : (
                    <RecordForm info={info} records={policy.records} raw={parsedNow.entries[sel]?.raw} problems={selRecord?.invalid ?? []} onChange={onFormChange} />
                  )}
                </div>
              )}
            </div>
          </section>

          <section className="pane output-pane" aria-label="Output">
            <div className="pane-head">
              <Tabs label="Output" items={OUTPUT_TABS} value={tab} onChange={(t) => (touch(), setTab(t))} idPrefix="output" />
              {outcome && done?.result.spellingPending && <span className="muted small-text">Loading the spelling dictionary…</span>}
              {checking && (
                <span className="muted small-text" data-testid="checking">
                  Checking…
                </span>
              )}
              {usesToday && <AsOfControl value={asOf} sampleDay={activeExample?.asOf} onChange={(day) => (touch(), setAsOfDate(day))} />}
            </div>
            <div id="output-panel" role="tabpanel" aria-labelledby={`output-tab-${tab}`} className="output-body" tabIndex={-1} ref={outputBody}>
              {policyBroken && (
                <p className="banner" role="note">
                  {good
                    ? 'The policy has problems (see the list under it). These results are from the last version that worked.'
                    : 'The policy has problems (see the list under it). Fix them to check the data.'}
                </p>
              )}
              {tab === 'results' && big.check && <BigFileResults check={big.check} onClose={big.close} />}
              {!big.check && stopped && (
                <p className="banner check-stopped" role="alert" data-testid="check-stopped">
                  {stopped}
                </p>
              )}
              {tab === 'results' && !big.check && outcome && policy && (
                <div className="downloads" role="group" aria-label="Download">
                  {REPORT_FORMATS.map((f) => (
                    <button key={f.format} type="button" className="small" onClick={() => downloadResults(f.format)}>
                      Download results ({f.label})
                    </button>
                  ))}
                  <button type="button" className="small" onClick={downloadFixed} disabled={!outcome.records.some((r) => r.violations.some((v) => v.fix))}>
                    Download fixed records
                  </button>
                </div>
              )}
              {tab === 'results' && !big.check && shownOutcome && policy && (
                <div className={outcome ? 'results-now' : 'results-now stale'} aria-busy={!outcome}>
                  {!outcome && <p className="stale-note">Checking your latest changes: until then, these results are from before them.</p>}
                  <Results
                    outcome={shownOutcome}
                    rules={policy.rules}
                    labelField={labelFieldOf(info)}
                    selected={sel}
                    onSelect={revealRecord}
                    // A fix found in the data before the latest edit would land in the wrong place.
                    onFix={(i, fix) => outcome && onFix(i, fix)}
                    onExplain={(i) => (select(i), setTab('explain'))}
                    onEdit={(i) => (select(i), setView('form'))}
                  />
                </div>
              )}
              {tab === 'explain' && policy && good && (
                <>
                  <RecordPicker count={count} selected={sel} records={outcome?.records} onSelect={select} label="Explain" />
                  {explanation ? (
                    <Explain explanation={explanation} source={good.source} />
                  ) : count === 0 ? (
                    <p className="empty">There are no records to explain.</p>
                  ) : !outcome || checking ? null : (
                    <p className="empty">Record {sel + 1} could not be read, so no rule was checked. The Results tab lists its problems.</p>
                  )}
                </>
              )}
              {tab === 'examples' && policy && good && exampleOutcomes && (
                <ExamplesPanel outcomes={exampleOutcomes} policyId={policy.id} source={good.source} onGo={goToMainPolicy} />
              )}
              {tab === 'compiled' && policy && <Compiled output={policy.output} policyId={policy.id} />}
            </div>
          </section>
        </div>
      </main>
    </div>
  );
}
