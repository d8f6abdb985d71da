import { afterAll, beforeAll, expect } from 'vitest';
import { type MockServer, type StartMockOptions, startMock } from '../../src/index.js';
import { expectExited, runningPrismChildren } from './processes.js';

/**
 * One mock for a whole test file: started before its tests, stopped after them, and proven gone (its Prism
 * exited, and no Prism child of this process is left). A getter, because the mock exists only once the
 * file's beforeAll has run.
 */
export function mockForThisFile(options?: StartMockOptions): () => MockServer {
  let mock: MockServer | undefined;
  beforeAll(async () => {
    mock = await startMock(options);
  });
  afterAll(async () => {
    await mock?.stop();
    if (mock) expectExited(mock.pid);
    expect(runningPrismChildren()).toEqual([]);
  });
  return () => {
    if (mock === undefined) throw new Error('The mock starts in beforeAll: use it inside a test or hook.');
    return mock;
  };
}
