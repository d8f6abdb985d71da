import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Two projects, each with its own mock (one stateless, one stateful), run by global-setup-projects.test.ts in a
// child vitest. Its *.check.ts files are not picked up by the package's own run.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'stateless',
          root,
          include: ['stateless.check.ts'],
          globalSetup: ['@plivo-openapi/contract-tests/vitest'],
        },
      },
      {
        test: {
          name: 'stateful',
          root,
          include: ['stateful.check.ts'],
          globalSetup: ['./stateful-setup.ts'],
        },
      },
    ],
  },
});
