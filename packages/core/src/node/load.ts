/** Loading a policy file from disk, with its imports; the evaluation context with Node's spelling dictionary. */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CompileResult } from '../compile/index.js';
import { MAX_POLICY_BYTES, projectRoot, readImport } from './imports.js';
import { compile } from '../policy/compile.js';
import { createSpeller, evalContext } from '../runtime/index.js';
import type { CompiledPolicy, EvalContext, Speller } from '../types.js';

/** A speller from the `dictionary-en` package (a few hundred MB once built: build one per process). */
export function loadSpeller(): Speller {
  return createSpeller(englishDictionary());
}

/**
 * The evaluation context for checking these policies: the as-of day, and a
 * speller only when one of them checks spelling (building it takes seconds).
 * Pass `speller` to reuse one the process already built.
 */
export function contextFor(policies: ReadonlyArray<Pick<CompiledPolicy, 'detectors'> | undefined>, opts: { asOf?: number | null; speller?: () => Speller } = {}): EvalContext {
  const spells = policies.some((p) => p?.detectors.includes('spelling'));
  return evalContext({ asOf: opts.asOf ?? null, dictionary: spells ? (opts.speller ?? loadSpeller)() : null });
}

/**
 * The Hunspell files of `dictionary-en`, read only when a policy checks
 * spelling (importing the package reads them at start-up, for every command).
 */
function englishDictionary(): { aff: Uint8Array; dic: Uint8Array } {
  const dir = dirname(createRequire(import.meta.url).resolve('dictionary-en'));
  return { aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) };
}

export interface LoadedPolicy extends CompileResult {
  /** The text of the policy file. */
  source: string;
  /** The path as given. */
  fileName: string;
  /** The text of every imported file that was read, by the path the compiler asked for (diagnostics' `file`). */
  sources: Map<string, string>;
}

/** A policy file that cannot be read. Its message is a plain sentence for people. */
export class PolicyFileError extends Error {
  override name = 'PolicyFileError';
}

/**
 * Read and compile a policy file. Imports are read relative to the importing
 * file. Throws PolicyFileError when the file itself cannot be read; problems
 * in the policy (and missing imports) come back as diagnostics.
 */
export function loadPolicy(fileName: string): LoadedPolicy {
  const source = readPolicyText(fileName);
  const sources = new Map<string, string>();
  const root = projectRoot(fileName);
  const result = compile(source, {
    fileName,
    readFile: (path) => {
      const text = readImport(path, root);
      if (typeof text === 'string') sources.set(path, text);
      return text;
    },
  });
  return { ...result, source, fileName, sources };
}

function readPolicyText(fileName: string): string {
  try {
    const stat = statSync(fileName);
    if (stat.isDirectory()) throw new PolicyFileError(`cannot read policy file '${fileName}': it is a folder, not a file`);
    if (!stat.isFile()) throw new PolicyFileError(`cannot read policy file '${fileName}': it is not a regular file; give the path of a .policy file`);
    if (stat.size > MAX_POLICY_BYTES) throw new PolicyFileError(`cannot read policy file '${fileName}': it is ${Math.round(stat.size / 1e6)} MB, more than a policy file may be; give the path of a .policy file`);
    return readFileSync(fileName, 'utf8').replace(/^\ufeff/, '');
  } catch (e) {
    if (e instanceof PolicyFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOTDIR'
            ? 'a part of the path is not a folder'
            : e instanceof Error
              ? e.message
              : String(e);
    throw new PolicyFileError(`cannot read policy file '${fileName}': ${why}`);
  }
}
