import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** The names of the workers' scripts in the built site: the large-file checker and the checker of the panes. */
const WORKER_ENTRY = 'check-worker';
const LIVE_WORKER_ENTRY = 'live-check-worker';
const WORKER_ENTRIES = new Set([WORKER_ENTRY, LIVE_WORKER_ENTRY]);

// dictionary-en only exports its JS entry; the playground fetches the raw
// Hunspell files, so give their folder a name Vite can resolve.
const dictionaryDir = dirname(require.resolve('dictionary-en'));

export default defineConfig({
  // Relative asset URLs: the built site works from any folder on any static host.
  base: './',
  plugins: [react()],
  resolve: {
    alias: { 'sellguard-dictionary-en': dictionaryDir },
  },
  server: {
    // The shipped policies and examples live at the repository root.
    fs: { allow: [resolve(here, '../..')] },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // The background checker is a second entry of the same build, not a
      // separate worker bundle: the page and the worker then share one copy
      // of the checker's code (the worker fetches the chunks the page already has).
      input: {
        index: resolve(here, 'index.html'),
        [WORKER_ENTRY]: resolve(here, 'src/files/checkWorker.ts'),
        [LIVE_WORKER_ENTRY]: resolve(here, 'src/checks/liveWorker.ts'),
      },
      output: {
        // The page starts the workers by these fixed names (see files/useBigCheck.ts, checks/useLiveCheck.ts).
        entryFileNames: (chunk) => (WORKER_ENTRIES.has(chunk.name) ? `assets/${chunk.name}.js` : 'assets/[name]-[hash].js'),
        // What the page and the worker share is the checker: name its chunk so. Libraries only the
        // page uses (React, CodeMirror, link compression) or only a workbook needs (the .xlsx reader) stay out.
        manualChunks: (id) => (/\/packages\/(core|dsl)\/|\/node_modules\/(?!(react|react-dom|scheduler|@codemirror|@lezer|style-mod|w3c-keyname|crelt|lz-string|read-excel-file|fflate|saxen|unzipper-esm|worker-f)\/)/.test(id) ? 'checker' : undefined),
      },
    },
  },
});
