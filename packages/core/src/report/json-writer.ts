/**
 * The JSON report (see json.ts and docs/report.schema.json) as a streaming
 * writer. The summary comes before the results in the document, so results
 * are written to a spool as they arrive and copied out at the end of the
 * run; only the counts stay in memory. With several policies the document is
 * `{ "reports": [ <report>, ... ] }`. Browser-safe.
 */
import { memorySpool, type ProjectResult, type ReportWriter, type RunEnd, type RunMeta, type SpoolFactory } from './writer.js';
import { policyJson, resultJson, summaryJson, violationJson } from './json.js';
import { resultJsonAfterIndex, resultJsonText } from './json-text.js';

export interface JsonWriterOptions {
  /** Several policies are checked: wrap the reports in `{ "reports": [...] }`. */
  several?: boolean;
  spool?: SpoolFactory;
}

const nest = (value: unknown, pad: string) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);

/** A result in the report's shape (the plain path that resultJsonText writes directly; kept as its test oracle). */
export function projectResultJson(r: ProjectResult) {
  return {
    ...resultJson(r),
    ...(r.suppressed && r.suppressed.length > 0
      ? { suppressed: r.suppressed.map((v) => ({ ...violationJson(v), suppression: { kind: v.suppression.kind, reason: v.suppression.reason } })) }
      : {}),
  };
}

export function jsonWriter(opts: JsonWriterOptions = {}): ReportWriter {
  const newSpool = opts.spool ?? memorySpool;
  let spool = newSpool();
  let meta: RunMeta | undefined;
  let count = 0;
  let runs = 0;
  // Each report's own indentation: nested one level inside `reports` when there are several.
  const pad = opts.several ? '    ' : '';
  return {
    *begin() {
      if (opts.several) yield '{\n  "reports": [';
    },
    *beginRun(m) {
      meta = m;
      count = 0;
      spool = newSpool();
    },
    *result(result) {
      spool.write(`${count++ === 0 ? '' : ','}\n${pad}    ${resultJsonText(result, `${pad}    `)}`);
    },
    pieces: {
      render(results) {
        let text = '';
        let n = 0;
        for (const { result } of results) {
          n++;
          text += `,\n${pad}    ${resultJsonText(result, `${pad}    `)}`;
        }
        return { text, results: n };
      },
      split(result) {
        return [`,\n${pad}    {\n${pad}      "index": `, resultJsonAfterIndex(result, `${pad}    `)];
      },
      *add(piece) {
        if (piece.results === 0) return;
        // Every result of a piece starts with a comma: the run's first result drops it.
        spool.write(count > 0 ? piece.text : piece.text.slice(1));
        count += piece.results;
      },
    },
    *endRun(end: RunEnd) {
      const p = `${pad}  `;
      const suppressions = {
        suppressed: end.counts.suppressed,
        baselined: end.counts.baselined,
        baselineGone: end.counts.baselineGone,
        notices: end.counts.notices.map((n) => ({ where: n.where, rule: n.rule, message: n.message, ...(n.file !== undefined ? { file: n.file } : {}), ...(n.line !== undefined ? { line: n.line } : {}) })),
      };
      yield `${opts.several ? `${runs > 0 ? ',' : ''}\n${pad}` : ''}{\n${p}"policy": ${nest(policyJson(meta!.policy), p)},\n${p}"summary": ${nest(summaryJson(end.summary), p)},\n${p}"suppressions": ${nest(suppressions, p)},\n${p}"results": `;
      runs++;
      if (count === 0) yield '[]';
      else {
        yield '[';
        yield* spool.drain();
        yield `\n${p}]`;
      }
      if (end.metrics) yield `,\n${p}"metrics": ${nest(end.metrics, p)}`;
      if (end.datasetViolations) yield `,\n${p}"datasetViolations": ${nest(end.datasetViolations.map(violationJson), p)}`;
      if (end.wrappers?.length) yield `,\n${p}"input": ${nest({ wrappers: end.wrappers }, p)}`;
      yield `\n${pad}}`;
      if (!opts.several) yield '\n';
    },
    *end() {
      if (opts.several) yield '\n  ]\n}\n';
    },
  };
}

/** One problem in a policy file, for programs: where it is and what to do. */
export interface PolicyErrorJson {
  file: string;
  line: number;
  column: number;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  help?: string;
}

/** The JSON document printed instead of a report when a policy cannot be used. */
export function policyErrorsJson(errors: readonly PolicyErrorJson[]): string {
  return `${JSON.stringify({ policyErrors: errors }, null, 2)}\n`;
}
