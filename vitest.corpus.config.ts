import { defineConfig } from 'vitest/config';

// The slow suite: every file of every corpus in ../shared/corpus.
export default defineConfig({
  test: {
    include: ['test/corpus-full/**/*.test.ts'],
    globalSetup: ['test/temporary-directory.ts'],
    testTimeout: 900_000,
  },
});
