import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
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
  },
});
