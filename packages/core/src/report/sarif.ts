/**
 * SARIF 2.1.0, the format code-scanning services read (GitHub code scanning,
 * Azure DevOps, SonarQube). One SARIF run per policy; the policy's rules are
 * the tool's rules, with their help text, source and a link to their
 * documentation. Each result is located in its input file (the line of the
 * JSONL record or CSV row) and, logically, at the record's field path; a
 * span inside a text field is also given in the location's properties
 * (`field`, `start`, `end`, UTF-16 offsets into the field's value) and, when
 * the caller can read the input (`regionOf`), as the region of the file's
 * own characters that hold it (start and end line and column). Suppressed and baselined violations are results with
 * `suppressions` (with their justification). Results are written as they
 * arrive. Browser-safe.
 */
import type { RuleInfo, Severity, Violation } from '../types.js';
import type { SpanRegion } from './sarif-region.js';
import { violationKey, type ProjectResult, type ReportWriter, type RunEnd, type RunMeta } from './writer.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The rule SARIF results about unreadable records point at. */
export const INVALID_RECORD_RULE = 'sellguard/invalid-record';

/** Where a span of a field's text is in the input file (undefined when that cannot be known, e.g. standard input). */
export type SpanRegionOf = (file: string, line: number, path: string, span: { start: number; end: number; text: string }) => SpanRegion | undefined;

export interface SarifOptions {
  /** The region in the file of a span of a text field. */
  regionOf?: SpanRegionOf;
  toolVersion?: string;
  /** Where Sellguard is described, for `tool.driver.informationUri`. */
  informationUri?: string;
}

/** A path as a SARIF artifact URI: forward slashes, percent-encoded; absolute paths as file: URIs. */
export function artifactUri(file: string): string {
  if (file === '-') return 'stdin';
  const slashed = file.replace(/\\/g, '/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded.replace('%3A', ':')}`;
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}

function ruleJson(rule: RuleInfo, meta: RunMeta) {
  const helpUri = meta.ruleHelpUri?.(rule.fullId);
  const help = [rule.hint, rule.source ? `Source: ${rule.source}` : ''].filter(Boolean).join('\n\n') || rule.message;
  return {
    id: rule.fullId,
    name: rule.id,
    shortDescription: { text: rule.message },
    ...(rule.doc ? { fullDescription: { text: rule.doc } } : {}),
    help: { text: help },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { ...(rule.source ? { source: rule.source } : {}), hasFix: rule.hasFix },
  };
}

function location(file: string | undefined, line: number | undefined, path: string, span?: { path: string; start: number; end: number; text: string }, regionOf?: SpanRegionOf) {
  const exact = span && file !== undefined && line !== undefined ? regionOf?.(file, line, span.path, span) : undefined;
  const region = exact ? { ...exact, snippet: { text: span!.text } } : line !== undefined ? { startLine: line, ...(span ? { snippet: { text: span.text } } : {}) } : undefined;
  const physical = file !== undefined ? { artifactLocation: { uri: artifactUri(file) }, ...(region ? { region } : {}) } : undefined;
  return {
    ...(physical ? { physicalLocation: physical } : {}),
    ...(path || span ? { logicalLocations: [{ fullyQualifiedName: span?.path ?? path, kind: 'member' }] } : {}),
    ...(span ? { properties: { field: span.path, start: span.start, end: span.end } } : {}),
  };
}

export function sarifWriter(opts: SarifOptions = {}): ReportWriter {
  let meta: RunMeta | undefined;
  let ruleIndex = new Map<string, number>();
  let count = 0;
  let runs = 0;
  const pad = '        ';

  function resultJson(policyId: string, r: { index: number; line?: number; file?: string }, v: Violation, suppression?: { kind: string; reason: string }, recordKey?: string) {
    const locations = v.spans.length > 0 ? v.spans.map((s) => location(r.file, r.line, v.path, s, opts.regionOf)) : [location(r.file, r.line, v.path)];
    const fingerprint = recordKey !== undefined ? violationKey(policyId, v.rule, recordKey, v.path) : undefined;
    return {
      ruleId: v.rule,
      ...(ruleIndex.has(v.rule) ? { ruleIndex: ruleIndex.get(v.rule) } : {}),
      level: LEVEL[v.severity],
      message: { text: v.message },
      locations,
      ...(fingerprint ? { partialFingerprints: { 'sellguard/v1': fingerprint } } : {}),
      ...(suppression
        ? suppression.kind === 'baseline'
          ? { baselineState: 'unchanged', suppressions: [{ kind: 'external', status: 'accepted', justification: suppression.reason }] }
          : { suppressions: [{ kind: suppression.kind === 'record' ? 'inSource' : 'external', status: 'accepted', justification: suppression.reason }] }
        : {}),
      ...(v.fix ? { properties: { fix: v.fix.description } } : {}),
    };
  }

  return {
    *begin() {
      yield '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [';
    },
    *beginRun(m) {
      meta = m;
      count = 0;
      const rules = [...m.rules.map((r) => ruleJson(r, m)), { id: INVALID_RECORD_RULE, name: 'invalid-record', shortDescription: { text: 'A record that could not be read or does not fit the record type' }, help: { text: 'Fix the record so it has the fields and types the policy expects; the message says which field and why.' }, defaultConfiguration: { level: 'error' } }];
      ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
      const driver = {
        name: 'Sellguard',
        ...(opts.toolVersion ? { version: opts.toolVersion, semanticVersion: opts.toolVersion } : {}),
        ...(opts.informationUri ? { informationUri: opts.informationUri } : {}),
        rules,
      };
      const head = {
        tool: { driver },
        automationDetails: { id: `sellguard/${m.policy.id}/` },
      };
      // The run's opening, left open for its results: drop the closing brace of the head object.
      const text = JSON.stringify(head, null, 2).replace(/\n/g, '\n    ');
      yield `${runs++ > 0 ? ',' : ''}\n    ${text.slice(0, text.lastIndexOf('}')).trimEnd()},\n      "results": [`;
    },
    *result(r: ProjectResult) {
      const items: unknown[] = [];
      for (const p of r.invalid ?? []) {
        items.push({
          ruleId: INVALID_RECORD_RULE,
          ruleIndex: ruleIndex.get(INVALID_RECORD_RULE),
          level: 'error',
          message: { text: `${p.path ? `${p.path}: ` : ''}${p.message}` },
          locations: [location(r.file, r.line, p.path)],
        });
      }
      for (const v of r.violations) items.push(resultJson(meta!.policy.id, r, v, undefined, r.recordKey));
      for (const v of r.suppressed ?? []) items.push(resultJson(meta!.policy.id, r, v, v.suppression, r.recordKey));
      for (const item of items) yield `${count++ === 0 ? '' : ','}\n${pad}${JSON.stringify(item, null, 2).replace(/\n/g, `\n${pad}`)}`;
    },
    *endRun(end: RunEnd) {
      for (const v of end.datasetViolations ?? []) {
        yield `${count++ === 0 ? '' : ','}\n${pad}${JSON.stringify(resultJson(meta!.policy.id, { index: -1, file: meta!.inputs[0] }, v), null, 2).replace(/\n/g, `\n${pad}`)}`;
      }
      const notifications = end.counts.notices.map((n) => ({
        level: 'warning',
        message: { text: `${n.where}: ${n.message}` },
        ...(n.file !== undefined ? { locations: [location(n.file, n.line, '')] } : {}),
      }));
      const invocation = { executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) };
      const properties = { summary: end.summary, suppressed: end.counts.suppressed, baselined: end.counts.baselined, baselineGone: end.counts.baselineGone, ...(end.metrics ? { metrics: end.metrics } : {}) };
      const nest = (v: unknown) => JSON.stringify(v, null, 2).replace(/\n/g, '\n      ');
      yield `${count > 0 ? '\n      ' : ''}],\n      "invocations": [${nest(invocation)}],\n      "properties": ${nest(properties)}\n    }`;
    },
    *end() {
      yield '\n  ]\n}\n';
    },
  };
}
