import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.{ts,tsx}', 'policies/test/**/*.test.ts', 'bench/test/**/*.test.ts'],
    testTimeout: 30000,
  },
});
