/**
 * What identifies this build of the command: a hash of the bundled program,
 * written next to it by build.mjs. A compiled policy is reused only by the
 * very build that compiled it, so a new version (or a rebuild with a changed
 * compiler) never runs code compiled by another.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

export const BUILD_ID_FILE = 'build-id.txt';

/** Replaced with `true` by build.mjs; undeclared when tsc's unbundled output runs. */
declare const SELLGUARD_BUNDLED: boolean | undefined;

/**
 * The build's id, or undefined when this code is not the bundle build.mjs
 * made (tsc's unbundled output may sit next to the id of an older bundle):
 * then nothing is cached.
 */
export function buildId(): string | undefined {
  if (typeof SELLGUARD_BUNDLED === 'undefined' || !SELLGUARD_BUNDLED) return undefined;
  try {
    const id = readFileSync(join(packageRoot(), 'dist', BUILD_ID_FILE), 'utf8').trim();
    return /^[0-9a-f]{16,}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
