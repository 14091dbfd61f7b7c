/**
 * The import graph of the workspace's TypeScript sources, read with the
 * TypeScript compiler's own parser (every `import`, `export … from`, `import()`
 * and `import('…')` type, type-only imports included: a cycle of types is
 * still a cycle a reader has to untangle). Workspace package names resolve
 * to their source entry points, so cycles across packages show too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../../../..');

/** Workspace import names → the source file they stand for. */
const PACKAGE_ENTRIES: Readonly<Record<string, string>> = Object.freeze({
  '@sellguard/dsl': 'packages/dsl/src/index.ts',
  '@sellguard/core': 'packages/core/src/index.ts',
  '@sellguard/core/runtime': 'packages/core/src/runtime/index.ts',
  '@sellguard/core/node': 'packages/core/src/node/index.ts',
  '@sellguard/tui': 'apps/tui/src/index.ts',
});

export interface SourceFile {
  /** Path from the repository root, with forward slashes. */
  path: string;
  /** Workspace files this one imports (repository-relative). */
  imports: string[];
  /** Everything else it imports, as written: npm packages and `node:` modules. */
  external: string[];
}

/** Every .ts/.tsx file under the given folders (repository-relative), except declaration files. */
export function sourceFiles(folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  for (const folder of folders) walk(folder);
  return out.sort();
}

/** The module specifiers a source file names. */
export function specifiers(path: string): string[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      found.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The workspace file a specifier names, or undefined for npm packages and `node:` modules. */
function resolveSpecifier(from: string, spec: string): string | undefined {
  if (PACKAGE_ENTRIES[spec]) return PACKAGE_ENTRIES[spec];
  if (!spec.startsWith('.')) return undefined;
  const base = join(dirname(from), spec.replace(/\?.*$/, ''));
  const stem = base.replace(/\.(js|jsx|ts|tsx)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, `${stem}/index.tsx`, base]) {
    if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile()) return relative(ROOT, join(ROOT, candidate)).split('\\').join('/');
  }
  return undefined;
}

export function importGraph(folders: readonly string[]): Map<string, SourceFile> {
  const graph = new Map<string, SourceFile>();
  for (const path of sourceFiles(folders)) {
    const imports: string[] = [];
    const external: string[] = [];
    for (const spec of specifiers(path)) {
      const target = resolveSpecifier(path, spec);
      if (target === undefined) external.push(spec);
      else if (/\.tsx?$/.test(target)) imports.push(target);
    }
    graph.set(path, { path, imports: [...new Set(imports)], external: [...new Set(external)] });
  }
  return graph;
}

/** Every import cycle, each as the list of files around it (strongly connected components with more than one file, or a file importing itself). */
export function cycles(graph: Map<string, SourceFile>): string[][] {
  // Tarjan's algorithm.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.imports ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)!.imports.includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}

/** Every file reachable from `entry` by imports, the entry included. */
export function reachable(graph: Map<string, SourceFile>, entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const next = todo.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    todo.push(...(graph.get(next)?.imports ?? []));
  }
  return seen;
}
