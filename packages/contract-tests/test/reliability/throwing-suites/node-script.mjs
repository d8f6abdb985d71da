// A plain Node program (no test runner) that starts the BUILT mock and then dies in the way argv[2] names.
// mock-teardown.test.ts checks that Prism does not outlive it.
import { writeFileSync } from 'node:fs';
import { startMock } from '../../../dist/index.js';

const mock = await startMock();
writeFileSync(process.env.PRISM_PID_FILE, String(mock.pid));
const how = process.argv[2];
if (how === 'throw') throw new Error('boom: uncaught exception with the mock running');
if (how === 'exit') process.exit(3);
if (how === 'signal') {
  // Stay alive until the parent sends a signal, as a test runner killed by a CI timeout would.
  process.stdout.write('ready\n');
  setInterval(() => {}, 1_000);
}
