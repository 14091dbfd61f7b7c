/**
 * The playground's download size: every file of the built site
 * (apps/web/dist/assets), raw and gzip-compressed (what a static host sends),
 * and which of them a visitor's browser fetches when the page opens, which
 * only when the background checker starts, and which only when needed.
 * Build the site first (`npm run build`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Files a script or page names with a static import, a script tag or a stylesheet link (not `import(...)`). */
function staticReferences(text) {
  const names = new Set();
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*|\bsrc=|\bhref=)["'](?:\.\/|\.\/assets\/)?([\w.-]+\.(?:js|css))["']/g)) names.add(m[1]);
  return names;
}

/** Every file reachable from `start` through static references, inside `assets`. */
function closure(assets, start) {
  const seen = new Set();
  const todo = [...start];
  while (todo.length) {
    const name = todo.pop();
    if (seen.has(name) || !existsSync(join(assets, name))) continue;
    seen.add(name);
    if (name.endsWith('.js')) todo.push(...staticReferences(readFileSync(join(assets, name), 'utf8')));
  }
  return seen;
}

/**
 * Sizes of the built playground in `dist`: one row per file (largest first),
 * each with when it loads: 'page' (when the page opens), 'worker' (when a
 * large file is checked in the background) or 'on demand'.
 */
export function bundleSizes(dist) {
  const assets = join(dist, 'assets');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no built site: run \`npm run build\` first`);
  const page = closure(assets, staticReferences(readFileSync(join(dist, 'index.html'), 'utf8')));
  const worker = closure(assets, ['check-worker.js']);
  const files = readdirSync(assets).map((name) => {
    const bytes = readFileSync(join(assets, name));
    const loads = page.has(name) ? 'page' : worker.has(name) ? 'worker' : 'on demand';
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, loads };
  });
  files.sort((a, b) => b.raw - a.raw);
  const sum = (rows, key) => rows.reduce((n, f) => n + f[key], 0);
  const atOpen = files.filter((f) => f.loads === 'page');
  const forWorker = files.filter((f) => worker.has(f.name));
  return {
    files,
    pageOpen: { raw: sum(atOpen, 'raw'), gzip: sum(atOpen, 'gzip') },
    workerAll: { raw: sum(forWorker, 'raw'), gzip: sum(forWorker, 'gzip') },
    workerExtra: { raw: sum(forWorker.filter((f) => f.loads !== 'page'), 'raw'), gzip: sum(forWorker.filter((f) => f.loads !== 'page'), 'gzip') },
  };
}

const kb = (bytes) => `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} KB`;

/** Hashes in file names change on every build; the table names each file by its stable part. */
const stableName = (name) => name.replace(/-[\w-]{8}(\.\w+)$/, '$1');

/** The "Playground download size" section of docs/benchmarks.md. */
export function renderBundleSizes(b) {
  const rows = b.files.map((f) => `| \`${stableName(f.name)}\` | ${f.loads} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
  return `## Playground download size

The built playground (\`apps/web/dist/assets\`), each file raw and gzip-compressed (level 9). "page": fetched when the page opens; "worker": fetched only when a large file is checked in the background; "on demand": fetched when first needed (the spelling dictionary, the spreadsheet reader).

| file | loads | raw | gzip |
| --- | --- | ---: | ---: |
${rows.join('\n')}

Opening the page: ${kb(b.pageOpen.raw)} (${kb(b.pageOpen.gzip)} gzip). The background checker needs ${kb(b.workerAll.raw)} (${kb(b.workerAll.gzip)} gzip), of which ${kb(b.workerExtra.raw)} (${kb(b.workerExtra.gzip)} gzip) is not already loaded by the page.
`;
}
