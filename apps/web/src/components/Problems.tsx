/** The policy's diagnostics as a list; choosing one puts the cursor on it. */
import { type Diagnostic, LineIndex } from '@sellguard/dsl';
import { useMemo } from 'react';
import { SeverityBadge } from './Severity';

interface Props {
  diagnostics: readonly Diagnostic[];
  text: string;
  onGo(offset: number): void;
}

export function Problems({ diagnostics, text, onGo }: Props) {
  const index = useMemo(() => new LineIndex(text), [text]);
  const own = diagnostics.filter((d) => d.file === undefined);
  if (own.length === 0) return null;
  return (
    <div className="problems" aria-label="Problems in the policy" role="region">
      <ul>
        {own.map((d, i) => {
          const at = index.locate(d.span.start);
          return (
            <li key={i}>
              <button type="button" className={`problem problem-${d.severity}`} onClick={() => onGo(d.span.start)} data-line={at.line}>
                <span className="problem-pos">
                  {at.line}:{at.column}
                </span>
                <SeverityBadge level={d.severity} />
                <span className="problem-text">
                  <span className="problem-message">{d.message}</span>
                  {d.help && <span className="problem-help">{d.help}</span>}
                </span>
                <span className="problem-code">{d.code}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
