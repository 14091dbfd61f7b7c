/**
 * A large file checked in the background: a progress bar while it runs,
 * then the summary, the metrics, the first records with problems and the
 * downloads of the whole report.
 */
import { Metrics } from '../components/Metrics';
import { SeverityBadge } from '../components/Severity';
import { summaryText } from '../components/Results';
import { baseName, download } from './fileKinds';
import type { BigCheck } from './useBigCheck';
import { SHOWN_RECORDS } from './workerProtocol';

interface Props {
  check: BigCheck;
  onClose(): void;
}

const number = (n: number) => n.toLocaleString('en-US');

export function BigFileResults({ check, onClose }: Props) {
  return (
    <section className="big-file" aria-label={`Checking ${check.fileName}`}>
      <div className="big-file-head">
        <strong>{check.fileName}</strong>
        <button type="button" className="small" onClick={onClose}>
          {check.state === 'running' ? 'Stop' : 'Close'}
        </button>
      </div>
      {check.state === 'running' && <Progress check={check} />}
      {check.state === 'failed' && (
        <p className="banner" role="alert">
          {check.message}
        </p>
      )}
      {check.state === 'done' && <Done check={check} />}
    </section>
  );
}

function Progress({ check }: { check: Extract<BigCheck, { state: 'running' }> }) {
  const label = check.phase === 'reading' ? 'Reading the file…' : `Checking: ${number(check.done)} of ${number(check.total)} records`;
  return (
    <div className="big-progress">
      <progress max={check.total || 1} value={check.phase === 'reading' ? undefined : check.done} aria-label="Progress of the check" data-testid="big-progress" />
      <p role="status" aria-live="polite" data-testid="big-progress-text">
        {label}
      </p>
    </div>
  );
}

function Done({ check }: { check: Extract<BigCheck, { state: 'done' }> }) {
  const name = baseName(check.fileName);
  const flagged = check.summary.withViolations + check.summary.invalid;
  return (
    <>
      <p className="summary" data-testid="big-summary">
        {summaryText(check.summary)}
      </p>
      <p className="muted small-text">
        {check.format} · checked in {(check.elapsedMs / 1000).toFixed(1)} s in the background
      </p>
      <div className="downloads" role="group" aria-label="Download the results">
        <button type="button" className="small" onClick={() => download(`${name}-results.json`, check.json)}>
          Download results (JSON)
        </button>
        <button type="button" className="small" onClick={() => download(`${name}-results.csv`, check.csv)}>
          Download results (CSV)
        </button>
      </div>
      {check.metrics && <Metrics metrics={check.metrics} violations={check.datasetViolations ?? []} />}
      {flagged > 0 && (
        <>
          <h3 className="big-file-list-head">
            {flagged > SHOWN_RECORDS ? `The first ${SHOWN_RECORDS} of ${number(flagged)} records with problems (the downloads have them all)` : 'Records with problems'}
          </h3>
          <ul className="big-file-list">
            {check.shown.map((r) => (
              <li key={r.index} data-record={r.index}>
                <span className="muted">line {r.line}</span>{' '}
                {r.invalid ? (
                  <span>could not be read: {r.invalid.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}</span>
                ) : (
                  r.violations.map((v, i) => (
                    <span key={i} className="big-file-violation" data-rule={v.rule}>
                      <SeverityBadge level={v.severity} /> {v.message}
                    </span>
                  ))
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
