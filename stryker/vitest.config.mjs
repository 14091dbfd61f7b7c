/** Vitest for one mutation group: only the test files that exercise its files. */
import { defineConfig } from 'vitest/config';
import { currentGroup } from './groups.mjs';

export default defineConfig({
  test: {
    include: currentGroup().tests,
    testTimeout: 30000,
  },
});
