/**
 * Completion: core's context-aware completion (the same the playground uses),
 * turned into LSP items that replace the word being typed.
 */
import { completeAt, type CompletionKind } from '@sellguard/core';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { Workspace } from './workspace.js';

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  type: CompletionItemKind.TypeParameter,
  record: CompletionItemKind.Struct,
  field: CompletionItemKind.Field,
  function: CompletionItemKind.Function,
  detector: CompletionItemKind.Function,
  'enum-member': CompletionItemKind.EnumMember,
  const: CompletionItemKind.Constant,
  let: CompletionItemKind.Variable,
  phrases: CompletionItemKind.Constant,
  metric: CompletionItemKind.Variable,
  variable: CompletionItemKind.Variable,
  rule: CompletionItemKind.Reference,
};

export function complete(path: string, offset: number, ws: Workspace): CompletionItem[] {
  const text = ws.read(path) ?? '';
  const { from, items } = completeAt(text, offset, { fileName: path, readFile: (p) => ws.read(p) });
  const range = ws.range(path, { start: from, end: offset });
  return items.map((c) => ({
    label: c.label,
    kind: KINDS[c.kind],
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.documentation ? { documentation: { kind: 'markdown' as const, value: c.documentation } } : {}),
    ...(c.call
      ? { textEdit: { range, newText: `${c.label}($1)` }, insertTextFormat: InsertTextFormat.Snippet }
      : { textEdit: { range, newText: c.insert ?? c.label } }),
    filterText: c.label,
  }));
}
