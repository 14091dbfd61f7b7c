// Types of policy "snapshot": Snapshot policy
import type { EvalContext, Violation, InputProblem, RuleInfo } from '@sellguard/core';

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

/** Validate and normalise one raw record. */
export declare function decode(raw: unknown): { ok: true; value: Message } | { ok: false; problems: InputProblem[] };
/** Evaluate every rule on a decoded record, in a context from rt.evalContext({ asOf, dictionary }). */
export declare function evaluate(record: Message, ctx: EvalContext): Violation[];
/** Decode and evaluate: the violations, or why the record could not be read. */
export declare function check(raw: MessageInput | unknown, ctx: EvalContext): { ok: true; violations: Violation[] } | { ok: false; problems: InputProblem[] };
export declare const rules: RuleInfo[];
export declare const policy: { id: "snapshot"; title: string; source?: string; version?: string };
