import { defineConfig } from 'vitest/config';

/** `npm run test:install`: the slow install scenarios (a fresh clone, a full npm install), kept out of `npm test`. */
export default defineConfig({
  test: {
    include: ['apps/cli/install-test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});
