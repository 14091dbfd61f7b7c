/**
 * The text report, for people: a line naming the policy; then each record
 * with a problem, its violations with the offending characters shown in
 * context; then a summary and a verdict. Browser-safe.
 *
 *   record 3 (line 3, messages.jsonl)
 *     error  buyer-messaging/email-address  Remove the email address help@lumoshop.co
 *            at body
 *            │ …any problem, write to help@lumoshop.co and we will…
 *            │                        ^^^^^^^^^^^^^^^^
 *            hint: Buyers reach you through Amazon messaging.
 *            fix: remove "help@lumoshop.co"
 *
 *   record 7 (line 8, messages.jsonl): could not be read — body: expected text, got number
 */
import type {
  MetricResult, RecordResult, Report, Severity, Violation } from '../types.js';
import { groupSpans, oneLine, spanContext } from './context.js';
import { countAtOrAbove, SEVERITIES } from './summary.js';

export interface TextOptions {
  /** ANSI colours. The caller decides (terminal, NO_COLOR); off by default. */
  color?: boolean;
  /** The scanned text at a path of a result's record, to show spans in context. */
  getText?: (result: RecordResult, path: string) => string | undefined;
  /** Show at most this many records (the summary still counts all). */
  maxRecords?: number;
  /** The severity at which the run fails, for the verdict line (default error). */
  failOn?: Severity | 'never';
  /** Characters of context either side of a match (default 30). */
  contextWidth?: number;
  /** Excerpts shown per violation before "… and N more matches" (default 5). */
  maxExcerpts?: number;
  /** A rule id as shown, e.g. wrapped in a terminal hyperlink to its documentation. */
  link?: (rule: string) => string;
}

export const STYLES = { red: [31, 39], yellow: [33, 39], blue: [34, 39], cyan: [36, 39], green: [32, 39], dim: [2, 22], bold: [1, 22] } as const;
export type Style = keyof typeof STYLES;
export type Paint = (style: Style, s: string) => string;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

/** 1,204 */
export function num(n: number): string {
  return n.toLocaleString('en-US');
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${num(n)} ${n === 1 ? word : many}`;
}

export function renderText(report: Report, opts: TextOptions = {}): string {
  return [...textChunks(report, opts)].join('');
}

/** The same text as renderText, one record at a time, for writing large reports out as they are made. */
export function* textChunks(report: Report, opts: TextOptions = {}): Generator<string> {
  const paint: Paint = opts.color ? (style, s) => (s ? `\x1b[${STYLES[style][0]}m${s}\x1b[${STYLES[style][1]}m` : s) : (_style, s) => s;
  yield `${paint('bold', policyLine(report))}\n`;
  const limit = opts.maxRecords === undefined ? report.results.length : Math.min(report.results.length, Math.max(0, opts.maxRecords));
  const fileName = fileNames(report.results);
  for (let i = 0; i < limit; i++) yield `\n${renderResult(report.results[i], opts, paint, fileName).join('\n')}\n`;
  if (limit < report.results.length) {
    yield `\n${paint('dim', `… and ${plural(report.results.length - limit, 'more record')} with problems, not shown (the JSON report lists them all)`)}\n`;
  }
  if (report.metrics) yield `\n${renderMetrics(report, opts, paint).join('\n')}\n`;
  yield `\n${[...renderSummary(report, paint), '', verdict(report, opts.failOn ?? 'error', paint)].join('\n')}\n`;
}

const STATUS: Record<NonNullable<MetricResult['status']>, [string, Style]> = { pass: ['✓ pass', 'green'], fail: ['✗ fail', 'red'], 'no data': ['– no data', 'dim'] };

/** Each metric against its target at a glance, then the violations of the rules about metrics. */
export function renderMetrics(report: Report, opts: TextOptions, paint: Paint): string[] {
  const entries = Object.entries(report.metrics ?? {});
  const out = [paint('bold', 'Metrics')];
  const nameWidth = Math.max(...entries.map(([n]) => n.length));
  const valueWidth = Math.max(...entries.map(([, m]) => m.display.length));
  for (const [name, m] of entries) {
    const [status, style] = m.status ? STATUS[m.status] : ['', 'dim' as Style];
    const parts = [m.numerator !== undefined && m.denominator !== undefined ? `${num(m.numerator)} of ${num(m.denominator)}` : m.count !== undefined ? `${num(m.count)} records` : ''];
    if (m.window) parts.push(`${m.window.days} days by ${m.window.by}, ${m.window.from} to ${m.window.to}`);
    const target = m.target ? `target ${m.target}` : '';
    out.push(`  ${name.padEnd(nameWidth)}  ${m.display.padStart(valueWidth)}  ${target.padEnd(12)}  ${paint(style, status.padEnd(9))}  ${paint('dim', parts.filter(Boolean).join('; '))}`);
    for (const [group, values] of Object.entries(m.groups ?? {})) {
      // Worst first: lowest when the target is a minimum ("> 95%"), else highest.
      const lowIsBad = m.target?.startsWith('>') ?? false;
      const worst = Object.entries(values)
        .filter(([, c]) => c.value !== null)
        .sort((a, b) => (lowIsBad ? -1 : 1) * ((b[1].value ?? 0) - (a[1].value ?? 0)))
        .slice(0, 5);
      if (worst.length === 0) continue;
      const shown = worst.map(([k, c]) => `${k} ${m.kind === 'rate' ? `${((c.value ?? 0) * 100).toFixed(2)}%` : num(c.value ?? 0)}${c.denominator !== undefined ? ` (${num(c.numerator ?? 0)}/${num(c.denominator)})` : ''}`);
      out.push(`  ${''.padEnd(nameWidth)}  ${paint('dim', `worst by ${group}: ${shown.join(', ')}`)}`);
    }
  }
  for (const v of report.datasetViolations ?? []) {
    out.push('');
    out.push(...renderViolation({ index: -1, violations: [v] }, v, opts, paint));
  }
  return out;
}

export function policyLine(report: Report): string {
  const p = report.policy;
  const details = [p.version ? `version ${p.version}` : '', p.source ? `source: ${p.source}` : ''].filter(Boolean);
  return `Policy ${p.id}: ${oneLine(p.title)}${details.length ? ` (${details.join(', ')})` : ''}`;
}

/** How files are named in record headers: the base name when that is unambiguous, '-' as standard input. */
export function fileNames(results: readonly RecordResult[]): (file: string) => string {
  const byBase = new Map<string, Set<string>>();
  for (const r of results) {
    if (r.file === undefined || r.file === '-') continue;
    const base = baseName(r.file);
    if (!byBase.has(base)) byBase.set(base, new Set());
    byBase.get(base)!.add(r.file);
  }
  return (file) => {
    if (file === '-') return 'standard input';
    const base = baseName(file);
    return (byBase.get(base)?.size ?? 1) > 1 ? file : base;
  };
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

function where(result: RecordResult, fileName: (file: string) => string): string {
  const details: string[] = [];
  if (result.line !== undefined) details.push(`line ${num(result.line)}`);
  if (result.file !== undefined) details.push(fileName(result.file));
  return `record ${num(result.index + 1)}${details.length ? ` (${details.join(', ')})` : ''}`;
}

/** A reader's message starts with its line (`line 12: not valid JSON …`); the header already says it. */
function withoutLine(message: string, line: number | undefined): string {
  if (line === undefined) return message;
  const m = /^line ([\d,]+)(, column \d+)?: /.exec(message);
  if (!m || Number(m[1].replace(/,/g, '')) !== line) return message;
  const rest = message.slice(m[0].length);
  if (!m[2]) return rest;
  // `line 3, column 8: not valid JSON: …` → `not valid JSON at column 8: …`
  const at = m[2].slice(2);
  const colon = rest.indexOf(': ');
  return colon > 0 ? `${rest.slice(0, colon)} at ${at}${rest.slice(colon)}` : `${rest} (${at})`;
}

export function renderResult(result: RecordResult, opts: TextOptions, paint: Paint, fileName: (file: string) => string): string[] {
  const head = paint('bold', where(result, fileName));
  if (result.invalid && result.invalid.length > 0) {
    const notChecked = 'could not be checked: ';
    const internal = result.invalid.some((p) => p.message.startsWith('internal error') || p.message.startsWith(notChecked));
    const what = paint('red', internal ? 'could not be checked' : 'could not be read');
    const problems = result.invalid.map((p) => oneLine(`${p.path ? `${p.path}: ` : ''}${withoutLine(p.message.startsWith(notChecked) ? p.message.slice(notChecked.length) : p.message, result.line)}`));
    if (problems.length === 1) return [`${head}: ${what} — ${problems[0]}`];
    return [`${head}: ${what}`, ...problems.map((p) => `  ${p}`)];
  }
  const out = [head];
  for (const v of result.violations) out.push(...renderViolation(result, v, opts, paint));
  return out;
}

export function renderViolation(result: RecordResult, v: Violation, opts: TextOptions, paint: Paint): string[] {
  const style = SEVERITY_STYLE[v.severity] ?? 'red';
  const out = [`  ${paint(style, v.severity)}  ${paint('cyan', opts.link ? opts.link(v.rule) : v.rule)}  ${oneLine(v.message)}`];
  // Details line up under the rule id.
  const indent = ' '.repeat(2 + v.severity.length + 2);
  const gutter = paint('dim', '│');
  const width = opts.contextWidth ?? 30;
  const maxExcerpts = opts.maxExcerpts ?? 5;
  if (v.path) out.push(`${indent}at ${v.path}`);

  const byPath = new Map<string, Violation['spans']>();
  for (const s of v.spans) byPath.set(s.path, [...(byPath.get(s.path) ?? []), s]);
  let excerpts = 0;
  let hidden = 0;
  for (const [path, spans] of byPath) {
    const text = opts.getText?.(result, path);
    // Offsets are only trusted when they still point at the matched characters.
    const usable = typeof text === 'string' ? spans.filter((s) => text.slice(s.start, s.end) === s.text) : [];
    const unplaced = spans.filter((s) => !usable.includes(s));
    if (path !== v.path && spans.length > 0) out.push(`${indent}in ${path}`);
    for (const group of groupSpans(usable, width)) {
      if (excerpts >= maxExcerpts) {
        hidden += group.length;
        continue;
      }
      excerpts++;
      const ctx = spanContext(text as string, group, width);
      out.push(`${indent}${gutter} ${ctx.text}`);
      out.push(`${indent}${gutter} ${paint(style, ctx.carets)}`);
    }
    if (unplaced.length > 0) {
      const quoted = unplaced.map((s) => JSON.stringify(oneLine(s.text)));
      const list = quoted.length > maxExcerpts ? [...quoted.slice(0, maxExcerpts), `and ${num(quoted.length - maxExcerpts)} more`] : quoted;
      out.push(`${indent}matched: ${list.join(', ')}`);
    }
  }
  if (hidden > 0) out.push(`${indent}${paint('dim', `… and ${plural(hidden, 'more match', 'more matches')}`)}`);
  if (v.hint) out.push(`${indent}${paint('green', 'hint:')} ${oneLine(v.hint)}`);
  if (v.fix) out.push(`${indent}${paint('green', 'fix:')} ${oneLine(v.fix.description)}`);
  return out;
}

export function renderSummary(report: Pick<Report, 'summary' | 'results'>, paint: Paint, ruleSeverities?: ReadonlyMap<string, Severity>, link?: (rule: string) => string): string[] {
  const s = report.summary;
  const severities = SEVERITIES.filter((x) => (s.bySeverity[x] ?? 0) > 0).map((x) => plural(s.bySeverity[x], x));
  const rows: Array<[string, string]> = [
    ['records read', num(s.records)],
    ['checked', num(s.checked)],
    ['invalid', `${num(s.invalid)}${s.invalid > 0 ? '  (could not be read or checked)' : ''}`],
    ['with violations', num(s.withViolations)],
    ['violations', `${num(s.violations)}${severities.length ? `  (${severities.join(', ')})` : ''}`],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const out = [paint('bold', 'Summary')];
  for (const [label, value] of rows) out.push(`  ${label.padEnd(labelWidth)}  ${value}`);

  // Each rule's severity, from its violations (every rule that fired has one in the results).
  const severityOf = new Map<string, Severity>(ruleSeverities ?? []);
  for (const r of report.results) for (const v of r.violations) if (!severityOf.has(v.rule)) severityOf.set(v.rule, v.severity);
  const entries = Object.entries(s.byRule);
  const order = new Map(entries.map(([rule], i) => [rule, i]));
  const fired = entries.filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!);
  if (fired.length > 0) {
    out.push('', `  ${paint('bold', 'by rule')}`);
    const countWidth = Math.max(...fired.map(([, n]) => num(n).length));
    const sevWidth = Math.max(...fired.map(([rule]) => (severityOf.get(rule) ?? '').length));
    for (const [rule, n] of fired) {
      const sev = severityOf.get(rule);
      const sevText = sev ? paint(SEVERITY_STYLE[sev], sev.padEnd(sevWidth)) : ''.padEnd(sevWidth);
      out.push(`    ${num(n).padStart(countWidth)}  ${sevText}  ${link ? link(rule) : rule}`);
    }
    const quiet = entries.length - fired.length;
    if (quiet > 0) out.push(`    ${paint('dim', `(${plural(quiet, 'other rule')} found nothing)`)}`);
  }
  return out;
}

/** The last line: passed or failed, and why, matching the exit code a CLI gives with the same threshold. */
export function verdict(report: Pick<Report, 'summary'>, failOn: Severity | 'never', paint: Paint): string {
  const s = report.summary;
  if (s.records === 0) return paint('green', '✓ Passed: there were no records to check.');
  const severities = SEVERITIES.filter((x) => (s.bySeverity[x] ?? 0) > 0).map((x) => plural(s.bySeverity[x], x));
  const affected = s.withViolations > 0 ? ` in ${num(s.withViolations)} of ${plural(s.records, 'record')}` : '';
  const unread = s.invalid > 0 ? `${plural(s.invalid, 'record')} could not be read or checked` : '';
  const failing = countAtOrAbove(s, failOn);
  if (failOn !== 'never' && (failing > 0 || s.invalid > 0)) {
    const reasons = [failing > 0 ? `${severities.join(', ')}${affected}` : '', unread].filter(Boolean);
    return paint('red', `✗ Failed: ${reasons.join('; ')}.`);
  }
  if (s.violations === 0 && s.invalid === 0) return paint('green', `✓ Passed: no violations in ${plural(s.records, 'record')}.`);
  const found = [s.violations > 0 ? `${severities.join(', ')}${affected}` : '', unread].filter(Boolean).join('; ');
  const why = failOn === 'never' ? 'nothing fails the run with --fail-on never' : `nothing at or above ${failOn}`;
  return paint('green', `✓ Passed (${why}): ${found}.`);
}
