import { writeFileSync } from 'node:fs';
import type { MockServer } from '../../../src/index.js';

/** Tells the parent test which Prism to look for once this run is over. */
export function recordPid(mock: MockServer): void {
  const file = process.env.PRISM_PID_FILE;
  if (!file) throw new Error('PRISM_PID_FILE is not set: run these suites through mock-teardown.test.ts');
  writeFileSync(file, String(mock.pid));
}
