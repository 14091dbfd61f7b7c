/**
 * The data pane's text, read as records: a JSON object, a JSON array, JSON
 * lines, or CSV / tab-separated text with a header row (Amazon's flat-file
 * reports). Every record keeps the line it starts on, and a record that
 * cannot be read is kept too, with a plain-language reason.
 */

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

export const FORMAT_NAMES: Record<DataFormat, string> = {
  empty: 'no records',
  jsonl: 'JSON lines',
  'json-array': 'JSON list',
  'json-object': 'one JSON record',
  'json-wrapped': 'JSON list',
  csv: 'CSV',
  tsv: 'tab-separated',
};

export function parseData(text: string): ParsedData {
  const trimmed = text.trim();
  if (trimmed === '') return { format: 'empty', entries: [] };
  const first = trimmed[0];
  if (first === '[') return parseJsonArray(text);
  if (first === '{') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return parseJsonLines(text);
    }
    const key = wrapperKey(value);
    if (key !== undefined) {
      const doc = value as Record<string, unknown>;
      const items = doc[key] as unknown[];
      const starts = elementStarts(text, listStart(text, key));
      return { format: 'json-wrapped', wrapper: { key, doc }, entries: items.map((raw, index) => ({ index, line: lineOf(text, starts[index] ?? 0), raw })) };
    }
    return { format: 'json-object', entries: [{ index: 0, line: lineOf(text, text.indexOf('{')), raw: value }] };
  }
  return parseDelimited(text);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** "Unexpected token } in JSON at position 12" → a sentence a seller can act on. */
export function jsonProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Unexpected end of JSON input|Unterminated string/i.test(message)) return 'This record is not valid JSON: it ends too early (a missing quote, } or ]?)';
  if (/Expected property name|Expected double-quoted property name/i.test(message)) return 'This record is not valid JSON: field names need double quotes, and there must be no comma before }';
  if (/Bad control character/i.test(message)) return 'This record is not valid JSON: a line break inside text must be written as \\n';
  return `This record is not valid JSON: ${message.replace(/^JSON\.parse: /, '').replace(/\s*\(line \d+ column \d+\)/, '')}`;
}

function parseJsonLines(text: string): ParsedData {
  const entries: DataEntry[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, i) => {
    if (lineText.trim() === '') return;
    const entry: DataEntry = { index: entries.length, line: i + 1 };
    try {
      entry.raw = JSON.parse(lineText);
    } catch (e) {
      entry.error = jsonProblem(e);
    }
    entries.push(entry);
  });
  return { format: 'jsonl', entries };
}

function parseJsonArray(text: string): ParsedData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    const line = m ? lineOf(text, Number(m[1])) : 1;
    return { format: 'json-array', entries: [{ index: 0, line, error: `${jsonProblem(e)} — no records could be read` }] };
  }
  if (!Array.isArray(value)) return { format: 'json-object', entries: [{ index: 0, line: 1, raw: value }] };
  const starts = elementStarts(text);
  return { format: 'json-array', entries: value.map((raw, index) => ({ index, line: lineOf(text, starts[index] ?? 0), raw })) };
}

/** The keys under which a JSON object may hold the records, like the command line reads them. */
const WRAPPER_KEYS = ['records', 'rows', 'data', 'results', 'entries'];

/** `{"records": [...]}` or any object whose only member is a list: the key of the list. */
export function wrapperKey(doc: unknown): string | undefined {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const obj = doc as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && Array.isArray(obj[keys[0]])) return keys[0];
  return WRAPPER_KEYS.find((k) => Array.isArray(obj[k]));
}

/** Offset of the list under a top-level key (the text is known to be valid JSON). */
function listStart(text: string, key: string): number {
  const m = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:\\s*\\[`).exec(text);
  return m ? m.index + m[0].length - 1 : 0;
}

/** Offsets where each element of the JSON array starting at `from` starts (the text is known to be valid JSON). */
function elementStarts(text: string, from = text.indexOf('[')): number[] {
  const out: number[] = [];
  let depth = 0;
  let inString = false;
  let expecting = false;
  for (let i = Math.max(0, from); i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (expecting && depth === 1 && c !== ']') {
      out.push(i);
      expecting = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expecting = true;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) break;
    }
    else if (c === ',' && depth === 1) expecting = true;
  }
  return out;
}

/** RFC 4180 rows: quoted fields may hold the delimiter, quotes ("") and line breaks. */
export function parseRows(text: string, delimiter: string): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((x) => x !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      atCellStart = true;
      line++;
      rowLine = line;
    } else {
      cell += c;
      atCellStart = false;
    }
  }
  cells.push(cell);
  if (cells.some((x) => x !== '')) rows.push({ line: rowLine, cells });
  return rows;
}

/** The most frequent of comma, semicolon and tab in the header (comma on a tie), as the command line does. */
function sniffDelimiter(header: string): string {
  let best = ',';
  let bestCount = header.split(',').length;
  for (const d of [';', '\t']) {
    const n = header.split(d).length;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

function parseDelimited(text: string): ParsedData {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const delimiter = sniffDelimiter(firstLine);
  const format: DataFormat = delimiter === '\t' ? 'tsv' : 'csv';
  const rows = parseRows(text, delimiter);
  const [head, ...body] = rows;
  const header = (head?.cells ?? []).map((h) => h.trim());
  const entries: DataEntry[] = body.map((row, index) => {
    const raw: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name !== '') raw[name] = row.cells[i] ?? '';
    });
    const entry: DataEntry = { index, line: row.line, raw };
    if (row.cells.length > header.length && row.cells.slice(header.length).some((c) => c !== '')) {
      entry.error = `This row has ${row.cells.length} values but the header names ${header.length} columns`;
    }
    return entry;
  });
  return { format, entries, header };
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
