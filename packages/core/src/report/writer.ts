/**
 * Streaming report writers. A check run calls a writer in order:
 *
 *   begin()                       once, the document's opening
 *   beginRun(meta)                once per policy checked
 *   result(result, source)        for every record with violations, problems or suppressions, as it is checked
 *   endRun(end)                   with the run's summary and metrics
 *   end()                         once, the document's closing
 *
 * Each call returns the text to write next, so a report of millions of
 * records is written as it is made. A format that must print totals before
 * the details (JUnit, the JSON report's summary) writes the details to a
 * `Spool` (in memory by default; the CLI passes one backed by a temporary
 * file) and keeps only counters. Browser-safe.
 */
import type { MetricResult, RecordResult, RuleInfo, Severity, Summary, Violation } from '../types.js';

/** What a writer knows about a run before any record is checked. */
export interface RunMeta {
  policy: { id: string; title: string; source?: string; version?: string };
  /** The policy file as given, when it came from a file. */
  policyFile?: string;
  rules: readonly RuleInfo[];
  /** The inputs this policy checks, as given ('-' for standard input). */
  inputs: readonly string[];
  /** A link to a rule's documentation, when there is one. */
  ruleHelpUri?: (fullId: string) => string | undefined;
}

/** The record a result is about, as read and as decoded, so a writer can show the text of a span. */
export interface RecordSource {
  raw?: unknown;
  decoded?: unknown;
}

/** A violation that did not count: suppressed by the record or the config, or known from the baseline. */
export interface SuppressedViolation extends Violation {
  suppression: { kind: 'record' | 'config' | 'baseline'; reason: string };
}

/** A checked record's result, with the violations that were suppressed or baselined. */
export interface ProjectResult extends RecordResult {
  suppressed?: SuppressedViolation[];
  /** The record's stable key (its order id, SKU, … or a hash of its content), as baselines use it. */
  recordKey?: string;
}

/** A suppression that was written but did nothing, or could not be used. */
export interface SuppressionNotice {
  file?: string;
  line?: number;
  /** Where the suppression was written, e.g. `record 4` or `sellguard.config.json overrides[0]`. */
  where: string;
  rule: string;
  message: string;
}

export interface ProjectCounts {
  suppressed: number;
  baselined: number;
  /** Baseline entries (of this policy) that no longer occur. */
  baselineGone: number;
  /** Unused suppressions and suppressions without a reason. */
  notices: SuppressionNotice[];
}

export interface RunEnd {
  summary: Summary;
  metrics?: Record<string, MetricResult>;
  datasetViolations?: Violation[];
  counts: ProjectCounts;
  /** The severity that fails the run (for verdict lines). */
  failOn: Severity | 'never';
  /** Inputs whose records were taken from a list inside a JSON object: the input and the list's key. */
  wrappers?: Array<{ file: string; key: string }>;
}

/** A line saying where the records of a wrapped JSON input came from. */
export function wrapperLine(w: { file: string; key: string }): string {
  return `the records of ${w.file === '-' ? 'standard input' : w.file} were taken from its list ${JSON.stringify(w.key)}`;
}

/**
 * A piece of a report: text, or text already encoded as UTF-8 (what a spool backed by a file gives back, written
 * out as it is rather than decoded and encoded again).
 */
export type ReportChunk = string | Uint8Array;

export interface ReportWriter {
  begin(): Iterable<ReportChunk>;
  beginRun(meta: RunMeta): Iterable<ReportChunk>;
  result(result: ProjectResult, source: RecordSource): Iterable<ReportChunk>;
  endRun(end: RunEnd): Iterable<ReportChunk>;
  end(): Iterable<ReportChunk>;
  /**
   * Formats whose results can be rendered away from the run (in the worker threads of `check --jobs`), with only
   * counters left for the run to add up. Absent for formats that need the whole run to place a result (SARIF's
   * regions and fingerprints, the HTML page's kept records): their results must reach `result`.
   */
  pieces?: PieceWriting;
}

/** One piece of an input's results, rendered by another writer of the same format and options. */
export interface RenderedPiece {
  /** The text of the piece's results, in input order, as `result` would have written them one after another. */
  text: string;
  /** How many results the text holds. */
  results: number;
  /** The length of each result's text, for a writer that may show only the first results (the text report's --max-records). */
  sizes?: number[];
  /** Counters of the format (JUnit's tests, failures, errors and skipped cases). */
  counts?: number[];
  /** Results kept as they are (the Markdown report lists the first few). */
  kept?: RecordResult[];
  /**
   * The text in parts, before the piece's record numbers are known: text, and the piece-local numbers of records
   * (from 0) where a result writes its number (see PieceWriting.split). `pieceText` joins them.
   */
  parts?: Array<string | number>;
}

/** The text of a rendered piece whose first record is number `base` among all inputs. */
export function pieceText(piece: RenderedPiece, base: number): string {
  if (!piece.parts) return piece.text;
  let text = '';
  for (const p of piece.parts) text += typeof p === 'string' ? p : String(base + p);
  return text;
}

export interface PieceWriting {
  /**
   * Render a piece's results (each with its final index): called on a writer that has had `beginRun` with the
   * same meta, it changes nothing of the writer's run, so pieces can be rendered in any order.
   */
  render(results: Iterable<{ result: ProjectResult; source: RecordSource }>): RenderedPiece;
  /**
   * Formats that write a result's number (`index`) at most once, at a known place: the result's text before its
   * number and after it, so it can be rendered before the numbers of the piece's records are known (the number is
   * then written between the two; a format that never writes it gives one part). The parts of a piece's results,
   * one after another, make the `text` of its RenderedPiece.
   */
  split?(result: ProjectResult, source: RecordSource): [string, string] | [string];
  /** Add a rendered piece to this writer's run, pieces in input order; returns the text to write now. */
  add(piece: RenderedPiece): Iterable<ReportChunk>;
}

/** Text set aside while a run goes on, read back once at its end. */
export interface Spool {
  write(text: string): void;
  /** The text written, in pieces (as text or UTF-8); the spool is empty afterwards. */
  drain(): Iterable<ReportChunk>;
}

export type SpoolFactory = () => Spool;

/** A spool in memory: fine in a browser and for small runs. */
export function memorySpool(): Spool {
  let parts: string[] = [];
  return {
    write(text) {
      parts.push(text);
    },
    *drain() {
      const taken = parts;
      parts = [];
      yield* taken;
    },
  };
}

/** Run a whole report through a writer at once (tests, the playground), as text. */
export function* writeAll(
  writer: ReportWriter,
  runs: Iterable<{ meta: RunMeta; results: Iterable<{ result: ProjectResult; source?: RecordSource }>; end: RunEnd }>,
): Generator<string> {
  const decoder = new TextDecoder();
  const text = function* (chunks: Iterable<ReportChunk>) {
    for (const c of chunks) yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  };
  yield* text(writer.begin());
  for (const run of runs) {
    yield* text(writer.beginRun(run.meta));
    for (const r of run.results) yield* text(writer.result(r.result, r.source ?? {}));
    yield* text(writer.endRun(run.end));
  }
  yield* text(writer.end());
}

/** The key of one violation, as written in a baseline and in SARIF fingerprints. */
export function violationKey(policy: string, rule: string, record: string, field: string): string {
  return JSON.stringify([policy, rule, record, field]);
}

/** 1-based record number and where it is: `record 3 (line 4, messages.jsonl)`. */
export function recordLabel(r: RecordResult): string {
  const details = [r.line !== undefined ? `line ${r.line}` : '', r.file !== undefined ? (r.file === '-' ? 'standard input' : r.file) : ''].filter(Boolean);
  return `record ${r.index + 1}${details.length ? ` (${details.join(', ')})` : ''}`;
}

/** The severity every rule is declared with, to show next to its counts. */
export function severityByRule(rules: readonly RuleInfo[]): Map<string, Severity> {
  return new Map(rules.map((r) => [r.fullId, r.severity]));
}
