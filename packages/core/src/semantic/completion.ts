/**
 * Context-aware completion on the semantic model, shared by the playground
 * and the language server:
 * - after `x.`: the fields of x's record (a nested record, a list's item in a
 *   quantifier, a `let` of record type, a detector match);
 * - where an enum is expected (after `==`/`!=` against an enum value, inside
 *   `in [...]`): its members, quoted;
 * - where a statement starts: the keywords that can start one there;
 * - where an expression is expected: built-ins with their signatures, the
 *   input record's fields, constants, lets, metrics, variables in scope;
 * - in an example's `given { ... }`: the input record's fields not written
 *   yet, and an enum field's members after `key: "`;
 * - inside a comment or a string: nothing.
 * The half-typed word is replaced by a placeholder name before checking, so
 * `x.` and `a == ` parse and the name before them gets its type.
 */
import { parse, type Declaration, type Span } from '@sellguard/dsl';
import type { CompileOptions } from '../compile/index.js';
import { describe as describeType, type Type } from '../compile/type-system.js';
import { DETECTORS, matchFields } from '../compile/builtins.js';
import { BUILTIN_NAMES, builtinHelp } from './builtin-help.js';
import { analyzeSemantics, type SemanticAnalysis } from './analyze.js';

export type CompletionKind = 'keyword' | 'type' | 'field' | 'function' | 'detector' | 'enum-member' | 'const' | 'let' | 'phrases' | 'metric' | 'variable' | 'rule' | 'record';

export interface CompletionCandidate {
  label: string;
  kind: CompletionKind;
  /** One line shown beside the label: a type, a signature. */
  detail?: string;
  /** Documentation: a doc comment, a built-in's summary and example. */
  documentation?: string;
  /** The text to insert when it is not the label (a quoted enum member). */
  insert?: string;
  /** A built-in: insert `name()` with the cursor between the parentheses. */
  call?: boolean;
}

export interface Completions {
  /** Where the word being completed starts: the editor replaces from here to the cursor. */
  from: number;
  items: CompletionCandidate[];
}

const PLACEHOLDER = 'sellguardCompletionPlaceholder';
const TOP_LEVEL = ['policy', 'source', 'version', 'input', 'import', 'record', 'enum', 'const', 'let', 'phrases', 'metric', 'rule', 'example'];
const IN_RULE = ['each', 'when', 'require', 'forbid', 'hint', 'fix', 'source'];
const IN_EXAMPLE = ['given', 'expect', 'as'];
const IN_METRIC = ['count', 'rate', 'total', 'average', 'minimum', 'maximum', 'where', 'over', 'group'];
const IN_EXPRESSION = ['and', 'or', 'not', 'in', 'any', 'all', 'count', 'if', 'then', 'else', 'contains', 'startsWith', 'endsWith', 'matches', 'true', 'false', 'null'];
const TYPES = ['string', 'text', 'number', 'integer', 'percent', 'boolean', 'date', 'datetime', 'duration', 'list', 'map', 'enum'];
/** A line that ends like this continues an expression on the next line. */
const CONTINUES = /(\band|\bor|\bnot|\bin|\bthen|\belse|[,([:=<>+\-*/!])\s*$/;

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_-]/.test(c);

export function completeAt(source: string, offset: number, opts: CompileOptions = {}): Completions {
  let from = offset;
  while (from > 0 && isWordChar(source[from - 1])) from--;
  const none = { from, items: [] };
  const enumItems = enumCompletions(source, from, opts);
  if (enumItems) return { from: enumItems.from, items: enumItems.items };
  const given = givenCompletions(source, from, opts);
  if (given) return { from, items: given };
  if (inStringOrComment(source, offset)) return none;
  if (source[from - 1] === '.') return { from, items: memberCompletions(source, from, opts) };
  const lineBefore = source.slice(source.lastIndexOf('\n', from - 1) + 1, from);
  // The declaration the cursor is in needs only the syntax tree; the checker runs once, below, where types matter.
  const inside = parse(source).ast.declarations.find((d) => d.span.start < from && from <= d.span.end);
  if (/^\s*$/.test(lineBefore) && !CONTINUES.test(previousLine(source, from))) return { from, items: statementKeywords(inside) };
  const current = () => analyzeSemantics(source, opts);
  if (/\binput\s+$/.test(lineBefore)) return { from, items: namedTypes(current(), ['record']) };
  if (inside?.kind === 'RecordDecl') return { from, items: [...TYPES.map((t) => ({ label: t, kind: 'type' as const })), ...namedTypes(current(), ['record', 'enum'])] };
  if (inside?.kind === 'ExampleDecl') return { from, items: /\bexpect\b[^{}]*$/.test(lineBefore) ? ruleIds(current()) : [] };
  const patched = analyse(source, from, opts);
  if (/\bphrases\(\s*[^(),]*,\s*$/.test(lineBefore)) return { from, items: ofKind(patched, 'phrases') };
  return { from, items: expressionCompletions(patched, opts.fileName ?? '', from) };
}

/** The source with the word at `from` replaced by a placeholder name, checked. */
function analyse(source: string, from: number, opts: CompileOptions): SemanticAnalysis {
  let end = from;
  while (isWordChar(source[end])) end++;
  const patched = source.slice(0, from) + PLACEHOLDER + source.slice(end);
  return analyzeSemantics(patched, withText(patched, opts));
}

function withText(text: string, opts: CompileOptions): CompileOptions {
  const own = opts.fileName ?? '';
  return { ...opts, readFile: (p) => (p === own ? text : opts.readFile?.(p)) };
}

/**
 * Whether the cursor is in a comment or inside quotes, read from its own line
 * (text in quotes never spans lines): `#` outside quotes starts a comment,
 * `{` inside a message opens code until its `}`, `r"..."` has no escapes.
 */
function inStringOrComment(source: string, offset: number): boolean {
  const stack: Array<'text' | 'raw' | 'code'> = [];
  for (let i = source.lastIndexOf('\n', offset - 1) + 1; i < offset; i++) {
    const c = source[i];
    const top = stack.at(-1);
    if (top === 'text') {
      if (c === '\\') i++;
      else if (c === '"') stack.pop();
      else if (c === '{') stack.push('code');
    } else if (top === 'raw') {
      if (c === '"') stack.pop();
    } else if (c === '#') return true;
    else if (c === '"') stack.push(source[i - 1] === 'r' && !isWordChar(source[i - 2]) ? 'raw' : 'text');
    else if (top === 'code' && c === '}') stack.pop();
    else if (top === 'code' && c === '{') stack.push('code');
  }
  const top = stack.at(-1);
  return top === 'text' || top === 'raw';
}

function previousLine(source: string, from: number): string {
  const lines = source.slice(0, source.lastIndexOf('\n', from - 1) + 1).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].replace(/#.*$/, '');
    if (line.trim()) return line;
  }
  return '';
}

function memberCompletions(source: string, from: number, opts: CompileOptions): CompletionCandidate[] {
  const analysis = analyse(source, from, opts);
  const file = opts.fileName ?? '';
  const member = analysis.model.uses.find((u) => u.file === file && u.span.start === from && u.objectType);
  return member?.objectType ? fieldsOf(member.objectType, analysis) : [];
}

function fieldsOf(type: Type, analysis: SemanticAnalysis): CompletionCandidate[] {
  if (type.k === 'record') {
    const record = analysis.ir.records.find((r) => r.name === type.name);
    return (record?.fields ?? []).map((f) => ({
      label: f.name,
      kind: 'field',
      detail: `${type.name}.${f.name}: ${describeType(f.type)}${f.optional ? ' (optional)' : ''}`,
      ...(f.doc ? { documentation: f.doc } : {}),
    }));
  }
  if (type.k === 'match')
    return Object.entries(matchFields(type.detector)).map(([name, t]) => ({ label: name, kind: 'field', detail: `${type.detector} match .${name}: ${describeType(t)}` }));
  return [];
}

/**
 * `left == "`, `left != `, `left in ["a", "`: the members of left's enum. The
 * rest of the line is cut off and the comparison closed, so it parses.
 */
function enumCompletions(source: string, from: number, opts: CompileOptions): Completions | undefined {
  const lineStart = source.lastIndexOf('\n', from - 1) + 1;
  const lineBefore = source.slice(lineStart, from);
  const compared = /([A-Za-z_][\w.-]*)\s*(?:==|!=)\s*("?)$/.exec(lineBefore);
  // A list may span lines: look back further than this line for its `[`.
  const windowStart = Math.max(0, from - 4000);
  const listed = /([A-Za-z_][\w.-]*)\s+(?:not\s+)?in\s*\[([^\]]*?)("?)$/.exec(source.slice(windowStart, from));
  const match = compared ?? listed;
  if (!match) return undefined;
  const quoted = (compared ? compared[2] : listed![3]) === '"';
  // An odd number of quotes before the cursor: a string is open, so the cursor is not after `[` or `,`.
  if (listed && !compared && (listed[2].match(/"/g)?.length ?? 0) % 2 === 1) return undefined;
  const lineEnd = source.indexOf('\n', from) < 0 ? source.length : source.indexOf('\n', from);
  const closing = (quoted ? '"' : '""') + (compared ? '' : ']');
  const patched = source.slice(0, from) + closing + source.slice(lineEnd);
  const analysis = analyzeSemantics(patched, withText(patched, opts));
  const leftEnd = (compared ? lineStart : windowStart) + match.index + match[1].length;
  const type = analysis.model.uses.find((u) => u.file === (opts.fileName ?? '') && u.span.end === leftEnd && u.type)?.type;
  // Inside a string that is not an enum value there is nothing to offer.
  if (type?.k !== 'enum') return quoted ? { from, items: [] } : undefined;
  const already = new Set(listed && !compared ? [...listed[2].matchAll(/"([^"]*)"/g)].map((m) => m[1]) : []);
  const items = type.members
    .filter((m) => !already.has(m))
    .map((m): CompletionCandidate => ({ label: m, kind: 'enum-member', detail: type.name ? `${type.name} value` : 'value', ...(quoted ? {} : { insert: `"${m}"` }) }));
  return { from, items };
}

/**
 * In an example's `given { ... }` (one level deep): the input record's fields
 * not written yet where a key goes, an enum field's members after `key: "`.
 */
function givenCompletions(source: string, from: number, opts: CompileOptions): CompletionCandidate[] | undefined {
  const windowStart = Math.max(0, from - 4000);
  const open = /\bgiven\s*\{([^{}[\]]*)$/.exec(source.slice(windowStart, from));
  if (!open) return undefined;
  const written = open[1];
  const inString = (written.match(/"/g)?.length ?? 0) % 2 === 1;
  const atKey = !inString && /(^|,)\s*$/.test(written);
  const value = inString ? /([A-Za-z_][\w-]*)\s*:\s*"$/.exec(written) : null;
  if (!atKey && !value) return undefined;
  const analysis = analyzeSemantics(source, opts);
  const input = analysis.ir.records.find((r) => r.name === analysis.ir.inputRecord);
  if (!input) return [];
  if (value) {
    const type = input.fields.find((f) => f.name === value[1])?.type;
    return type?.k === 'enum' ? type.members.map((m) => ({ label: m, kind: 'enum-member', detail: `${input.name}.${value[1]} value` })) : [];
  }
  const used = new Set([...written.matchAll(/([A-Za-z_][\w-]*)\s*:/g)].map((m) => m[1]));
  return input.fields
    .filter((f) => !used.has(f.name))
    .map((f) => ({ label: f.name, kind: 'field', detail: `${input.name}.${f.name}: ${describeType(f.type)}`, insert: `${f.name}: `, ...(f.doc ? { documentation: f.doc } : {}) }));
}

function statementKeywords(inside: Declaration | undefined): CompletionCandidate[] {
  const words =
    inside?.kind === 'RuleDecl' ? IN_RULE : inside?.kind === 'ExampleDecl' ? IN_EXAMPLE : inside?.kind === 'MetricDecl' ? IN_METRIC : inside?.kind === 'RecordDecl' || inside?.kind === 'EnumDecl' ? [] : TOP_LEVEL;
  return words.map((w) => ({ label: w, kind: 'keyword' }));
}

function namedTypes(analysis: SemanticAnalysis, kinds: Array<'record' | 'enum'>): CompletionCandidate[] {
  return analysis.model.decls.filter((d) => (kinds as string[]).includes(d.kind)).map((d) => ({ label: d.name, kind: 'record', detail: `${d.kind} ${d.name}`, ...(d.doc ? { documentation: d.doc } : {}) }));
}

function ruleIds(analysis: SemanticAnalysis): CompletionCandidate[] {
  return analysis.ir.rules.map((r) => ({ label: r.id, kind: 'rule', detail: `rule ${r.fullId} ${r.severity}`, documentation: r.messageText }));
}

function ofKind(analysis: SemanticAnalysis, kind: 'phrases'): CompletionCandidate[] {
  return analysis.model.decls.filter((d) => d.kind === kind).map((d) => ({ label: d.name, kind, detail: `phrases ${d.name}` }));
}

function expressionCompletions(analysis: SemanticAnalysis, file: string, offset: number): CompletionCandidate[] {
  const out: CompletionCandidate[] = IN_EXPRESSION.map((w) => ({ label: w, kind: 'keyword' }));
  for (const name of BUILTIN_NAMES) {
    const help = builtinHelp(name)!;
    out.push({ label: name, kind: Object.hasOwn(DETECTORS, name) ? 'detector' : 'function', detail: help.signature, documentation: `${help.summary}\n\nExample: ${help.example}`, call: true });
  }
  const input = analysis.ir.records.find((r) => r.name === analysis.ir.inputRecord);
  for (const f of input?.fields ?? [])
    out.push({ label: f.name, kind: 'field', detail: `${input!.name}.${f.name}: ${describeType(f.type)}`, ...(f.doc ? { documentation: f.doc } : {}) });
  const inScope = (s: Span) => s.start <= offset && offset <= s.end;
  for (const d of analysis.model.decls) {
    const typed = d.type ? `: ${describeType(d.type)}` : '';
    const documentation = d.doc ? { documentation: d.doc } : {};
    if (d.kind === 'const' || d.kind === 'let') out.push({ label: d.name, kind: d.kind, detail: `${d.kind} ${d.name}${typed}`, ...documentation });
    else if (d.kind === 'metric' && analysis.ast.declarations.some((r) => r.kind === 'RuleDecl' && inScope(r.span)))
      out.push({ label: d.name, kind: 'metric', detail: `metric ${d.name}`, ...documentation });
    else if (d.kind === 'variable' && d.file === file && inScope(d.fullSpan) && d.name !== PLACEHOLDER) out.push({ label: d.name, kind: 'variable', detail: `${d.name}${typed}` });
  }
  return out;
}
