import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The smoke run starts real servers and tools; it budgets itself to well under this.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
