/**
 * `sellguard explain` in plain words: for every rule, whether it applied,
 * each condition as written with the value it had, and why it did or did
 * not fire. Renders core's explain interpreter (RuleExplanation). Browser-safe.
 */
import type { RuleExplanation, TraceNode } from './explain.js';
/** One line of a terminal: runs of white space as one space, control and direction characters (which could steer the terminal) as �. */
const oneLine = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '\ufffd')
    .trim();

const MAX_STEPS = 12;

function code(node: TraceNode, source: string): string {
  return oneLine(source.slice(node.span.start, node.span.end)) || '(expression)';
}

function shorten(s: string, max = 100): string {
  const t = oneLine(s);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The parts a condition was made of, one per line, with their values: what a person checks by hand. */
function steps(node: TraceNode, source: string, depth: number, out: string[]): void {
  for (const child of node.children) {
    if (out.length >= MAX_STEPS) return;
    const text = code(child, source);
    // A call wrapped in a check of the same text reads as one step.
    if (text !== code(node, source)) out.push(`${'  '.repeat(depth)}${text} → ${shorten(child.value || '(nothing)')}`);
    if (depth < 4) steps(child, source, text === code(node, source) ? depth : depth + 1, out);
  }
}

export function explainText(explanations: readonly RuleExplanation[], source: string): string {
  const out: string[] = [];
  for (const e of explanations) {
    const fired = e.violations.length > 0;
    const label = `${e.rule}${e.item ? ` (for ${e.item})` : ''} [${e.severity}]`;
    if (!e.applies) {
      out.push(`- ${label}: does not apply here`);
      if (e.when) out.push(`    it applies only when ${oneLine(e.when.condition)}, and that is ${e.when.trace ? shorten(e.when.trace.value) : 'not so'}`);
      continue;
    }
    out.push(`${fired ? '✗' : '✓'} ${label}: ${fired ? `fired (${e.violations.length === 1 ? 'one violation' : `${e.violations.length} violations`})` : 'did not fire'}`);
    if (e.when) out.push(`    applies, because ${oneLine(e.when.condition)} is ${e.when.trace ? shorten(e.when.trace.value) : 'so'}`);
    for (const c of e.clauses) {
      const value = c.trace ? shorten(c.trace.value || '(nothing)') : '';
      const lead = c.mode === 'forbid' ? 'not allowed' : 'required';
      const why =
        c.mode === 'forbid'
          ? c.violated
            ? 'it holds, so the rule fires'
            : 'it does not hold, so this is fine'
          : c.violated
            ? 'it does not hold, so the rule fires'
            : 'it holds, so this is fine';
      out.push(`    ${lead}: ${oneLine(c.condition)} → ${value}: ${why}`);
      if (c.trace) {
        const lines: string[] = [];
        steps(c.trace, source, 0, lines);
        for (const l of lines) out.push(`        ${l}`);
      }
    }
    for (const v of e.violations) out.push(`    message: ${oneLine(v.message)}${v.path ? ` (at ${v.path})` : ''}`);
  }
  return `${out.join('\n')}\n`;
}
