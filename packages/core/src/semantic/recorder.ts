/**
 * Builds the semantic model: declarations come from the resolved policy (its
 * own file and every file it imports), uses come from the checker through the
 * recorder's `use` calls, and the few names the checker never looks at as
 * expressions (imports, `input`, `expect` rule ids, example field keys) are
 * linked here from the syntax tree.
 */
import type { Name, RecordDecl, Span } from '@sellguard/dsl';
import type { ResolvedPolicy, Scope, SymbolEntry } from '../compile/resolve.js';
import type { Type } from '../compile/type-system.js';
import { modelOf, type SemanticDecl, type SemanticModel, type SemanticRecorder, type SemanticUse } from './model.js';

export interface ModelBuilder {
  recorder: SemanticRecorder;
  /** Links the syntax-only names and returns the finished model (call after the checker ran). */
  finish(): SemanticModel;
}

export function createRecorder(resolved: ResolvedPolicy, mainFile = ''): ModelBuilder {
  const decls: SemanticDecl[] = [];
  const uses: SemanticUse[] = [];
  const byName = new Map<Name, SemanticDecl>();
  const fields = new Map<string, SemanticDecl>();
  const fileOf = (f: string | undefined) => f ?? mainFile;

  const add = (name: Name, decl: SemanticDecl) => {
    if (byName.has(name)) return;
    byName.set(name, decl);
    decls.push(decl);
  };
  const doc = (d: { doc: string | null }) => (d.doc ? { doc: d.doc } : {});

  const addEntry = (entry: SymbolEntry) => {
    const d = entry.decl;
    const file = fileOf(entry.file);
    const kind = d.kind === 'RecordDecl' ? 'record' : d.kind === 'EnumDecl' ? 'enum' : d.kind === 'ConstDecl' ? 'const' : 'phrases';
    add(d.name, { kind, name: d.name.text, file, span: d.name.span, fullSpan: d.span, ...doc(d) });
    if (d.kind === 'RecordDecl') addFields(d, file);
  };
  const addFields = (d: RecordDecl, file: string) => {
    for (const f of d.fields) {
      const decl: SemanticDecl = { kind: 'field', name: f.name.text, file, span: f.name.span, fullSpan: f.span, parent: d.name.text, ...doc(f) };
      add(f.name, decl);
      if (!fields.has(`${d.name.text}.${f.name.text}`)) fields.set(`${d.name.text}.${f.name.text}`, decl);
    }
  };
  const seenScopes = new Set<Scope>();
  const addScope = (scope: Scope) => {
    if (seenScopes.has(scope)) return;
    seenScopes.add(scope);
    for (const entry of scope.symbols.values()) {
      addEntry(entry);
      addScope(entry.scope);
    }
  };
  addScope(resolved.scope);
  for (const entry of [...resolved.records.values(), ...resolved.enums.values()]) {
    addEntry(entry);
    addScope(entry.scope);
  }
  for (const d of resolved.ast.declarations)
    if (d.kind === 'LetDecl' && d.name.text) add(d.name, { kind: 'let', name: d.name.text, file: mainFile, span: d.name.span, fullSpan: d.span, ...doc(d) });
  for (const m of resolved.metrics) add(m.name, { kind: 'metric', name: m.name.text, file: mainFile, span: m.name.span, fullSpan: m.span, ...doc(m) });
  for (const r of resolved.rules) add(r.id, { kind: 'rule', name: r.id.text, file: mainFile, span: r.id.span, fullSpan: r.span, ...doc(r) });

  const recorder: SemanticRecorder = {
    inputRecord: '',
    use(file, span, target, type, extra) {
      uses.push({ file: fileOf(file), span, ...(target ? { target } : {}), ...(type ? { type } : {}), ...extra });
    },
    typed(_file, name, type) {
      const decl = byName.get(name as Name);
      if (decl) decl.type = type;
    },
    declareVariable(file, name, fullSpan, type) {
      const decl: SemanticDecl = { kind: 'variable', name: name.text, file: fileOf(file), span: name.span, fullSpan, type };
      decls.push(decl);
      return decl;
    },
    declOf(_file, name) {
      return byName.get(name as Name);
    },
    fieldOf(record, field) {
      return fields.get(`${record}.${field}`);
    },
    letOf(name) {
      // The first let of that name is the one in force; a later one is reported as declared twice.
      return decls.find((d) => d.kind === 'let' && d.name === name);
    },
    metric(name) {
      return decls.find((d) => d.kind === 'metric' && d.name === name);
    },
  };

  const link = (span: Span, target: SemanticDecl | undefined, type?: Type) => {
    if (target) uses.push({ file: mainFile, span, target, ...(type ? { type } : {}) });
  };

  return {
    recorder,
    finish() {
      const ast = resolved.ast;
      for (const imp of ast.imports)
        for (const name of imp.names) {
          const entry = resolved.scope.symbols.get(name.text);
          if (entry && entry.file) link(name.span, byName.get(entry.decl.name));
        }
      const input = ast.header?.input;
      if (input) {
        const entry = resolved.scope.symbols.get(input.text);
        if (entry) link(input.span, byName.get(entry.decl.name));
      }
      for (const ex of resolved.examples) {
        for (const expectation of ex.expectations)
          for (const r of expectation.rules) link(r.span, decls.find((d) => d.kind === 'rule' && d.name === r.text));
        if (ex.given?.kind === 'Object')
          for (const entry of ex.given.entries) link(entry.key.span, recorder.fieldOf(recorder.inputRecord, entry.key.text));
      }
      for (const d of decls) if ((d.kind === 'field' || d.kind === 'const') && !d.type) d.type = uses.find((u) => u.target === d && u.type)?.type;
      return modelOf(mainFile, decls, uses);
    },
  };
}
