// `pnpm start`, after `turbo run build`: the mock (startMock() of @plivo-openapi/contract-tests) and the built API
// reference (apps/docs/dist, served by sirv) side by side, both in this process, both on 127.0.0.1. Ctrl-C stops
// both and exits 0.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const docsDir = fileURLToPath(new URL('../apps/docs/dist', import.meta.url));
const mockKit = fileURLToPath(new URL('../packages/contract-tests/dist/index.js', import.meta.url));
const bundledSpec = fileURLToPath(new URL('../openapi/dist/openapi.yaml', import.meta.url));

/** @param {string} flag @param {string} value */
function portFrom(flag, value) {
  // Digits only: Number() would read '' as 0 (a random free port) and '0x50' as 80.
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port <= 65_535)) {
    console.error(
      `--${flag} must be a port number from 0 to 65535 (0 picks a free one); got ${JSON.stringify(value)}.`,
    );
    process.exit(1);
  }
  return port;
}

/** @type {{ 'mock-port': string; 'docs-port': string }} */
let values;
try {
  ({ values } = parseArgs({
    options: {
      'mock-port': { type: 'string', default: '4010' },
      'docs-port': { type: 'string', default: '8080' },
    },
  }));
} catch (error) {
  console.error(
    `${error instanceof Error ? error.message : error}. Its options: --mock-port <port> and --docs-port <port>.`,
  );
  process.exit(1);
}
for (const [built, what] of /** @type {const} */ ([
  [join(docsDir, 'index.html'), 'API reference'],
  [mockKit, 'mock kit'],
])) {
  if (!existsSync(built)) {
    console.error(`No built ${what} (${built}): run \`pnpm build\` first (\`pnpm start\` does).`);
    process.exit(1);
  }
}
// By path, not as a root dependency: a workspace package the root depends on puts all its files in turbo's
// global hash, so any edit to the kit, the client or the spec would rerun every task of every package.
/** @type {typeof import('../packages/contract-tests/dist/index.js')} */
const { startMock } = await import(pathToFileURL(mockKit).href);
const mockPort = portFrom('mock-port', values['mock-port']);
const docsPort = portFrom('docs-port', values['docs-port']);

/** @returns {Promise<{ url: string; stop(): Promise<void> }>} */
function serveDocs() {
  const server = createServer(sirv(docsDir, { dev: true }));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(docsPort, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        stop: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done(undefined));
          }),
      });
    });
  });
}

// Both start at once; the stop handlers are in place before either is up, so Ctrl-C during start-up stops
// whatever did start instead of leaving Prism behind.
const mockStarting = startMock({ port: mockPort });
const docsStarting = serveDocs();
const starting = [mockStarting, docsStarting];
let stopping = false;
/** @param {number} exitCode */
async function shutDown(exitCode) {
  if (stopping) return;
  stopping = true;
  const started = await Promise.allSettled(starting);
  await Promise.all(
    started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)),
  );
  if (exitCode === 0) console.log('\nStopped the mock and the API reference.');
  process.exit(exitCode);
}
process.once('SIGINT', () => shutDown(0));
process.once('SIGTERM', () => shutDown(0));

/**
 * What to tell the user when a server did not start: a busy port names this command's flag for it (startMock()
 * names its own option, `port`).
 * @param {unknown} error
 * @param {string} flag
 * @param {number} port
 */
function startProblem(error, flag, port) {
  const reason = /** @type {{ code?: string; message?: string }} */ (error);
  return reason.code === 'EADDRINUSE'
    ? `Port ${port} is in use: pass --${flag} with another port (0 picks a free one).`
    : (reason.message ?? String(error));
}

// Each one's failure is reported on its own, so a busy port is blamed on the right flag (both, if both are busy).
const [mockStarted, docsStarted] = await Promise.allSettled([mockStarting, docsStarting]);
if (stopping) {
  // Ctrl-C came during start-up: shutDown is stopping whatever started, and no banner says it runs.
} else if (mockStarted.status === 'fulfilled' && docsStarted.status === 'fulfilled') {
  const [mock, docs] = [mockStarted.value, docsStarted.value];
  console.log(`plivo-openapi is running:
  Prism mock     ${mock.url}   (e.g. GET ${mock.url}/v1/Account/{auth_id}/Verify/Session/{session_uuid}/)
  API reference  ${docs.url}/
  Bundled spec   ${bundledSpec}
Prism pid ${mock.pid}. Press Ctrl-C to stop both.`);
} else {
  if (mockStarted.status === 'rejected')
    console.error(startProblem(mockStarted.reason, 'mock-port', mockPort));
  if (docsStarted.status === 'rejected')
    console.error(startProblem(docsStarted.reason, 'docs-port', docsPort));
  await shutDown(1);
}
