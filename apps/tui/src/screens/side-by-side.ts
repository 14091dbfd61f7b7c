/**
 * The two sides of a record (listing and offer) as two columns, with the
 * fields that differ marked ≠ and the ones written differently but equal
 * marked ≈. Below 80 columns the sides are stacked under each field.
 */
import { fit, textWidth, wrapSegments, type Line, type Segment, type Tone } from '../layout.js';
import type { Comparison, SideRow, Sides } from '../sides.js';

/** Narrower than this, the sides are stacked. */
export const SIDE_BY_SIDE_MIN_WIDTH = 80;
/** Lines a value may take in a column before it is cut. */
const MAX_CELL_LINES = 3;

const MARK: Record<Comparison, Segment> = {
  differs: { text: '≠', tone: 'error' },
  spelled: { text: '≈', tone: 'dim' },
  same: { text: ' ' },
  'one-side': { text: ' ' },
};

const VALUE_TONE: Record<Comparison, Tone> = { differs: 'bad', spelled: 'plain', same: 'plain', 'one-side': 'dim' };

export function sideBySideLines(rows: SideRow[], sides: Sides, width: number): Line[] {
  const differing = rows.filter((r) => r.comparison === 'differs').length;
  const title = `${sides.left.field} and ${sides.right.field} side by side`;
  const count = differing === 0 ? 'no field differs' : `${differing} ${differing === 1 ? 'field differs' : 'fields differ'}`;
  const out: Line[] = [[], [{ text: title, tone: 'heading' }, { text: `  ·  ${count}`, tone: differing ? 'bad' : 'ok' }]];
  out.push(...(width >= SIDE_BY_SIDE_MIN_WIDTH ? columns(rows, sides, width) : stacked(rows, sides, width)));
  out.push([{ text: '  ≠ differs   ≈ the same once case, spelling and units are set aside', tone: 'dim' }]);
  return out;
}

function columns(rows: SideRow[], sides: Sides, width: number): Line[] {
  const labelW = Math.min(24, Math.max(10, ...rows.map((r) => textWidth(r.label) + 1)));
  // "≠ " + label + two columns separated by " │ ".
  const colW = Math.max(8, Math.floor((width - 2 - labelW - 3) / 2));
  const out: Line[] = [[{ text: `  ${fit('', labelW)}${fit(sides.left.field, colW)} │ ${fit(sides.right.field, colW)}`, tone: 'dim' }]];
  for (const r of rows) {
    const tone = VALUE_TONE[r.comparison];
    const left = cell(r.left, colW, tone);
    const right = cell(r.right, colW, tone);
    const height = Math.max(left.length, right.length);
    for (let i = 0; i < height; i++) {
      out.push([
        i === 0 ? MARK[r.comparison] : { text: ' ' },
        { text: ' ' },
        { text: fit(i === 0 ? r.label : '', labelW), tone: r.comparison === 'differs' ? 'bold' : 'dim' },
        ...pad(left[i] ?? [], colW),
        { text: ' │ ', tone: 'dim' },
        ...(right[i] ?? []),
      ]);
    }
  }
  return out;
}

function stacked(rows: SideRow[], sides: Sides, width: number): Line[] {
  const nameW = Math.max(textWidth(sides.left.field), textWidth(sides.right.field)) + 2;
  const out: Line[] = [];
  for (const r of rows) {
    out.push([MARK[r.comparison], { text: ' ' }, { text: r.label, tone: r.comparison === 'differs' ? 'bold' : 'dim' }]);
    const tone = VALUE_TONE[r.comparison];
    for (const [name, value] of [[sides.left.field, r.left], [sides.right.field, r.right]] as const) {
      const lines = cell(value || '(none)', Math.max(4, width - 4 - nameW), tone);
      lines.forEach((l, i) => out.push([{ text: '    ' }, { text: fit(i === 0 ? `${name}:` : '', nameW), tone: 'dim' }, ...l]));
    }
  }
  return out;
}

/** A value wrapped to its column, at most MAX_CELL_LINES lines (the last one ends with … when cut). */
function cell(text: string, w: number, tone: Tone): Line[] {
  const lines = wrapSegments([{ text, tone }], w);
  if (lines.length <= MAX_CELL_LINES) return lines;
  const kept = lines.slice(0, MAX_CELL_LINES);
  const last = kept[MAX_CELL_LINES - 1];
  const lastText = last.map((s) => s.text).join('');
  kept[MAX_CELL_LINES - 1] = [{ text: `${fit(lastText, w - 1).trimEnd()}…`, tone }];
  return kept;
}

function pad(line: Line, w: number): Line {
  const used = line.reduce((n, s) => n + textWidth(s.text), 0);
  return [...line, { text: ' '.repeat(Math.max(0, w - used)) }];
}
