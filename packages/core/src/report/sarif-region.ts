/**
 * Where a flagged span of a text field sits in the input file itself, for
 * SARIF regions (which count characters of the file): the span is in the
 * decoded value, so it is mapped back through the raw text — JSON escapes
 * (`\n`, `\"`, `\u00e9` are several characters in the file, one in the
 * value) and CSV quoting (`""` is one quote in the value, a quoted cell may
 * run over several lines). Columns are 1-based UTF-16 code units, SARIF's
 * default; the end column is the first character after the span.
 * Browser-safe: the caller gives the raw text.
 */

export interface SpanRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** Raw offsets (into `raw`) of each decoded position 0..n of a value, built while decoding. */
type RawOffsets = number[];

/** Decode the JSON string whose opening quote is at `at`; its raw offsets, and where the token ends. */
function jsonString(raw: string, at: number): { offsets: RawOffsets; end: number } | undefined {
  const offsets: RawOffsets = [];
  let i = at + 1;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '"') {
      offsets.push(i);
      return { offsets, end: i + 1 };
    }
    offsets.push(i);
    i += c === '\\' ? (raw[i + 1] === 'u' ? 6 : 2) : 1;
  }
  return undefined;
}

/** Skip white space from `i`. */
const skipWs = (raw: string, i: number) => {
  while (i < raw.length && /\s/.test(raw[i])) i++;
  return i;
};

/** The end of the JSON value starting at `i` (strings, numbers, literals, nested containers). */
function skipValue(raw: string, i: number): number {
  i = skipWs(raw, i);
  if (raw[i] === '"') return jsonString(raw, i)?.end ?? raw.length;
  if (raw[i] === '{' || raw[i] === '[') {
    let depth = 0;
    while (i < raw.length) {
      const c = raw[i];
      if (c === '"') {
        i = jsonString(raw, i)?.end ?? raw.length;
        continue;
      }
      if (c === '{' || c === '[') depth++;
      if (c === '}' || c === ']') depth--;
      i++;
      if (depth === 0) return i;
    }
    return i;
  }
  while (i < raw.length && !/[,}\]\s]/.test(raw[i])) i++;
  return i;
}

/** Path steps of a field path such as `items[2].title` or `body`. */
function steps(path: string): Array<string | number> {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/** The raw offsets of the string value at `path` in one JSON document, or undefined. */
function jsonValueAt(raw: string, path: string): RawOffsets | undefined {
  let i = skipWs(raw, 0);
  for (const step of steps(path)) {
    if (typeof step === 'string') {
      if (raw[i] !== '{') return undefined;
      i = skipWs(raw, i + 1);
      let found = false;
      while (i < raw.length && raw[i] !== '}') {
        const key = jsonString(raw, i);
        if (!key) return undefined;
        const name = JSON.parse(raw.slice(i, key.end)) as string;
        i = skipWs(raw, key.end);
        if (raw[i] !== ':') return undefined;
        i = skipWs(raw, i + 1);
        if (name === step) {
          found = true;
          break;
        }
        i = skipWs(raw, skipValue(raw, i));
        if (raw[i] === ',') i = skipWs(raw, i + 1);
      }
      if (!found) return undefined;
    } else {
      if (raw[i] !== '[') return undefined;
      i = skipWs(raw, i + 1);
      for (let k = 0; k < step; k++) {
        i = skipWs(raw, skipValue(raw, i));
        if (raw[i] !== ',') return undefined;
        i = skipWs(raw, i + 1);
      }
    }
  }
  return raw[i] === '"' ? jsonString(raw, i)?.offsets : undefined;
}

/** Line and column (1-based) of a raw offset, counting from `firstLine` at offset 0. */
function position(raw: string, offset: number, firstLine: number): { line: number; column: number } {
  let line = firstLine;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (raw[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function region(raw: string, offsets: RawOffsets, start: number, end: number, firstLine: number): SpanRegion | undefined {
  if (start < 0 || end < start || end >= offsets.length) return undefined;
  const a = position(raw, offsets[start], firstLine);
  const b = position(raw, offsets[end], firstLine);
  return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
}

/** The region of decoded characters [start, end) of the string at `path` in a JSON line (line number `line`). */
export function jsonLineRegion(lineText: string, line: number, path: string, start: number, end: number): SpanRegion | undefined {
  const offsets = jsonValueAt(lineText, path);
  return offsets ? region(lineText, offsets, start, end, line) : undefined;
}

/** The cells of the CSV row that starts at the beginning of `raw`: each cell's decoded text and raw offsets. */
function csvCells(raw: string, delimiter: string, quoted: boolean): Array<{ text: string; offsets: RawOffsets }> {
  const cells: Array<{ text: string; offsets: RawOffsets }> = [];
  let i = 0;
  for (;;) {
    let text = '';
    const offsets: RawOffsets = [];
    if (quoted && raw[i] === '"') {
      i++;
      while (i < raw.length) {
        if (raw[i] === '"' && raw[i + 1] === '"') {
          offsets.push(i);
          text += '"';
          i += 2;
        } else if (raw[i] === '"') {
          i++;
          break;
        } else {
          offsets.push(i);
          text += raw[i++];
        }
      }
      offsets.push(i - 1);
      while (i < raw.length && raw[i] !== delimiter && raw[i] !== '\n' && raw[i] !== '\r') i++;
    } else {
      while (i < raw.length && raw[i] !== delimiter && raw[i] !== '\n' && raw[i] !== '\r') {
        offsets.push(i);
        text += raw[i++];
      }
      offsets.push(i);
    }
    cells.push({ text, offsets });
    if (raw[i] !== delimiter) return cells;
    i++;
  }
}

/**
 * The region of decoded characters [start, end) of a field in the CSV row
 * starting at `rowText` (line number `line`). The field's column is the one
 * whose header is `column` (case and separators aside), else the one cell
 * whose text at that place is `flagged`.
 */
export function csvRowRegion(rowText: string, line: number, opts: { delimiter: string; quoted: boolean; header: readonly string[]; column: string; start: number; end: number; flagged: string }): SpanRegion | undefined {
  const cells = csvCells(rowText, opts.delimiter, opts.quoted);
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
  const fits = (k: number) => cells[k] !== undefined && cells[k].text.slice(opts.start, opts.end) === opts.flagged;
  let k = opts.header.findIndex((h) => norm(h) === norm(opts.column));
  if (!fits(k)) {
    const candidates = cells.map((_, j) => j).filter(fits);
    if (candidates.length !== 1) return undefined;
    k = candidates[0];
  }
  return region(rowText, cells[k].offsets, opts.start, opts.end, line);
}

/** The decoded values of a header line (the first row of a CSV or TSV file). */
export function delimitedHeader(line: string, delimiter: string, quoted: boolean): string[] {
  return csvCells(line, delimiter, quoted).map((c) => c.text);
}
