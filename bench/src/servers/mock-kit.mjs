// @ts-check
// The mock kit as a test suite starts it: `startMock()` from @plivo-openapi/contract-tests with its defaults
// (Prism on the bundled spec, behind the kit's front proxy), in a process of its own so that its memory can be
// measured apart from the bench's. Prints `listening on <url> (Prism pid <pid>)`; SIGTERM stops the mock.
import { startMock } from '@plivo-openapi/contract-tests';

const mock = await startMock();
console.log(`listening on ${mock.url} (Prism pid ${mock.pid})`);
const close = () => mock.stop().then(() => process.exit(0));
process.on('SIGTERM', close);
process.on('SIGINT', close);
