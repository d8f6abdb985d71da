// Serves a folder on 127.0.0.1 with sirv-cli (a small, well-kept static server) as a child process.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const sirvBin = join(dirname(require.resolve('sirv-cli/package.json')), 'bin.js');
const exitWithParent = fileURLToPath(new URL('./exit-with-parent.cjs', import.meta.url));

const STARTUP_TIMEOUT_MS = 15_000;

/** The port asked for is taken by another process; `port` names it. */
export class PortInUseError extends Error {
  /** @param {number} port */
  constructor(port) {
    super(`Port ${port} on 127.0.0.1 is in use by another process.`);
    this.name = 'PortInUseError';
    this.code = 'EADDRINUSE';
    this.port = port;
  }
}

/**
 * @typedef {{ url: string, pid: number, stop(): Promise<void> }} StaticServer
 * @param {{ root: string, port?: number }} options port 0 (the default) lets the OS pick a free one
 * @returns {Promise<StaticServer>} rejects with a PortInUseError when `port` is not 0 and is taken
 */
export function startStaticServer({ root, port = 0 }) {
  // sirv-cli prefers $HOST and $PORT over its flags, and shells such as zsh set HOST to the machine's name:
  // drop both so the server binds 127.0.0.1 and nothing else.
  const { HOST: _host, PORT: _port, ...env } = process.env;
  const child = spawn(
    process.execPath,
    // exit-with-parent: the child ends when this process dies, even without running its handlers (see the file).
    // --dev: no caching, so a reload shows a rebuild. --no-clear: keep the terminal's history.
    [
      '--require',
      exitWithParent,
      sirvBin,
      root,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--dev',
      '--no-clear',
      '--no-logs',
    ],
    // stdin is a pipe that this process never writes to or closes: exit-with-parent watches it.
    { env: { ...env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const pid = /** @type {number} */ (child.pid);
  const running = () => child.exitCode === null && child.signalCode === null;
  // An orderly exit of this process (process.exit(), an uncaught exception) takes the child along at once.
  const killOnExit = () => {
    if (running()) process.kill(pid, 'SIGTERM');
  };
  process.on('exit', killOnExit);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then(() => process.off('exit', killOnExit));
  let output = '';

  const stop = async () => {
    if (running()) process.kill(pid, 'SIGTERM');
    await exited;
  };

  return new Promise((resolve, reject) => {
    /** @param {Error} error */
    const fail = (error) => {
      clearTimeout(timer);
      stop().then(() => reject(error));
    };
    const failWith = (/** @type {string} */ reason) =>
      fail(new Error(`sirv-cli ${reason} while serving ${root}. Its output:\n${output}`));
    const timer = setTimeout(
      () => failWith(`did not start within ${STARTUP_TIMEOUT_MS} ms`),
      STARTUP_TIMEOUT_MS,
    );
    const exitedEarly = (/** @type {number | null} */ code) =>
      // sirv-cli checks the port before it binds; a process that takes it in between makes the bind fail.
      port !== 0 && /EADDRINUSE/.test(output)
        ? fail(new PortInUseError(port))
        : failWith(`exited with code ${code}`);
    // 'close', not 'exit': only once its pipes have closed is all its output (an EADDRINUSE) read.
    child.once('close', exitedEarly);
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const local = /Local:\s+(http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (!local?.[1]) return;
      clearTimeout(timer);
      child.off('close', exitedEarly);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      // sirv-cli quietly moves to another port when the one asked for is taken, and a bind test of our own
      // before starting it would leave a gap in which another process can take the port. The port in the URL
      // it prints is the one it listens on, so that is what is checked.
      if (port !== 0 && Number(local[2]) !== port) {
        fail(new PortInUseError(port));
        return;
      }
      resolve({ url: local[1], pid, stop });
    });
  });
}
