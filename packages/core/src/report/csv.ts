/**
 * The CSV report, for spreadsheets: one row per problem; a record that could
 * not be read gives one row per reason, with severity "unreadable".
 * Browser-safe.
 */
import type { RecordResult } from '../types.js';

export const CSV_COLUMNS = ['file', 'line', 'record', 'severity', 'rule', 'message', 'field', 'matched', 'hint'] as const;

/** The rows after the header, one per problem, for results given in order. */
export function csvRows(results: Iterable<RecordResult>): string[][] {
  const rows: string[][] = [];
  for (const r of results) {
    const where = [r.file ?? '', r.line === undefined ? '' : String(r.line), String(r.index + 1)];
    for (const p of r.invalid ?? []) rows.push([...where, 'unreadable', '', p.message, p.path, '', '']);
    for (const v of r.violations) rows.push([...where, v.severity, v.rule, v.message, v.path, v.spans.map((s) => s.text).join(' | '), v.hint ?? '']);
  }
  return rows;
}

/** The whole CSV text with its header row, CRLF line ends (RFC 4180). */
export function renderCsv(results: Iterable<RecordResult>): string {
  return [[...CSV_COLUMNS], ...csvRows(results)].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Quote when needed (RFC 4180). Cells that a spreadsheet would run as a
 * formula (=, +, -, @ first) get a leading apostrophe: messages come from
 * outside and must not execute when the file is opened.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
