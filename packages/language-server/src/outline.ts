/** Document symbols, folding ranges and semantic tokens, from the syntax tree and the semantic model. */
import type { SemanticAnalysis, SemanticKind } from '@sellguard/core';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { Workspace } from './workspace.js';

const SYMBOL_KINDS: Record<SemanticKind, SymbolKind> = {
  record: SymbolKind.Struct,
  field: SymbolKind.Field,
  enum: SymbolKind.Enum,
  const: SymbolKind.Constant,
  let: SymbolKind.Variable,
  phrases: SymbolKind.Array,
  metric: SymbolKind.Property,
  rule: SymbolKind.Function,
  variable: SymbolKind.Variable,
};

export function documentSymbols(path: string, analysis: SemanticAnalysis, ws: Workspace): DocumentSymbol[] {
  const own = analysis.model.decls.filter((d) => d.file === path && d.kind !== 'variable');
  const symbols: DocumentSymbol[] = own
    .filter((d) => d.kind !== 'field')
    .map((d) => ({
      name: d.name,
      detail: d.kind,
      kind: SYMBOL_KINDS[d.kind],
      range: ws.range(path, d.fullSpan),
      selectionRange: ws.range(path, d.span),
      ...(d.kind === 'record'
        ? {
            children: own
              .filter((f) => f.kind === 'field' && f.parent === d.name && f.span.start >= d.fullSpan.start && f.span.end <= d.fullSpan.end)
              .map((f) => ({ name: f.name, detail: 'field', kind: SymbolKind.Field, range: ws.range(path, f.fullSpan), selectionRange: ws.range(path, f.span) })),
          }
        : {}),
    }));
  for (const ex of analysis.ast.declarations)
    if (ex.kind === 'ExampleDecl')
      symbols.push({ name: ex.name.value || 'example', detail: 'example', kind: SymbolKind.Event, range: ws.range(path, ex.span), selectionRange: ws.range(path, ex.name.span) });
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line);
}

export function foldingRanges(path: string, analysis: SemanticAnalysis, ws: Workspace): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const d of analysis.ast.declarations) {
    const r = ws.range(path, d.span);
    if (r.end.line > r.start.line) out.push({ startLine: r.start.line, endLine: r.end.line });
  }
  return out;
}

export const TOKEN_TYPES = ['type', 'enum', 'property', 'variable', 'function', 'event'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'readonly'] as const;
const TOKEN_OF: Record<SemanticKind, number> = { record: 0, enum: 1, field: 2, const: 3, let: 3, phrases: 3, variable: 3, rule: 4, metric: 5 };
const FUNCTION = 4;
/** Constants and lets never change once declared. */
const readonly = (kind: SemanticKind) => (kind === 'const' || kind === 'let' ? 2 : 0);

/** LSP's relative encoding: line delta, start delta, length, type, modifiers; one token per name, on one line. */
export function semanticTokens(path: string, analysis: SemanticAnalysis, ws: Workspace): number[] {
  const items: Array<{ start: number; end: number; type: number; mods: number }> = [];
  for (const d of analysis.model.decls) if (d.file === path) items.push({ ...d.span, type: TOKEN_OF[d.kind], mods: 1 | readonly(d.kind) });
  for (const u of analysis.model.uses) {
    if (u.file !== path) continue;
    if (u.target) items.push({ ...u.span, type: TOKEN_OF[u.target.kind], mods: readonly(u.target.kind) });
    else if (u.builtin) items.push({ ...u.span, type: FUNCTION, mods: 0 });
  }
  items.sort((a, b) => a.start - b.start);
  const data: number[] = [];
  let line = 0;
  let char = 0;
  let lastStart = -1;
  for (const item of items) {
    if (item.start === lastStart) continue;
    lastStart = item.start;
    const range = ws.range(path, item);
    if (range.end.line !== range.start.line) continue;
    const dl = range.start.line - line;
    data.push(dl, dl === 0 ? range.start.character - char : range.start.character, range.end.character - range.start.character, item.type, item.mods);
    line = range.start.line;
    char = range.start.character;
  }
  return data;
}
