/**
 * One policy's run over its inputs in a project: each record is checked,
 * then the config's rule settings and the record's own suppression are
 * applied, then the baseline; only what is left counts in the summary and
 * fails the run. Results go to `onResult` as they are made; nothing is kept
 * but counters and the metrics' accumulator. Browser-safe.
 */
import type { CompiledPolicy, EvalContext, RecordResult, Summary, Tally, Violation } from '../types.js';
import { checkOne, policyInfo, type RawRecord } from '../check/run.js';
import { SummaryBuilder } from '../report/summary.js';
import type { ProjectResult, RecordSource, RunEnd, RunMeta, SuppressedViolation, SuppressionNotice } from '../report/writer.js';
import { applySuppressions, DEFAULT_SUPPRESSION_FIELD, type RuleSetting } from './suppress.js';
import { recordKey, type BaselineMatcher } from './baseline.js';

export interface ProjectRunOptions {
  /** The rule settings for a record's file (from the config); none by default. */
  settings?: (file: string | undefined) => ReadonlyMap<string, RuleSetting>;
  baseline?: BaselineMatcher;
  /**
   * Give each result with violations its record key (for SARIF fingerprints); default true. Without a
   * baseline and without this, no key is computed: hashing every failing record costs as much as checking it.
   */
  recordKeys?: boolean;
  /** The field a record names its suppressions in (default `sellguard-ignore`). */
  suppressionField?: string;
  /** The evaluation context: the as-of day, the speller. */
  ctx: EvalContext;
  onResult: (result: ProjectResult, source: RecordSource) => void;
}

const MAX_NOTICES = 200;

/** The counts of a run over a piece of the input (see ProjectRun.pieceCounts). */
export interface PieceCounts {
  summary: Summary;
  suppressed: number;
  baselined: number;
  notices: SuppressionNotice[];
  usedSettings: string[];
}
const NO_SETTINGS: ReadonlyMap<string, RuleSetting> = new Map();

export class ProjectRun {
  private readonly summary: SummaryBuilder;
  private readonly metrics: unknown;
  private suppressed = 0;
  private baselined = 0;
  private readonly notices: SuppressionNotice[] = [];
  /** Config settings that changed or suppressed a violation, by where they are written. */
  readonly usedSettings = new Set<string>();

  constructor(
    readonly policy: CompiledPolicy,
    private readonly opts: ProjectRunOptions,
  ) {
    this.summary = new SummaryBuilder(policy);
    this.metrics = policy.dataset?.start(opts.ctx);
  }

  add(rec: RawRecord): void {
    this.addChecked(rec, checkOne(this.policy, rec, this.opts.ctx));
  }

  /**
   * A record checked elsewhere (a worker thread ran `checkOne` on it): the settings, suppressions, baseline,
   * metrics and summary are applied here, in input order, exactly as `add` does. `tallied`: its metrics were
   * counted where it was checked (see `mergeTallies`). `key`: the record's key, worked out where the whole record
   * was (`rec.raw` may then hold only what suppressions read).
   */
  addChecked(rec: RawRecord, checked: { result: RecordResult; decoded?: unknown; key?: string }, tallied = false): void {
    const { result, decoded } = checked;
    if (this.policy.dataset && decoded !== undefined && !result.invalid && !tallied) this.policy.dataset.add(this.metrics, decoded);
    const out: ProjectResult = result;
    // Also records without violations: their suppressions may be unused.
    if (!result.invalid) {
      const where = `record ${rec.index + 1}${rec.line !== undefined ? ` (line ${rec.line}${rec.file ? `, ${rec.file}` : ''})` : ''}`;
      const applied = applySuppressions(
        result.violations,
        { raw: rec.raw, where, ...(rec.file !== undefined ? { file: rec.file } : {}), ...(rec.line !== undefined ? { line: rec.line } : {}) },
        this.opts.settings?.(rec.file) ?? NO_SETTINGS,
        this.opts.suppressionField ?? DEFAULT_SUPPRESSION_FIELD,
      );
      for (const w of applied.used) this.usedSettings.add(w);
      // A notice per record could be millions: the first ones say enough.
      for (const n of applied.notices) if (this.notices.length < MAX_NOTICES) this.notices.push(n);
      const wantsKey = this.opts.baseline !== undefined || this.opts.recordKeys !== false;
      const key = wantsKey && (applied.violations.length > 0 || applied.suppressed.length > 0) ? (checked.key ?? recordKey(this.policy, rec.raw)) : '';
      if (key) out.recordKey = key;
      const kept: Violation[] = [];
      const suppressed: SuppressedViolation[] = [...applied.suppressed];
      for (const v of applied.violations) {
        if (this.opts.baseline?.absorb(this.policy.id, key, v)) suppressed.push({ ...v, suppression: { kind: 'baseline', reason: 'known from the baseline' } });
        else kept.push(v);
      }
      this.suppressed += applied.suppressed.length;
      this.baselined += suppressed.length - applied.suppressed.length;
      out.violations = kept;
      if (suppressed.length > 0) out.suppressed = suppressed;
    }
    this.summary.add(out);
    if (out.violations.length > 0 || out.invalid || out.suppressed) this.opts.onResult(out, { raw: rec.raw, decoded });
  }

  /**
   * Records checked elsewhere without violations, problems or a suppression of their own: they only add to the
   * summary (their metrics come with `mergeTallies`). Pass the others to `addChecked`, in input order.
   */
  addClean(count: number): void {
    this.summary.addClean(count);
  }

  /** Metrics counted elsewhere (a worker thread's accumulator, see `talliesOf`), added to this run's. */
  mergeTallies(tallies: ReadonlyArray<{ metric: number; group: { index: number; key: unknown } | null; tally: Tally }>): void {
    const dataset = this.policy.dataset;
    if (!dataset) return;
    for (const t of tallies) dataset.merge(this.metrics, t.metric, t.group, t.tally);
  }

  /**
   * What this run counted, for a run of the same policy elsewhere to add up (`mergePiece`): a worker thread checks a
   * piece of the input with its own ProjectRun and hands these counts back with the piece's rendered results.
   */
  pieceCounts(): PieceCounts {
    return { summary: this.summary.build(), suppressed: this.suppressed, baselined: this.baselined, notices: this.notices, usedSettings: [...this.usedSettings] };
  }

  /** Add the counts of a piece checked elsewhere, pieces in input order (the first notices are kept). */
  mergePiece(c: PieceCounts): void {
    this.summary.merge(c.summary);
    this.suppressed += c.suppressed;
    this.baselined += c.baselined;
    for (const n of c.notices) if (this.notices.length < MAX_NOTICES) this.notices.push(n);
    for (const w of c.usedSettings) this.usedSettings.add(w);
  }

  finish(failOn: RunEnd['failOn']): RunEnd {
    const dataset = this.policy.dataset?.finish(this.metrics);
    if (dataset) this.summary.addDataset(dataset.violations);
    return {
      summary: this.summary.build(),
      ...(dataset ? { metrics: dataset.metrics, datasetViolations: dataset.violations } : {}),
      counts: { suppressed: this.suppressed, baselined: this.baselined, baselineGone: this.opts.baseline?.gone(this.policy.id) ?? 0, notices: this.notices },
      failOn,
    };
  }
}

/** What writers are told about a policy's run before it starts. */
export function runMeta(policy: CompiledPolicy, inputs: readonly string[], extra: Partial<RunMeta> = {}): RunMeta {
  return { policy: policyInfo(policy), rules: policy.rules, inputs, ...extra };
}
