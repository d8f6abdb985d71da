// `pnpm start` as a user runs it: both servers come up and answer; Ctrl-C (SIGINT to the whole process group, as a
// terminal sends it) stops both, and the command exits 0 without pnpm's ELIFECYCLE error.
// Needs the build outputs (`pnpm test` runs this after the package suites, which build everything).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const serveScript = fileURLToPath(new URL('../serve.mjs', import.meta.url));
const authId = 'MAXXXXXXXXXXXXXXXXXX';
const basic = `Basic ${btoa(`${authId}:a-token-for-the-mock-only`)}`;

/**
 * How a TCP connection to `host:port` ends: 'connected' or the error code.
 * @param {string} host
 * @param {number} port
 */
function connectOutcome(host, port) {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (/** @type {NodeJS.ErrnoException} */ error) =>
      resolve(error.code ?? error.message),
    );
  });
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `process.kill`, for a process or group that may have ended meanwhile.
 * @param {number} target
 * @param {NodeJS.Signals} signal
 */
function killIfThere(target, signal) {
  try {
    process.kill(target, signal);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ESRCH') throw error;
  }
}

/**
 * Sends `signal` to `target` (a pid, or minus a process group's) and waits for `child` to exit; what is still
 * running after `ms` is killed and `late` says so. A timed-out node:test test never reaches its `finally`, and
 * a child left running would keep the whole `pnpm test` run waiting.
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} target
 * @param {NodeJS.Signals} signal
 * @param {number} ms
 */
async function stop(child, target, signal, ms) {
  let late = false;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    killIfThere(target, signal);
    const timer = setTimeout(() => {
      late = true;
      killIfThere(target, 'SIGKILL');
    }, ms);
    await exited;
    clearTimeout(timer);
  }
  return { code: child.exitCode, signal: child.signalCode, late };
}

test('pnpm start serves the mock and the docs; Ctrl-C stops both and exits 0', {
  timeout: 300_000,
}, async (t) => {
  // Its own process group, so the SIGINT below reaches pnpm, the shell and node together, as Ctrl-C does.
  const child = spawn('pnpm', ['start', '--mock-port', '0', '--docs-port', '0'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const group = /** @type {number} */ (child.pid);
  // Runs even when the test times out: whatever of the group is left goes (none is, once the test has passed).
  t.after(() => killIfThere(-group, 'SIGKILL'));
  /** @type {string[]} */
  const output = [];
  /** @type {number | undefined} */
  let prismPid;
  /** @type {{ mock?: string | undefined; docs?: string | undefined }} */
  const urls = {};
  /** @type {Awaited<ReturnType<typeof stop>>} */
  let stopped;
  try {
    await new Promise((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        output.push(line);
        prismPid ??= Number(/^Prism pid (\d+)/.exec(line)?.[1]) || undefined;
        urls.mock ??= /^ {2}Prism mock {5}(\S+)/.exec(line)?.[1];
        urls.docs ??= /^ {2}API reference {2}(\S+)/.exec(line)?.[1];
        if (urls.mock && urls.docs && prismPid) resolve(undefined);
      });
      createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
      child.once('exit', (code) =>
        reject(new Error(`pnpm start exited early (${code}):\n${output.join('\n')}`)),
      );
    });

    const page = await fetch(`${urls.docs}`);
    assert.equal(page.status, 200, 'the docs index answers');
    assert.match(await page.text(), /Plivo API/, 'the docs page is the Plivo reference');

    const session = await fetch(
      `${urls.mock}/v1/Account/${authId}/Verify/Session/4124e518-a8c9-4feb-8cff-d86636ba9234/`,
      { headers: { authorization: basic } },
    );
    assert.equal(session.status, 200, 'the mock serves the verify session');
    assert.equal(typeof (await session.json()).session_uuid, 'string');
    // Bound to 127.0.0.1 only: another loopback address, which a server on every interface answers, is refused
    // (Linux routes all of 127/8 to the loopback device).
    if (process.platform === 'linux') {
      for (const url of [urls.mock, urls.docs]) {
        assert.equal(
          await connectOutcome('127.0.0.2', Number(new URL(`${url}`).port)),
          'ECONNREFUSED',
          `${url}`,
        );
      }
    }
  } finally {
    stopped = await stop(child, -group, 'SIGINT', 30_000);
  }
  const { code, signal, late } = stopped;
  const printed = output.join('\n');
  assert.equal(late, false, `pnpm start was still running 30 s after Ctrl-C:\n${printed}`);
  assert.equal(code, 0, `pnpm start exits 0 on Ctrl-C (signal ${signal}):\n${printed}`);
  assert.doesNotMatch(printed, /ELIFECYCLE/, 'pnpm reports no failed command');
  assert.match(printed, /Stopped the mock and the API reference\./);
  assert.ok(prismPid, 'the summary names the Prism pid');
  assert.equal(isAlive(prismPid), false, 'Prism is gone after the stop');
  for (const url of [urls.mock, urls.docs]) {
    await assert.rejects(fetch(`${url}`), `nothing answers at ${url} after the stop`);
  }
});

/**
 * A port on 127.0.0.1 that another server holds until `release()`.
 * @returns {Promise<{ port: number; release(): Promise<void> }>}
 */
async function busyPort() {
  const blocker = createServer();
  await new Promise((resolve) => blocker.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (blocker.address());
  return { port, release: () => new Promise((resolve) => blocker.close(() => resolve(undefined))) };
}

/**
 * scripts/serve.mjs (what `pnpm start` runs after the build) with `args`, until it exits or says it is running.
 * @param {string[]} args
 */
async function serveUntilSettled(args) {
  const child = spawn(process.execPath, [serveScript, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const outcome = new Promise((resolve) => {
    timer = setTimeout(() => resolve('neither exited nor said it was running within 60 s'), 60_000);
    child.once('exit', (code) => resolve(`exit ${code}`));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('plivo-openapi is running')) resolve('running');
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
  });
  try {
    return { outcome: await outcome, output: () => output };
  } finally {
    clearTimeout(timer);
    // SIGTERM, so that a serve.mjs which did start stops its Prism too.
    await stop(child, /** @type {number} */ (child.pid), 'SIGTERM', 15_000);
  }
}

for (const { busy, flag } of [
  { busy: 'mock', flag: '--mock-port' },
  { busy: 'docs', flag: '--docs-port' },
]) {
  test(`a busy ${busy} port: pnpm start exits 1 and says to pass ${flag}`, { timeout: 120_000 }, async () => {
    const taken = await busyPort();
    try {
      const ports = { mock: '0', docs: '0', [busy]: String(taken.port) };
      const { outcome, output } = await serveUntilSettled([
        '--mock-port',
        ports.mock,
        '--docs-port',
        ports.docs,
      ]);
      assert.equal(outcome, 'exit 1', output());
      assert.match(
        output(),
        new RegExp(
          `Port ${taken.port} is in use: pass ${flag} with another port \\(0 picks a free one\\)\\.`,
        ),
      );
      // startMock()'s own wording names its option `port`, which `pnpm start` does not take.
      assert.doesNotMatch(output(), /pass another `port`/);
    } finally {
      await taken.release();
    }
  });
}

/**
 * serve.mjs run with arguments it should refuse: its exit code and stderr. An old, lax parser would start serving:
 * it is stopped rather than left to the test's timeout.
 * @param {string[]} args
 */
async function refusal(...args) {
  const child = spawn(process.execPath, [serveScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGINT'), 20_000);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  return { code, stderr };
}

for (const [flag, value] of [
  ['--mock-port', ''],
  ['--docs-port', '0x50'],
  ['--mock-port', '70000'],
]) {
  test(`${flag} ${JSON.stringify(value)}: serve.mjs exits 1 naming the flag`, {
    timeout: 60_000,
  }, async () => {
    const { code, stderr } = await refusal(`${flag}=${value}`);
    assert.equal(code, 1);
    assert.match(
      stderr,
      new RegExp(
        `${flag} must be a port number from 0 to 65535 \\(0 picks a free one\\); got ${JSON.stringify(value)}\\.`,
      ),
    );
  });
}

test('an option serve.mjs does not have (--port): exits 1 naming the ones it has', {
  timeout: 60_000,
}, async () => {
  const { code, stderr } = await refusal('--port', '9000');
  assert.equal(code, 1);
  assert.match(
    stderr,
    /^Unknown option '--port'.*\. Its options: --mock-port <port> and --docs-port <port>\.\n$/,
  );
});
