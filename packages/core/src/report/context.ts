/**
 * Showing matched characters in context: one line of the scanned text around
 * the spans, with carets under them. Shared by the CLI's text report, the
 * TUI and anything else that prints to a terminal. Browser-safe.
 *
 * Everything is measured in terminal columns: a line break is shown as ⏎,
 * a tab as a space, control characters (which could move a terminal's
 * cursor) as �; wide characters (CJK, most emoji) take two columns and
 * combining marks none, so carets line up under what they mark.
 */

export interface SpanContext {
  /** The excerpt, on one line: line breaks shown as ⏎, cuts as …. */
  text: string;
  /** One entry per span, in the order given: the column (0-based) where its carets start, and how many. */
  marks: Array<{ start: number; length: number }>;
  /** The caret line under `text` (no trailing spaces). */
  carets: string;
  /** The offsets of the scanned text the excerpt covers. */
  from: number;
  to: number;
}

export interface SpanLike {
  start: number;
  end: number;
}

const NEWLINE = '⏎';
const ELLIPSIS = '…';
const REPLACEMENT = '�';

/**
 * The excerpt around one span, or around several spans that lie close
 * together (see groupSpans): about `width` characters either side, with
 * … where the text is cut and carets under every span.
 */
export function spanContext(text: string, start: number, end: number, width?: number): SpanContext;
export function spanContext(text: string, spans: readonly SpanLike[], width?: number): SpanContext;
export function spanContext(text: string, a: number | readonly SpanLike[], b?: number, c?: number): SpanContext {
  const spans: SpanLike[] = typeof a === 'number' ? [{ start: a, end: b ?? a }] : [...a];
  const width = Math.max(0, (typeof a === 'number' ? c : b) ?? 30);
  const clamp = (n: number) => Math.max(0, Math.min(text.length, Number.isFinite(n) ? Math.trunc(n) : 0));
  const norm = spans.map((s) => {
    const start = clamp(s.start);
    return { start, end: Math.max(start, clamp(s.end)) };
  });
  if (norm.length === 0) norm.push({ start: 0, end: 0 });
  const first = Math.min(...norm.map((s) => s.start));
  const last = Math.max(...norm.map((s) => s.end));
  let from = Math.max(0, first - width);
  // A very long match is shown from its start, cut after four widths.
  let to = Math.min(text.length, last - first > width * 4 ? first + width * 4 : last + width);
  from = pairStart(text, from);
  to = pairEnd(text, to);

  // Walk the excerpt once, recording the column of every offset.
  const prefix = from > 0 ? ELLIPSIS : '';
  const columns = new Map<number, number>();
  let out = prefix;
  let col = prefix.length;
  let i = from;
  while (i < to) {
    columns.set(i, col);
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    if (cp === 0x0d && text.charCodeAt(i + 1) === 0x0a && i + 1 < to) {
      columns.set(i + 1, col);
      out += NEWLINE;
      col += 1;
      i += 2;
      continue;
    }
    const shown = display(cp);
    out += shown.text;
    col += shown.width;
    if (size === 2) columns.set(i + 1, col);
    i += size;
  }
  columns.set(to, col);
  const suffix = to < text.length ? ELLIPSIS : '';
  out += suffix;
  const total = col + suffix.length;

  const colAt = (offset: number) => (offset <= from ? prefix.length : offset >= to ? col : (columns.get(offset) ?? col));
  const marks = norm.map((s) => {
    const start = colAt(s.start);
    const endCol = s.end > to ? total : colAt(s.end);
    return { start, length: Math.max(1, endCol - start) };
  });
  const caretCols = Math.max(total, ...marks.map((m) => m.start + m.length));
  const chars = new Array<string>(caretCols).fill(' ');
  for (const m of marks) for (let k = m.start; k < m.start + m.length; k++) chars[k] = '^';
  return { text: out, marks, carets: chars.join('').trimEnd(), from, to };
}

/** Do not start an excerpt on the second half of a surrogate pair. */
function pairStart(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/** Do not end an excerpt after the first half of a surrogate pair. */
function pairEnd(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  return i < text.length && c >= 0xd800 && c <= 0xdbff ? i + 1 : i;
}

// One code point at a time: combining marks and joiners are what this looks for.
// eslint-disable-next-line no-misleading-character-class
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060-\u2064\ufeff\ufe00-\ufe0f]$/u;
const BIDI = /^[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]$/u;

/** How one code point is shown in a terminal, and how many columns it takes. */
function display(cp: number): { text: string; width: number } {
  if (cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029) return { text: NEWLINE, width: 1 };
  if (cp === 0x09) return { text: ' ', width: 1 };
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return { text: REPLACEMENT, width: 1 };
  const ch = String.fromCodePoint(cp);
  // Direction overrides would reorder the rest of the terminal line: show them, harmlessly.
  if (BIDI.test(ch)) return { text: REPLACEMENT, width: 1 };
  if (ZERO_WIDTH.test(ch)) return { text: ch, width: 0 };
  return { text: ch, width: isWide(cp) ? 2 : 1 };
}

/** East Asian wide and fullwidth characters, and emoji shown as pictures. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x231a && cp <= 0x231b) ||
    (cp >= 0x23e9 && cp <= 0x23ec) ||
    cp === 0x23f0 ||
    cp === 0x23f3 ||
    (cp >= 0x25fd && cp <= 0x25fe) ||
    (cp >= 0x2614 && cp <= 0x2615) ||
    (cp >= 0x2648 && cp <= 0x2653) ||
    cp === 0x267f ||
    cp === 0x2693 ||
    cp === 0x26a1 ||
    (cp >= 0x26aa && cp <= 0x26ab) ||
    (cp >= 0x26bd && cp <= 0x26be) ||
    (cp >= 0x26c4 && cp <= 0x26c5) ||
    cp === 0x26ce ||
    cp === 0x26d4 ||
    cp === 0x26ea ||
    (cp >= 0x26f2 && cp <= 0x26f3) ||
    cp === 0x26f5 ||
    cp === 0x26fa ||
    cp === 0x26fd ||
    cp === 0x2705 ||
    (cp >= 0x270a && cp <= 0x270b) ||
    cp === 0x2728 ||
    cp === 0x274c ||
    cp === 0x274e ||
    (cp >= 0x2753 && cp <= 0x2755) ||
    cp === 0x2757 ||
    (cp >= 0x2795 && cp <= 0x2797) ||
    cp === 0x27b0 ||
    cp === 0x27bf ||
    (cp >= 0x2b1b && cp <= 0x2b1c) ||
    cp === 0x2b50 ||
    cp === 0x2b55 ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f004 && cp <= 0x1f0cf) ||
    cp === 0x1f18e ||
    (cp >= 0x1f191 && cp <= 0x1f19a) ||
    (cp >= 0x1f200 && cp <= 0x1f251) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f680 && cp <= 0x1f6ff) ||
    (cp >= 0x1f7e0 && cp <= 0x1f7eb) ||
    (cp >= 0x1f90c && cp <= 0x1f9ff) ||
    (cp >= 0x1fa70 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Columns a string takes in a terminal (after showing it as spanContext does). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += display(ch.codePointAt(0)!).width;
  return w;
}

/**
 * A string on one line, safe to print: line breaks shown as ⏎, control
 * characters as �. For messages that quote the data (`{matched}`).
 */
export function oneLine(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
      out += display(c).text;
    else out += text[i];
  }
  return out;
}

/**
 * Group spans that fit in one excerpt: sorted by start, a span joins the
 * group before it when it ends within two widths of the group's first span.
 */
export function groupSpans<T extends SpanLike>(spans: readonly T[], width = 30): T[][] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: T[][] = [];
  for (const s of sorted) {
    const group = groups[groups.length - 1];
    if (group && s.end - group[0].start <= width * 2) group.push(s);
    else groups.push([s]);
  }
  return groups;
}
