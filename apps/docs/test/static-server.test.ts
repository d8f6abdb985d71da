// The static server behind `pnpm reference` and the browser tests: it serves on the port asked for or fails
// saying so (sirv-cli alone would move to another port without a word), and it never outlives its parent.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../src/static-server.mjs';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));
const serveScript = fileURLToPath(new URL('../scripts/serve.mjs', import.meta.url));
const staticServerModule = fileURLToPath(new URL('../src/static-server.mjs', import.meta.url));

/** Gone, or a zombie that nobody has reaped yet (an orphan's new parent may never reap it). */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? false;
  } catch {
    return true;
  }
}

function killIfAlive(pid: number | undefined): void {
  if (pid === undefined || isGone(pid)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {}
}

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

it('pnpm reference on a busy port exits 1 naming the port, --port and DOCS_PORT', async () => {
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

// SIGKILL runs no handler of the parent at all; process.exit() runs its 'exit' handlers but no stop().
for (const { how, end } of [
  { how: 'is killed with SIGKILL', end: 'kill' },
  { how: 'calls process.exit() without stopping it', end: 'exit' },
] as const) {
  it(`its sirv-cli child goes away when the parent ${how}`, async () => {
    const script = `
import { startStaticServer } from ${JSON.stringify(staticServerModule)};
const server = await startStaticServer({ root: ${JSON.stringify(distDir)} });
console.log('sirv pid ' + server.pid);
setInterval(() => {}, 1000);
process.stdin.on('data', () => process.exit(0));
`;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let sirvPid: number | undefined;
    teardown.push(() => killIfAlive(parent.pid));
    teardown.push(() => killIfAlive(sirvPid));
    const output = collect(parent);
    sirvPid = await new Promise<number>((resolve, reject) => {
      parent.once('exit', (code) => reject(new Error(`the parent exited early (${code}):\n${output()}`)));
      parent.stdout?.on('data', () => {
        const found = /sirv pid (\d+)/.exec(output())?.[1];
        if (found) resolve(Number(found));
      });
    });
    expect(isGone(sirvPid)).toBe(false);

    const parentExited = new Promise((resolve) => parent.once('exit', resolve));
    if (end === 'kill') process.kill(parent.pid as number, 'SIGKILL');
    else parent.stdin?.write('exit\n');
    await parentExited;
    // A generous bound: this checks that the child goes, not how fast.
    const deadline = Date.now() + 15_000;
    while (!isGone(sirvPid) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isGone(sirvPid), `sirv-cli (pid ${sirvPid}) is still running after its parent ${how}`).toBe(true);
  });
}
