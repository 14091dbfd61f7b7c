/**
 * Diagnostics: the one shape every phase reports problems in, and the one
 * renderer (a code frame) that the CLI, the TUI and the web playground share.
 *
 * Messages are lowercase and say what is wrong; `help` says what to do.
 * Each code is stable and documented in docs/diagnostics.md.
 */
import type { Span } from './ast.js';

export type DiagnosticSeverity = 'error' | 'warning';

export interface RelatedInfo {
  message: string;
  span: Span;
  /** Set when the related place is in another file (an import). */
  file?: string;
}

export interface Diagnostic {
  /** Stable code such as `SG1003`; see docs/diagnostics.md. */
  code: string;
  severity: DiagnosticSeverity;
  message: string;
  help?: string;
  span: Span;
  /** The file the span points into, when it is not the file being compiled. */
  file?: string;
  related?: RelatedInfo[];
}

export interface LineCol {
  /** 1-based. */
  line: number;
  /** 1-based, counted in UTF-16 code units like editors do. */
  column: number;
}

/** Offsets of the first character of each line. Build once per source, then look up many offsets. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Line and column of an offset. */
  locate(offset: number): LineCol {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.starts[lo] + 1 };
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const next = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(start, next - 1).replace(/\r$/, '');
  }

  /** Offset of a 1-based line and column. */
  offsetOf(pos: LineCol): number {
    const start = this.starts[pos.line - 1] ?? this.text.length;
    return Math.min(start + pos.column - 1, this.text.length);
  }
}

export interface FrameOptions {
  /** Shown in the header, e.g. `policies/buyer-messaging.policy`. */
  fileName?: string;
  /** Lines of context above the first line of the span. */
  context?: number;
  /** Wrap parts in ANSI colours. */
  color?: boolean;
}

const ansi = {
  red: (s: string) => `\x1b[31m${s}\x1b[39m`,
  yellow: (s: string) => `\x1b[33m${s}\x1b[39m`,
  blue: (s: string) => `\x1b[34m${s}\x1b[39m`,
  bold: (s: string) => `\x1b[1m${s}\x1b[22m`,
  cyan: (s: string) => `\x1b[36m${s}\x1b[39m`,
};
const plain = { red: id, yellow: id, blue: id, bold: id, cyan: id };
function id(s: string): string {
  return s;
}

/**
 * Render a diagnostic the way Rust and Elm do:
 *
 * ```
 * error[SG1003]: expected a field type after ':'
 *   --> policies/buyer-messaging.policy:4:12
 *    |
 *  4 |   orderId:
 *    |           ^ a type such as string, text or date goes here
 *    = help: write the field's type, e.g. `orderId: string`
 * ```
 */
export function renderDiagnostic(diag: Diagnostic, source: string | LineIndex, opts: FrameOptions = {}): string {
  const index = typeof source === 'string' ? new LineIndex(source) : source;
  const c = opts.color ? ansi : plain;
  const paint = diag.severity === 'error' ? c.red : c.yellow;
  const out: string[] = [];
  out.push(`${paint(c.bold(`${diag.severity}[${diag.code}]`))}${c.bold(`: ${diag.message}`)}`);
  const start = index.locate(diag.span.start);
  const where = `${diag.file ?? opts.fileName ?? '<policy>'}:${start.line}:${start.column}`;
  out.push(...codeFrame(index, diag.span, { ...opts, header: where, paint }));
  // Notes and help line up under the gutter's '|', as in Rust.
  const pad = ' '.repeat(gutterWidth(index, diag.span) + 1);
  for (const rel of diag.related ?? []) {
    if (rel.file) {
      out.push(`${pad}${c.blue('=')} note: ${rel.message} (${rel.file})`);
      continue;
    }
    const at = index.locate(rel.span.start);
    out.push(`${pad}${c.blue('=')} note: ${rel.message} (line ${at.line}, column ${at.column})`);
  }
  if (diag.help) out.push(`${pad}${c.blue('=')} ${c.bold('help')}: ${diag.help}`);
  return out.join('\n');
}

interface FrameRenderOptions extends FrameOptions {
  header?: string;
  paint?: (s: string) => string;
  /** Text placed after the carets on the last line. */
  label?: string;
}

/** Width of the line-number gutter codeFrame draws for a span. */
function gutterWidth(index: LineIndex, span: Span): number {
  const start = index.locate(span.start);
  const end = index.locate(Math.max(span.start, span.end - 1));
  return String(Math.min(end.line, start.line + 4)).length;
}

/** The lines of source around a span with carets under it. Used for diagnostics and for violations in data. */
export function codeFrame(index: LineIndex, span: Span, opts: FrameRenderOptions = {}): string[] {
  const c = opts.color ? ansi : plain;
  const paint = opts.paint ?? c.red;
  const start = index.locate(span.start);
  const end = index.locate(Math.max(span.start, span.end - 1));
  const lastLine = Math.min(end.line, start.line + 4);
  const firstLine = Math.max(1, start.line - (opts.context ?? 0));
  const width = String(lastLine).length;
  const gutter = (n?: number) => c.blue(`${n === undefined ? ''.padStart(width) : String(n).padStart(width)} |`);
  const out: string[] = [];
  if (opts.header) out.push(`${''.padStart(width)}${c.blue('-->')} ${opts.header}`);
  out.push(gutter());
  for (let line = firstLine; line <= lastLine; line++) {
    const text = index.lineText(line);
    out.push(`${gutter(line)} ${text}`.trimEnd());
    if (line < start.line) continue;
    const from = line === start.line ? start.column - 1 : 0;
    const to = line === end.line ? end.column : text.length;
    const count = Math.max(1, to - from);
    const label = line === lastLine && opts.label ? ` ${opts.label}` : '';
    out.push(`${gutter()} ${' '.repeat(from)}${paint('^'.repeat(count))}${label}`);
  }
  return out;
}

/** Sort diagnostics by position, then code, so output is stable. */
export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return [...diags].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
}
