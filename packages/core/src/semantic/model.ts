/**
 * The semantic model of a checked policy: every declaration, every use of a
 * name with the declaration it refers to and the type the checker gave it,
 * and for every declaration its references (like Langium's linker).
 *
 * Hover, go-to-definition, find-references, rename, completion and semantic
 * highlighting are all answered from it, in the playground and in the
 * language server alike. It is browser-safe and built from parse + check
 * only, never from generated code.
 */
import type { Span } from '@sellguard/dsl';
import type { Type } from '../compile/type-system.js';
import type { SemanticDecl, SemanticUse } from '../compile/semantic-recorder.js';

export type { SemanticDecl, SemanticKind, SemanticRecorder, SemanticUse } from '../compile/semantic-recorder.js';

export interface SemanticModel {
  file: string;
  decls: SemanticDecl[];
  uses: SemanticUse[];
  /** The use or declaration name under `offset` in `file`. */
  at(file: string, offset: number): { span: Span; decl?: SemanticDecl; type?: Type; isDeclaration: boolean } | undefined;
  /** Every use of a declaration (not the declaration itself). */
  referencesOf(decl: SemanticDecl): SemanticUse[];
}

export function sameDecl(a: SemanticDecl, b: SemanticDecl): boolean {
  return a.file === b.file && a.span.start === b.span.start && a.kind === b.kind && a.name === b.name;
}

export function modelOf(file: string, decls: SemanticDecl[], uses: SemanticUse[]): SemanticModel {
  const within = (s: Span, offset: number) => s.start <= offset && offset <= s.end;
  return {
    file,
    decls,
    uses,
    at(inFile, offset) {
      const use = uses.find((u) => u.file === inFile && within(u.span, offset));
      if (use) return { span: use.span, ...(use.target ? { decl: use.target } : {}), ...(use.type ? { type: use.type } : {}), isDeclaration: false };
      const decl = decls.find((d) => d.file === inFile && within(d.span, offset));
      if (decl) return { span: decl.span, decl, ...(decl.type ? { type: decl.type } : {}), isDeclaration: true };
      return undefined;
    },
    referencesOf(decl) {
      return uses.filter((u) => u.target && sameDecl(u.target, decl));
    },
  };
}
