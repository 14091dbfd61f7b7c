/**
 * The data pane's text, read as records: a JSON object, a JSON array, JSON
 * lines, or CSV / tab-separated text with a header row (Amazon's flat-file
 * reports). Every record keeps the line it starts on, and a record that
 * cannot be read is kept too, with a plain-language reason. Reading is core's
 * (`readText`); writing an edited record back in the same shape is here.
 */
import { fitsRecord, readText, type JsonShape } from '@sellguard/core';

export type DataFormat = 'empty' | 'jsonl' | 'json-array' | 'json-object' | 'json-wrapped' | 'csv' | 'tsv';

export interface DataEntry {
  /** 0-based position among the records. */
  index: number;
  /** 1-based line where the record starts. */
  line: number;
  /** The record as read (a JSON value, or a row of strings for CSV). */
  raw?: unknown;
  /** Why the record could not be read. */
  error?: string;
}

export interface ParsedData {
  format: DataFormat;
  entries: DataEntry[];
  /** Column names, for CSV and tab-separated text. */
  header?: string[];
  /** For a JSON object holding the records (`{"records": [...]}`): the key of the list, and the object. */
  wrapper?: { key: string; doc: Record<string, unknown> };
}

export const FORMAT_NAMES: Readonly<Record<DataFormat, string>> = {
  empty: 'no records',
  jsonl: 'JSON lines',
  'json-array': 'JSON list',
  'json-object': 'one JSON record',
  'json-wrapped': 'JSON list',
  csv: 'CSV',
  tsv: 'tab-separated',
};

/** How the data pane shows each way of holding records. */
const JSON_FORMATS: Readonly<Record<JsonShape, DataFormat>> = Object.freeze({ array: 'json-array', object: 'json-object', wrapped: 'json-wrapped', lines: 'jsonl' });

/**
 * The data pane's records, read by core's input reader: the same sniffing,
 * JSON and CSV reading as the command line, so a text gives the same records
 * in both. This file keeps only what editing needs (the shape to write back).
 * With the policy, a JSON object that fits its record is one record, not a
 * holder of records (as on the command line).
 */
export function parseData(text: string, policy?: { decode(raw: unknown): { ok: boolean } }): ParsedData {
  if (text.trim() === '') return { format: 'empty', entries: [] };
  const read = readText(text, { what: 'the data', ...(policy ? { fits: fitsRecord(policy) } : {}) });
  const entries = read.records.map((r, index): DataEntry => ({ index, line: r.line, ...(r.error !== undefined ? { error: r.error } : { raw: r.raw }) }));
  if (read.format === 'json') {
    const json = read.json!;
    return { format: JSON_FORMATS[json.shape], entries, ...(json.wrapper ? { wrapper: json.wrapper } : {}) };
  }
  return { format: read.format, entries, ...(read.header ? { header: read.header } : {}) };
}

/** The data text with one record replaced (fix buttons and the form write through this). */
export function replaceRecord(text: string, parsed: ParsedData, index: number, raw: unknown): string {
  switch (parsed.format) {
    case 'jsonl': {
      const entry = parsed.entries[index];
      if (!entry) return text;
      const lines = text.split('\n');
      lines[entry.line - 1] = JSON.stringify(raw);
      return lines.join('\n');
    }
    case 'json-object':
      return `${JSON.stringify(raw, null, 2)}\n`;
    case 'json-array':
    case 'json-wrapped': {
      if (parsed.entries.some((e) => e.error !== undefined)) return text;
      return jsonList(parsed, parsed.entries.map((e) => (e.index === index ? raw : e.raw)));
    }
    case 'csv':
    case 'tsv':
      // A changed row may now hold lists or numbers; JSON lines keep them exactly.
      return toJsonLines(parsed.entries.map((e) => (e.index === index ? raw : e.raw)));
    case 'empty':
      return toJsonLines([raw]);
  }
}

/** The data text with one more record at the end. */
export function appendRecord(text: string, parsed: ParsedData, raw: unknown): string {
  switch (parsed.format) {
    case 'empty':
      return toJsonLines([raw]);
    case 'jsonl':
      return `${text.replace(/\s*$/, '')}\n${JSON.stringify(raw)}\n`;
    case 'json-object':
    case 'json-array':
    case 'json-wrapped':
    case 'csv':
    case 'tsv':
      if (parsed.entries.some((e) => e.raw === undefined)) return text;
      if (parsed.format === 'json-array' || parsed.format === 'json-wrapped') return jsonList(parsed, [...parsed.entries.map((e) => e.raw), raw]);
      return toJsonLines([...parsed.entries.map((e) => e.raw), raw]);
  }
}

/** A JSON list of records, inside its wrapper object when it had one. */
function jsonList(parsed: ParsedData, records: unknown[]): string {
  const doc = parsed.wrapper ? { ...parsed.wrapper.doc, [parsed.wrapper.key]: records } : records;
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function toJsonLines(records: unknown[]): string {
  return `${records.map((r) => JSON.stringify(r ?? null)).join('\n')}\n`;
}
