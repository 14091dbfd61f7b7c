/**
 * The files the server knows: open documents (their unsaved text wins) and
 * the .policy files on disk under the workspace folders, each analysed with
 * parse + check (never emit), cached by document version.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeSemantics, type SemanticAnalysis } from '@sellguard/core';
import { projectRoot, readImport } from '@sellguard/core/node';
import type { Span } from '@sellguard/dsl';
import type { Range, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** Workspaces bigger than this are not scanned for cross-file references (open files still are). */
const MAX_SCANNED_FILES = 500;

export interface Workspace {
  /** The text of a file: the open document's, else the file on disk. */
  read(path: string): string | undefined;
  analysis(path: string): SemanticAnalysis | undefined;
  /** Analyses of every policy file the server can see, for references and rename. */
  all(): SemanticAnalysis[];
  range(path: string, span: Span): Range;
  offset(path: string, position: { line: number; character: number }): number;
  setRoots(roots: string[]): void;
}

export function pathOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

export function uriOf(path: string): string {
  return path.startsWith('/') ? pathToFileURL(path).href : path;
}

export function createWorkspace(documents: TextDocuments<TextDocument>): Workspace {
  const cache = new Map<string, { text: string; analysis: SemanticAnalysis }>();
  let roots: string[] = [];

  const read = (path: string): string | undefined => {
    const open = documents.get(uriOf(path));
    if (open) return open.getText();
    // Inside the policy's project only, regular files of a policy's size: an import of /dev/zero must not hang the editor.
    const text = readImport(path, projectRoot(path));
    return typeof text === 'string' ? text : undefined;
  };
  const docOf = (path: string) => documents.get(uriOf(path)) ?? TextDocument.create(uriOf(path), 'sellguard', 0, read(path) ?? '');

  const analysis = (path: string): SemanticAnalysis | undefined => {
    const text = read(path);
    if (text === undefined) return undefined;
    const known = cache.get(path);
    if (known && known.text === text) return known.analysis;
    const result = analyzeSemantics(text, { fileName: path, readFile: read });
    cache.set(path, { text, analysis: result });
    return result;
  };

  const policyFiles = (): string[] => {
    const found: string[] = [];
    const walk = (dir: string) => {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (found.length >= MAX_SCANNED_FILES || name === 'node_modules' || name.startsWith('.')) continue;
        const full = join(dir, name);
        if (name.endsWith('.policy')) found.push(full);
        else if (!name.includes('.')) {
          try {
            if (statSync(full).isDirectory()) walk(full);
          } catch {
            // unreadable folders are skipped
          }
        }
      }
    };
    for (const root of roots) walk(root);
    for (const doc of documents.all()) if (doc.uri.startsWith('file:')) found.push(pathOf(doc.uri));
    return [...new Set(found)];
  };

  return {
    read,
    analysis,
    all: () => policyFiles().flatMap((p) => analysis(p) ?? []),
    range(path, span) {
      const doc = docOf(path);
      return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
    },
    offset(path, position) {
      return docOf(path).offsetAt(position);
    },
    setRoots(next) {
      roots = next;
    },
  };
}
