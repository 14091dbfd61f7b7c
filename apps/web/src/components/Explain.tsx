/**
 * Why each rule fired or not for one record: whether the rule applied, each
 * condition as written with "held" or "not held", and the values the
 * checker saw while evaluating it.
 */
import type { RuleExplanation, Severity, TraceNode } from '@sellguard/core';

const SEVERITY_NOTE: Record<Severity, string> = { error: 'counts as an error', warning: 'counts as a warning', info: 'counts as a note' };

interface Props {
  explanation: RuleExplanation[];
  /** The policy text the explanation's spans point into. */
  source: string;
}

export function Explain({ explanation, source }: Props) {
  const broken = explanation.filter((r) => r.violations.length > 0).length;
  const skipped = explanation.filter((r) => !r.applies).length;
  const passed = explanation.length - broken - skipped;
  return (
    <div className="explain">
      <p className="summary" data-testid="explain-summary">
        {explanation.length} rules: {broken} broken, {passed} passed, {skipped} did not apply to this record.
      </p>
      <ol className="rule-explain-list">
        {explanation.map((r) => (
          <RuleBlock key={r.rule} rule={r} source={source} />
        ))}
      </ol>
    </div>
  );
}

function RuleBlock({ rule, source }: { rule: RuleExplanation; source: string }) {
  const broken = rule.violations.length > 0;
  const outcome = !rule.applies ? 'Did not apply' : broken ? 'Broken' : 'Passed';
  return (
    <li className={`rule-explain outcome-${!rule.applies ? 'skipped' : broken ? 'broken' : 'passed'}`} data-rule={rule.rule}>
      <div className="rule-explain-head">
        <span className={`outcome outcome-tag-${!rule.applies ? 'skipped' : broken ? 'broken' : 'passed'}`}>{outcome}</span>
        <code className="rule-id">{rule.rule}</code>
        <span className="rule-severity">{SEVERITY_NOTE[rule.severity]}</span>
      </div>
      {rule.when && <Condition label="applies when" condition={rule.when.condition} trace={rule.when.trace} source={source} verdict={rule.applies ? 'so the rule was checked' : 'so the rule was skipped'} />}
      {rule.applies &&
        rule.clauses.map((c, i) => (
          <Condition
            key={i}
            label={c.mode === 'require' ? 'requires' : 'forbids'}
            condition={c.condition}
            trace={c.trace}
            source={source}
            verdict={c.violated ? 'so the rule is broken' : 'so this part is fine'}
            bad={c.violated}
          />
        ))}
      {rule.violations.map((v, i) => (
        <p className="explain-violation" key={i}>
          {v.message}
        </p>
      ))}
    </li>
  );
}

function heldWord(held: boolean | undefined): string {
  return held === undefined ? '' : held ? 'held' : 'not held';
}

interface ConditionProps {
  label: string;
  condition: string;
  trace: TraceNode | null;
  source: string;
  verdict: string;
  bad?: boolean;
}

function Condition({ label, condition, trace, source, verdict, bad }: ConditionProps) {
  const held = trace?.held;
  const details = trace && trace.children.length > 0;
  const head = (
    <>
      <span className="cond-label">{label}</span> <code className="cond-code">{condition}</code>{' '}
      {held !== undefined && <span className={`held held-${held ? 'yes' : 'no'}`}>{heldWord(held)}</span>} <span className={`verdict${bad ? ' bad' : ''}`}>{verdict}</span>
    </>
  );
  if (!details) return <div className="condition">{head}</div>;
  return (
    <details className="condition">
      <summary>{head}</summary>
      <TraceList nodes={trace.children} source={source} />
    </details>
  );
}

function TraceList({ nodes, source }: { nodes: TraceNode[]; source: string }) {
  return (
    <ul className="trace">
      {nodes.map((n, i) => (
        <li key={i}>
          <code className="trace-code">{source.slice(n.span.start, n.span.end)}</code>
          <span className="trace-arrow" aria-hidden="true">
            →
          </span>
          <span className="visually-hidden">is</span>
          <span className="trace-value">{n.value === '' ? '(empty)' : n.value}</span>
          {n.held !== undefined && <span className={`held held-${n.held ? 'yes' : 'no'}`}>{heldWord(n.held)}</span>}
          {n.children.length > 0 && <TraceList nodes={n.children} source={source} />}
        </li>
      ))}
    </ul>
  );
}
