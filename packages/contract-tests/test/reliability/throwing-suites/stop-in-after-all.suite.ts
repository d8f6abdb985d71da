// The documented pattern: start in beforeAll, stop in afterAll. The test then throws.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockServer, startMock } from '../../../src/index.js';
import { recordPid } from './record-pid.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
  recordPid(mock);
});
afterAll(async () => {
  await mock?.stop();
});

it('throws while the mock is running', async () => {
  expect((await fetch(`${mock.url}/`)).status).toBeGreaterThan(0);
  throw new Error('boom: the test failed with the mock still up');
});
