/**
 * Fixes: edits to the input record that resolve a violation. The evaluator
 * builds them from the witnesses; `applyFix` applies them to a raw record
 * (the playground's fix button, `sellguard check --fix`).
 */
import type { Fix, MatchSpan, TextEdit } from '../types.js';
import type { Witnesses } from './witnesses.js';

/** Read the value at a path such as `attachments[1].fileName`. */
export function getPath(record: unknown, path: string): unknown {
  let cur: unknown = record;
  for (const part of splitPath(path)) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  return cur;
}

export function splitPath(path: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}

function spans(w: Witnesses): MatchSpan[] {
  return w.filter((x): x is MatchSpan => x.start !== undefined);
}

/** Remove each match; also remove one neighbouring space so no double space is left behind. */
export function fixRemove(record: unknown, w: Witnesses): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const s of spans(w)) {
    const text = getPath(record, s.path);
    let { start, end } = s;
    if (typeof text === 'string') {
      if (text[end] === ' ' && (start === 0 || text[start - 1] === ' ' || text[start - 1] === '\n')) end++;
      else if (text[start - 1] === ' ' && (end === text.length || /[\s.,;:!?)]/.test(text[end]))) start--;
    }
    edits.push({ path: s.path, start, end, text: '' });
  }
  if (edits.length === 0) return undefined;
  return { kind: 'remove', description: edits.length === 1 ? `remove "${spans(w)[0].text}"` : `remove ${edits.length} matches`, edits };
}

/** Replace each match with what the rule computes from it. */
export function fixReplace(w: Witnesses, replacement: (match: MatchSpan) => string | null): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const s of spans(w)) {
    const text = replacement(s);
    if (text == null || text === s.text) continue;
    edits.push({ path: s.path, start: s.start, end: s.end, text });
  }
  if (edits.length === 0) return undefined;
  return {
    kind: 'replace',
    description: edits.length === 1 ? `replace "${spans(w)[0].text}" with "${edits[0].text}"` : `replace ${edits.length} matches`,
    edits,
  };
}

/** Insert text at the start or end of a text field (a missing field counts as empty). */
export function fixInsert(record: unknown, path: string, text: string | null, at: 'start' | 'end'): Fix | undefined {
  if (!text) return undefined;
  const current = getPath(record, path);
  const length = typeof current === 'string' ? current.length : 0;
  const offset = at === 'start' ? 0 : length;
  return { kind: 'insert', description: `insert "${text.trim()}" at the ${at} of ${path}`, edits: [{ path, start: offset, end: offset, text }] };
}

/**
 * Apply a fix to a raw record and return the new record (the input is not
 * changed). Edits on one field are applied from the end backwards so their
 * offsets stay valid.
 */
export function applyFix<T>(record: T, fix: Fix): T {
  const copy = structuredClone(record) as unknown;
  const byPath = new Map<string, TextEdit[]>();
  for (const e of fix.edits) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
  for (const [path, edits] of byPath) {
    const parts = splitPath(path);
    const last = parts.pop();
    const parent = parts.length ? getPath(copy, parts.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '')) : copy;
    if (last === undefined || parent == null || typeof parent !== 'object') continue;
    const holder = parent as Record<string | number, unknown>;
    let text = typeof holder[last] === 'string' ? (holder[last] as string) : '';
    for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    holder[last] = text;
  }
  return copy as T;
}
