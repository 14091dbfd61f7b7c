/**
 * The running policy from its generated code and its summary: the one place
 * generated code is loaded into this process. It needs the runtime only, not
 * the compiler, so a front end that kept both (the CLI's cache of compiled
 * policies) starts a check without parsing or checking the policy again.
 */
import { detectorCache, type DetectorCache } from '../compile/detector-cache.js';
import * as rt from '../runtime/index.js';
import type { CompiledDataset, CompiledPolicy, EvalContext, Violation } from '../types.js';
import type { PolicySummary } from './summary.js';

/** The generated sources the evaluator is built from (see compile/index.ts: GeneratedCode). */
export interface RunnableCode {
  schema: string;
  decoder: string;
  evaluator: string;
}

/** What only the compiler's IR can do, handed in by the caller (see load.ts). */
export interface PolicyExtras {
  explain: CompiledPolicy['explain'];
  runExamples: CompiledPolicy['runExamples'];
  output: CompiledPolicy['output'];
  /** Phrase lists and patterns already built while checking the policy. */
  detectors?: DetectorCache;
}

/** What the generated evaluator returns (see emit-evaluator.ts). */
interface Loaded {
  evaluate: (record: unknown, ctx: EvalContext) => Violation[];
  schema: import('zod').ZodType;
  decodeInput: (raw: unknown) => unknown;
  METRICS: rt.MetricDef[];
  metricsAdd: (record: unknown, state: rt.MetricState, ctx: EvalContext) => void;
  evaluateDataset: (values: Array<number | null>, ctx: EvalContext) => Violation[];
}

/** Throws when the code does not run (a compiler bug, or code that was changed on disk). */
export function assemblePolicy(summary: PolicySummary, code: RunnableCode, extras: PolicyExtras): CompiledPolicy {
  const detectors = extras.detectors ?? detectorCache();
  const factory = new Function('rt', `"use strict";\n${code.schema}\n${code.decoder}\n${code.evaluator}\nreturn { evaluate, schema, decodeInput, METRICS, metricsAdd, evaluateDataset };`) as (runtime: typeof rt) => Loaded;
  // The generated code builds its phrase lists and patterns through rt: hand it the ones already built.
  const loaded = factory({ ...rt, phraseMatcher: (list: string[]) => detectors.phrases(list), regex: (pattern: string) => detectors.regex(pattern) });
  const policy: CompiledPolicy = {
    id: summary.id,
    title: summary.title,
    ...(summary.source ? { source: summary.source } : {}),
    ...(summary.version ? { version: summary.version } : {}),
    recordType: summary.recordType,
    records: summary.records,
    rules: summary.rules,
    detectors: summary.detectors,
    usesToday: summary.usesToday,
    schema: loaded.schema,
    decode: (raw) => {
      // The generated decoder reads a record that fits; only one that does not goes through zod, which says why.
      const value = loaded.decodeInput(raw);
      return (value === rt.d.BAD ? rt.s.decode(loaded.schema, raw) : { ok: true, value }) as ReturnType<CompiledPolicy['decode']>;
    },
    evaluate: loaded.evaluate,
    explain: extras.explain,
    runExamples: extras.runExamples,
    output: extras.output,
  };
  if (summary.dataset) policy.dataset = dataset(summary.dataset, loaded);
  return policy;
}

function dataset(summary: NonNullable<PolicySummary['dataset']>, loaded: Loaded): CompiledDataset {
  // Maps, not the summary's plain objects: a metric may be called `constructor`.
  const targets = new Map(Object.entries(summary.targets));
  const usedBy = new Map(Object.entries(summary.usedBy));
  return {
    metrics: summary.metrics,
    start: (ctx) => rt.startMetrics(loaded.METRICS, ctx),
    add: (state, record) => loaded.metricsAdd(record, state as rt.MetricState, (state as rt.MetricState).ctx),
    merge: (state, metric, group, tally) => rt.mergeTally(state as rt.MetricState, metric, group, tally),
    finish: (state) => {
      const S = state as rt.MetricState;
      const violations = loaded.evaluateDataset(rt.metricValues(loaded.METRICS, S), S.ctx);
      const metrics = rt.metricResults(loaded.METRICS, S);
      const failed = new Set(violations.map((v) => v.rule));
      for (const [name, result] of Object.entries(metrics)) {
        const target = targets.get(name);
        if (target) result.target = target;
        if (result.status === 'no data') continue;
        const rules = usedBy.get(name);
        if (rules) result.status = rules.some((r) => failed.has(r)) ? 'fail' : 'pass';
      }
      return { metrics, violations };
    },
  };
}
