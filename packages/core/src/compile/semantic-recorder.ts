/**
 * The checker's side of the semantic model: what it tells a recorder about
 * every name it resolves. The model itself (packages/core/src/semantic) is
 * built on top; the checker only knows this contract.
 */
import type { Span } from '@sellguard/dsl';
import type { Type } from './type-system.js';

export type SemanticKind = 'record' | 'field' | 'enum' | 'const' | 'let' | 'phrases' | 'metric' | 'rule' | 'variable';

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
  /** For the name after a `.`: the type of what stands before the dot (completion offers its fields). */
  objectType?: Type;
  /** For the name of a called built-in (`trim` in `trim(orderId)`): that built-in's name. */
  builtin?: string;
}

/** What the checker reports while it walks a policy; one per check. */
export interface SemanticRecorder {
  /** A name that refers to a declaration (or only has a type), at `span` in `file`. */
  use(file: string | undefined, span: Span, target: SemanticDecl | undefined, type: Type | undefined, extra?: Pick<SemanticUse, 'objectType' | 'builtin'>): void;
  /** The type a declaration got once checked (a `let`'s value), so hovering the declaration shows it even when unused. */
  typed(file: string | undefined, name: { span: Span }, type: Type): void;
  /** A variable introduced by `each`/`any`/`all`/`count`, so its uses can point back at it. */
  declareVariable(file: string | undefined, name: { text: string; span: Span }, fullSpan: Span, type: Type): SemanticDecl;
  /** The declaration behind a name, found by the recorder's index. */
  declOf(file: string | undefined, name: { span: Span }): SemanticDecl | undefined;
  fieldOf(record: string, field: string): SemanticDecl | undefined;
  metric(name: string): SemanticDecl | undefined;
  /** The `let` called `name` in the checked file. */
  letOf(name: string): SemanticDecl | undefined;
  /** The input record, once the checker knows it: bare field names refer to its fields. */
  inputRecord: string;
}

