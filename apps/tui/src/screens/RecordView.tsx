/**
 * One record in full: its text with the offending characters marked, each
 * problem with what to do about it and why the rule fired (the conditions
 * with the values they saw), then the record's other fields. The lines are
 * built once per record and width; the screen scrolls through them.
 */
import type { CompiledPolicy, EvalContext, RecordInfo, RuleExplanation, Severity, TraceNode, Violation } from '@sellguard/core';
import { getPath } from '@sellguard/core/runtime';
import { showField } from '../show-field.js';
import { sideRows, twoSides } from '../sides.js';
import { sideBySideLines } from './side-by-side.js';
export { showField };
import { Lines } from '../components/Lines.js';
import { fit, oneLine, plural, textWidth, truncate, wrapSegments, type Line, type Segment, type Tone } from '../layout.js';
import { shortRule, whereIs, type FlaggedRecord } from '../model.js';

export interface RecordViewInput {
  record: FlaggedRecord;
  /** The compiled policy, to read the record and explain the rules (absent while the policy has errors). */
  policy?: CompiledPolicy;
  /** The context the record was checked in, so explanations see the same as-of day and speller. */
  context: EvalContext;
  /** The policy's text, for the conditions in explanations. */
  policySource: string;
  width: number;
  color: boolean;
  /** Where the record is in the filtered list (or, `within: 'group'`, among the records of a measure's group). */
  position?: { at: number; of: number; within?: 'list' | 'group' };
}

export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: '●' };
const MARK: Record<Severity, Tone> = { error: 'mark-error', warning: 'mark-warning', info: 'mark-info' };
const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
/** Explanation lines shown per condition, at most. */
const MAX_TRACE_LINES = 14;
const MAX_TRACE_DEPTH = 4;

const cache = new WeakMap<FlaggedRecord, { key: string; policy?: CompiledPolicy; lines: Line[] }>();

/** The record view's lines. The body is built once per record, width, colour and policy; the heading (with the list position) each time. */
export function recordViewLines(input: RecordViewInput): Line[] {
  const key = `${input.width}|${input.color}|${input.policySource.length}`;
  let hit = cache.get(input.record);
  if (!hit || hit.key !== key || hit.policy !== input.policy) {
    hit = { key, policy: input.policy, lines: bodyLines(input) };
    cache.set(input.record, hit);
  }
  return [heading(input), ...hit.lines];
}

function heading({ record, position }: RecordViewInput): Line {
  const problems = record.invalid?.length ?? record.violations.length;
  return [
    { text: whereIs(record), tone: 'heading' },
    { text: `  ·  ${plural(problems, 'problem')}` },
    { text: position ? `  ·  ${position.at} of ${position.of} in the ${position.within ?? 'list'}` : '', tone: 'dim' },
  ];
}

function bodyLines({ record, policy, context, policySource, width, color }: RecordViewInput): Line[] {
  const out: Line[] = [];
  const decoded = !record.invalid && policy && record.raw !== undefined ? decode(policy, record.raw) : undefined;
  const info = policy?.records.find((r) => r.name === policy.recordType) ?? policy?.records[0];

  if (record.invalid?.length) {
    out.push([], [{ text: 'This record could not be checked', tone: 'bad' }]);
    for (const p of record.invalid) out.push(...wrapSegments([{ text: p.path ? `${p.path}: ` : '', tone: 'bold' }, { text: p.message }], width, 2));
    out.push(...rawFields(record.raw, width));
    return out;
  }

  const record_ = decoded ?? record.raw;
  const shownInFull = new Set<string>();
  for (const block of textBlocks(record, info, record_)) {
    shownInFull.add(block.path);
    out.push([], [{ text: block.path, tone: 'heading' }]);
    out.push(...wrapSegments(markedSegments(block.text, block.spans, color), width, 2));
  }

  // A record with two sides (a listing and an offer) is shown as two columns: the differences say more than a trace.
  const sides = policy && decoded !== undefined ? twoSides(policy) : undefined;
  if (sides) {
    out.push(...sideBySideLines(sideRows(decoded, sides), sides, width));
    for (const side of [sides.left.field, sides.right.field]) shownInFull.add(side);
  }

  out.push([], [{ text: `Problems (${record.violations.length})`, tone: 'heading' }]);
  const explanations = decoded !== undefined && policy && !sides ? explain(policy, decoded, context) : [];
  const explained = new Set<string>();
  for (const v of record.violations) {
    out.push(...violationLines(v, width));
    if (!explained.has(v.rule)) {
      explained.add(v.rule);
      const e = explanations.find((x) => x.rule === v.rule);
      if (e) out.push(...explanationLines(e, policySource, width));
    }
  }

  const rest = fieldLines(info, record_, shownInFull, width);
  if (rest.length) out.push([], [{ text: 'Fields', tone: 'heading' }], ...rest);
  return out;
}

function decode(policy: CompiledPolicy, raw: unknown): unknown {
  try {
    const r = policy.decode(raw);
    return r.ok ? r.value : undefined;
  } catch {
    return undefined;
  }
}

function explain(policy: CompiledPolicy, decoded: unknown, context: EvalContext): RuleExplanation[] {
  try {
    return policy.explain(decoded, context);
  } catch {
    return [];
  }
}

interface TextBlock {
  path: string;
  text: string;
  spans: Array<{ start: number; end: number; severity: Severity }>;
  marks: boolean;
}

/** The record's long text fields, and every field a problem points into, with the spans to mark. */
export function textBlocks(record: FlaggedRecord, info: RecordInfo | undefined, value: unknown): TextBlock[] {
  const byPath = new Map<string, TextBlock['spans']>();
  for (const v of record.violations) {
    for (const s of v.spans) {
      if (!byPath.has(s.path)) byPath.set(s.path, []);
      byPath.get(s.path)!.push({ start: s.start, end: s.end, severity: v.severity });
    }
  }
  const paths = [...(info?.fields.filter((f) => f.type.kind === 'text').map((f) => f.name) ?? [])];
  for (const p of byPath.keys()) if (!paths.includes(p)) paths.push(p);
  const blocks: TextBlock[] = [];
  for (const path of paths) {
    const text = getPath(value, path);
    if (typeof text !== 'string') continue;
    const spans = byPath.get(path) ?? [];
    if (text === '' && spans.length === 0) continue;
    blocks.push({ path, text, spans, marks: spans.length > 0 });
  }
  return blocks;
}

/**
 * Text with the spans marked: inverse colour, or [brackets] without colour.
 * Overlapping spans are merged; the most severe one decides the colour.
 */
export function markedSegments(text: string, spans: Array<{ start: number; end: number; severity: Severity }>, color: boolean): Segment[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, text.length)), end: Math.max(0, Math.min(s.end, text.length)), severity: s.severity }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof sorted = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (RANK[s.severity] > RANK[last.severity]) last.severity = s.severity;
    } else merged.push({ ...s });
  }
  const out: Segment[] = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    const marked = text.slice(s.start, s.end);
    out.push(color ? { text: marked, tone: MARK[s.severity] } : { text: `[${marked}]`, tone: MARK[s.severity] });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

function violationLines(v: Violation, width: number): Line[] {
  const out: Line[] = [[]];
  out.push([
    { text: `${SEVERITY_ICON[v.severity]} ${v.severity === 'info' ? 'note' : v.severity}`, tone: v.severity },
    { text: '  ' },
    { text: shortRule(v.rule), tone: 'bold' },
    { text: v.path ? `  in ${v.path}` : '', tone: 'dim' },
  ]);
  out.push(...wrapSegments([{ text: v.message }], width, 4));
  if (v.hint) out.push(...wrapSegments([{ text: 'What to do: ', tone: 'ok' }, { text: v.hint }], width, 4));
  if (v.fix) out.push(...wrapSegments([{ text: 'Can be fixed automatically: ', tone: 'ok' }, { text: v.fix.description }], width, 4));
  return out;
}

/** Why a rule fired: its guard, then each broken condition with the values it saw. */
export function explanationLines(e: RuleExplanation, source: string, width: number): Line[] {
  const out: Line[] = [[{ text: '    Why it fired:', tone: 'dim' }]];
  if (e.when) out.push(...conditionLines('Applies when:', e.when.condition, e.when.trace, source, width));
  for (const c of e.clauses) {
    if (!c.violated) continue;
    out.push(...conditionLines(c.mode === 'forbid' ? 'Not allowed:' : 'Required:', c.condition, c.trace, source, width));
    if (!c.trace) continue;
    const steps = childLines(collapse(c.trace, source).node, c.trace.held, source, 8, 1, width);
    if (steps.length > MAX_TRACE_LINES) {
      const more = steps.length - MAX_TRACE_LINES;
      out.push(...steps.slice(0, MAX_TRACE_LINES), [{ text: `${' '.repeat(8)}… ${plural(more, 'more step')}`, tone: 'dim' }]);
    } else out.push(...steps);
  }
  return out;
}

/** "Not allowed: <condition> → yes", wrapped. */
function conditionLines(lead: string, condition: string, trace: TraceNode | null, source: string, width: number): Line[] {
  const segments: Segment[] = [{ text: `${lead} `, tone: 'dim' }, { text: oneLine(condition), tone: 'bold' }];
  // "emails(body) → desk@lumo-shop.com" says more than "→ yes": show what was found when there is something.
  if (trace) segments.push({ text: '  → ', tone: 'dim' }, { text: truncate(oneLine(collapse(trace, source).value) || '(nothing)', Math.max(10, width - 10)), tone: 'bold' });
  return wrapSegments(segments, width, 6);
}

function codeOf(node: TraceNode, source: string): string {
  return oneLine(source.slice(node.span.start, node.span.end)) || '(expression)';
}

/** A call wrapped in a check of the same text (a detector, then "found anything?") reads as one step. */
function collapse(node: TraceNode, source: string): { node: TraceNode; value: string } {
  const code = codeOf(node, source);
  let n = node;
  let value = node.value;
  while (n.children.length === 1 && codeOf(n.children[0], source) === code) {
    n = n.children[0];
    if (n.value) value = n.value;
  }
  return { node: n, value };
}

/**
 * Lines for the children of a step. When a condition repeats for each item
 * of a list ("any sentence ..."), only the items that decided the outcome
 * are shown; the others are counted.
 */
function childLines(node: TraceNode, held: boolean | undefined, source: string, indent: number, depth: number, width: number): Line[] {
  const out: Line[] = [];
  const groups = new Map<string, TraceNode[]>();
  for (const c of node.children) {
    const code = codeOf(c, source);
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code)!.push(c);
  }
  let hidden = 0;
  for (const c of node.children) {
    const group = groups.get(codeOf(c, source))!;
    const repeated = held !== undefined && group.length > 1 && group.some((g) => g.held === held);
    if (repeated && c.held !== held) hidden++;
    else out.push(...stepLines(c, source, indent, depth, width));
  }
  if (hidden > 0) out.push([{ text: `${' '.repeat(indent)}(${hidden} other ${hidden === 1 ? 'item' : 'items'} ${held ? 'did not match' : 'matched'})`, tone: 'dim' }]);
  return out;
}

function stepLines(node: TraceNode, source: string, indent: number, depth: number, width: number): Line[] {
  const { node: inner, value: raw } = collapse(node, source);
  const code = codeOf(node, source);
  const icon: Segment = node.held === undefined ? { text: '  ' } : node.held ? { text: '✓ ', tone: 'ok' } : { text: '✗ ', tone: 'dim' };
  const value = truncate(oneLine(raw) || '(nothing)', Math.max(10, Math.floor((width - indent) * 0.45)));
  const codeRoom = Math.max(8, width - indent - 2 - 3 - textWidth(value));
  const line: Line = [{ text: ' '.repeat(indent) }, icon, { text: truncate(code, codeRoom) }, { text: ' → ', tone: 'dim' }, { text: value, tone: 'bold' }];
  if (depth >= MAX_TRACE_DEPTH) return [line];
  return [line, ...childLines(inner, node.held, source, indent + 2, depth + 1, width)];
}

/** One line per field not already shown in full: name, then value. */
function fieldLines(info: RecordInfo | undefined, value: unknown, skip: Set<string>, width: number): Line[] {
  if (!info || value === null || typeof value !== 'object') return rawFields(value, width, skip);
  const fields = info.fields.filter((f) => !skip.has(f.name));
  const nameW = Math.min(24, Math.max(8, ...fields.map((f) => textWidth(f.name) + 2)));
  return fields.map((f) => [
    { text: '  ' },
    { text: fit(f.name, nameW), tone: 'dim' },
    { text: truncate(oneLine(showField(getPath(value, f.name), f.type)), Math.max(4, width - nameW - 2)) },
  ]);
}

/** The fields of a record as read from the file (when it could not be read as the policy's record). */
function rawFields(raw: unknown, width: number, skip: Set<string> = new Set()): Line[] {
  if (raw === undefined) return [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return [[], [{ text: 'As read', tone: 'heading' }], ...wrapSegments([{ text: JSON.stringify(raw) ?? String(raw) }], width, 2)];
  }
  const entries = Object.entries(raw as Record<string, unknown>).filter(([k]) => !skip.has(k));
  const nameW = Math.min(24, Math.max(8, ...entries.map(([k]) => textWidth(k) + 2)));
  return [
    [],
    [{ text: 'Fields as read', tone: 'heading' }],
    ...entries.map(([k, v]): Line => [
      { text: '  ' },
      { text: fit(k, nameW), tone: 'dim' },
      { text: truncate(oneLine(typeof v === 'string' ? v : JSON.stringify(v) ?? String(v)), Math.max(4, width - nameW - 2)) },
    ]),
  ];
}

export interface RecordViewProps extends RecordViewInput {
  height: number;
  scroll: number;
}

export function RecordView(props: RecordViewProps) {
  const lines = recordViewLines(props);
  const top = Math.max(0, Math.min(props.scroll, lines.length - props.height));
  return <Lines lines={lines.slice(top, top + props.height)} width={props.width} height={props.height} />;
}
