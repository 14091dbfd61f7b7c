/**
 * The shapes every front end shares: what a compiled policy offers, what a
 * violation and a report look like. Defined once here; the CLI, the TUI and
 * the web playground only render them.
 */
import type { Diagnostic, Span } from '@sellguard/dsl';

export type { Diagnostic, Span };

export type Severity = 'error' | 'warning' | 'info';

/** A spelling checker (built by `createSpeller` from a Hunspell dictionary), with its own caches. */
export interface Speller {
  /** Whether the word is spelt correctly (possessives, British spellings and closed compounds accepted). */
  isCorrect(word: string): boolean;
  /** Up to 3 suggestions, best first; null when the look-up budget is spent. */
  suggestions(word: string, budget: { left: number }): string[] | null;
}

/**
 * Everything a check depends on besides the policy and the record, created by
 * the host (`evalContext(...)`) and passed to every evaluation; nothing of it is
 * kept in module-level variables.
 */
export interface EvalContext {
  /** The UTC day (midnight, ms) checks run as of: `today()` and metric windows end there. null: the real today. */
  readonly asOf: number | null;
  /** The spelling checker of the `spelling` detector; null: it finds nothing. */
  readonly dictionary: Speller | null;
}

/** Where a detector matched: offsets into the string at `path` of the input record. */
export interface MatchSpan {
  /** Field path of the string that was scanned, e.g. `body` or `attachments[1].fileName`. */
  path: string;
  start: number;
  end: number;
  /** The matched characters. */
  text: string;
}

export interface TextEdit {
  path: string;
  start: number;
  end: number;
  /** Replacement text ('' removes). */
  text: string;
}

export interface Fix {
  kind: 'remove' | 'replace' | 'insert';
  /** Plain description shown on a fix button, e.g. "remove 2 matches". */
  description: string;
  edits: TextEdit[];
}

export interface Violation {
  /** `<policy>/<rule>`, e.g. `buyer-messaging/email-address`. */
  rule: string;
  severity: Severity;
  message: string;
  /** Field path the violation is about; '' for the record as a whole. */
  path: string;
  spans: MatchSpan[];
  hint?: string;
  fix?: Fix;
}

/** A record that could not be read or did not have the policy's shape. */
export interface InputProblem {
  /** Field path inside the record ('' for the whole record). */
  path: string;
  message: string;
}

export interface RecordResult {
  /** 0-based position of the record in the input. */
  index: number;
  /** 1-based line of the record in its file, when known. */
  line?: number;
  /** The file the record came from, when several inputs are checked. */
  file?: string;
  violations: Violation[];
  /** Set when the record could not be checked: it is counted, never dropped. */
  invalid?: InputProblem[];
}

export interface RuleInfo {
  /** The rule id as written, e.g. `email-address`. */
  id: string;
  /** `<policy>/<rule>`. */
  fullId: string;
  severity: Severity;
  /** The message template as written. */
  message: string;
  hint?: string;
  source?: string;
  hasFix: boolean;
  doc?: string;
}

export interface Summary {
  records: number;
  /** Records that were read and checked. */
  checked: number;
  /** Records that could not be read or validated. */
  invalid: number;
  /** Checked records with at least one violation. */
  withViolations: number;
  violations: number;
  bySeverity: Record<Severity, number>;
  /** Violation count per full rule id; every rule of the policy appears, with 0 when it never fired. */
  byRule: Record<string, number>;
}

export interface Report {
  policy: { id: string; title: string; source?: string; version?: string };
  summary: Summary;
  /** Records with violations or problems (every record when asked for). */
  results: RecordResult[];
  /** Dataset metrics, keyed by metric name (policies with metrics only). */
  metrics?: Record<string, MetricResult>;
  /** Violations of rules about metrics (they concern the whole input, not one record). */
  datasetViolations?: Violation[];
}

/** Parts of a metric counted elsewhere (a SQL engine's row), merged into a run as if its records had been tallied there. */
export interface Tally {
  num: number;
  den: number;
  sum: number;
  min: number | null;
  max: number | null;
}

/** A metric's value over the records in its window, and its parts. */
export interface MetricCounts {
  /** null when no record counted: "no data", never 0 and never a crash. */
  value: number | null;
  /** For rates: records for which the condition held. */
  numerator?: number;
  /** For rates: records counted (in the window, passing `where`). */
  denominator?: number;
  /** For count, total, average, minimum and maximum: records that gave a value. */
  count?: number;
}

export interface MetricResult extends MetricCounts {
  title: string;
  kind: 'count' | 'rate' | 'total' | 'average' | 'minimum' | 'maximum';
  /** How the value reads: "1.16%", "no data". */
  display: string;
  /** The time window: `days` calendar days (UTC) ending with the as-of day, both ends included. */
  window?: { days: number; by: string; from: string; to: string };
  /** Breakdowns, per group expression then per value ("(none)" for missing). */
  groups?: Record<string, Record<string, MetricCounts>>;
  /** What the policy's rules require of it, e.g. "< 1%". */
  target?: string;
  /** pass or fail against the rules that use it; "no data" when nothing counted. */
  status?: 'pass' | 'fail' | 'no data';
}

export interface MetricInfo {
  name: string;
  title: string;
  kind: MetricResult['kind'];
}

/** The dataset side of a compiled policy: metrics accumulated in one streaming pass. */
export interface CompiledDataset {
  metrics: MetricInfo[];
  /** A fresh accumulator for a run in this context (its windows end with the context's as-of day). */
  start(ctx: EvalContext): unknown;
  /** Count one decoded record. */
  add(state: unknown, record: unknown): void;
  /** Merge parts counted elsewhere (a SQL engine): metric by index, overall (group null) or one group value. */
  merge(state: unknown, metric: number, group: { index: number; key: unknown } | null, tally: Tally): void;
  /** The metric values and the violations of the rules about them. */
  finish(state: unknown): { metrics: Record<string, MetricResult>; violations: Violation[] };
}

/** One `example` block of a policy and how it came out. */
export interface ExampleOutcome {
  name: string;
  /** Offset span of the example in the policy source. */
  span: Span;
  passed: boolean;
  /** Rule ids (short form) that fired. */
  fired: string[];
  /** Plain sentences saying what went wrong, e.g. "expected email-address to fire, but it did not". */
  failures: string[];
  /** Set when the example's `given` input does not fit the record type. */
  invalid?: InputProblem[];
}

/** Type of a record field as the compiler understood it (for forms, .d.ts and docs). */
export type FieldType =
  | { kind: 'string' | 'text' | 'number' | 'integer' | 'percent' | 'boolean' | 'date' | 'datetime' | 'duration' }
  | { kind: 'enum'; name?: string; members: string[] }
  | { kind: 'list'; element: FieldType }
  | { kind: 'map'; value: FieldType }
  | { kind: 'record'; name: string };

export interface FieldInfo {
  name: string;
  type: FieldType;
  optional: boolean;
  hasDefault: boolean;
  aliases: string[];
  doc?: string;
}

export interface RecordInfo {
  name: string;
  fields: FieldInfo[];
  doc?: string;
}

export type DecodeResult<T = unknown> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

export interface CompiledPolicy {
  id: string;
  title: string;
  source?: string;
  version?: string;
  /** Name of the record type each input row is read as. */
  recordType: string;
  /** Every record type the policy knows, the input type first. */
  records: RecordInfo[];
  rules: RuleInfo[];
  /** zod schema of the input record (accepts raw JSON or CSV strings; outputs the runtime representation). */
  schema: import('zod').ZodType;
  /** Validate and normalise one raw record (JSON object or CSV row of strings). */
  decode(raw: unknown): DecodeResult;
  /** Evaluate every rule on a decoded record. */
  evaluate(record: unknown, ctx: EvalContext): Violation[];
  /** Why each rule fired or not on a decoded record: conditions with the values they saw. */
  explain(record: unknown, ctx: EvalContext): RuleExplanation[];
  /** Run the policy's own `example` blocks; an example's `as of` line overrides the context's day. */
  runExamples(ctx: EvalContext): ExampleOutcome[];
  /** Whether results depend on the as-of day (a `today()` call or a metric's time window), so a front end offers an as-of date. */
  usesToday: boolean;
  /** The text detectors the rules use (e.g. `emails`, `spelling`), so a host loads only what they need. */
  detectors: string[];
  /** Metrics over the whole input, when the policy declares any. */
  dataset?: CompiledDataset;
  /**
   * Generated sources, for `sellguard compile` and the playground's compiled view:
   * the module as ESM (`.mjs`) and CommonJS (`.cjs`), and its declarations (valid for both).
   */
  output: { module: string; commonjs: string; dts: string; schema: string };
}

/** A value seen while explaining, with the values it was computed from. */
export interface TraceNode {
  span: Span;
  /** The value, shown as a person reads it ("31 days", "yes", "a@b.com"). */
  value: string;
  /** For conditions: whether it held. */
  held?: boolean;
  children: TraceNode[];
}

export interface ClauseExplanation {
  mode: 'require' | 'forbid';
  /** The condition as written in the policy. */
  condition: string;
  violated: boolean;
  trace: TraceNode | null;
}

export interface RuleExplanation {
  rule: string;
  severity: Severity;
  /** For a rule with `each`: the item this explanation is about, e.g. `offers[2]`. */
  item?: string;
  /** False when the rule's `when` guard did not hold, so nothing else ran. */
  applies: boolean;
  when: { condition: string; trace: TraceNode | null } | null;
  clauses: ClauseExplanation[];
  violations: Violation[];
}
