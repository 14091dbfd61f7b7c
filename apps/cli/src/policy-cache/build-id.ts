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

/** The build's id, or undefined when the program was not built by build.mjs (then nothing is cached). */
export function buildId(): string | undefined {
  try {
    const id = readFileSync(join(packageRoot(), 'dist', BUILD_ID_FILE), 'utf8').trim();
    return /^[0-9a-f]{16,}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
