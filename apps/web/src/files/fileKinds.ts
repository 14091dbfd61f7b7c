/** What a file the visitor opens or drops is, from its name, and saving text as a download. */

/** Data files the playground reads: JSON lines, JSON, CSV, Amazon's tab-separated flat files (.txt, .tsv) and Excel workbooks. */
export const DATA_EXTENSIONS = ['.jsonl', '.ndjson', '.json', '.csv', '.tsv', '.txt', '.xlsx'] as const;
export const POLICY_EXTENSIONS = ['.policy'] as const;

export type FileKind = 'policy' | 'data' | 'unknown';

export function fileKind(name: string): FileKind {
  const lower = name.toLowerCase();
  if (POLICY_EXTENSIONS.some((e) => lower.endsWith(e))) return 'policy';
  if (DATA_EXTENSIONS.some((e) => lower.endsWith(e))) return 'data';
  return 'unknown';
}

/** An Excel workbook, read as CSV (files/spreadsheet.ts). */
export function isSpreadsheet(name: string): boolean {
  return name.toLowerCase().endsWith('.xlsx');
}

/**
 * Files up to this size go into the data editor, where each record can be
 * edited, explained and fixed; larger ones are checked in the background.
 */
export const EDITOR_LIMIT_BYTES = 1_000_000;

/** "orders.csv" → "orders" (for naming downloads after the input). */
export function baseName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name || 'data';
}

/** Offer text as a file download, the browser's usual way. */
export function download(name: string, text: string | Blob, type = 'text/plain'): void {
  const blob = typeof text === 'string' ? new Blob([text], { type: `${type};charset=utf-8` }) : text;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
