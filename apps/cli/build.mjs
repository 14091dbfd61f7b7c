/**
 * Bundles the command into dist/main.js (after tsc has type-checked it), so
 * starting it reads a few files instead of about a thousand (chevrotain alone
 * pulls in some 650 lodash-es modules). Commands and the terminal UI stay
 * separate chunks, loaded when used. Packages that read their own files at
 * run time (the spelling dictionary) or that only the terminal UI needs stay
 * outside the bundle and are resolved from node_modules as before; so do the
 * SQL engines and their database drivers (DuckDB's is a native module), which
 * only --engine duckdb and --db import. tinypool starts its threads from a
 * script of its own package, so it stays outside too.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
rmSync(join(here, 'dist/chunks'), { recursive: true, force: true });
const result = await build({
  // SELLGUARD_BUILD_META=FILE writes esbuild's metafile there, to see which modules each chunk holds.
  metafile: Boolean(process.env.SELLGUARD_BUILD_META),
  // The worker of `check --jobs` is an entry of its own: each thread loads it by file name.
  entryPoints: { main: join(here, 'src/main.ts'), 'check-worker': join(here, 'src/commands/check-worker.ts') },
  outdir: join(here, 'dist'),
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['tinypool', 'dictionary-en', '@sellguard/tui', '@sellguard/engines', '@duckdb/node-api', 'pg', '@clickhouse/client'],
  // Bundled CommonJS packages call require(); give them one in the ES module.
  banner: { js: "import { createRequire as __sellguardRequire } from 'node:module'; const require = __sellguardRequire(import.meta.url);" },
  // Tells the code it runs bundled, next to the build id written below (src/policy-cache/build-id.ts).
  define: { SELLGUARD_BUNDLED: 'true' },
  logLevel: 'warning',
});
if (process.env.SELLGUARD_BUILD_META) writeFileSync(process.env.SELLGUARD_BUILD_META, JSON.stringify(result.metafile));

// The build's id (see src/policy-cache/build-id.ts): policies compiled by one build are never run by another.
const hash = createHash('sha256');
const bundled = ['main.js', 'check-worker.js', ...readdirSync(join(here, 'dist/chunks')).sort().map((f) => `chunks/${f}`)];
for (const file of bundled) hash.update(file).update(readFileSync(join(here, 'dist', file)));
writeFileSync(join(here, 'dist/build-id.txt'), `${hash.digest('hex').slice(0, 32)}\n`);
