import { expect, inject, it } from 'vitest';

it("finds its own project's mock in PLIVO_MOCK_URL", () => {
  expect(inject('plivoMockUrl')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(process.env.PLIVO_MOCK_URL).toBe(inject('plivoMockUrl'));
  console.log(`stateless mock: ${process.env.PLIVO_MOCK_URL}`);
});
