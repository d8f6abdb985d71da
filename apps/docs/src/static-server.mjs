// Serves a folder on 127.0.0.1 with sirv-cli (a small, well-kept static server) as a child process.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const sirvBin = join(dirname(require.resolve('sirv-cli/package.json')), 'bin.js');

const STARTUP_TIMEOUT_MS = 15_000;

/**
 * @typedef {{ url: string, pid: number, stop(): Promise<void> }} StaticServer
 * @param {{ root: string, port?: number }} options port 0 (the default) lets the OS pick a free one
 * @returns {Promise<StaticServer>}
 */
export function startStaticServer({ root, port = 0 }) {
  // sirv-cli prefers $HOST and $PORT over its flags, and shells such as zsh set HOST to the machine's name:
  // drop both so the server binds 127.0.0.1 and nothing else.
  const { HOST: _host, PORT: _port, ...env } = process.env;
  const child = spawn(
    process.execPath,
    // --dev: no caching, so a reload shows a rebuild. --no-clear: keep the terminal's history.
    [sirvBin, root, '--host', '127.0.0.1', '--port', String(port), '--dev', '--no-clear', '--no-logs'],
    { env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pid = /** @type {number} */ (child.pid);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGTERM');
    await exited;
  };

  return new Promise((resolve, reject) => {
    const fail = (/** @type {string} */ reason) => {
      clearTimeout(timer);
      stop().then(() =>
        reject(new Error(`sirv-cli ${reason} while serving ${root}. Its output:\n${output}`)),
      );
    };
    const timer = setTimeout(() => fail(`did not start within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    const exitedEarly = (/** @type {number | null} */ code) => fail(`exited with code ${code}`);
    child.once('exit', exitedEarly);
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const local = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!local?.[1]) return;
      clearTimeout(timer);
      child.off('exit', exitedEarly);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve({ url: local[1], pid, stop });
    });
  });
}
