import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/corpus-full/**', 'node_modules/**'],
    globalSetup: ['test/temporary-directory.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
