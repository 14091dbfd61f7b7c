/**
 * The JSON text of one result of the JSON report, written directly: the same
 * bytes as `JSON.stringify(projectResultJson(r), null, 2)` indented by
 * `ind`, without building the plain copy of the result first and without
 * re-indenting the text with a regular expression. A report where most
 * records fail is mostly this text, so it is worth the few lines; every
 * string and number still goes through JSON.stringify, and a differential
 * test holds it to the plain path. Browser-safe.
 */
import type { Fix, InputProblem, MatchSpan, Violation } from '../types.js';
import type { ProjectResult, SuppressedViolation } from './writer.js';

const q = JSON.stringify;

/** A value as JSON.stringify writes it at this depth (undefined: the key is left out, as JSON.stringify does). */
function leaf(v: unknown, ind: string): string | undefined {
  if (v !== null && typeof v === 'object') return JSON.stringify(v, null, 2).replace(/\n/g, `\n${ind}`);
  return q(v);
}

/** `s` with `"key": text` added, on its own line at `ind`; nothing when the value is left out. */
function field(s: string, ind: string, key: string, text: string | undefined): string {
  if (text === undefined) return s;
  return `${s}${s.length > 1 ? ',' : ''}\n${ind}"${key}": ${text}`;
}

/** Close an object opened as '{' whose fields are at `ind` + 2 spaces. */
function close(s: string, ind: string): string {
  return s.length === 1 ? '{}' : `${s}\n${ind}}`;
}

/** An array of already written items (each at `ind` + 2 spaces). */
function list<T>(items: readonly T[], ind: string, item: (x: T, ind: string) => string): string {
  if (items.length === 0) return '[]';
  const inner = `${ind}  `;
  let s = '[';
  for (let i = 0; i < items.length; i++) s += `${i === 0 ? '' : ','}\n${inner}${items[i] === undefined || items[i] === null ? 'null' : item(items[i], inner)}`;
  return `${s}\n${ind}]`;
}

function spanText(sp: MatchSpan | Fix['edits'][number], ind: string): string {
  const i2 = `${ind}  `;
  // The common case in one template: every field present and a plain value.
  if (typeof sp.path === 'string' && typeof sp.start === 'number' && typeof sp.end === 'number' && typeof sp.text === 'string') {
    return `{\n${i2}"path": ${q(sp.path)},\n${i2}"start": ${q(sp.start)},\n${i2}"end": ${q(sp.end)},\n${i2}"text": ${q(sp.text)}\n${ind}}`;
  }
  let s = '{';
  s = field(s, i2, 'path', leaf(sp.path, i2));
  s = field(s, i2, 'start', leaf(sp.start, i2));
  s = field(s, i2, 'end', leaf(sp.end, i2));
  s = field(s, i2, 'text', leaf(sp.text, i2));
  return close(s, ind);
}

function fixText(f: Fix, ind: string): string {
  const i2 = `${ind}  `;
  let s = '{';
  s = field(s, i2, 'kind', leaf(f.kind, i2));
  s = field(s, i2, 'description', leaf(f.description, i2));
  s = field(s, i2, 'edits', list(f.edits, i2, spanText));
  return close(s, ind);
}

function violationText(v: Violation | SuppressedViolation, ind: string, suppression: boolean): string {
  const i2 = `${ind}  `;
  let s: string;
  // The common case in one template: the four leading fields are plain strings.
  if (typeof v.rule === 'string' && typeof v.severity === 'string' && typeof v.message === 'string' && typeof v.path === 'string') {
    s = `{\n${i2}"rule": ${q(v.rule)},\n${i2}"severity": ${q(v.severity)},\n${i2}"message": ${q(v.message)},\n${i2}"path": ${q(v.path)},\n${i2}"spans": ${list(v.spans, i2, spanText)}`;
  } else {
    s = '{';
    s = field(s, i2, 'rule', leaf(v.rule, i2));
    s = field(s, i2, 'severity', leaf(v.severity, i2));
    s = field(s, i2, 'message', leaf(v.message, i2));
    s = field(s, i2, 'path', leaf(v.path, i2));
    s = field(s, i2, 'spans', list(v.spans, i2, spanText));
  }
  if (v.hint !== undefined) s = field(s, i2, 'hint', leaf(v.hint, i2));
  if (v.fix !== undefined) s = field(s, i2, 'fix', fixText(v.fix, i2));
  if (suppression) {
    const sup = (v as SuppressedViolation).suppression;
    let t = '{';
    const i3 = `${i2}  `;
    t = field(t, i3, 'kind', leaf(sup.kind, i3));
    t = field(t, i3, 'reason', leaf(sup.reason, i3));
    s = field(s, i2, 'suppression', close(t, i2));
  }
  return close(s, ind);
}

const plainViolation = (v: Violation, ind: string) => violationText(v, ind, false);
const suppressedViolation = (v: SuppressedViolation, ind: string) => violationText(v, ind, true);

function problemText(p: InputProblem, ind: string): string {
  const i2 = `${ind}  `;
  let s = '{';
  s = field(s, i2, 'path', leaf(p.path, i2));
  s = field(s, i2, 'message', leaf(p.message, i2));
  return close(s, ind);
}

/**
 * One result as the JSON report writes it, its first line at `ind` (the caller writes the indentation before
 * the opening brace): the text of JSON.stringify(projectResultJson(r), null, 2) with every line after the first
 * indented by `ind`.
 */
export function resultJsonText(r: ProjectResult, ind: string): string {
  return `{\n${ind}  "index": ${q(r.index) ?? 'null'}${resultJsonAfterIndex(r, ind)}`;
}

/**
 * The text of resultJsonText after the record's number (the first field, `"index": N`), so a result can be
 * written before its number is known (see PieceWriting.split).
 */
export function resultJsonAfterIndex(r: ProjectResult, ind: string): string {
  const i2 = `${ind}  `;
  // Fields after the first: each starts with a comma (`field` adds one when the text is longer than '{').
  let s = '{ ';
  if (r.line !== undefined) s = field(s, i2, 'line', leaf(r.line, i2));
  if (r.file !== undefined) s = field(s, i2, 'file', leaf(r.file, i2));
  s = field(s, i2, 'violations', list(r.violations, i2, plainViolation));
  if (r.invalid) s = field(s, i2, 'invalid', list(r.invalid, i2, problemText));
  if (r.suppressed && r.suppressed.length > 0) s = field(s, i2, 'suppressed', list(r.suppressed, i2, suppressedViolation));
  return `${s.slice(2)}\n${ind}}`;
}
