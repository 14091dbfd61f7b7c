/** Messages between the page and the worker that runs the playground's checks. */
import type { ExampleOutcome, RuleExplanation } from '@sellguard/core';
import type { CheckOutcome } from '../lib/check';
import type { PolicySource } from '../lib/project';

/** What the page wants evaluated: the data against the policy, and what the shown tab needs. */
export interface CheckJob {
  /** The policy text (the last version without errors). */
  policy: string;
  /** The other files of the project, which the policy may import. */
  others: readonly PolicySource[];
  /** The data pane's text. */
  data: string;
  /** The as-of day (UTC midnight, ms), or null for today. */
  asOf: number | null;
  /** The record to explain (0-based), or null when the Explain tab is not shown. */
  explain: number | null;
  /** Run the policy's own examples (the Examples tab is shown). */
  examples: boolean;
  /** Also make the data with every fix applied (the visitor asked to download it). */
  fixAll?: boolean;
}

export interface CheckRequest extends CheckJob {
  id: number;
}

/** What the worker was doing when it was last heard from: which step, and for a check, which record. */
export interface CheckProgress {
  step: 'check' | 'explain' | 'examples' | 'fix-all';
  /** 0-based record being checked (step 'check'). */
  record?: number;
  /** Its line in the data pane. */
  line?: number;
}

export interface CheckResult {
  outcome: CheckOutcome;
  /** The explanation of `CheckJob.explain`'s record; undefined when it could not be read or explained. */
  explanation?: RuleExplanation[];
  examples?: ExampleOutcome[];
  fixed?: { text: string; fixed: number };
  /** Checked before the spelling dictionary was ready: the same request is checked again once it is. */
  spellingPending?: true;
}

export type CheckReply =
  /** Compiled and ready: evaluation starts now, and so does the time budget (again when a request is checked again). */
  | { type: 'started'; id: number }
  | { type: 'progress'; id: number; progress: CheckProgress }
  | { type: 'done'; id: number; result: CheckResult }
  /** Stopped part way because a newer request arrived (the worker goes on with that one). */
  | { type: 'dropped'; id: number }
  | { type: 'failed'; id: number; message: string };
