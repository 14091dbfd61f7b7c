/** The evaluation context of a Node process, with the spelling dictionary from `dictionary-en`. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
