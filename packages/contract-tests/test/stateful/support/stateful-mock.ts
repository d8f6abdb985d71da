import { type StatefulMockServer, type StatefulOptions, startMock } from '../../../src/index.js';
import { startedForThisFile } from '../../support/mock-for-file.js';

/**
 * One stateful mock for a whole test file (Prism starts once per file): started before its tests, stopped
 * after them, and proven gone. Tests share it, so each works with sessions it created itself, or calls
 * `reset()` first.
 */
export function statefulMockForThisFile(options: true | StatefulOptions = true): () => StatefulMockServer {
  return startedForThisFile(() => startMock({ stateful: options }));
}
