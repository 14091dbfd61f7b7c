/**
 * Text layout for a fixed-size terminal: display widths, truncation, word
 * wrapping of styled text, and the window of rows a list shows. Everything a
 * screen draws is measured here first, so a screen never draws more lines
 * than fit.
 */
import stringWidth from 'string-width';

/** How a piece of text is shown. The theme turns tones into colours (or nothing, with NO_COLOR). */
export type Tone =
  | 'plain'
  | 'dim'
  | 'bold'
  | 'heading'
  | 'key'
  | 'error'
  | 'warning'
  | 'info'
  | 'ok'
  | 'bad'
  | 'bar'
  | 'selected'
  | 'mark-error'
  | 'mark-warning'
  | 'mark-info';

export interface Segment {
  text: string;
  tone?: Tone;
}

/** One terminal row: styled pieces whose widths add up to at most the screen width. */
export type Line = Segment[];

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Columns a string takes in the terminal (wide characters and emoji count 2). */
export function textWidth(s: string): number {
  return stringWidth(s);
}

/** Tabs become spaces, other control characters are dropped, so widths stay honest. */
export function cleanText(s: string): string {
  return s.replace(/\t/g, '  ').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** One line of plain text (line breaks shown as spaces). */
export function oneLine(s: string): string {
  return cleanText(s).replace(/\n+/g, ' ');
}

/** Cut a string to at most `max` columns, ending with … when something was cut. */
export function truncate(s: string, max: number): string {
  if (max <= 0) return '';
  if (textWidth(s) <= max) return s;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(s)) {
    const w = textWidth(segment);
    if (used + w > max - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** Fit a string to exactly `w` columns: cut or pad with spaces. */
export function fit(s: string, w: number, align: 'left' | 'right' = 'left'): string {
  const t = truncate(s, w);
  const gap = ' '.repeat(Math.max(0, w - textWidth(t)));
  return align === 'left' ? t + gap : gap + t;
}

/** Width of a line of segments. */
export function lineWidth(line: Line): number {
  return line.reduce((n, s) => n + textWidth(s.text), 0);
}

/** Cut a line of segments to `max` columns. */
export function truncateLine(line: Line, max: number): Line {
  if (lineWidth(line) <= max) return line;
  const out: Line = [];
  let left = max;
  for (const seg of line) {
    const w = textWidth(seg.text);
    if (w <= left - 1 || (w <= left && seg === line[line.length - 1])) {
      out.push(seg);
      left -= w;
      continue;
    }
    out.push({ ...seg, text: truncate(seg.text, left) });
    break;
  }
  return out;
}

interface Cell {
  g: string;
  w: number;
  tone: Tone | undefined;
}

/**
 * Word-wrap styled text to `width` columns. Line breaks in the text start new
 * lines; long words are broken. `indent` spaces start every line.
 */
export function wrapSegments(segments: Segment[], width: number, indent = 0): Line[] {
  const avail = Math.max(1, width - indent);
  const pad: Segment[] = indent > 0 ? [{ text: ' '.repeat(indent) }] : [];
  const lines: Line[] = [];
  let current: Cell[] = [];
  const flush = () => {
    lines.push([...pad, ...merge(current)]);
    current = [];
  };
  const place = (cell: Cell) => {
    const used = current.reduce((n, c) => n + c.w, 0);
    if (used + cell.w <= avail || current.length === 0) {
      current.push(cell);
      return;
    }
    // A space at the break is dropped.
    if (cell.g === ' ') return flush();
    // Break after the last space on the line, carrying the partial word over.
    let cut = -1;
    for (let i = current.length - 1; i > 0; i--) {
      if (current[i].g === ' ') {
        cut = i;
        break;
      }
    }
    const carry = cut > 0 ? current.slice(cut + 1) : [];
    if (cut > 0) current = current.slice(0, cut);
    flush();
    current = [...carry, cell];
  };
  for (const seg of segments) {
    for (const { segment } of segmenter.segment(cleanText(seg.text))) {
      if (segment === '\n') flush();
      else place({ g: segment, w: textWidth(segment), tone: seg.tone });
    }
  }
  if (current.length > 0 || lines.length === 0) flush();
  return lines;
}

function merge(cells: Cell[]): Segment[] {
  const out: Segment[] = [];
  for (const c of cells) {
    const last = out[out.length - 1];
    if (last && last.tone === c.tone) last.text += c.g;
    else out.push(c.tone ? { text: c.g, tone: c.tone } : { text: c.g });
  }
  return out;
}

/**
 * The first row a list window shows, so that `selected` is visible: keep the
 * previous top when possible (the view does not jump), otherwise scroll just
 * enough.
 */
export function windowStart(selected: number, top: number, page: number, count: number): number {
  if (count <= page || page <= 0) return 0;
  let t = Math.min(Math.max(0, top), count - page);
  if (selected < t) t = selected;
  if (selected >= t + page) t = selected - page + 1;
  return Math.max(0, Math.min(t, count - page));
}

/** A path cut in the middle so that it fits and its file name stays whole: /tmp/…/sellguard-export-1.csv. */
export function shortenPath(path: string, max: number): string {
  if (textWidth(path) <= max) return path;
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const name = path.slice(slash + 1);
  const head = path.slice(0, slash + 1);
  const room = max - textWidth(name) - 2;
  if (room <= 0) return truncate(name, max);
  return `${head.slice(0, room)}…${path[slash] ?? '/'}${name}`;
}

/** 1234567 → "1,234,567". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1 record", "3 records". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`;
}
