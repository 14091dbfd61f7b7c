/**
 * Stage 1: resolve names and imports.
 *
 * Builds one scope per policy file (its own declarations plus what it
 * imports), follows imports through the host's `readFile`, and reports
 * duplicates, missing files and missing names. Types and expressions are
 * checked in the next stage.
 */
import { parse } from '@sellguard/dsl';
import type {
  MetricDecl,
  ConstDecl,
  Diagnostic,
  EnumDecl,
  ExampleDecl,
  Name,
  PhrasesDecl,
  PolicyFile,
  RecordDecl,
  RuleDecl,
} from '@sellguard/dsl';
import { M, diag } from './codes.js';
import { suggestionHelp } from './suggest.js';

export type Decl = RecordDecl | EnumDecl | ConstDecl | PhrasesDecl;

export interface SymbolEntry {
  decl: Decl;
  /** The file that declares it (undefined: the file being compiled). */
  file?: string;
  /** The scope of the declaring file, where the declaration's own references resolve. */
  scope: Scope;
}

export interface Scope {
  file?: string;
  symbols: Map<string, SymbolEntry>;
}

export interface ResolvedPolicy {
  ast: PolicyFile;
  scope: Scope;
  rules: RuleDecl[];
  examples: ExampleDecl[];
  metrics: MetricDecl[];
  /** Every record and enum reachable from this policy, by name. */
  records: Map<string, SymbolEntry>;
  enums: Map<string, SymbolEntry>;
}

/**
 * Why a host would not read an imported file (its content is never shown):
 * outside the project folder `root`, not a regular file (a device, a pipe,
 * /proc), or larger than a policy file may be.
 */
export type ImportRefusal = { refused: 'outside'; root: string } | { refused: 'not-a-file' } | { refused: 'too-large'; size: number; limit: number };

/** Reads an imported policy file: its text, undefined when it does not exist, or why it may not be read. */
export type ReadImport = (path: string) => string | undefined | ImportRefusal;

export interface ResolveOptions {
  fileName?: string;
  readFile?: ReadImport;
}

/** 1234567 → "1.2 MB". */
function sizeText(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} KB`;
}

export function resolve(ast: PolicyFile, opts: ResolveOptions = {}): { resolved: ResolvedPolicy; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const records = new Map<string, SymbolEntry>();
  const enums = new Map<string, SymbolEntry>();
  const loaded = new Map<string, Scope | 'loading'>();

  const register = (entry: SymbolEntry) => {
    const table = entry.decl.kind === 'RecordDecl' ? records : entry.decl.kind === 'EnumDecl' ? enums : null;
    if (!table) return;
    const name = entry.decl.name.text;
    const existing = table.get(name);
    if (existing && existing.decl !== entry.decl && existing.file !== entry.file) {
      diagnostics.push(diag(M.typesShareName, entry.decl.name.span, { name }, { file: entry.file }));
      return;
    }
    table.set(name, entry);
  };

  const buildScope = (file: PolicyFile, fileName: string | undefined, chain: string[]): Scope => {
    const scope: Scope = { file: fileName, symbols: new Map() };
    const inFile = (d: Diagnostic): Diagnostic => (fileName === opts.fileName || fileName === undefined ? d : { ...d, file: fileName });
    for (const decl of file.declarations) {
      if (decl.kind !== 'RecordDecl' && decl.kind !== 'EnumDecl' && decl.kind !== 'ConstDecl' && decl.kind !== 'PhrasesDecl') continue;
      const name = decl.name.text;
      if (!name) continue;
      const previous = scope.symbols.get(name);
      if (previous) {
        diagnostics.push(
          inFile(diag(M.declaredTwice, decl.name.span, { name }, { related: [{ message: 'first declared here', span: previous.decl.name.span }] })),
        );
        continue;
      }
      const entry: SymbolEntry = { decl, file: fileName === opts.fileName ? undefined : fileName, scope };
      scope.symbols.set(name, entry);
      register(entry);
    }
    for (const imp of file.imports) {
      const target = joinPath(fileName, imp.from.value);
      const imported = loadImport(target, imp.from.span, chain, inFile);
      if (!imported) continue;
      for (const name of imp.names) {
        const entry = imported.symbols.get(name.text);
        if (!entry) {
          const available = [...imported.symbols.keys()];
          const isRuleOrExample = importedRuleNames(imported).has(name.text);
          diagnostics.push(
            inFile(
              isRuleOrExample
                ? diag(M.ruleNotImportable, name.span, { name: name.text })
                : diag(M.importedNameMissing, name.span, { file: imp.from.value, name: name.text }, { help: suggestionHelp(name.text, available, 'importable names there') }),
            ),
          );
          continue;
        }
        if (scope.symbols.has(name.text)) {
          diagnostics.push(
            inFile(diag(M.importedAndDeclared, name.span, { name: name.text })),
          );
          continue;
        }
        scope.symbols.set(name.text, entry);
      }
    }
    return scope;
  };

  const ruleNamesByScope = new WeakMap<Scope, Set<string>>();
  const importedRuleNames = (scope: Scope) => ruleNamesByScope.get(scope) ?? new Set<string>();

  const loadImport = (
    path: string,
    span: { start: number; end: number },
    chain: string[],
    inFile: (d: Diagnostic) => Diagnostic,
  ): Scope | undefined => {
    const cached = loaded.get(path);
    if (cached === 'loading' || chain.includes(path)) {
      diagnostics.push(
        inFile(diag(M.importCycle, span, { path, chain: [...chain, path].join(' → ') })),
      );
      return undefined;
    }
    if (cached) return cached;
    const text = opts.readFile?.(path);
    if (typeof text === 'object') {
      const refusal =
        text.refused === 'outside'
          ? diag(M.importOutsideProject, span, { path, root: text.root })
          : text.refused === 'not-a-file'
            ? diag(M.importNotAFile, span, { path })
            : diag(M.importTooLarge, span, { path, size: sizeText(text.size), limit: sizeText(text.limit) });
      diagnostics.push(inFile(refusal));
      return undefined;
    }
    if (text === undefined) {
      diagnostics.push(
        inFile(diag(M.importNotFound, span, { path })),
      );
      return undefined;
    }
    loaded.set(path, 'loading');
    const parsed = parse(text);
    const problems = parsed.diagnostics.filter((d) => d.severity === 'error');
    if (problems.length > 0) {
      for (const d of parsed.diagnostics) diagnostics.push({ ...d, file: path });
      diagnostics.push(inFile(diag(M.importErrors, span, { path })));
    }
    const scope = buildScope(parsed.ast, path, [...chain, path]);
    ruleNamesByScope.set(
      scope,
      new Set(parsed.ast.declarations.flatMap((d) => (d.kind === 'RuleDecl' ? [d.id.text] : []))),
    );
    loaded.set(path, scope);
    return scope;
  };

  const root = opts.fileName ?? '<policy>';
  const scope = buildScope(ast, opts.fileName, [root]);

  const rules: RuleDecl[] = [];
  const seenRules = new Map<string, RuleDecl>();
  const examples: ExampleDecl[] = [];
  const metrics: MetricDecl[] = [];
  for (const decl of ast.declarations) {
    if (decl.kind === 'MetricDecl') {
      const prior = metrics.find((m) => m.name.text === decl.name.text);
      if (prior) {
        diagnostics.push(diag(M.metricsShareName, decl.name.span, { name: decl.name.text }, { related: [{ message: 'the first metric with this name', span: prior.name.span }] }));
        continue;
      }
      metrics.push(decl);
      continue;
    }
    if (decl.kind === 'RuleDecl') {
      const prior = seenRules.get(decl.id.text);
      if (prior) {
        diagnostics.push(diag(M.duplicateRule, decl.id.span, { name: decl.id.text }, { related: [{ message: 'the first rule with this id', span: prior.id.span }] }));
        continue;
      }
      seenRules.set(decl.id.text, decl);
      rules.push(decl);
    } else if (decl.kind === 'ExampleDecl') {
      examples.push(decl);
    }
  }

  return { resolved: { ast, scope, rules, examples, metrics, records, enums }, diagnostics };
}

/** Look a name up in a scope, reporting it when unknown. */
export function lookup(scope: Scope, name: Name, diagnostics: Diagnostic[], wanted: string): SymbolEntry | undefined {
  const entry = scope.symbols.get(name.text);
  if (!entry) {
    diagnostics.push(diag(M.unknownNameOfKind, name.span, { wanted, name: name.text }, { help: suggestionHelp(name.text, [...scope.symbols.keys()], 'names declared') }));
  }
  return entry;
}

/** Resolve `./common.policy` against the importing file's folder, POSIX style (works in browsers too). */
export function joinPath(from: string | undefined, relative: string): string {
  if (relative.startsWith('/')) return normalize(relative);
  const dir = from && from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  return normalize(dir + relative);
}

function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/');
}
