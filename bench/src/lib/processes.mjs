// @ts-check
// Child processes for the bench: timed tool runs and long-lived servers. Every child is tracked so that
// nothing outlives the bench, even when it fails half-way.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OutputTail } from './output-tail.mjs';

const require = createRequire(import.meta.url);
const OUTPUT_LIMIT = 32 * 1024;
const STOP_GRACE_MS = 5_000;

/**
 * Every child's process group (each child leads its own), until it is known to be empty: a server's host may
 * have children of its own (bare Prism under `src/servers/bare-prism.mjs`) that a kill of the host alone would
 * leave running.
 * @type {Set<number>}
 */
const groups = new Set();

/** @param {number} pid a group leader's @param {NodeJS.Signals} signal */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is empty.
  }
}

// Last resort (an exception, a signal): kill whatever we started, by process group, before exiting.
process.on('exit', () => {
  for (const pid of groups) signalGroup(pid, 'SIGKILL');
});
// A signal ends Node without 'exit' unless handled: `kill <bench pid>` alone would leave the servers running.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => process.exit(128 + constants.signals[signal]));
}

/**
 * The JavaScript file behind a package's binary, so tools run under this Node without a shell shim.
 * @param {string} packageName
 * @param {string} [binName]
 */
export function binPath(packageName, binName = packageName) {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const { bin } = require(manifestPath);
  const relative = typeof bin === 'string' ? bin : bin?.[binName];
  if (typeof relative !== 'string') throw new Error(`${manifestPath} declares no "${binName}" binary`);
  return join(dirname(manifestPath), relative);
}

/**
 * @param {string[]} command
 * @param {{ cwd?: string | undefined, env?: NodeJS.ProcessEnv | undefined }} options
 */
function start(command, { cwd, env }) {
  const [file, ...args] = command;
  if (file === undefined) throw new Error('start: empty command');
  const child = spawn(file, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own, so that everything under it can be killed at once.
    detached: true,
  });
  if (child.pid !== undefined) groups.add(child.pid);
  const tail = new OutputTail(OUTPUT_LIMIT);
  const record = (/** @type {string} */ chunk) => tail.append(chunk);
  child.stdout?.setEncoding('utf8').on('data', record);
  child.stderr?.setEncoding('utf8').on('data', record);
  return { child, output: () => tail.toString() };
}

/**
 * Runs a command to completion and returns its wall-clock time in milliseconds, start-up included (that is
 * what a developer waits for), and the end of its output. A non-zero exit is an error that quotes the output.
 * @param {string[]} command
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ ms: number, output: string }>}
 */
export function timeCommand(command, options = {}) {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const { child, output } = start(command, options);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const elapsed = performance.now() - startedAt;
      if (child.pid !== undefined) groups.delete(child.pid);
      if (code === 0) resolve({ ms: elapsed, output: output() });
      else
        reject(
          new Error(
            `\`${command.join(' ')}\` (in ${options.cwd ?? process.cwd()}) exited with ${code ?? signal}:\n${output()}`,
          ),
        );
    });
  });
}

/**
 * @typedef {{ url: string, pid: number, startedAt: number, output: () => string, stop: () => Promise<void> }}
 *   ServerProcess
 */

/**
 * Starts a server process and resolves once it prints a line matching `ready` (whose first group is its
 * URL). `startedAt` is the performance.now() of the spawn, for start-up timings.
 * @param {string[]} command
 * @param {{ ready: RegExp, cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} options
 * @returns {Promise<ServerProcess>}
 */
export function startServer(command, { ready, cwd, env, timeoutMs = 60_000 }) {
  const startedAt = performance.now();
  const { child, output } = start(command, { cwd, env });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    const { pid } = child;
    if (pid === undefined) return;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    // Whatever the server left behind in its group (a child its host did not stop).
    signalGroup(pid, 'SIGKILL');
    groups.delete(pid);
  };
  return new Promise((resolve, reject) => {
    const fail = (/** @type {string} */ why) => {
      clearTimeout(timer);
      stop().finally(() => reject(new Error(`\`${command.join(' ')}\` ${why}. Its output:\n${output()}`)));
    };
    const timer = setTimeout(
      () => fail(`printed nothing matching ${ready} within ${timeoutMs} ms`),
      timeoutMs,
    );
    child.on('error', (error) => fail(`could not start: ${error.message}`));
    const exitedEarly = (/** @type {number | null} */ code, /** @type {string | null} */ signal) =>
      fail(`exited with ${code ?? signal} before it was ready`);
    child.on('exit', exitedEarly);
    const checkReady = () => {
      const url = ready.exec(output())?.[1];
      if (url === undefined || child.pid === undefined) return;
      clearTimeout(timer);
      child.off('exit', exitedEarly);
      child.stdout?.off('data', checkReady);
      child.stderr?.off('data', checkReady);
      // The smoke test reads these lines to check that every server is gone when the bench ends.
      console.error(`[bench] server pid ${child.pid} listening on ${url}`);
      resolve({ url, pid: child.pid, startedAt, output, stop });
    };
    child.stdout?.on('data', checkReady);
    child.stderr?.on('data', checkReady);
  });
}
