/**
 * A policy file ready to check records: from the cache of compiled policies
 * when this build already compiled the same text (and the files it imports
 * are unchanged), else compiled and then kept in the cache. On a cache hit
 * the parser, the checker and the compiler are not even loaded: they are
 * imported only when a policy has to be compiled.
 */
import { resolve } from 'node:path';
import { assemblePolicy, projectRoot, readImport, readPolicyText, type CompiledPolicy, type LoadedPolicy } from '@sellguard/core/node';
import type { IrPolicy } from '@sellguard/core/ir';
import { buildId } from './build-id.js';
import { policyCacheDir } from './cache-dir.js';
import { ENTRY_FORMAT, pruneEntries, readEntry, sha256, writeEntry, type CacheEntry } from './entry.js';

/** A loaded policy; `ir` and `ast` are there only when it was compiled in this run (see fullyCompiled). */
export type RunPolicy = Omit<LoadedPolicy, 'ast' | 'ir' | 'code'> & Partial<Pick<LoadedPolicy, 'ast' | 'ir'>>;

export interface LoadOptions {
  /** false: compile, and neither read nor write the cache (--no-cache). */
  cache?: boolean;
  /** true: the policy must explain records and run its examples (explain, test): from the IR kept in the entry. */
  explains?: boolean;
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
  const hit = await fromEntry(readEntry(dir, key), fileName, source, root, opts.explains === true);
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
      ...(survivesJson(loaded.ir) ? { ir: loaded.ir } : {}),
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

/**
 * Whether the IR reads back from JSON as it is: plain objects, arrays,
 * strings, booleans, null and finite numbers. A property set to undefined
 * (a field without a default) reads back absent, which the code reading the
 * IR treats alike (it asks `!== undefined`).
 */
function survivesJson(ir: unknown): boolean {
  try {
    return sameAfterJson(JSON.parse(JSON.stringify(ir)) as unknown, ir);
  } catch {
    return false;
  }
}

function sameAfterJson(back: unknown, value: unknown): boolean {
  if (value === null || typeof value !== 'object') return Object.is(back, value);
  if (Array.isArray(value)) return Array.isArray(back) && back.length === value.length && value.every((v, i) => v !== undefined && sameAfterJson(back[i], v));
  const proto = Object.getPrototypeOf(value) as unknown;
  if ((proto !== Object.prototype && proto !== null) || back === null || typeof back !== 'object' || Array.isArray(back)) return false;
  const read = back as Record<string, unknown>;
  const entries = Object.entries(value as Record<string, unknown>);
  const kept = entries.filter(([, v]) => v !== undefined);
  return Object.keys(read).length === kept.length && kept.every(([k, v]) => Object.hasOwn(read, k) && sameAfterJson(read[k], v));
}

/**
 * The running policy from a cache entry, or undefined when an imported file
 * changed, the code does not load, or the caller explains records and the
 * entry has no IR (then it is compiled).
 */
async function fromEntry(entry: CacheEntry | undefined, fileName: string, source: string, root: string, explains: boolean): Promise<RunPolicy | undefined> {
  if (!entry || (explains && entry.ir === undefined)) return undefined;
  const sources = new Map<string, string>();
  for (const imported of entry.imports) {
    const text = readImport(imported.path, root);
    if (typeof text !== 'string' || sha256(text) !== imported.sha256) return undefined;
    sources.set(imported.path, text);
  }
  // Explaining and running examples work from the compiler's IR; `check` does neither, so it does not load that code.
  const fromIr = explains ? (await import('@sellguard/core/ir')).extrasFromIr(entry.ir as IrPolicy, source, () => policy) : undefined;
  let policy: CompiledPolicy;
  try {
    policy = assemblePolicy(entry.summary, entry.code, {
      explain:
        fromIr?.explain ??
        (() => {
          throw new Error(`explaining needs the policy '${fileName}' compiled, not read from the cache`);
        }),
      runExamples:
        fromIr?.runExamples ??
        (() => {
          throw new Error(`running examples needs the policy '${fileName}' compiled, not read from the cache`);
        }),
      output: { ...entry.output, schema: entry.code.schema },
    });
  } catch {
    return undefined;
  }
  return { policy, diagnostics: entry.diagnostics, source, fileName, sources };
}
