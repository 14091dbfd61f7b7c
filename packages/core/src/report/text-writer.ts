/**
 * The text report as a streaming writer: each record is rendered as soon as
 * it is checked (the span's text comes from the record itself, so nothing
 * is kept), then the metrics, summary and verdict. Browser-safe.
 */
import type { RecordResult, Report } from '../types.js';
import { fileNames, num, plural, policyLine, renderMetrics, renderResult, renderSummary, verdict, type Paint, STYLES, type TextOptions } from './text.js';
import { getPath } from '../runtime/fixes.js';
import { severityByRule, wrapperLine, type ProjectResult, type RecordSource, type ReportWriter, type RunEnd, type RunMeta } from './writer.js';
import { oneLine } from './context.js';

export interface TextWriterOptions extends Omit<TextOptions, 'getText' | 'failOn'> {
  /** Wrap rule ids in terminal hyperlinks to their documentation. */
  hyperlinks?: boolean;
}

/** An OSC 8 terminal hyperlink: the text stays as it is, terminals that know links make it clickable. */
export function hyperlink(url: string, text: string): string {
  return `\x1b]8;;${url}\x1b\\${text}\x1b]8;;\x1b\\`;
}

export function textWriter(opts: TextWriterOptions = {}): ReportWriter {
  const paint: Paint = opts.color ? (style, s) => (s ? `\x1b[${STYLES[style][0]}m${s}\x1b[${STYLES[style][1]}m` : s) : (_style, s) => s;
  let meta: RunMeta | undefined;
  let shown = 0;
  let hidden = 0;
  let runs = 0;
  let fileName: (file: string) => string = (f) => f;
  const link = (rule: string) => {
    const url = opts.hyperlinks ? meta?.ruleHelpUri?.(rule) : undefined;
    return url ? hyperlink(url, rule) : rule;
  };
  /** Results with nothing to show (only suppressed violations) are left out of the text report. */
  const shows = (result: ProjectResult) => result.violations.length > 0 || (result.invalid?.length ?? 0) > 0;
  const one = (result: ProjectResult, source: RecordSource) => {
    const getText = (_r: RecordResult, path: string) => {
      // Spans point into the decoded record (what the rules saw); the raw one is the fallback.
      for (const s of [source.decoded, source.raw]) {
        const value = getPath(s, path);
        if (typeof value === 'string') return value;
      }
      return undefined;
    };
    return `\n${renderResult(result, { ...opts, getText, link }, paint, fileName).join('\n')}\n`;
  };
  return {
    *begin() {},
    *beginRun(m) {
      meta = m;
      shown = 0;
      hidden = 0;
      fileName = fileNames(m.inputs.map((file, index) => ({ index, file, violations: [] })));
      yield `${runs++ > 0 ? '\n' : ''}${paint('bold', policyLine({ policy: m.policy } as Report))}\n`;
    },
    *result(result: ProjectResult, source: RecordSource) {
      if (!shows(result)) return;
      if (opts.maxRecords !== undefined && shown >= opts.maxRecords) {
        hidden++;
        return;
      }
      shown++;
      yield one(result, source);
    },
    pieces: {
      render(results) {
        let text = '';
        const sizes: number[] = [];
        for (const { result, source } of results) {
          if (!shows(result)) continue;
          const t = one(result, source);
          text += t;
          sizes.push(t.length);
        }
        return { text, results: sizes.length, sizes };
      },
      *add(piece) {
        // --max-records counts over the whole run: the first results of the piece that still fit are shown.
        let room = opts.maxRecords === undefined ? piece.results : Math.max(0, Math.min(piece.results, opts.maxRecords - shown));
        shown += room;
        hidden += piece.results - room;
        if (room === piece.results) {
          if (piece.text) yield piece.text;
          return;
        }
        let length = 0;
        for (const size of piece.sizes ?? []) {
          if (room-- <= 0) break;
          length += size;
        }
        if (length > 0) yield piece.text.slice(0, length);
      },
    },
    *endRun(end: RunEnd) {
      if (hidden > 0) yield `\n${paint('dim', `… and ${plural(hidden, 'more record')} with problems, not shown (the JSON report lists them all)`)}\n`;
      const report = { policy: meta!.policy, summary: end.summary, results: [], metrics: end.metrics, datasetViolations: end.datasetViolations } as Report;
      if (end.metrics) yield `\n${renderMetrics(report, { ...opts, link }, paint).join('\n')}\n`;
      const lines = renderSummary(report, paint, severityByRule(meta!.rules), link);
      const c = end.counts;
      if (c.suppressed > 0) lines.push(`  ${paint('dim', `${plural(c.suppressed, 'violation')} suppressed (by a record or the config, each with its reason)`)}`);
      if (c.baselined > 0 || c.baselineGone > 0) {
        lines.push(`  ${paint('dim', `${plural(c.baselined, 'violation')} known from the baseline; ${num(c.baselineGone)} baselined no longer ${c.baselineGone === 1 ? 'occurs' : 'occur'}`)}`);
      }
      for (const n of c.notices) lines.push(`  ${paint('yellow', 'suppression')}  ${n.where}: ${oneLine(n.message)}`);
      for (const w of end.wrappers ?? []) lines.push(`  ${paint('dim', wrapperLine(w))}`);
      yield `\n${[...lines, '', verdict(report, end.failOn, paint)].join('\n')}\n`;
    },
    *end() {},
  };
}
