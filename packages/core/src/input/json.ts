/**
 * Reading JSON records from text: JSON lines, a JSON array, one record, or an
 * object holding the records (`{ "records": [...] }`). Every record keeps the
 * line it starts on, and text that is not JSON is explained in plain words
 * with its line and column. Browser-safe: the command line reads files
 * through here and the playground its data pane.
 */

/** One record as read, or why it could not be: the line it starts on either way. */
export interface ReadRecord {
  /** 1-based line where the record starts. */
  line: number;
  raw?: unknown;
  /** Why the record could not be read, starting with its line, e.g. `line 12: not valid JSON: …`. */
  error?: string;
}

/** How a JSON document held its records (the playground writes edits back in the same shape). */
export type JsonShape = 'array' | 'object' | 'wrapped' | 'lines';

export interface JsonDocument {
  shape: JsonShape;
  records: ReadRecord[];
  /** For `{ "records": [...] }`: the key of the list, and the whole object. */
  wrapper?: { key: string; doc: Record<string, unknown> };
}

/** The records of JSON lines text: one per non-blank line. */
export function readJsonLines(text: string): ReadRecord[] {
  const out: ReadRecord[] = [];
  let line = 0;
  for (const t of text.split('\n')) {
    line++;
    if (t.trim() !== '') out.push(readJsonLine(t, line));
  }
  return out;
}

/** One line of JSON lines: its record, or why it is not JSON (with the column). */
export function readJsonLine(text: string, line: number): ReadRecord {
  try {
    return { line, raw: JSON.parse(text) };
  } catch (e) {
    const { reason, offset } = jsonProblem(text, e);
    return { line, error: `line ${line}${offset !== undefined ? `, column ${offset + 1}` : ''}: not valid JSON: ${reason}` };
  }
}

/**
 * Why text is not JSON, in plain words, and where: JSON.parse does not always
 * say where (`Unexpected token 'o', "not json" is not valid JSON`), so the
 * text is walked again to find the first offending character.
 */
export function jsonProblem(text: string, e?: unknown): { reason: string; offset?: number } {
  const found = findJsonError(text);
  if (found) return found;
  const message = e instanceof Error ? e.message : String(e ?? 'not valid JSON');
  return { reason: message.replace(/^([A-Z])/, (c) => c.toLowerCase()) };
}

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the text';
  if (ch === '\n') return 'a line break';
  if (ch === ' ') return 'a space';
  if (ch === '\t') return 'a tab';
  const code = ch.charCodeAt(0);
  if (code < 0x20) return `the control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return `'${ch}'`;
}

class JsonSyntax {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

/** The first syntax error in text, or undefined when it is valid JSON. */
function findJsonError(text: string): { reason: string; offset: number } | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (reason: string): never => {
    throw new JsonSyntax(i, reason);
  };
  const unexpected = (context = ''): never => {
    if (i >= text.length) return fail('the text ends too early (a missing }, ] or ")');
    const word = /^[A-Za-z_][\w$-]*/.exec(text.slice(i, i + 40))?.[0];
    if (word) return fail(`unexpected word '${word}'${context || ' (text needs double quotes)'}`);
    if (text[i] === "'") return fail(`unexpected single quote${context} (JSON needs double quotes)`);
    return fail(`unexpected ${describeChar(text[i])}${context}`);
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail('a string is not closed (a missing ")');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail(`${describeChar(text[i])} inside a string (write it as \\n, \\t, …)`);
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('a \\u escape needs four hex digits');
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) {
          i++;
          fail(`the escape \\${next ?? ''} is not valid in JSON`);
        }
        i += 2;
        continue;
      }
      i++;
    }
  };
  const scalar = (): void => {
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (num && num[0] !== '-' && num[0].length > 0) {
      i += num[0].length;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    unexpected();
  };
  const memberName = (): void => {
    ws();
    if (text[i] === '}') fail("a trailing comma before '}'");
    if (text[i] !== '"') unexpected(' where a property name in double quotes should be');
    string();
    ws();
    if (text[i] !== ':') unexpected(" where ':' should follow the property name");
    i++;
  };
  // Iterative, with the open objects and arrays on an explicit stack: a line
  // nested 100,000 levels deep must be reported, not overflow the call stack.
  const value = (): void => {
    const open: string[] = [];
    for (;;) {
      ws();
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) i++;
        else {
          open.push(c);
          if (c === '{') memberName();
          continue;
        }
      } else if (c === '"') string();
      else scalar();
      // After a value: close what ends here, or move on to the next member or element.
      let next = false;
      while (open.length > 0 && !next) {
        ws();
        const container = open[open.length - 1];
        if (text[i] === ',') {
          i++;
          if (container === '{') memberName();
          else {
            ws();
            if (text[i] === ']') fail("a trailing comma before ']'");
          }
          next = true;
        } else if (text[i] === (container === '{' ? '}' : ']')) {
          i++;
          open.pop();
        } else unexpected(container === '{' ? " where ',' or '}' should be" : " where ',' or ']' should be");
      }
      if (!next) return;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describeChar(text[i])} after the end of the JSON value`);
    return undefined;
  } catch (err) {
    if (err instanceof JsonSyntax) return { reason: err.reason, offset: Math.min(err.offset, text.length) };
    throw err;
  }
}

/** Keys that hold the records in a wrapper object such as `{ "records": [...] }`. */
const WRAPPER_KEYS: readonly string[] = Object.freeze(['records', 'rows', 'data', 'results', 'entries']);

/**
 * A JSON array of records, a single record, or an object holding the records:
 * `{ "records": [...] }` (also rows, data, results, entries) or an object whose
 * only property is an array. Whether an object holds records or is one is
 * decided by `fits` when the caller knows the policy's input record type: an
 * object that fits it is a record, whatever lists it holds (a performance
 * report with one list of metrics is one report, not a list of metrics).
 * A text that is really JSON lines (even with a broken first line) is read as
 * JSON lines. Text that is not JSON gives one record with the error; `what`
 * names the input in it ("nothing in this file could be read").
 */
export function readJsonDocument(text: string, what = 'this file', fits?: (raw: unknown) => boolean): JsonDocument {
  if (text.trim() === '') return { shape: 'array', records: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    if (looksLikeJsonLines(text)) return { shape: 'lines', records: readJsonLines(text) };
    const { reason, offset } = jsonProblem(text, e);
    const at = offset !== undefined ? locate(text, offset) : undefined;
    const line = at?.line ?? 1;
    return { shape: text.trimStart().startsWith('[') ? 'array' : 'object', records: [{ line, error: `line ${line}${at ? `, column ${at.column}` : ''}: not valid JSON: ${reason}; nothing in ${what} could be read` }] };
  }
  const top = skipSpace(text, 0);
  if (Array.isArray(doc)) return { shape: 'array', records: elementRecords(text, top, doc) };
  const key = wrapperKey(doc, fits);
  if (key === undefined) return { shape: 'object', records: [{ line: locate(text, top).line, raw: doc }] };
  const wrapped = doc as Record<string, unknown>;
  return { shape: 'wrapped', wrapper: { key, doc: wrapped }, records: elementRecords(text, memberValueStart(text, top, key), wrapped[key] as unknown[]) };
}

/** The items of the array at `arrayStart`, each with the line it starts on. */
function elementRecords(text: string, arrayStart: number | undefined, items: unknown[]): ReadRecord[] {
  const starts = arrayStart !== undefined && text[arrayStart] === '[' ? elementStarts(text, arrayStart) : [];
  const lineOf = lineCounter(text);
  return items.map((raw, i) => ({ line: starts[i] !== undefined ? lineOf(starts[i]) : 1, raw }));
}

/**
 * `{"records": [...]}` or any object whose only member is a list: the key of
 * the list; undefined when the object is itself a record: when it fits the
 * input record type (`fits`, when known).
 */
export function wrapperKey(doc: unknown, fits?: (raw: unknown) => boolean): string | undefined {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const obj = doc as Record<string, unknown>;
  const keys = Object.keys(obj);
  const key = keys.length === 1 && Array.isArray(obj[keys[0]]) ? keys[0] : WRAPPER_KEYS.find((k) => Object.hasOwn(obj, k) && Array.isArray(obj[k]));
  if (key === undefined || fits?.(doc)) return undefined;
  return key;
}

/**
 * Whether text that is not one JSON document is JSON lines: at least two
 * non-blank lines, at least half of them whole JSON objects or arrays (a
 * pretty-printed document has almost none; JSON lines with a few broken
 * lines, the first among them, have most).
 */
function looksLikeJsonLines(text: string): boolean {
  let nonBlank = 0;
  let whole = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '') continue;
    nonBlank++;
    if (t[0] !== '{' && t[0] !== '[') continue;
    try {
      JSON.parse(t);
      whole++;
    } catch {
      // a broken line: counted as not whole
    }
  }
  return nonBlank >= 2 && whole > 0 && whole * 2 >= nonBlank;
}

function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offsets to lines, for offsets asked in increasing order (one pass over the text). */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let pos = 0;
  return (offset) => {
    if (offset < pos) {
      line = 1;
      pos = 0;
    }
    for (let i = text.indexOf('\n', pos); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      pos = i + 1;
    }
    if (pos < offset) pos = offset;
    return line;
  };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\t' || text[i] === '\r')) i++;
  return i;
}

/** End (exclusive) of the JSON value starting at `i`, in text known to be valid JSON. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') {
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === '\\') j++;
      else if (text[j] === '"') return j + 1;
    }
    return text.length;
  }
  if (c === '[' || c === '{') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') j = skipValue(text, j) - 1;
      else if (d === '[' || d === '{') depth++;
      else if (d === ']' || d === '}') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !/[\s,\]}]/.test(text[j])) j++;
  return j;
}

/** Start offsets of the elements of the array at `start`. */
function elementStarts(text: string, start: number): number[] {
  const out: number[] = [];
  let i = skipSpace(text, start + 1);
  while (i < text.length && text[i] !== ']') {
    out.push(i);
    i = skipSpace(text, skipValue(text, i));
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return out;
}

/** Start offset of the value of `key` in the object at `start` (the last one when a key repeats, like JSON.parse). */
function memberValueStart(text: string, start: number, key: string): number | undefined {
  let found: number | undefined;
  let i = skipSpace(text, start + 1);
  while (i < text.length && text[i] === '"') {
    const keyEnd = skipValue(text, i);
    const name = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd);
    if (text[i] !== ':') return found;
    i = skipSpace(text, i + 1);
    if (name === key) found = i;
    i = skipSpace(text, skipValue(text, i));
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return found;
}
