/**
 * The files of V8's code cache for the bundled program (see launcher.ts).
 * V8 checks a cache only by the length of the source, so the file name
 * carries the build's id (a hash of the bundle, dist/build-id.txt): a cache
 * is never offered to another build.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keepNewest } from '../policy-cache/keep-newest.js';

/** The commands whose runs get a cache of their own (each compiles different functions); anything else shares one. */
const COMMANDS = new Set(['check', 'watch', 'test', 'explain', 'fix', 'init', 'completion', 'fmt', 'compile', 'tui', 'lsp']);

/** How many cache files are kept (a few commands for a few builds and Node versions). */
export const MAX_CODE_CACHES = 40;

/** The cache file for this build and command, or undefined when caching is off or the build has no id. */
export function codeCacheFile(dir: string | undefined, dist: string, command: string | undefined): string | undefined {
  if (dir === undefined) return undefined;
  let build: string;
  try {
    build = readFileSync(join(dist, 'build-id.txt'), 'utf8').trim();
  } catch {
    return undefined;
  }
  if (!/^[0-9a-f]{16,}$/.test(build)) return undefined;
  const what = command !== undefined && COMMANDS.has(command) ? command : 'other';
  return join(dir, `${build}-node${process.versions.node}-${process.arch}-${what}.v8cache`);
}

export function readCodeCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Write the cache (to a temporary name, renamed into place); a folder that cannot be written only means no cache. */
export function writeCodeCache(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, file);
    pruneCodeCaches(join(file, '..'));
  } catch {
    removeQuietly(temp);
  }
}

/** Remove a file if it is there; a path that cannot even be looked at (a file where a folder should be) is left alone. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was written there either.
  }
}

function pruneCodeCaches(dir: string): void {
  keepNewest(dir, (f) => f.endsWith('.v8cache') || f.endsWith('.tmp'), MAX_CODE_CACHES);
}
