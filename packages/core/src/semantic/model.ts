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

export type SemanticKind = 'record' | 'field' | 'enum' | 'const' | 'phrases' | 'metric' | 'rule' | 'variable';

/** Where a declaration lives: `file` is the path the model was built with ('' for an unnamed policy). */
export interface SemanticDecl {
  kind: SemanticKind;
  name: string;
  file: string;
  /** The span of the declared name. */
  span: Span;
  /** The whole declaration, for outlines and folding. */
  fullSpan: Span;
  /** The record a field belongs to. */
  parent?: string;
  doc?: string;
  type?: Type;
}

export interface SemanticUse {
  file: string;
  span: Span;
  /** Undefined for names with a type but no declaration in a policy file (detector match fields). */
  target?: SemanticDecl;
  type?: Type;
}

/** What the checker reports while it walks a policy; one per check. */
export interface SemanticRecorder {
  /** A name that refers to a declaration (or only has a type), at `span` in `file`. */
  use(file: string | undefined, span: Span, target: SemanticDecl | undefined, type: Type | undefined): void;
  /** A variable introduced by `each`/`any`/`all`/`count`, so its uses can point back at it. */
  declareVariable(file: string | undefined, name: { text: string; span: Span }, fullSpan: Span, type: Type): SemanticDecl;
  /** The declaration behind a name, found by the recorder's index. */
  declOf(file: string | undefined, name: { span: Span }): SemanticDecl | undefined;
  fieldOf(record: string, field: string): SemanticDecl | undefined;
  metric(name: string): SemanticDecl | undefined;
  /** The input record, once the checker knows it: bare field names refer to its fields. */
  inputRecord: string;
}

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
