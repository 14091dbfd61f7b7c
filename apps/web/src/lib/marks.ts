/**
 * Splitting a field's text around the characters a rule matched, so the
 * results can show them inside <mark>. Offsets are UTF-16 code units, the
 * same as JavaScript strings and the spans the checker reports.
 */

export interface Segment {
  text: string;
  /** True for matched characters. */
  mark: boolean;
  /** True for the "…" standing for text left out of an excerpt. */
  gap?: boolean;
}

interface Range {
  start: number;
  end: number;
}

/** Spans clamped to the text, sorted, with overlapping and touching ones merged; empty ones dropped. */
export function normalizeSpans(length: number, spans: readonly Range[]): Range[] {
  const clamped = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, length)), end: Math.max(0, Math.min(s.end, length)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const s of clamped) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The whole text as plain and marked segments, in order; joining them gives the text back. */
export function markSegments(text: string, spans: readonly Range[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const s of normalizeSpans(text.length, spans)) {
    if (s.start > pos) out.push({ text: text.slice(pos, s.start), mark: false });
    out.push({ text: text.slice(s.start, s.end), mark: true });
    pos = s.end;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), mark: false });
  return out.filter((s, i) => s.text !== '' || (i === 0 && out.length === 1));
}

/** Do not cut a surrogate pair (an emoji) in half. */
function safeCut(text: string, offset: number, direction: -1 | 1): number {
  let o = Math.max(0, Math.min(offset, text.length));
  const code = text.charCodeAt(o);
  if (o > 0 && o < text.length && code >= 0xdc00 && code <= 0xdfff) o += direction === -1 ? -1 : 1;
  return o;
}

/** Move a cut to a nearby space so words stay whole (looking at most 12 characters further out). */
function wordCut(text: string, offset: number, direction: -1 | 1): number {
  if (offset <= 0 || offset >= text.length) return offset;
  for (let i = 0; i <= 12; i++) {
    const o = offset + direction * i;
    if (o <= 0 || o >= text.length) return direction === -1 ? 0 : text.length;
    if (/\s/.test(text[o - 1] ?? '') || /\s/.test(text[o] ?? '')) return o;
  }
  return offset;
}

/**
 * Short excerpts around the matches: `context` characters either side of
 * each match, with "…" where text was left out. Short texts come back whole.
 */
export function excerptSegments(text: string, spans: readonly Range[], context = 60): Segment[] {
  const marks = normalizeSpans(text.length, spans);
  if (marks.length === 0 || text.length <= context * 3) return markSegments(text, marks);
  const windows: Range[] = [];
  for (const m of marks) {
    const start = safeCut(text, wordCut(text, m.start - context, -1), -1);
    const end = safeCut(text, wordCut(text, m.end + context, 1), 1);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const w of windows) {
    if (w.start > pos) out.push({ text: '…', mark: false, gap: true });
    const inside = marks.filter((m) => m.start >= w.start && m.end <= w.end).map((m) => ({ start: m.start - w.start, end: m.end - w.start }));
    out.push(...markSegments(text.slice(w.start, w.end), inside));
    pos = w.end;
  }
  if (pos < text.length) out.push({ text: '…', mark: false, gap: true });
  return out;
}
