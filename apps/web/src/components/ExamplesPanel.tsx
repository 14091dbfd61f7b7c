/**
 * The policy's own `example` blocks, run as `sellguard test` runs them: one
 * line per example with ✓ or ✗, what went wrong under a failing one, and a
 * button that puts the cursor on the example in the policy.
 */
import type { ExampleOutcome } from '@sellguard/core';
import { LineIndex } from '@sellguard/dsl';
import { useMemo } from 'react';

interface Props {
  outcomes: readonly ExampleOutcome[];
  policyId: string;
  /** The policy text the example spans point into. */
  source: string;
  onGo(offset: number): void;
}

export function ExamplesPanel({ outcomes, policyId, source, onGo }: Props) {
  const index = useMemo(() => new LineIndex(source), [source]);
  if (outcomes.length === 0) {
    return <p className="empty">This policy has no examples yet. Add an <code>example</code> block to it: it says which rules a record should break, and is checked here and by <code>sellguard test</code>.</p>;
  }
  const failed = outcomes.filter((o) => !o.passed).length;
  return (
    <section className="examples-run" aria-label="The policy's examples">
      <p className={`examples-summary ${failed ? 'bad' : 'ok'}`} data-testid="examples-summary">
        {outcomes.length - failed} passed, {failed} failed
      </p>
      <ul>
        {outcomes.map((o, i) => {
          const line = index.locate(o.span.start).line;
          return (
            <li key={i} className={`example-outcome ${o.passed ? 'passed' : 'failed'}`} data-example={o.name}>
              <div className="example-head">
                <span className="example-mark" aria-hidden="true">
                  {o.passed ? '✓' : '✗'}
                </span>
                <span className="example-name">
                  {policyId}: {o.name}
                </span>
                <span className="visually-hidden">{o.passed ? 'passed' : 'failed'}</span>
                <button type="button" className="small link" onClick={() => onGo(o.span.start)} title={`Put the cursor on this example (line ${line})`}>
                  line {line}
                </button>
              </div>
              {!o.passed && (
                <ul className="example-failures">
                  {o.failures.map((f, j) => (
                    <li key={`f${j}`}>{f}</li>
                  ))}
                  {(o.invalid ?? []).map((p, j) => (
                    <li key={`i${j}`}>
                      the example's input does not fit: {p.path ? `${p.path}: ` : ''}
                      {p.message}
                    </li>
                  ))}
                  {!o.invalid?.length && <li className="muted">fired: {o.fired.length ? o.fired.join(', ') : 'nothing'}</li>}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
