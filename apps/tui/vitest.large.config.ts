import { defineConfig } from 'vitest/config';

/** The terminal UI on a million records (slow): `npm run test:tui-large`. */
export default defineConfig({
  test: {
    include: ['apps/tui/test/large/**/*.e2e.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 300_000,
  },
});
