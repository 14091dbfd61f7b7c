/**
 * The text report, for people: grouped by record, each violation with the
 * offending characters shown in context, then a summary and a verdict.
 */
import type { RecordResult, Report, Severity, Violation } from '../types.js';
import { groupSpans, spanContext } from './context.js';

export interface TextOptions {
  color?: boolean;
  /** The scanned text at a path of a result's record, to show spans in context. */
  getText?: (result: RecordResult, path: string) => string | undefined;
  /** Show at most this many records (the summary still counts all). */
  maxRecords?: number;
  /** The severity at which the run fails, for the verdict line. */
  failOn?: Severity | 'never';
}

const codes = { red: [31, 39], yellow: [33, 39], blue: [34, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22], green: [32, 39] } as const;
type Paint = (style: keyof typeof codes, s: string) => string;

const SEVERITY_STYLE: Record<Severity, keyof typeof codes> = { error: 'red', warning: 'yellow', info: 'blue' };

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function renderText(report: Report, opts: TextOptions = {}): string {
  const paint: Paint = opts.color ? (style, s) => `\x1b[${codes[style][0]}m${s}\x1b[${codes[style][1]}m` : (_style, s) => s;
  const out: string[] = [];
  out.push(paint('bold', `${report.policy.title} (${report.policy.id})`));
  const shown = opts.maxRecords === undefined ? report.results : report.results.slice(0, opts.maxRecords);
  for (const result of shown) {
    out.push('');
    out.push(...renderResult(result, opts, paint));
  }
  if (shown.length < report.results.length) out.push('', paint('dim', `… and ${plural(report.results.length - shown.length, 'more record')} (use --format json for everything)`));
  out.push('', ...renderSummary(report, opts, paint));
  return `${out.join('\n')}\n`;
}

function where(result: RecordResult): string {
  const parts = [`record ${result.index + 1}`];
  if (result.line !== undefined) parts.push(`line ${result.line}${result.file ? ` of ${result.file}` : ''}`);
  return parts.length > 1 ? `${parts[0]} (${parts.slice(1).join(', ')})` : parts[0];
}

function renderResult(result: RecordResult, opts: TextOptions, paint: Paint): string[] {
  const out: string[] = [];
  if (result.invalid) {
    out.push(`${paint('bold', where(result))}: ${paint('red', 'could not be checked')}`);
    for (const p of result.invalid) out.push(`  ${p.path ? `${p.path}: ` : ''}${p.message}`);
    return out;
  }
  out.push(paint('bold', where(result)));
  for (const v of result.violations) out.push(...renderViolation(result, v, opts, paint));
  return out;
}

const INDENT = '           ';

function renderViolation(result: RecordResult, v: Violation, opts: TextOptions, paint: Paint): string[] {
  const out: string[] = [];
  out.push(`  ${paint(SEVERITY_STYLE[v.severity], v.severity.padEnd(8))} ${paint('cyan', v.rule)}  ${v.message}`);
  if (v.path) out.push(`${INDENT}at ${v.path}`);
  const byPath = new Map<string, typeof v.spans>();
  for (const s of v.spans) byPath.set(s.path, [...(byPath.get(s.path) ?? []), s]);
  for (const [path, spans] of byPath) {
    const text = opts.getText?.(result, path);
    if (typeof text !== 'string') continue;
    if (path !== v.path) out.push(`${INDENT}in ${path}`);
    for (const group of groupSpans(spans)) {
      const ctx = spanContext(text, group);
      out.push(`${INDENT}${paint('dim', '│')} ${ctx.text}`);
      out.push(`${INDENT}${paint('dim', '│')} ${paint(SEVERITY_STYLE[v.severity], ctx.carets)}`);
    }
  }
  if (v.hint) out.push(`${INDENT}${paint('green', 'hint:')} ${v.hint}`);
  if (v.fix) out.push(`${INDENT}${paint('green', 'fix:')} ${v.fix.description}`);
  return out;
}

function renderSummary(report: Report, opts: TextOptions, paint: Paint): string[] {
  const s = report.summary;
  const out: string[] = [paint('bold', 'Summary')];
  out.push(`  ${plural(s.records, 'record')}: ${s.checked} checked, ${s.invalid} could not be checked, ${s.withViolations} with violations`);
  const severities = (['error', 'warning', 'info'] as Severity[]).filter((x) => s.bySeverity[x] > 0).map((x) => plural(s.bySeverity[x], x));
  out.push(`  ${plural(s.violations, 'violation')}${severities.length ? ` (${severities.join(', ')})` : ''}`);
  const rules = Object.entries(s.byRule).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (rules.length) {
    const width = String(rules[0][1]).length;
    for (const [rule, n] of rules) out.push(`  ${String(n).padStart(width)}  ${rule}`);
  }
  const failOn = opts.failOn ?? 'error';
  const failing = failOn === 'never' ? 0 : (['error', 'warning', 'info'] as Severity[]).filter((x) => rank(x) >= rank(failOn)).reduce((n, x) => n + s.bySeverity[x], 0);
  if (failOn !== 'never' && (failing > 0 || s.invalid > 0)) {
    const reasons = [failing > 0 ? `${plural(failing, 'violation')} at or above ${failOn}` : '', s.invalid > 0 ? plural(s.invalid, 'record') + ' could not be checked' : ''].filter(Boolean);
    out.push('', paint('red', `✗ Failed: ${reasons.join('; ')}.`));
  } else out.push('', paint('green', `✓ Passed${s.violations > 0 ? ` (nothing at or above ${failOn})` : ''}.`));
  return out;
}

function rank(s: Severity | 'never'): number {
  return s === 'error' ? 3 : s === 'warning' ? 2 : s === 'info' ? 1 : 4;
}
