/**
 * Bundles the command (after tsc has type-checked it), so starting it reads a
 * few files instead of about a thousand (chevrotain alone pulls in some 650
 * lodash-es modules):
 * - dist/program.cjs: the whole program as one CommonJS file. dist/main.js
 *   (src/launcher.ts) runs it through V8 with a code cache kept between runs,
 *   which Node 20 offers for such scripts but not for ES modules. Commands and
 *   their modules are only initialised when used (esbuild wraps what is
 *   imported dynamically).
 * - dist/check-worker.js: the worker of `check --jobs`, an ES module of its
 *   own that each thread loads by file name.
 * Packages that read their own files at run time (the spelling dictionary)
 * or that only the terminal UI needs stay outside the bundle and are resolved
 * from node_modules as before; so do the SQL engines and their database
 * drivers (DuckDB's is a native module), which only --engine duckdb and --db
 * import. tinypool starts its threads from a script of its own package, so it
 * stays outside too.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const external = ['tinypool', 'dictionary-en', '@sellguard/tui', '@sellguard/engines', '@sellguard/language-server', '@duckdb/node-api', 'pg', '@clickhouse/client'];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external,
  // Tells the code it runs bundled, next to the build id written below (src/policy-cache/build-id.ts).
  define: { SELLGUARD_BUNDLED: 'true' },
  logLevel: 'warning',
  // SELLGUARD_BUILD_META=FILE writes esbuild's metafile there, to see which modules each file holds.
  metafile: Boolean(process.env.SELLGUARD_BUILD_META),
};
// Left over from builds that split the program into chunks.
rmSync(join(here, 'dist/chunks'), { recursive: true, force: true });

/**
 * tinypool, kept outside (it starts its threads from a script of its own), is
 * an ES module that `check --jobs` imports statically. The CommonJS program
 * require()s it (Node 20.19+ can), and only when a pool is made: loading it
 * costs a run on one thread (the default) some 10 ms. The program's default
 * import becomes a constructor that builds the real Tinypool.
 */
const lazyTinypool = {
  name: 'lazy-tinypool',
  setup(b) {
    b.onResolve({ filter: /^tinypool$/ }, (args) => (args.namespace === 'lazy-tinypool' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-tinypool' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-tinypool' }, () => ({
      contents: 'export default function Tinypool(options) {\n  return new (require("tinypool").default)(options);\n}\n',
      loader: 'js',
    }));
  },
};

const program = await build({
  ...common,
  entryPoints: [join(here, 'src/main.ts')],
  outfile: join(here, 'dist/program.cjs'),
  format: 'cjs',
  plugins: [lazyTinypool],
  // The program's file as `import.meta.url` would give it (to find the package's own files): the launcher passes it in.
  define: { ...common.define, 'import.meta.url': '__sellguardFileUrl' },
  write: false,
});
// A script run through V8 cannot import ES modules itself: the launcher passes it __sellguardImport for the packages kept outside.
// (The launcher wraps the text in a function, where main.ts's #! line would not parse.)
const code = program.outputFiles[0].text.replace(/^#!.*\n/, '').replace(/\bimport\("([^"]+)"\)/g, (call, specifier) => {
  if (!external.some((e) => specifier === e || specifier.startsWith(`${e}/`))) throw new Error(`build.mjs: unexpected import("${specifier}") left in the bundle`);
  return `__sellguardImport(${JSON.stringify(specifier)})`;
});
writeFileSync(join(here, 'dist/program.cjs'), asciiOnly(code));

/**
 * The program with every non-ASCII character written as a \\u escape, so the
 * launcher reads it as one-byte text (no UTF-8 decoding of 3 MB on each start).
 * esbuild already escapes strings; what is left is in regular expressions and
 * comments, where \\uXXXX means the same character (a pair of escapes is one
 * character in a /u expression too). An escape right after a backslash would
 * change the meaning, so that stops the build.
 */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (ch, at) => {
    if (text[at - 1] === '\\') throw new Error(`build.mjs: cannot escape the character after a backslash at ${at} of program.cjs`);
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

const launcher = await build({ ...common, entryPoints: [join(here, 'src/launcher.ts')], outfile: join(here, 'dist/main.js'), format: 'esm' });
const worker = await build({
  ...common,
  entryPoints: [join(here, 'src/commands/check-worker.ts')],
  outfile: join(here, 'dist/check-worker.js'),
  format: 'esm',
  // Bundled CommonJS packages call require(); give them one in the ES module.
  banner: { js: "import { createRequire as __sellguardRequire } from 'node:module'; const require = __sellguardRequire(import.meta.url);" },
});
if (process.env.SELLGUARD_BUILD_META) {
  const outputs = Object.assign({}, ...[program, launcher, worker].map((r) => r.metafile.outputs));
  const inputs = Object.assign({}, ...[program, launcher, worker].map((r) => r.metafile.inputs));
  writeFileSync(process.env.SELLGUARD_BUILD_META, JSON.stringify({ inputs, outputs }));
}

// The build's id (see src/policy-cache/build-id.ts): policies compiled by one build are never run by another,
// and V8's code cache of one build is never offered to another (src/launch/code-cache.ts).
const hash = createHash('sha256');
for (const file of ['main.js', 'program.cjs', 'check-worker.js']) hash.update(file).update(readFileSync(join(here, 'dist', file)));
writeFileSync(join(here, 'dist/build-id.txt'), `${hash.digest('hex').slice(0, 32)}\n`);
