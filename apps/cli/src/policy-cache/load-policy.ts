/**
 * A policy file ready to check records: from the cache of compiled policies
 * when this build already compiled the same text (and the files it imports
 * are unchanged), else compiled and then kept in the cache. On a cache hit
 * the parser, the checker and the compiler are not even loaded: they are
 * imported only when a policy has to be compiled.
 */
import { resolve } from 'node:path';
import { assemblePolicy, projectRoot, readImport, readPolicyText, type CompiledPolicy, type LoadedPolicy } from '@sellguard/core/node';
import { buildId } from './build-id.js';
import { policyCacheDir } from './cache-dir.js';
import { ENTRY_FORMAT, pruneEntries, readEntry, sha256, writeEntry, type CacheEntry } from './entry.js';

/** A loaded policy; `ir` and `ast` are there only when it was compiled in this run (see fullyCompiled). */
export type RunPolicy = Omit<LoadedPolicy, 'ast' | 'ir' | 'code'> & Partial<Pick<LoadedPolicy, 'ast' | 'ir'>>;

export interface LoadOptions {
  /** false: compile, and neither read nor write the cache (--no-cache). */
  cache?: boolean;
}

/** Read a policy file for checking. Throws PolicyFileError when it cannot be read; problems in it come back as diagnostics. */
export async function loadPolicyForRun(fileName: string, opts: LoadOptions = {}): Promise<RunPolicy> {
  const source = readPolicyText(fileName);
  const build = opts.cache === false ? undefined : buildId();
  const dir = build === undefined ? undefined : policyCacheDir();
  if (build === undefined || dir === undefined) return compileNow(fileName);
  const root = projectRoot(fileName);
  // The same text elsewhere imports other files and names them differently in messages: the paths are part of the key.
  const key = sha256(JSON.stringify([ENTRY_FORMAT, build, resolve(fileName), fileName, root, source]));
  const hit = fromEntry(readEntry(dir, key), fileName, source, root);
  if (hit) return hit;
  const loaded = await compileNow(fileName);
  if (loaded.policy && loaded.code && loaded.ir && !loaded.diagnostics.some((d) => d.severity === 'error')) {
    const { policySummary } = await import('@sellguard/core/node/compile');
    writeEntry(dir, {
      format: ENTRY_FORMAT,
      key,
      imports: [...loaded.sources].map(([path, text]) => ({ path, sha256: sha256(text) })),
      diagnostics: loaded.diagnostics,
      summary: policySummary(loaded.ir),
      code: { schema: loaded.code.schema, decoder: loaded.code.decoder, evaluator: loaded.code.evaluator },
      output: { module: loaded.code.module, commonjs: loaded.code.commonjs, dts: loaded.code.dts },
    });
    pruneEntries(dir);
  }
  return loaded;
}

/** The policy compiled in this run, with its IR (the SQL engines need it): the loaded one when it has it. */
export async function fullyCompiled(loaded: RunPolicy): Promise<RunPolicy & Pick<LoadedPolicy, 'ir'>> {
  if (loaded.ir) return loaded as RunPolicy & Pick<LoadedPolicy, 'ir'>;
  return compileNow(loaded.fileName);
}

async function compileNow(fileName: string): Promise<LoadedPolicy> {
  const { loadPolicy } = await import('@sellguard/core/node/compile');
  return loadPolicy(fileName);
}

/** The running policy from a cache entry, or undefined when an imported file changed (or the code does not load). */
function fromEntry(entry: CacheEntry | undefined, fileName: string, source: string, root: string): RunPolicy | undefined {
  if (!entry) return undefined;
  const sources = new Map<string, string>();
  for (const imported of entry.imports) {
    const text = readImport(imported.path, root);
    if (typeof text !== 'string' || sha256(text) !== imported.sha256) return undefined;
    sources.set(imported.path, text);
  }
  let policy: CompiledPolicy;
  try {
    policy = assemblePolicy(entry.summary, entry.code, {
      // Explaining and running examples need the compiler's IR; `check` does neither (explain, test and the TUI compile).
      explain: () => {
        throw new Error(`explaining needs the policy '${fileName}' compiled, not read from the cache`);
      },
      runExamples: () => {
        throw new Error(`running examples needs the policy '${fileName}' compiled, not read from the cache`);
      },
      output: { ...entry.output, schema: entry.code.schema },
    });
  } catch {
    return undefined;
  }
  return { policy, diagnostics: entry.diagnostics, source, fileName, sources };
}
