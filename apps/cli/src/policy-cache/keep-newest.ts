/**
 * Pruning a cache folder: both caches (compiled policies, V8's code cache of
 * the program) keep only their newest files, so neither grows without bound.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Delete all but the `keep` most recently written files of `dir` that `ours` accepts (temporary files a killed
 * run left behind included). Never throws: another run may be pruning at the same time, and what is left is
 * pruned next time.
 */
export function keepNewest(dir: string, ours: (name: string) => boolean, keep: number): void {
  try {
    const files = readdirSync(dir).filter(ours);
    if (files.length <= keep) return;
    const dated = files.flatMap((f) => {
      try {
        return [{ f, at: statSync(join(dir, f)).mtimeMs }];
      } catch {
        return [];
      }
    });
    dated.sort((a, b) => b.at - a.at);
    for (const { f } of dated.slice(keep)) rmSync(join(dir, f), { force: true });
  } catch {
    // See above: a later run prunes what this one could not.
  }
}
