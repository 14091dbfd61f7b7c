/**
 * The language service editors use (the web playground now, a VS Code
 * extension later): diagnostics, highlighting tokens, an outline of the
 * declarations, hover text and completions, all from one compile.
 */
import { tokenize, type Diagnostic, type HighlightToken, type PolicyFile, type Span } from '@sellguard/dsl';
import type { CompileOptions } from '../compile/index.js';
import { compile } from '../policy/compile.js';
import type { CompiledPolicy } from '../types.js';
import { analyzeSemantics, completeAt, describeAt, type Completions, type SemanticAnalysis } from '../semantic/index.js';

export interface SymbolInfo {
  kind: 'record' | 'field' | 'enum' | 'const' | 'let' | 'phrases' | 'metric' | 'rule' | 'example';
  name: string;
  span: Span;
  /** The record a field belongs to. */
  parent?: string;
}

export interface Analysis {
  diagnostics: Diagnostic[];
  tokens: HighlightToken[];
  symbols: SymbolInfo[];
  policy?: CompiledPolicy;
  ast: PolicyFile;
  /** Plain text describing the name under the cursor (from the semantic model), or undefined. */
  hover(offset: number): { text: string; span: Span } | undefined;
  /**
   * What fits where the cursor is: fields after `.`, enum members, keywords, built-ins (see semantic/completion).
   * `current` is the editor's text when it is newer than this analysis (same file, same imported files).
   */
  completions(offset: number, current?: string): Completions;
}

export function analyze(text: string, opts: CompileOptions = {}): Analysis {
  const result = compile(text, opts);
  const { tokens } = tokenize(text);
  const symbols = collectSymbols(result.ast);
  // The semantic model is only built when someone hovers: typing stays one compile per keystroke.
  let semantics: SemanticAnalysis | undefined;
  const semanticsOf = () => (semantics ??= analyzeSemantics(text, opts));
  return {
    diagnostics: result.diagnostics,
    tokens,
    symbols,
    ...(result.policy ? { policy: result.policy } : {}),
    ast: result.ast,
    hover: (offset) => {
      const about = describeAt(semanticsOf(), opts.fileName ?? '', offset);
      if (!about) return undefined;
      const lines = [about.title, ...about.details, ...(about.example ? [`Example: ${about.example}`] : [])];
      return { text: lines.join('\n'), span: about.span };
    },
    completions: (offset, current = text) => completeAt(current, offset, opts),
  };
}

function collectSymbols(ast: PolicyFile): SymbolInfo[] {
  const out: SymbolInfo[] = [];
  for (const d of ast.declarations) {
    if (d.kind === 'Error') continue;
    if (d.kind === 'RuleDecl') out.push({ kind: 'rule', name: d.id.text, span: d.id.span });
    else if (d.kind === 'ExampleDecl') out.push({ kind: 'example', name: d.name.value, span: d.name.span });
    else out.push({ kind: SYMBOL_KIND[d.kind], name: d.name.text, span: d.name.span });
    if (d.kind === 'RecordDecl') for (const f of d.fields) out.push({ kind: 'field', name: f.name.text, span: f.name.span, parent: d.name.text });
  }
  return out;
}

const SYMBOL_KIND = { RecordDecl: 'record', EnumDecl: 'enum', ConstDecl: 'const', LetDecl: 'let', PhrasesDecl: 'phrases', MetricDecl: 'metric' } as const;
