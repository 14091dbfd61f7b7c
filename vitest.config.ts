import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.{ts,tsx}', 'policies/test/**/*.test.ts', 'bench/test/**/*.test.ts'],
    // Tests that start database servers run with `npm run test:engines` (vitest.engines.config.ts).
    // Growth (time) measurements run apart with `npm run test:growth` (vitest.growth.config.ts).
    exclude: ['**/node_modules/**', 'packages/engines/test/servers/**', 'packages/core/test/growth/**'],
    testTimeout: 30000,
    // One fixed seed for property tests (override with SELLGUARD_FC_SEED).
    setupFiles: ['scripts/test/fast-check-seed.ts'],
    // dt-sql-parser's ES build imports folders, which Node's loader refuses: let Vite bundle it.
    server: { deps: { inline: ['dt-sql-parser'] } },
  },
});
