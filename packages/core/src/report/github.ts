/**
 * GitHub Actions workflow commands: each violation becomes an annotation
 * (`::error file=…,line=…,title=…::message`) shown on the run and, for files
 * in the pull request, next to the line. Nothing is kept. Browser-safe.
 */
import type { Severity, Violation } from '../types.js';
import type { ProjectResult, ReportWriter, RunEnd, RunMeta } from './writer.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping as the runner expects: message data and property values differ. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(kind: string, props: Record<string, string | number | undefined>, message: string): string {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${kind}${list ? ` ${list}` : ''}::${escapeData(message)}\n`;
}

export function githubWriter(): ReportWriter {
  let meta: RunMeta | undefined;
  const file = (f: string | undefined) => (f === undefined || f === '-' ? undefined : f.replace(/\\/g, '/'));
  const violation = (r: { file?: string; line?: number }, v: Violation) =>
    annotation(COMMAND[v.severity], { file: file(r.file), line: r.line, title: v.rule }, `${v.message}${v.path ? ` (at ${v.path})` : ''}${v.hint ? `\n${v.hint}` : ''}`);
  function* annotations(r: ProjectResult) {
    for (const p of r.invalid ?? []) yield annotation('error', { file: file(r.file), line: r.line, title: 'record could not be read' }, `${p.path ? `${p.path}: ` : ''}${p.message}`);
    for (const v of r.violations) yield violation(r, v);
  }
  return {
    *begin() {},
    *beginRun(m) {
      meta = m;
    },
    result: annotations,
    pieces: {
      render(results) {
        let text = '';
        let n = 0;
        for (const { result } of results) {
          n++;
          for (const line of annotations(result)) text += line;
        }
        return { text, results: n };
      },
      split(result) {
        let text = '';
        for (const line of annotations(result)) text += line;
        // Annotations name the file and line, not the record's number: nothing to fill in later.
        return [text];
      },
      *add(piece) {
        yield piece.text;
      },
    },
    *endRun(end: RunEnd) {
      for (const v of end.datasetViolations ?? []) yield violation({ file: meta!.inputs[0] }, v);
      for (const n of end.counts.notices) yield annotation('warning', { file: file(n.file), line: n.line, title: 'suppression' }, `${n.where}: ${n.message}`);
      const s = end.summary;
      yield annotation('notice', { title: `sellguard ${meta!.policy.id}` }, `${s.records} records, ${s.violations} violations (${s.bySeverity.error} errors, ${s.bySeverity.warning} warnings), ${s.invalid} unreadable; ${end.counts.suppressed} suppressed, ${end.counts.baselined} baselined`);
    },
    *end() {},
  };
}
