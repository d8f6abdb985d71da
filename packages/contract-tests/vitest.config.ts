import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The package's own vitest entry, as a user would add it: one mock for the whole run (see global-setup.test.ts).
    globalSetup: ['@plivo-openapi/contract-tests/vitest'],
    // Each file starts its own Prism (about 1.2 s and 150 MB); two at a time keep a small CI machine responsive.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
