/** The evaluation context of a Node process, with the spelling dictionary from `dictionary-en`. */
import { createSpeller, evalContext } from '../runtime/index.js';
import type { CompiledPolicy, EvalContext, Speller } from '../types.js';
import { englishDictionaryForSpeller } from './word-table.js';

/** A speller from the `dictionary-en` package, from the word table prepared by the build when there is one (build one per process). */
export function loadSpeller(): Speller {
  return createSpeller(englishDictionaryForSpeller());
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
