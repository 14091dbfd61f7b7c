/** Option values that must be read, not taken as they are. */
import { InvalidArgumentError } from 'commander';
import { s } from '@sellguard/core/runtime';

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a record number counting from 1, e.g. 3');
  return n;
}

export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, e.g. 50');
  return n;
}

/** A number of threads, at least 1. */
export function threadCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1, e.g. 2');
  return n;
}

/** YYYY-MM-DD as a UTC day in milliseconds, read by the same date reader as the data. */
export function asOfDate(value: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? s.parseTimestamp(value) : undefined;
  if (ms === undefined) throw new InvalidArgumentError('expected a date such as 2026-11-20');
  return ms;
}

