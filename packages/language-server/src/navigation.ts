/** Go to definition, find references and rename, across every policy file the server can see. */
import { sameDecl, type SemanticDecl } from '@sellguard/core';
import type { Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { uriOf, type Workspace } from './workspace.js';

export function declarationAt(path: string, offset: number, ws: Workspace): SemanticDecl | undefined {
  return ws.analysis(path)?.model.at(path, offset)?.decl;
}

export function definition(path: string, offset: number, ws: Workspace): Location | undefined {
  const decl = declarationAt(path, offset, ws);
  return decl ? { uri: uriOf(decl.file), range: ws.range(decl.file, decl.span) } : undefined;
}

/** Every place the declaration is used, in any file; each place once. */
export function references(decl: SemanticDecl, includeDeclaration: boolean, ws: Workspace): Location[] {
  const seen = new Set<string>();
  const out: Location[] = [];
  const add = (file: string, span: { start: number; end: number }) => {
    const key = `${file}:${span.start}:${span.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ uri: uriOf(file), range: ws.range(file, span) });
  };
  if (includeDeclaration) add(decl.file, decl.span);
  // Rules, metrics and lets are only visible in their own file; the rest may be imported anywhere.
  const analyses = decl.kind === 'rule' || decl.kind === 'metric' || decl.kind === 'let' || decl.kind === 'variable' ? [ws.analysis(decl.file)].filter((a) => a !== undefined) : ws.all();
  for (const a of analyses)
    for (const use of a.model.uses) if (use.target && sameDecl(use.target, decl)) add(use.file, use.span);
  return out;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*$/;

export function rename(path: string, offset: number, newName: string, ws: Workspace): WorkspaceEdit | { error: string } {
  const decl = declarationAt(path, offset, ws);
  if (!decl) return { error: 'there is no record, field, constant, let, rule or metric here to rename: put the cursor on a name' };
  if (!NAME.test(newName)) return { error: `\`${newName}\` is not a valid name: use letters, digits, '_' and '-', starting with a letter` };
  const changes: Record<string, TextEdit[]> = {};
  for (const loc of references(decl, true, ws)) (changes[loc.uri] ??= []).push({ range: loc.range, newText: newName });
  return { changes };
}
