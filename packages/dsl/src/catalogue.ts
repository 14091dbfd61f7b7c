/**
 * The one shape of the diagnostics catalogue, shared by the syntax (SG1xxx, here in
 * @sellguard/dsl) and the checker (SG2xxx and SG3xxx, in @sellguard/core).
 *
 * A catalogue has two parts kept side by side, as TypeScript's diagnosticMessages.json
 * and Cedar's error enums do:
 * - codes: each stable code with its title (docs/diagnostics.md has one entry per code);
 * - messages: every message a code is reported with, as a template, with its help.
 *
 * Templates name their parameters in braces (`there is no field called \`{name}\``); the
 * parameters are typed from the template, so a call that forgets one does not compile.
 * Braces around anything that is not a plain word (`{...}`, `{ field: value }`) are text.
 */
import type { Span } from './ast.js';
import type { Diagnostic, DiagnosticSeverity, RelatedInfo } from './diagnostics.js';

/** One message of the catalogue: which code it is reported under, the message, and what to do. */
export interface MessageTemplate {
  readonly code: string;
  /** Default 'error'. */
  readonly severity?: DiagnosticSeverity;
  readonly message: string;
  readonly help?: string;
}

type NotWordChar = ' ' | '.' | ',' | ':' | ';' | "'" | '"' | '`' | '{' | '}' | '(' | ')' | '[' | ']' | '=' | '<' | '>' | '/' | '-' | '!' | '?' | '*' | '\\';
type Word<P extends string> = P extends '' ? never : P extends `${string}${NotWordChar}${string}` ? never : P;

/** The parameter names of a template: `cannot compare {left} with {right}` → 'left' | 'right'. */
export type TemplateParams<S extends string> = string extends S ? string : S extends `${string}{${infer P}}${infer Rest}` ? Word<P> | TemplateParams<Rest> : never;

/** The arguments a message needs: one value per parameter of its message and its help. */
export type MessageArgs<T extends MessageTemplate> = Record<TemplateParams<T['message']> | (T['help'] extends string ? TemplateParams<T['help']> : never), string | number>;

/** Options that vary per report rather than per message. */
export interface ReportExtras {
  /** Help computed at the report (a "did you mean" suggestion); replaces the template's help. */
  help?: string;
  related?: RelatedInfo[];
  /** The file the span points into, when it is not the file being compiled. */
  file?: string;
}

const PARAM = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Fill a template's `{name}` parameters; a parameter without a value stays as written. */
export function fillTemplate(template: string, args: Readonly<Record<string, string | number>>): string {
  return template.replace(PARAM, (whole, name: string) => (Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole));
}

/** A diagnostic from a catalogue message, its arguments and where it is. */
export function report<T extends MessageTemplate>(template: T, span: Span, args: MessageArgs<T>, extras: ReportExtras = {}): Diagnostic {
  const values = args as Record<string, string | number>;
  const d: Diagnostic = { code: template.code, severity: template.severity ?? 'error', message: fillTemplate(template.message, values), span };
  const help = extras.help ?? (template.help === undefined ? undefined : fillTemplate(template.help, values));
  if (help !== undefined) d.help = help;
  if (extras.file !== undefined) d.file = extras.file;
  if (extras.related !== undefined) d.related = extras.related;
  return d;
}

/**
 * Declare a catalogue's messages against its codes: every message names a code of the
 * table (checked by the compiler), and the message and help texts keep their literal
 * types so their parameters are known.
 */
export function defineMessages<C extends string, const T extends Record<string, MessageTemplate & { code: C }>>(_codes: Readonly<Record<C, string>>, messages: T): T {
  return messages;
}

/** Every code of a catalogue with its title and the messages reported under it: the docs and their tests read this. */
export function catalogueEntries(codes: Readonly<Record<string, string>>, messages: Readonly<Record<string, MessageTemplate>>): Array<{ code: string; title: string; messages: MessageTemplate[] }> {
  return Object.entries(codes).map(([code, title]) => ({ code, title, messages: Object.values(messages).filter((m) => m.code === code) }));
}

// ------------------------------------------------------------------ suggestions

/**
 * Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one
 * substring): insertions, deletions, substitutions and swaps of two neighbouring letters
 * each cost 1, so `titel` is one edit from `title`. Case is ignored.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = [Array.from({ length: t.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[s.length][t.length];
}

/**
 * The candidate closest to what was written, when it is close enough to be a typo:
 * at most `maxDistance` edits (default: a third of the word, at least 1). With
 * `prefix`, a single candidate that starts with what was written also counts
 * ("promo" → "promotion").
 */
export function closestName(written: string, candidates: Iterable<string>, opts: { maxDistance?: number; prefix?: boolean } = {}): string | undefined {
  const list = [...candidates];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of list) {
    const d = editDistance(written, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = opts.maxDistance ?? Math.max(1, Math.floor(written.length / 3));
  if (best !== undefined && bestDistance <= limit) return best;
  if (!opts.prefix) return undefined;
  const lower = written.toLowerCase();
  const prefixed = list.filter((c) => lower.length >= 3 && c.toLowerCase().startsWith(lower));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

// ------------------------------------------------------------------ syntax codes

/** Every syntax diagnostic code with its title (docs/diagnostics.md has an entry with examples for each). */
export const SYNTAX_CODES = {
  SG1001: 'a character that is not part of the language',
  SG1002: 'text not closed before the end of the line',
  SG1003: 'missing type',
  SG1004: 'missing closing bracket',
  SG1005: 'unknown severity',
  SG1006: "missing ':' after a field name",
  SG1007: "'expect' without a rule name",
  SG1008: "'&&' or '||' instead of 'and' or 'or'",
  SG1009: "'!' instead of 'not'",
  SG1010: "'=' instead of '=='",
  SG1011: 'chained comparison',
  SG1012: 'missing name',
  SG1013: "'import' without 'from'",
  SG1014: 'reserved word used as a name',
  SG1015: 'impossible date or time',
  SG1016: 'unexpected text between declarations',
  SG1017: 'unexpected text inside a block',
  SG1018: 'missing value or condition',
  SG1019: 'unexpected word or symbol',
  SG1020: 'text in single or curly quotes',
  SG1021: "'{' in a message not closed",
  SG1022: "empty '{}' in a message",
  SG1023: "quotes inside '{...}' in a message",
  SG1024: 'line given twice',
  SG1025: 'import after declarations',
  SG1026: "'policy' line not at the top",
  SG1027: "unknown kind of 'fix'",
  SG1028: "missing 'start' or 'end'",
  SG1029: "'===' or '!=='",
  SG1030: "missing '{'",
  SG1031: "missing '='",
  SG1032: 'number too large',
  SG1033: 'missing text in double quotes',
  SG1034: 'unknown escape in text',
  SG1035: 'missing comma between items',
  SG1036: "'1 -1' read as a subtraction",
  SG1037: 'expression nested too deeply',
  SG1098: 'formatter left the file unchanged',
  SG1099: 'internal error',
} as const;

export type SyntaxCode = keyof typeof SYNTAX_CODES;
