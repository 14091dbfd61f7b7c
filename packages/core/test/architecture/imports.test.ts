/**
 * The shape of the code, checked on every test run: no import cycle anywhere in
 * packages/ or apps/, each layer of core imports only the layers below it, and
 * what runs in a browser never imports a Node module. docs/architecture.md
 * draws the same layers.
 */
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, reachable } from './source-graph.js';

const graph = importGraph(['packages/dsl/src', 'packages/core/src', 'apps/cli/src', 'apps/tui/src', 'apps/web/src']);

/**
 * The layers of packages/core/src, lowest first, and what each may import.
 * `types.ts` holds the shapes every layer shares.
 */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'types.ts': [],
  runtime: ['types.ts'],
  compile: ['types.ts', 'runtime'],
  explain: ['types.ts', 'runtime', 'compile'],
  policy: ['types.ts', 'runtime', 'compile', 'explain'],
  input: [],
  report: ['types.ts', 'runtime'],
  check: ['types.ts', 'runtime', 'report'],
  project: ['types.ts', 'runtime', 'compile', 'report', 'check'],
  semantic: ['types.ts', 'runtime', 'compile'],
  service: ['types.ts', 'runtime', 'compile', 'policy', 'semantic'],
  // SQL for dataset policies: written from the IR, its results merged into a report as a run's would be.
  sql: ['types.ts', 'runtime', 'compile', 'report', 'check'],
  node: ['types.ts', 'runtime', 'compile', 'policy', 'input', 'check', 'report', 'project'],
  'index.ts': ['types.ts', 'runtime', 'compile', 'explain', 'policy', 'input', 'report', 'check', 'service', 'project', 'semantic'],
});

const CORE = 'packages/core/src/';

/** The layer of a core source file: its first folder, or the file itself at the top. */
function layerOf(path: string): string | undefined {
  if (!path.startsWith(CORE)) return undefined;
  return path.slice(CORE.length).split('/')[0];
}

const isNodeModule = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);

describe('import graph', () => {
  it('reads the sources (a broken reader would make every rule below pass)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('packages/core/src/index.ts')?.imports).toContain('packages/core/src/types.ts');
    expect(graph.get('packages/core/src/runtime/detect.ts')?.imports).toContain('packages/core/src/runtime/scan.ts');
  });

  it('has no import cycle in packages/ and apps/', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const looped = new Map([
      ['a.ts', { path: 'a.ts', imports: ['b.ts'], external: [] }],
      ['b.ts', { path: 'b.ts', imports: ['c.ts'], external: [] }],
      ['c.ts', { path: 'c.ts', imports: ['a.ts'], external: [] }],
      ['d.ts', { path: 'd.ts', imports: ['a.ts'], external: [] }],
    ]);
    expect(cycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});

describe('layers of core', () => {
  it('every core folder is a known layer', () => {
    const layers = new Set([...graph.keys()].map(layerOf).filter((l): l is string => l !== undefined));
    expect([...layers].filter((l) => !(l in MAY_IMPORT))).toEqual([]);
  });

  it('each layer imports only itself and the layers it builds on', () => {
    const wrong: string[] = [];
    for (const file of graph.values()) {
      const layer = layerOf(file.path);
      if (layer === undefined) continue;
      for (const target of file.imports) {
        const to = layerOf(target);
        if (to === undefined || to === layer) continue;
        if (!MAY_IMPORT[layer]?.includes(to)) wrong.push(`${file.path} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the runtime (what generated code imports) needs nothing above it', () => {
    const runtime = reachable(graph, 'packages/core/src/runtime/index.ts');
    expect([...runtime].filter((f) => !f.startsWith(`${CORE}runtime/`) && f !== `${CORE}types.ts` && !f.startsWith('packages/dsl/src/'))).toEqual([]);
  });

  it('the language package knows only syntax: it imports nothing else of ours', () => {
    const outside = [...graph.values()].filter((f) => f.path.startsWith('packages/dsl/src/')).flatMap((f) => f.imports.filter((t) => !t.startsWith('packages/dsl/src/')));
    expect(outside).toEqual([]);
  });
});

describe('browser-safe entries', () => {
  for (const entry of [`${CORE}index.ts`, `${CORE}runtime/index.ts`, 'packages/dsl/src/index.ts']) {
    it(`${entry} reaches no Node module`, () => {
      const files = [...reachable(graph, entry)];
      expect(files.length).toBeGreaterThan(1);
      const nodeImports = files.flatMap((f) => graph.get(f)!.external.filter(isNodeModule).map((spec) => `${f} imports ${spec}`));
      expect(nodeImports).toEqual([]);
    });
  }
});
