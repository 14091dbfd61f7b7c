/** Messages between the page and the worker that checks a large file. */
import type { MetricResult, Summary, Violation } from '@sellguard/core';
import type { CheckedRecord } from '../lib/check';
import type { PolicySource } from '../lib/project';

export interface CheckRequest {
  policy: string;
  /** The other policy files of the project, which the policy may import. */
  others: PolicySource[];
  file: File;
  /** The as-of day (UTC midnight, ms), or null for today. */
  asOf: number | null;
}

/** How many records with problems come back to be shown; downloads hold them all. */
export const SHOWN_RECORDS = 100;

export type WorkerMessage =
  | { type: 'progress'; phase: 'reading' | 'checking'; done: number; total: number }
  | {
      type: 'done';
      fileName: string;
      format: string;
      summary: Summary;
      metrics?: Record<string, MetricResult>;
      datasetViolations?: Violation[];
      /** The first records with problems, to show. */
      shown: CheckedRecord[];
      /** The report in `sellguard check --format json`'s shape, and as CSV. */
      json: Blob;
      csv: Blob;
      elapsedMs: number;
    }
  | { type: 'failed'; message: string };
