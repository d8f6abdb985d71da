import { afterAll, beforeAll, expect } from 'vitest';
import { type StatefulMockServer, type StatefulOptions, startMock } from '../../../src/index.js';
import { expectExited, runningPrismChildren } from '../../support/processes.js';

/**
 * One stateful mock for a whole test file (Prism starts once per file): started before its tests, stopped
 * after them, and proven gone. Tests share it, so each works with sessions it created itself, or calls
 * `reset()` first.
 */
export function statefulMockForThisFile(options: true | StatefulOptions = true): () => StatefulMockServer {
  let mock: StatefulMockServer | undefined;
  beforeAll(async () => {
    mock = await startMock({ stateful: options });
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
