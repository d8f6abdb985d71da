// The static server behind `pnpm run docs` and the browser tests: it serves on the port asked for or fails
// saying so (sirv-cli alone would move to another port without a word).
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../src/static-server.mjs';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));
const serveScript = fileURLToPath(new URL('../scripts/serve.mjs', import.meta.url));

const teardown: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of teardown.splice(0).reverse()) await step();
});

/** A port on 127.0.0.1 that another server holds for the rest of the test. */
async function busyPort(): Promise<number> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  teardown.push(() => new Promise((resolve) => blocker.close(resolve)));
  return (blocker.address() as { port: number }).port;
}

function collect(child: ChildProcess): () => string {
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return () => output;
}

it('refuses a busy port with an error that names it, instead of serving on another port', async () => {
  const port = await busyPort();
  let server: StaticServer | undefined;
  teardown.push(() => server?.stop());
  const error = await startStaticServer({ root: distDir, port }).then(
    (started) => {
      server = started;
      return new Error(`it started, at ${started.url}, though port ${port} was asked for`);
    },
    (reason: unknown) => reason,
  );
  // Checked by its fields rather than its class, so this test runs (and fails) against a server without it.
  expect(error).toMatchObject({ name: 'PortInUseError', code: 'EADDRINUSE', port });
  expect((error as Error).message).toContain(`Port ${port} on 127.0.0.1 is in use`);
});

it('pnpm run docs on a busy port exits 1 naming the port, --port and DOCS_PORT', async () => {
  const port = await busyPort();
  const child = spawn(process.execPath, [serveScript, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // SIGTERM, so that a serve.mjs which did start stops its own sirv-cli child too.
  teardown.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid as number, 'SIGTERM');
    await exited;
  });
  const output = collect(child);
  const outcome = await new Promise<string>((resolve) => {
    child.once('exit', (code) => resolve(`exit ${code}`));
    child.stdout?.on('data', () => {
      if (/API reference: \S+/.test(output())) resolve('serving');
    });
  });
  expect({ outcome, output: output() }).toMatchObject({ outcome: 'exit 1' });
  expect(output()).toContain(`Port ${port} on 127.0.0.1 is in use`);
  expect(output()).toContain('--port');
  expect(output()).toContain('DOCS_PORT');
});
