// Types of policy "snapshot": Snapshot policy
import type { CompiledPolicy as $CompiledPolicy, EvalContext as $EvalContext, InputProblem as $InputProblem, RuleInfo as $RuleInfo, Violation as $Violation } from '@sellguard/core';
import type { MetricDef as $MetricDef, MetricState as $MetricState } from '@sellguard/core/runtime';

export interface MessageInput {
  /** The Amazon order id. */
  "orderId": string;
  "subject"?: string;
  "body": string;
  "sentAt"?: string;
  "orderCompletedAt"?: string;
  "attachments"?: Array<AttachmentInput>;
  "score"?: number | string;
  "parameters"?: Record<string, string>;
}

export interface Message {
  /** The Amazon order id. */
  "orderId": string;
  "subject": string;
  "body": string;
  "sentAt": number | null;
  "orderCompletedAt": number | null;
  "attachments": Array<Attachment>;
  "score": number | null;
  "parameters": Record<string, string>;
}

/** A file sent with a message. */
export interface AttachmentInput {
  "fileName": string;
  "kind"?: "instructions" | "warranty" | "other";
}

/** A file sent with a message. */
export interface Attachment {
  "fileName": string;
  "kind": "instructions" | "warranty" | "other";
}

/** The policy's id, title, source and version. */
export declare const policy: { id: "snapshot"; title: string; source?: string; version?: string };
/** Every rule: id, severity, message, hint, source. */
export declare const rules: $RuleInfo[];
/** The zod schema of one input record (what decode uses). */
export declare const schema: $CompiledPolicy['schema'];
/** Validate and normalise one raw record. */
export declare function decode(raw: unknown): { ok: true; value: Message } | { ok: false; problems: $InputProblem[] };
/** Evaluate every rule on a decoded record, in a context from evalContext({ asOf, dictionary }) (@sellguard/core/runtime). */
export declare function evaluate(record: Message, ctx: $EvalContext): $Violation[];
/** Decode and evaluate: the violations, or why the record could not be read. Without ctx: as of today, no spelling dictionary. */
export declare function check(raw: MessageInput | unknown, ctx?: $EvalContext): { ok: true; violations: $Violation[] } | { ok: false; problems: $InputProblem[] };
/**
 * The metrics over a whole input (empty when the policy has none). With evalContext, startMetrics and metricValues from
 * '@sellguard/core/runtime': `const state = startMetrics(metrics, ctx)`, `metricsAdd(record, state, ctx)` per decoded
 * record, then `evaluateDataset(metricValues(metrics, state), ctx)`.
 */
export declare const metrics: $MetricDef[];
/** Count one decoded record into the metrics. */
export declare function metricsAdd(record: Message, state: $MetricState, ctx: $EvalContext): void;
/** Evaluate the rules about metrics on the metrics' values (null: no data), in the order of `metrics`. */
export declare function evaluateDataset(values: Array<number | null>, ctx: $EvalContext): $Violation[];
