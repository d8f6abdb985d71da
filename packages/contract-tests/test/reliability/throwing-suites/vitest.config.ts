import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Config for the suites in this folder, which mock-teardown.test.ts runs in a child vitest: each starts a mock
// and then fails on purpose. Not picked up by the package's own run (they are *.suite.ts, not *.test.ts).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: [process.env.THROWING_SUITE ?? 'none'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
