import { defineConfig } from 'vitest/config';

// `npm run test:engines`: the SQL engines that need servers (PostgreSQL, a two-shard ClickHouse
// cluster), started by the tests on 127.0.0.1 and stopped after. Not part of `npm test`.
export default defineConfig({
  test: {
    include: ['packages/engines/test/servers/**/*.test.ts'],
    testTimeout: 120000,
    hookTimeout: 300000,
    fileParallelism: false,
  },
});
