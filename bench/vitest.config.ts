import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['../scripts/require-pnpm.mjs'],
    // The smoke run starts real servers and tools: well under this on a quiet machine, slower on a busy one.
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
