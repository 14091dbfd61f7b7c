/**
 * Comments: which comments stand on their own line, and the doc comment (`##` lines)
 * directly above a declaration or a field.
 */
import type { Comment } from './ast.js';
import { LineIndex } from './diagnostics.js';

export class CommentIndex {
  readonly lines: LineIndex;
  /** Own-line comments by their 1-based line. */
  private readonly ownLine = new Map<number, Comment>();

  constructor(
    readonly text: string,
    readonly comments: Comment[],
    /** Offset of `text` in the source the comment spans point into. */
    readonly base = 0,
  ) {
    this.lines = new LineIndex(text);
    for (const c of comments) if (this.isOwnLine(c)) this.ownLine.set(this.lines.locate(c.span.start - base).line, c);
  }

  /** True when only whitespace precedes the comment on its line. */
  isOwnLine(c: Comment): boolean {
    const start = c.span.start - this.base;
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    return /^[ \t\f\v\u00a0\ufeff]*$/.test(this.text.slice(lineStart, start));
  }

  /** The `##` lines directly above the line of `offset` (when it starts that line), without their `##`, or null. */
  docAbove(offset: number): string | null {
    // A doc comment belongs to the first thing on the line below it: in `a: string b: string`, to `a` only.
    const start = offset - this.base;
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    if (!/^[ \t\f\v\u00a0\ufeff]*$/.test(this.text.slice(lineStart, start))) return null;
    let line = this.lines.locate(offset - this.base).line - 1;
    const docs: string[] = [];
    for (;;) {
      const c = this.ownLine.get(line);
      if (!c || !c.text.startsWith('##')) break;
      docs.unshift(c.text.slice(2).replace(/^ /, '').trimEnd());
      line--;
    }
    return docs.length ? docs.join('\n') : null;
  }
}
