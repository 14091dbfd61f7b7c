/**
 * Context-aware completion:
 * - after `x.`: the fields of x's record (or of a detector match);
 * - after `==`/`!=` on an enum: its members;
 * - where a statement starts: the keywords that can start one there;
 * - elsewhere in an expression: fields of the input record, constants,
 *   metrics, variables in scope and built-ins with their signatures.
 * The type before a `.` comes from re-checking the text with a placeholder
 * name after the dot, since `x.` alone does not parse.
 */
import { DETECTORS, FUNCTIONS, analyzeSemantics, describeType, matchFields, type SemanticAnalysis, type Type } from '@sellguard/core';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { signatureOf } from './hover.js';
import { wordStart } from './text.js';
import type { Workspace } from './workspace.js';

const PLACEHOLDER = 'sellguardCompletionPlaceholder';
const TOP_LEVEL = ['policy', 'source', 'version', 'input', 'import', 'record', 'enum', 'const', 'phrases', 'metric', 'rule', 'example'];
const IN_RULE = ['each', 'when', 'require', 'forbid', 'hint', 'fix', 'source'];
const IN_EXAMPLE = ['given', 'expect', 'as'];
const IN_METRIC = ['count', 'rate', 'total', 'average', 'minimum', 'maximum', 'where', 'over', 'group'];
const OPERATORS = ['and', 'or', 'not', 'in', 'any', 'all', 'count', 'if', 'then', 'else', 'contains', 'startsWith', 'endsWith', 'matches', 'true', 'false', 'null'];

export function complete(path: string, offset: number, ws: Workspace): CompletionItem[] {
  const text = ws.read(path) ?? '';
  const start = wordStart(text, offset);
  const before = text.slice(0, start);
  if (before.endsWith('.')) return memberCompletions(path, text, start, ws);
  const analysis = ws.analysis(path);
  const lineBefore = before.slice(before.lastIndexOf('\n') + 1);
  const enumMatch = /([A-Za-z_][\w.-]*)\s*(==|!=)\s*("?)$/.exec(lineBefore);
  if (enumMatch) {
    // Close the half-typed text so the comparison parses and its left side gets a type.
    const lineEnd = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    const patched = text.slice(0, start) + (enumMatch[3] ? '"' : '""') + text.slice(lineEnd);
    const leftEnd = start - lineBefore.length + enumMatch.index + enumMatch[1].length;
    const items = enumCompletions(path, leftEnd, reanalyse(path, patched, ws));
    if (items.length) return items;
  }
  if (/^\s*$/.test(lineBefore)) return statementKeywords(analysis, start);
  return expressionCompletions(path, start, analysis);
}

function memberCompletions(path: string, text: string, start: number, ws: Workspace): CompletionItem[] {
  const patched = text.slice(0, start) + PLACEHOLDER + text.slice(wordEnd(text, start));
  const analysis = reanalyse(path, patched, ws);
  const dot = start - 1;
  const object = analysis.model.uses.find((u) => u.file === path && u.span.end === dot && u.type);
  return object?.type ? fieldsOf(object.type, analysis) : [];
}

function reanalyse(path: string, patched: string, ws: Workspace): SemanticAnalysis {
  return analyzeSemantics(patched, { fileName: path, readFile: (p) => (p === path ? patched : ws.read(p)) });
}

function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_-]/.test(text[end])) end++;
  return end;
}

function fieldsOf(type: Type, analysis: SemanticAnalysis): CompletionItem[] {
  if (type.k === 'record') {
    const record = analysis.ir.records.find((r) => r.name === type.name);
    return (record?.fields ?? []).map((f) => ({
      label: f.name,
      kind: CompletionItemKind.Field,
      detail: `${type.name}.${f.name}: ${describeType(f.type)}${f.optional ? ' (optional)' : ''}`,
      ...(f.doc ? { documentation: f.doc } : {}),
    }));
  }
  if (type.k === 'match')
    return Object.entries(matchFields(type.detector)).map(([name, t]) => ({ label: name, kind: CompletionItemKind.Field, detail: `${type.detector} match .${name}: ${describeType(t)}` }));
  return [];
}

function enumCompletions(path: string, leftEnd: number, analysis: SemanticAnalysis): CompletionItem[] {
  const left = analysis.model.uses.find((u) => u.file === path && u.span.end === leftEnd && u.type);
  const type = left?.type;
  if (type?.k !== 'enum') return [];
  return type.members.map((m) => ({ label: m, kind: CompletionItemKind.EnumMember, detail: type.name ? `${type.name} value` : 'value', insertText: m, filterText: m }));
}

function statementKeywords(analysis: SemanticAnalysis | undefined, offset: number): CompletionItem[] {
  const inside = analysis?.ast.declarations.find((d) => d.span.start < offset && offset < d.span.end);
  const words = inside?.kind === 'RuleDecl' ? IN_RULE : inside?.kind === 'ExampleDecl' ? IN_EXAMPLE : inside?.kind === 'MetricDecl' ? IN_METRIC : inside?.kind === 'RecordDecl' ? [] : TOP_LEVEL;
  return words.map((w) => ({ label: w, kind: CompletionItemKind.Keyword }));
}

function expressionCompletions(path: string, offset: number, analysis: SemanticAnalysis | undefined): CompletionItem[] {
  const out: CompletionItem[] = OPERATORS.map((w) => ({ label: w, kind: CompletionItemKind.Keyword }));
  for (const [name, fn] of Object.entries(FUNCTIONS))
    out.push({ label: name, kind: CompletionItemKind.Function, detail: signatureOf(name), documentation: fn.summary, insertText: `${name}($1)`, insertTextFormat: InsertTextFormat.Snippet });
  for (const [name, det] of Object.entries(DETECTORS))
    out.push({ label: name, kind: CompletionItemKind.Function, detail: signatureOf(name), documentation: `Finds ${det.summary}.`, insertText: `${name}($1)`, insertTextFormat: InsertTextFormat.Snippet });
  if (!analysis) return out;
  const input = analysis.ir.records.find((r) => r.name === analysis.ir.inputRecord);
  for (const f of input?.fields ?? []) out.push({ label: f.name, kind: CompletionItemKind.Field, detail: `${input!.name}.${f.name}: ${describeType(f.type)}`, ...(f.doc ? { documentation: f.doc } : {}) });
  for (const d of analysis.model.decls) {
    if (d.kind === 'const' || d.kind === 'phrases') out.push({ label: d.name, kind: CompletionItemKind.Constant, detail: `${d.kind} ${d.name}` });
    else if (d.kind === 'metric') out.push({ label: d.name, kind: CompletionItemKind.Variable, detail: `metric ${d.name}` });
    else if (d.kind === 'variable' && d.file === path && d.fullSpan.start <= offset && offset <= d.fullSpan.end)
      out.push({ label: d.name, kind: CompletionItemKind.Variable, detail: d.type ? `${d.name}: ${describeType(d.type)}` : d.name });
  }
  return out;
}
