// The careless case: the test starts a mock and throws; nothing ever calls stop().
import { it } from 'vitest';
import { startMock } from '../../../src/index.js';
import { recordPid } from './record-pid.js';

it('throws without stopping the mock', async () => {
  const mock = await startMock();
  recordPid(mock);
  throw new Error('boom: no stop() anywhere');
});
