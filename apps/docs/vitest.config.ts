import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Chromium and Prism each take a second or two to start; a loaded CI machine can take several.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
