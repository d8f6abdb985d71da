import { describe, expect, it } from 'vitest';

// What a user's `import` gets: the built files, through the package name and its `exports` map. The names
// are variables so that `tsc --noEmit` (lint, which may run before this package is built) does not resolve them.
const ROOT = '@plivo-openapi/contract-tests';
const VITEST_ENTRY = '@plivo-openapi/contract-tests/vitest';
describe('package exports', () => {
  it('exports startMock from the package root', async () => {
    const entry = await import(ROOT);
    expect(entry.startMock).toBeTypeOf('function');
  });

  it('exports the vitest global setup as the default of ./vitest, and its factory', async () => {
    const entry = await import(VITEST_ENTRY);
    expect(entry.default).toBeTypeOf('function');
    expect(entry.mockGlobalSetup).toBeTypeOf('function');
    expect(entry.MOCK_URL_ENV).toBe('PLIVO_MOCK_URL');
  });
});
