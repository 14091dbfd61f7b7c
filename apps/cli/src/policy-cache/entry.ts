/**
 * One cached compiled policy on disk: a first line with the hash of the rest
 * (so a damaged file is recognised and ignored), then JSON holding the
 * generated code, the policy's summary, its warnings and the hashes of the
 * files it imports. Files are written to a temporary name and renamed into
 * place, so a run never reads a half-written entry, even when several runs
 * compile the same policy at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keepNewest } from './keep-newest.js';
import type { Diagnostic } from '@sellguard/dsl';
import type { PolicySummary, RunnableCode } from '@sellguard/core/node';

/** Raised when what an entry holds changes shape, so entries of older builds are not misread. */
export const ENTRY_FORMAT = 1;
const MAGIC = 'sellguard-compiled-policy';

export interface CacheEntry {
  format: typeof ENTRY_FORMAT;
  key: string;
  /** Every file the policy imported, by the path the compiler asked for, with the hash of its text. */
  imports: Array<{ path: string; sha256: string }>;
  /** Warnings (a policy with errors is never cached). */
  diagnostics: Diagnostic[];
  summary: PolicySummary;
  code: RunnableCode;
  /** What `sellguard compile` would write (the ESM and CommonJS modules and their declarations). */
  output: { module: string; commonjs: string; dts: string };
  /** The compiler's intermediate form, for explain and the examples; absent when it does not survive JSON unchanged. */
  ir?: unknown;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function entryPath(dir: string, key: string): string {
  return join(dir, `${key}.json`);
}

/** The entry under `key`, or undefined when there is none, or it is damaged, foreign or of another format. */
export function readEntry(dir: string, key: string): CacheEntry | undefined {
  let text: string;
  try {
    text = readFileSync(entryPath(dir, key), 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (newline < 0 || text.slice(0, newline) !== `${MAGIC} ${sha256(text.slice(newline + 1))}`) return undefined;
  let entry: unknown;
  try {
    entry = JSON.parse(text.slice(newline + 1));
  } catch {
    return undefined;
  }
  return isEntry(entry, key) ? entry : undefined;
}

/** Write the entry; a cache that cannot be written (a read-only folder, a full disk) only means the next run compiles again. */
export function writeEntry(dir: string, entry: CacheEntry): void {
  const body = JSON.stringify(entry);
  const file = entryPath(dir, entry.key);
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, `${MAGIC} ${sha256(body)}\n${body}`);
    renameSync(temp, file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // A path that cannot even be looked at (a file where the folder should be): nothing was written there either.
    }
  }
}

/** How many compiled policies are kept: each edit of a policy (in watch mode, each save) compiles a new one. */
export const MAX_ENTRIES = 100;

/** Delete all but the MAX_ENTRIES most recently written entries (and temporary files a killed run left behind). */
export function pruneEntries(dir: string): void {
  keepNewest(dir, (f) => f.endsWith('.json') || f.endsWith('.tmp'), MAX_ENTRIES);
}

function isEntry(x: unknown, key: string): x is CacheEntry {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Partial<CacheEntry>;
  const strings = (o: unknown, names: string[]) => typeof o === 'object' && o !== null && names.every((n) => typeof (o as Record<string, unknown>)[n] === 'string');
  return (
    e.format === ENTRY_FORMAT &&
    e.key === key &&
    Array.isArray(e.imports) &&
    e.imports.every((i) => strings(i, ['path', 'sha256'])) &&
    Array.isArray(e.diagnostics) &&
    strings(e.code, ['schema', 'decoder', 'evaluator']) &&
    strings(e.output, ['module', 'commonjs', 'dts']) &&
    strings(e.summary, ['id', 'title', 'recordType']) &&
    Array.isArray(e.summary!.rules) &&
    Array.isArray(e.summary!.records) &&
    Array.isArray(e.summary!.detectors)
  );
}
