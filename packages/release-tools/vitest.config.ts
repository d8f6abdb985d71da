import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['../../scripts/require-pnpm.mjs'],
    // The release dry run and the packed-tarball proof spawn pnpm, npm and tsc; they set their own, longer timeouts.
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
