/**
 * The check results: a summary, then every record with its violations. The
 * matched characters are marked inside the field's text, and a violation
 * with a fix has a button that applies it to the data.
 */
import type { FieldInfo, Fix, MatchSpan, RuleInfo, Summary, Violation } from '@sellguard/core';
import { useState } from 'react';
import type { CheckedRecord, CheckOutcome } from '../lib/check';
import { worst } from '../lib/check';
import { getPathValue, recordLabel } from '../lib/records';
import { excerptSegments } from '../lib/marks';
import { SeverityBadge, severityWord } from './Severity';
import { Metrics } from './Metrics';

interface Props {
  outcome: CheckOutcome;
  rules: readonly RuleInfo[];
  /** The compiled policy's input record fields, for record labels. */
  labelField?: FieldInfo;
  selected: number;
  onSelect(index: number): void;
  onFix(index: number, fix: Fix): void;
  onExplain(index: number): void;
  onEdit(index: number): void;
}

export function Results({ outcome, rules, labelField, selected, onSelect, onFix, onExplain, onEdit }: Props) {
  const [showClean, setShowClean] = useState(false);
  const [ruleFilter, setRuleFilter] = useState<string | null>(null);
  const { summary, records } = outcome;
  const activeFilter = ruleFilter && (summary.byRule[ruleFilter] ?? 0) > 0 ? ruleFilter : null;
  const visible = records.filter((r) => {
    if (activeFilter) return r.violations.some((v) => v.rule === activeFilter);
    return showClean || r.invalid || r.violations.length > 0 || r.index === selected;
  });
  const clean = records.filter((r) => !r.invalid && r.violations.length === 0).length;

  return (
    <div className="results">
      <SummaryLine summary={summary} />
      <RuleCounts summary={summary} rules={rules} active={activeFilter} onToggle={(id) => setRuleFilter(activeFilter === id ? null : id)} />
      {outcome.metrics && <Metrics metrics={outcome.metrics} violations={outcome.datasetViolations ?? []} />}
      {records.length === 0 && <p className="empty">There are no records yet. Paste JSON, JSON lines or CSV into the data pane, or use the form to add one.</p>}
      {clean > 0 && !activeFilter && (
        <label className="toggle">
          <input type="checkbox" checked={showClean} onChange={(e) => setShowClean(e.target.checked)} /> Show the {clean} {clean === 1 ? 'record' : 'records'} without problems
        </label>
      )}
      <ol className="record-list" aria-label="Records">
        {visible.map((r) => (
          <RecordCard
            key={r.index}
            record={r}
            labelField={labelField}
            filter={activeFilter}
            selected={r.index === selected}
            onSelect={() => onSelect(r.index)}
            onFix={(fix) => onFix(r.index, fix)}
            onExplain={() => onExplain(r.index)}
            onEdit={() => onEdit(r.index)}
          />
        ))}
      </ol>
    </div>
  );
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function summaryText(summary: Summary): string {
  const parts = [plural(summary.records, 'record')];
  if (summary.invalid) parts.push(`${summary.invalid} could not be read`);
  parts.push(`${summary.withViolations} with problems`);
  if (summary.violations) {
    const kinds = (['error', 'warning', 'info'] as const).filter((s) => summary.bySeverity[s] > 0).map((s) => `${summary.bySeverity[s]} ${severityWord(s, summary.bySeverity[s])}`);
    parts.push(`${plural(summary.violations, 'problem')} (${kinds.join(', ')})`);
  }
  return parts.join(' · ');
}

function SummaryLine({ summary }: { summary: Summary }) {
  const ok = summary.records > 0 && summary.violations === 0 && summary.invalid === 0;
  return (
    <p className={`summary${ok ? ' all-clear' : ''}`} data-testid="summary" role="status">
      {ok ? <strong>All {plural(summary.records, 'record')} follow the policy.</strong> : summaryText(summary)}
    </p>
  );
}

function RuleCounts({ summary, rules, active, onToggle }: { summary: Summary; rules: readonly RuleInfo[]; active: string | null; onToggle(id: string): void }) {
  const fired = Object.entries(summary.byRule)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (fired.length === 0) return null;
  const severity = new Map(rules.map((r) => [r.fullId, r.severity]));
  return (
    <div className="rule-counts" role="group" aria-label="Problems per rule (choose one to show only its records)">
      {fired.map(([id, n]) => (
        <button key={id} type="button" className={`chip chip-${severity.get(id) ?? 'error'}`} aria-pressed={active === id} onClick={() => onToggle(id)} title={`Show only records that break ${id}`}>
          <span className="chip-rule">{id.slice(id.indexOf('/') + 1)}</span>
          <span className="chip-count">{n}</span>
        </button>
      ))}
    </div>
  );
}

interface CardProps {
  record: CheckedRecord;
  labelField?: FieldInfo;
  filter: string | null;
  selected: boolean;
  onSelect(): void;
  onFix(fix: Fix): void;
  onExplain(): void;
  onEdit(): void;
}

function RecordCard({ record, labelField, filter, selected, onSelect, onFix, onExplain, onEdit }: CardProps) {
  const level = record.invalid ? 'error' : worst(record.violations);
  const violations = filter ? record.violations.filter((v) => v.rule === filter) : record.violations;
  const status = record.invalid ? 'Could not be read' : record.violations.length === 0 ? 'No problems' : plural(record.violations.length, 'problem');
  const label = recordLabel(record.raw, labelField);
  return (
    <li className={`record-card${selected ? ' selected' : ''}${level ? ` level-${level}` : ' level-ok'}`} data-record={record.index} aria-current={selected || undefined}>
      <div className="record-head">
        <button type="button" className="record-title" onClick={onSelect} aria-describedby={`record-status-${record.index}`} title="Select this record">
          <span className="record-name">Record {record.index + 1}</span>
          <span className="record-line">line {record.line}</span>
          {label && <span className="record-label">{label}</span>}
        </button>
        <span className={`record-status status-${level ?? 'ok'}`} id={`record-status-${record.index}`}>
          {status}
        </span>
        <span className="record-actions">
          {!record.invalid && (
            <button type="button" className="small quiet" onClick={onExplain}>
              Explain
            </button>
          )}
          <button type="button" className="small quiet" onClick={onEdit}>
            Edit
          </button>
        </span>
      </div>
      {record.invalid && (
        <ul className="invalid-list">
          {record.invalid.map((p, i) => (
            <li key={i}>
              {p.path && <code className="field-path">{p.path}</code>} {capitalize(p.message)}
            </li>
          ))}
        </ul>
      )}
      {violations.length > 0 && (
        <ul className="violation-list">
          {violations.map((v, i) => (
            <ViolationItem key={i} violation={v} decoded={record.decoded} onFix={onFix} />
          ))}
        </ul>
      )}
    </li>
  );
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function ViolationItem({ violation: v, decoded, onFix }: { violation: Violation; decoded: unknown; onFix(fix: Fix): void }) {
  const groups = new Map<string, MatchSpan[]>();
  for (const s of v.spans) groups.set(s.path, [...(groups.get(s.path) ?? []), s]);
  return (
    <li className={`violation sev-border-${v.severity}`} data-rule={v.rule}>
      <div className="violation-head">
        <SeverityBadge level={v.severity} />
        <code className="rule-id">{v.rule}</code>
        {v.path && <span className="violation-path">in {v.path}</span>}
      </div>
      <p className="violation-message">{v.message}</p>
      {[...groups].map(([path, spans]) => (
        <MatchedText key={path} path={path} spans={spans} decoded={decoded} />
      ))}
      {v.hint && (
        <p className="violation-hint">
          <span className="hint-label">How to fix: </span>
          {v.hint}
        </p>
      )}
      {v.fix && (
        <button type="button" className="fix-button" onClick={() => onFix(v.fix!)}>
          Fix: {v.fix.description}
        </button>
      )}
    </li>
  );
}

function MatchedText({ path, spans, decoded }: { path: string; spans: MatchSpan[]; decoded: unknown }) {
  const text = path ? getPathValue(decoded, path) : undefined;
  if (typeof text !== 'string') {
    // No text to show the match in: show what matched.
    return (
      <p className="matched-text">
        {path && <span className="matched-field">{path}</span>}
        {spans.map((s, i) => (
          <mark key={i}>{s.text}</mark>
        ))}
      </p>
    );
  }
  const segments = excerptSegments(text, spans);
  return (
    <div className="matched-text">
      <span className="matched-field">{path}</span>
      <blockquote>
        {segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.gap ? <span key={i} className="gap">{s.text}</span> : <span key={i}>{s.text}</span>))}
      </blockquote>
    </div>
  );
}
