// Setup itself fails right after startMock(): vitest skips the tests but still runs afterAll.
import { afterAll, beforeAll, it } from 'vitest';
import { type MockServer, startMock } from '../../../src/index.js';
import { recordPid } from './record-pid.js';

let mock: MockServer | undefined;
beforeAll(async () => {
  mock = await startMock();
  recordPid(mock);
  throw new Error('boom: setup failed after the mock started');
});
afterAll(async () => {
  await mock?.stop();
});

it('never runs', () => {});
