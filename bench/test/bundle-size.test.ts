/** The playground download-size table: which files load when, and their sizes. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleSizes, renderBundleSizes } from '../src/workloads/bundle-size.mjs';

const dist = mkdtempSync(join(tmpdir(), 'sellguard-bundle-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

// A small built site: the page's entry imports a shared chunk and, on demand, a lazy one; the worker imports the shared chunk.
const files: Record<string, string> = {
  'index-AAAA1111.js': `import{a}from"./shared-BBBB2222.js";const l=()=>import("./lazy-CCCC3333.js");${'x'.repeat(300)}`,
  'shared-BBBB2222.js': `export const a=1;${'y'.repeat(500)}`,
  'lazy-CCCC3333.js': 'export const b=2;',
  'check-worker.js': 'import{a}from"./shared-BBBB2222.js";',
  'index-DDDD4444.css': 'body{margin:0}',
  'words-EEEE5555.dic': 'word\n'.repeat(100),
};
mkdirSync(join(dist, 'assets'));
for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, 'assets', name), text);
writeFileSync(join(dist, 'index.html'), '<script type="module" crossorigin src="./assets/index-AAAA1111.js"></script><link rel="stylesheet" href="./assets/index-DDDD4444.css">');

describe('bundleSizes', () => {
  const b = bundleSizes(dist);
  const row = (name: string) => b.files.find((f: { name: string }) => f.name === name);

  it('tells what the page loads, what only the worker adds, and what waits until needed', () => {
    expect(Object.fromEntries(b.files.map((f: { name: string; loads: string }) => [f.name, f.loads]))).toEqual({
      'index-AAAA1111.js': 'page',
      'shared-BBBB2222.js': 'page',
      'index-DDDD4444.css': 'page',
      'lazy-CCCC3333.js': 'on demand',
      'check-worker.js': 'worker',
      'words-EEEE5555.dic': 'on demand',
    });
  });

  it('measures raw bytes exactly, gzip smaller for repetitive text, and totals per moment', () => {
    for (const [name, text] of Object.entries(files)) expect(row(name).raw).toBe(Buffer.byteLength(text));
    expect(row('words-EEEE5555.dic').gzip).toBeLessThan(row('words-EEEE5555.dic').raw);
    const pageRaw = ['index-AAAA1111.js', 'shared-BBBB2222.js', 'index-DDDD4444.css'].reduce((n, f) => n + Buffer.byteLength(files[f]), 0);
    expect(b.pageOpen.raw).toBe(pageRaw);
    expect(b.workerExtra.raw).toBe(Buffer.byteLength(files['check-worker.js']));
    expect(b.workerAll.raw).toBe(Buffer.byteLength(files['check-worker.js']) + Buffer.byteLength(files['shared-BBBB2222.js']));
  });

  it('names files without their build hash in the table', () => {
    const table = renderBundleSizes(b);
    expect(table).toContain('| `shared.js` | page |');
    expect(table).toContain('| `check-worker.js` | worker |');
    expect(table).not.toContain('BBBB2222');
  });

  it('says what to do when the site is not built', () => {
    expect(() => bundleSizes(join(dist, 'missing'))).toThrow(/run `npm run build` first/);
  });
});
