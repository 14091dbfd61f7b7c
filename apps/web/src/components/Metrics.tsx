/**
 * Metrics over all the records, each against its target: the value, a small
 * bar with the target marked on it, the window, and the rules about metrics
 * that failed. Shown above the records for policies that declare metrics.
 */
import type { MetricResult, Violation } from '@sellguard/core';
import { SeverityBadge } from './Severity';

interface Props {
  metrics: Record<string, MetricResult>;
  violations: readonly Violation[];
}

const STATUS_WORD = { pass: 'meets the target', fail: 'misses the target', 'no data': 'no data' } as const;

/** The number in a target such as "< 1%" or "> 95%", as a fraction for rates. */
function targetValue(target: string | undefined): number | null {
  const m = target ? /([\d.]+)\s*(%?)/.exec(target) : null;
  if (!m) return null;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

export function Metrics({ metrics, violations }: Props) {
  const entries = Object.entries(metrics);
  if (entries.length === 0) return null;
  return (
    <section className="metrics" aria-label="Metrics">
      <h3>Metrics</h3>
      <ul>
        {entries.map(([name, m]) => (
          <MetricRow key={name} name={name} metric={m} />
        ))}
      </ul>
      {violations.map((v, i) => (
        <div key={i} className="violation dataset-violation" data-rule={v.rule}>
          <SeverityBadge level={v.severity} /> <code>{v.rule}</code>
          <p className="message">{v.message}</p>
          {v.hint && (
            <p className="hint">
              <strong>How to fix:</strong> {v.hint}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}

function MetricRow({ name, metric: m }: { name: string; metric: MetricResult }) {
  const target = targetValue(m.target);
  // Rates fill the bar by their share; the scale stretches so the target is always visible.
  const scale = m.kind === 'rate' ? Math.max(m.value ?? 0, target ?? 0, 0.0001) * 1.25 : Math.max(Math.abs(m.value ?? 0), Math.abs(target ?? 0), 1) * 1.25;
  const width = m.value === null ? 0 : Math.min(100, (Math.abs(m.value) / scale) * 100);
  const marker = target === null ? null : Math.min(100, (target / scale) * 100);
  const status = m.status ?? 'no data';
  const parts: string[] = [];
  if (m.numerator !== undefined && m.denominator !== undefined) parts.push(`${m.numerator} of ${m.denominator}`);
  else if (m.count !== undefined) parts.push(`${m.count} records`);
  if (m.window) parts.push(`last ${m.window.days} days by ${m.window.by} (${m.window.from} to ${m.window.to})`);
  return (
    <li className={`metric metric-${status.replace(' ', '-')}`} data-metric={name}>
      <div className="metric-head">
        <span className="metric-title">{m.title}</span>
        <span className="metric-value">{m.display}</span>
        {m.target && <span className="metric-target">target {m.target}</span>}
        <span className="metric-status">{STATUS_WORD[status]}</span>
      </div>
      <div className="metric-bar" role="img" aria-label={`${m.title}: ${m.display}${m.target ? `, target ${m.target}` : ''}`}>
        <div className="metric-fill" style={{ width: `${width}%` }} />
        {marker !== null && <div className="metric-marker" style={{ left: `${marker}%` }} />}
      </div>
      <p className="metric-detail">{parts.join(' · ')}</p>
    </li>
  );
}
