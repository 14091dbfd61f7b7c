/**
 * Saving the records in the list (as filtered) to a file the analyst can
 * share: JSON in the same shape as `sellguard check --format json` (plus the
 * records as read and the filters used), or CSV with one row per problem for
 * spreadsheets.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { csvCell, CSV_COLUMNS, policyInfo, renderCsv, reportJson, SummaryBuilder, type CompiledPolicy, type Report } from '@sellguard/core';
import type { Filters } from './filter.js';
import type { FlaggedRecord } from './model.js';
import type { ExportFormat } from './state.js';

export interface ExportContext {
  policy: Pick<CompiledPolicy, 'id' | 'title' | 'rules'> & Partial<Pick<CompiledPolicy, 'source' | 'version'>>;
  filters: Filters;
  inputs: readonly string[];
  /** Folder to write to (the current folder). */
  cwd: string;
  now?: Date;
}

/** Write the file; returns its path. Never overwrites: a second export in the same second gets "-2". */
export function exportRecords(records: readonly FlaggedRecord[], format: ExportFormat, ctx: ExportContext): string {
  const now = ctx.now ?? new Date();
  const body = format === 'json' ? toJson(records, ctx, now) : toCsv(records);
  const stamp = timestamp(now);
  for (let n = 1; ; n++) {
    const path = join(ctx.cwd, `sellguard-export-${stamp}${n > 1 ? `-${n}` : ''}.${format}`);
    if (existsSync(path)) continue;
    writeFileSync(path, body, { flag: 'wx' });
    return path;
  }
}

/** The name `e` offers: a new file in the folder, named after the time, that does not exist yet. */
export function defaultExportName(cwd: string, format: ExportFormat, now: Date = new Date()): string {
  const stamp = timestamp(now);
  for (let n = 1; ; n++) {
    const name = `sellguard-export-${stamp}${n > 1 ? `-${n}` : ''}.${format}`;
    if (!existsSync(join(cwd, name))) return name;
  }
}

/** Write to the path the analyst chose (relative to `cwd`); an existing file is never overwritten. Returns the full path. */
export function exportTo(records: readonly FlaggedRecord[], format: ExportFormat, ctx: ExportContext, path: string): string {
  const full = resolve(ctx.cwd, path);
  if (existsSync(full)) throw new Error(`${path} already exists; press e and choose another name`);
  writeFileSync(full, format === 'json' ? toJson(records, ctx, ctx.now ?? new Date()) : toCsv(records), { flag: 'wx' });
  return full;
}

/** 2026-11-23T10:15:30 → 20261123-101530 (local time, safe in file names everywhere). */
export function timestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function toJson(records: readonly FlaggedRecord[], ctx: Omit<ExportContext, 'cwd'>, now: Date = new Date()): string {
  const summary = new SummaryBuilder(ctx.policy);
  for (const r of records) summary.add(r);
  const report: Report = {
    policy: policyInfo(ctx.policy as CompiledPolicy),
    summary: summary.build(),
    results: records.map(({ raw: _raw, ...result }) => result),
  };
  const json = reportJson(report);
  const out = {
    ...json,
    results: json.results.map((r, i) => ({ ...r, ...(records[i].raw !== undefined ? { record: records[i].raw } : {}) })),
    exported: {
      at: now.toISOString(),
      inputs: ctx.inputs,
      filters: { rule: ctx.filters.rule, severity: ctx.filters.severity, text: ctx.filters.text || null },
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** One row per problem, as `sellguard check` would list them (the CSV report lives in core, shared with the playground). */
export function toCsv(records: readonly FlaggedRecord[]): string {
  return renderCsv(records);
}

export { CSV_COLUMNS, csvCell };
