import { defineConfig } from 'vitest/config';

// `npm run test:growth`: how the text scans' time grows with the text. These compare times, so they run
// one file at a time, apart from `npm test` (whose parallel files would disturb the measurements).
export default defineConfig({
  test: {
    include: ['packages/core/test/growth/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120000,
    setupFiles: ['scripts/test/fast-check-seed.ts'],
  },
});
