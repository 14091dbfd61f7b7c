/**
 * The text a delimited reader has been given but no finished row has taken
 * yet, kept from a known line on: when a row turns out to run over a quote
 * that was never closed, reading starts again at the line after the row's
 * first, from here. Rows end often, so this stays small. Browser-safe.
 */
export class LineBuffer {
  private pieces: string[] = [];
  /** `startLine`: the line the kept text starts on (1-based; a piece of a file may start further on). */
  constructor(public startLine = 1) {}

  push(text: string): void {
    if (text) this.pieces.push(text);
  }

  /** Forget the text before line `line`. */
  dropBefore(line: number): void {
    while (this.startLine < line && this.pieces.length > 0) {
      const piece = this.pieces[0];
      let from = 0;
      for (let nl = piece.indexOf('\n'); nl >= 0 && this.startLine < line; nl = piece.indexOf('\n', from)) {
        this.startLine++;
        from = nl + 1;
      }
      // A piece used up by earlier lines goes whole; else it is cut where line `line` starts.
      if (this.startLine < line || from === piece.length) this.pieces.shift();
      else this.pieces[0] = piece.slice(from);
    }
  }

  /**
   * Keep only the last `length` characters, which start on line `line` (a reader that knows where its
   * unread text starts says so here, so the line breaks of text already read are never counted again).
   */
  keepLast(length: number, line: number): void {
    let total = 0;
    for (const piece of this.pieces) total += piece.length;
    while (this.pieces.length > 0 && total - this.pieces[0].length >= length) total -= this.pieces.shift()!.length;
    if (total > length) this.pieces[0] = this.pieces[0].slice(total - length);
    this.startLine = line;
  }

  /** The kept text, from `startLine` on. */
  text(): string {
    const joined = this.pieces.join('');
    this.pieces = joined ? [joined] : [];
    return joined;
  }

  /** The first line at or after `startLine` that holds more than white space (or `startLine` when none does). */
  firstFilledLine(): number {
    const text = this.text();
    const m = /\S/.exec(text);
    if (!m) return this.startLine;
    let line = this.startLine;
    for (let i = text.indexOf('\n'); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    return line;
  }
}
