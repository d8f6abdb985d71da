// The main job's last step (`pnpm start`, after `turbo run build`): serves the Prism mock and the API reference
// side by side, prints both URLs, and stops both on Ctrl-C. Each server is its package's own CLI, so this file
// only starts, watches and stops them.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    'mock-port': { type: 'string', default: '4010' },
    'docs-port': { type: 'string', default: '8080' },
  },
});

const servers = [
  {
    name: 'mock',
    args: ['packages/contract-tests/bin/plivo-mock.js', '--port', values['mock-port']],
    url: /^Plivo mock listening on (\S+)/,
  },
  {
    name: 'docs',
    args: ['apps/docs/scripts/serve.mjs', '--port', values['docs-port']],
    url: /^API reference: (\S+)/,
  },
];

let stopping = false;

// Both CLIs end their start-up output with this line; the summary waits for it so that it is printed last.
const DONE_STARTING = /Press Ctrl-C to stop/;

function start({ name, args, url: urlPattern }) {
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = new Promise((resolve, reject) => {
    let found;
    const prefix = (stream, write) =>
      createInterface({ input: stream }).on('line', (line) => {
        write(`[${name}] ${line}\n`);
        found ??= urlPattern.exec(line)?.[1];
        if (found && DONE_STARTING.test(line)) resolve(found);
      });
    prefix(child.stdout, (text) => process.stdout.write(text));
    prefix(child.stderr, (text) => process.stderr.write(text));
    child.once('exit', (code, signal) => {
      const why = `the ${name} server exited (${signal ?? `code ${code}`})`;
      reject(new Error(`${why} before it was ready; its output is above.`));
      if (!stopping) shutDown(`${why}; stopping the other server.`, 1);
    });
  });
  return { name, child, url };
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

const running = servers.map(start);

async function shutDown(reason, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  if (reason) console.error(reason);
  await Promise.all(running.map(({ child }) => stopChild(child)));
  process.exit(exitCode);
}
process.once('SIGINT', () => shutDown());
process.once('SIGTERM', () => shutDown());

try {
  const [mockUrl, docsUrl] = await Promise.all(running.map(({ url }) => url));
  console.log(`
plivo-openapi is running:
  Prism mock     ${mockUrl}   (e.g. GET ${mockUrl}/v1/Account/{auth_id}/Verify/Session/{session_uuid}/)
  API reference  ${docsUrl}
  Bundled spec   ${fileURLToPath(new URL('../openapi/dist/openapi.yaml', import.meta.url))}
Press Ctrl-C to stop both.`);
} catch (error) {
  await shutDown(error instanceof Error ? error.message : String(error), 1);
}
