/**
 * A JSON array of records read as a stream: the text is split into its items
 * as it arrives (only strings and brackets are followed, so nesting of any
 * depth costs nothing), and each item is parsed on its own when it ends. A
 * 1 GB array is read in the memory of its largest item, every item keeps the
 * line it starts on, and a broken item is reported with its line and column
 * while the others are read. Browser-safe.
 */
import { jsonProblem, type ReadRecord } from './json.js';

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

export class JsonArrayStream {
  /** Open brackets, the top array's included. */
  private readonly open: number[] = [];
  private inString = false;
  private escaped = false;
  private line = 1;
  /** 1-based column of the character being read. */
  private column = 0;
  private itemColumn = 0;
  private started = false;
  private ended = false;
  /** Pieces of the current item, and the line it starts on (0: between items). */
  private pieces: string[] = [];
  private itemLine = 0;
  private afterComma = false;
  private trailingReported = false;

  /** Records of the items that end in this chunk. */
  push(chunk: string): ReadRecord[] {
    const out: ReadRecord[] = [];
    let itemStart = this.itemLine > 0 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 0x0a) {
        this.line++;
        this.column = 0;
      } else this.column++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
        continue;
      }
      if (this.ended) {
        if (!SPACE.has(c) && !this.trailingReported) {
          this.trailingReported = true;
          out.push({ line: this.line, error: `line ${this.line}: more text after the end of the list; only the list's items were read` });
        }
        continue;
      }
      if (!this.started) {
        if (c === 0x5b) {
          this.started = true;
          this.open.push(c);
        }
        continue;
      }
      const depth = this.open.length;
      if (depth === 1 && (c === 0x2c || c === 0x5d)) {
        // An item ends at a comma or the closing bracket of the top array.
        if (this.itemLine > 0) {
          this.pieces.push(chunk.slice(itemStart, i));
          out.push(this.finishItem());
          itemStart = -1;
        } else if (c === 0x2c || this.afterComma) {
          out.push({ line: this.line, error: `line ${this.line}: a missing item (two commas in a row, or a comma before ']')` });
        }
        this.afterComma = c === 0x2c;
        if (c === 0x5d) {
          this.open.pop();
          this.ended = true;
        }
        continue;
      }
      if (depth === 1 && this.itemLine === 0) {
        if (SPACE.has(c)) continue;
        this.itemLine = this.line;
        this.itemColumn = this.column;
        itemStart = i;
      }
      if (c === 0x22) this.inString = true;
      else if (c === 0x5b || c === 0x7b) this.open.push(c);
      else if ((c === 0x5d || c === 0x7d) && depth > 1) this.open.pop();
    }
    if (this.itemLine > 0 && itemStart >= 0) this.pieces.push(chunk.slice(itemStart));
    return out;
  }

  /** Records for what is left at the end of the text: an unfinished item, a list never closed. */
  end(): ReadRecord[] {
    const out: ReadRecord[] = [];
    if (this.itemLine > 0) out.push(this.finishItem());
    if (!this.started) out.push({ line: 1, error: 'line 1: the text does not start a JSON list with [' });
    else if (!this.ended) out.push({ line: this.line, error: `line ${this.line}: the list is never closed (a missing ] at the end)` });
    return out;
  }

  private finishItem(): ReadRecord {
    const text = this.pieces.join('');
    const line = this.itemLine;
    const itemColumn = this.itemColumn;
    this.pieces = [];
    this.itemLine = 0;
    try {
      return { line, raw: JSON.parse(text) };
    } catch (e) {
      const { reason, offset } = jsonProblem(text, e);
      if (offset === undefined) return { line, error: `line ${line}: not valid JSON: ${reason}` };
      // The problem's line and column in the file: the item may span several lines.
      const before = text.slice(0, offset);
      const nl = before.lastIndexOf('\n');
      const at = line + (before.length - before.replaceAll('\n', '').length);
      const column = nl < 0 ? itemColumn + offset : offset - nl;
      return { line, error: `line ${at}, column ${column}: not valid JSON: ${reason}` };
    }
  }
}
