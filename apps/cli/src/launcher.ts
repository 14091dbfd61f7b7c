#!/usr/bin/env node
/**
 * What `sellguard` runs first (bundled into dist/main.js): it starts the
 * bundled program, dist/program.cjs, through V8 with the code cache of an
 * earlier run, so most of the program is not parsed and compiled again on
 * every start (Node 20 keeps no compile cache for programs). The cache sits
 * in the cache folder (see policy-cache/cache-dir.ts), one file per build,
 * Node version and command, written when a run ends without one; V8 checks
 * it and ignores a cache that does not fit. SELLGUARD_CACHE=0 and
 * --no-cache turn it off, like the cache of compiled policies.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { readFileSync } from 'node:fs';
import { programCacheDir } from './policy-cache/cache-dir.js';
import { codeCacheFile, readCodeCache, writeCodeCache } from './launch/code-cache.js';

const dist = dirname(fileURLToPath(import.meta.url));
const program = join(dist, 'program.cjs');
// The bundle is CommonJS and ASCII only (so it is read as one-byte text, see build.mjs). It is wrapped as Node wraps a
// module (its "use strict" comes first in the function), with its own file URL for `import.meta.url` and a way to
// import ES modules (the terminal UI, the SQL engines).
const source = `(function (exports, require, module, __filename, __dirname, __sellguardFileUrl, __sellguardImport) {${readFileSync(program, 'latin1')}\n})`;
const cacheFile = process.argv.includes('--no-cache') ? undefined : codeCacheFile(programCacheDir(), dist, process.argv[2]);
const cached = cacheFile === undefined ? undefined : readCodeCache(cacheFile);
const script = new Script(source, { filename: program, cachedData: cached });
if (cacheFile !== undefined && (cached === undefined || script.cachedDataRejected)) {
  // At the end of the run, the functions this command compiled are in the cache too.
  process.once('exit', () => writeCodeCache(cacheFile, script.createCachedData()));
}
const start = script.runInThisContext() as (...args: unknown[]) => void;
const module = { exports: {} };
start(module.exports, createRequire(program), module, program, dist, pathToFileURL(program).href, (specifier: string) => import(specifier));
