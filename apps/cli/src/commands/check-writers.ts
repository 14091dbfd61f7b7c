/**
 * The report writers of `sellguard check`, one per `--format`, built the
 * same way on the main thread and in the worker threads of `--jobs` (which
 * render their pieces' results with writers of the same options).
 */
import { githubWriter, htmlWriter, jsonWriter, junitWriter, markdownWriter, sarifWriter, textWriter, type InputFormat, type ProjectResult, type ReportFormat, type ReportWriter, type Spool } from '@sellguard/core/node';
import { VERSION } from '../version.js';
import { sarifRegions } from './check-sarif-regions.js';

export interface WriterOptions {
  color: boolean;
  maxRecords?: number;
  several: boolean;
  spool?: () => Spool;
  inputFormat?: InputFormat;
}

export function writerFor(format: ReportFormat, opts: WriterOptions): ReportWriter {
  const spool = opts.spool ? { spool: opts.spool } : {};
  switch (format) {
    case 'text':
      return textWriter({ color: opts.color, hyperlinks: opts.color, ...(opts.maxRecords !== undefined ? { maxRecords: opts.maxRecords } : {}) });
    case 'json':
      return jsonWriter({ several: opts.several, ...spool });
    case 'sarif':
      return sarifWriter({ toolVersion: VERSION, informationUri: 'https://github.com/sellguard/sellguard', regionOf: sarifRegions(opts.inputFormat) });
    case 'junit':
      return junitWriter(spool);
    case 'github':
      return githubWriter();
    case 'markdown':
      return markdownWriter();
    case 'html':
      return htmlWriter();
  }
}

/** Only errors, for --quiet: results without them are left out. */
export function errorsOnly(r: ProjectResult): ProjectResult | undefined {
  const violations = r.violations.filter((v) => v.severity === 'error');
  if (violations.length === 0 && !r.invalid?.length) return undefined;
  return { ...r, violations, suppressed: [] };
}
