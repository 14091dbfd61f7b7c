/**
 * Showing matched characters in context: one line of the scanned text around
 * the spans, with carets under them. Shared by the CLI's text report, the
 * TUI and anything else that prints to a terminal.
 */

export interface SpanContext {
  /** The excerpt, on one line: line breaks shown as ⏎, cuts as …. */
  text: string;
  /** One entry per span: where its carets start in `text`, and how many. */
  marks: Array<{ start: number; length: number }>;
  /** The caret line under `text`. */
  carets: string;
}

const NEWLINE = '⏎';

/** Excerpt around one or more spans that lie close together, `width` characters either side. */
export function spanContext(text: string, spans: Array<{ start: number; end: number }>, width = 30): SpanContext {
  const first = Math.min(...spans.map((s) => s.start));
  const last = Math.max(...spans.map((s) => s.end));
  const from = Math.max(0, first - width);
  const to = Math.min(text.length, last + width);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const clean = (s: string) => s.replace(/\r?\n/g, NEWLINE).replace(/\t/g, ' ');
  const excerpt = prefix + clean(text.slice(from, to)) + suffix;
  const marks = spans.map((s) => {
    const start = prefix.length + clean(text.slice(from, s.start)).length;
    return { start, length: Math.max(1, clean(text.slice(s.start, s.end)).length) };
  });
  const chars = Array.from({ length: excerpt.length }, () => ' ');
  for (const m of marks) for (let i = m.start; i < m.start + m.length && i < chars.length; i++) chars[i] = '^';
  return { text: excerpt, marks, carets: chars.join('').trimEnd() };
}

/** Group spans that fit in one excerpt of about `width` characters either side. */
export function groupSpans<T extends { start: number; end: number }>(spans: T[], width = 30): T[][] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const groups: T[][] = [];
  for (const s of sorted) {
    const group = groups[groups.length - 1];
    if (group && s.end - group[0].start <= width * 2) group.push(s);
    else groups.push([s]);
  }
  return groups;
}
