import { afterAll, beforeAll, expect } from 'vitest';
import { type MockServer, type StartMockOptions, startMock } from '../../src/index.js';
import { expectExited, runningPrismChildren } from './processes.js';

/**
 * One mock for a whole test file: started before its tests, stopped after them, and proven gone (its Prism
 * exited, and no Prism child of this process is left). A getter, because the mock exists only once the
 * file's beforeAll has run.
 */
export function mockForThisFile(options?: StartMockOptions): () => MockServer {
  return startedForThisFile(() => startMock(options));
}

/** The lifecycle behind `mockForThisFile`, for any kind of mock `start` makes (stateless or stateful). */
export function startedForThisFile<Mock extends MockServer>(start: () => Promise<Mock>): () => Mock {
  let mock: Mock | undefined;
  beforeAll(async () => {
    mock = await start();
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
