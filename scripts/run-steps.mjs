// Runs steps one after the other, each to its end whatever the previous ones did, prints a summary and sets the
// exit code: 1 when a step failed, 130 when Ctrl-C stopped the run. (A chain of `&&` would hide every step after
// the first failure.)
import { execFileSync, spawn } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * How long to wait after a step for a Ctrl-C that reached it before it reached this process. A step that catches
 * SIGINT and exits 0 (as `pnpm start` does) looks like one that passed, and the signal may be handled here only
 * after its exit: it can be delivered to another thread of this process, or be handled after the exit on a busy
 * machine. (A CI run on 2 busy cores started the next step.)
 */
const INTERRUPT_GRACE_MS = 100;

/**
 * How long one step may run. A hung step would otherwise hold the whole run, and a CI job's own time limit ends
 * it with no summary; the longest step takes about 2 minutes on a 2-core CI machine.
 */
const STEP_LIMIT_MS = 20 * 60_000;

/** How long a step that ran out of time gets after SIGTERM to end its own children before it is killed. */
const STOP_GRACE_MS = 10_000;

/** @typedef {{ name: string; command: string; args: string[] }} Step */

/**
 * The processes under `pid` (children, theirs, ...), from `ps`: a step stopped for its time limit takes them with
 * it (a vitest worker, a Chromium, a Prism), which would otherwise outlive the run.
 * @param {number} pid
 * @returns {number[]}
 */
function descendantsOf(pid) {
  let table;
  try {
    // One -o per column: POSIX reads `-o pid=,ppid=` as one column named `,ppid=`.
    table = execFileSync('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { encoding: 'utf8' });
  } catch (error) {
    console.error(
      `Could not list the processes of the stopped step (ps: ${error instanceof Error ? error.message : error}): only the step is stopped.`,
    );
    return [];
  }
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const line of table.trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (child === undefined || parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found = [];
  for (let queue = [pid]; queue.length > 0; ) {
    const next = children.get(/** @type {number} */ (queue.shift())) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

/** @param {number[]} pids @param {NodeJS.Signals} signal */
function signalAll(pids, signal) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Gone already.
    }
  }
}

/**
 * Which of `pids` still run: a zombie (ended, not yet reaped by a parent that may never reap it) does not.
 * @param {number[]} pids
 */
function stillRunning(pids) {
  if (pids.length === 0) return [];
  try {
    const table = execFileSync('ps', ['-o', 'pid=', '-o', 'stat=', '-p', pids.join(',')], {
      encoding: 'utf8',
    });
    return table
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([, stat]) => stat !== undefined && !stat.startsWith('Z'))
      .map(([pid]) => Number(pid));
  } catch {
    return []; // ps exits 1 when none of them is left
  }
}

/**
 * Runs one step to its end, or stops it once it has run for `limitMs`. Asynchronous on purpose: while a step
 * runs, the event loop stays free, so the SIGINT handler of `runSteps` runs when Ctrl-C arrives (with
 * `spawnSync` it ran only after the last step).
 * @param {Step} step
 * @param {{ cwd: string; env: NodeJS.ProcessEnv; limitMs: number }} options
 * @returns {Promise<{ code: number | null; signal: NodeJS.Signals | null; error: Error | undefined; timedOut: boolean }>}
 */
function runStep(step, { cwd, env, limitMs }) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd, env, stdio: 'inherit' });
    let timedOut = false;
    /** @type {number[]} the step's processes when it ran out of time, itself first */
    let stopped = [];
    let stopDeadline = 0;
    /** @type {NodeJS.Timeout | undefined} */
    let kill;
    const limit = setTimeout(() => {
      timedOut = true;
      const pid = /** @type {number} */ (child.pid);
      stopped = [pid, ...descendantsOf(pid)];
      stopDeadline = Date.now() + STOP_GRACE_MS;
      signalAll(stopped, 'SIGTERM');
      // For a step that ignores SIGTERM; cleared once it ends (its pids could then be reused).
      kill = setTimeout(() => signalAll([...stopped, ...descendantsOf(pid)], 'SIGKILL'), STOP_GRACE_MS);
    }, limitMs);
    /** @param {{ code: number | null; signal: NodeJS.Signals | null; error: Error | undefined }} result */
    const settle = async (result) => {
      clearTimeout(limit);
      clearTimeout(kill);
      // What outlived its stopped step gets the rest of the grace, then is killed: nothing waits for it later.
      while (stillRunning(stopped).length > 0 && Date.now() < stopDeadline) await delay(100);
      signalAll(stillRunning(stopped), 'SIGKILL');
      resolve({ ...result, timedOut });
    };
    // A command that cannot start emits 'error' (and may never emit 'close'); settle on whichever comes first.
    child.once('error', (error) => settle({ code: null, signal: null, error }));
    child.once('close', (code, signal) => settle({ code, signal, error: undefined }));
  });
}

/**
 * @param {Step[]} steps
 * @param {{ cwd: string; env: NodeJS.ProcessEnv; title: string; stepLimitMs?: number }} options
 * @returns {Promise<{ name: string; failure: string | undefined }[]>} one result per step that ran
 */
export async function runSteps(steps, { cwd, env, title, stepLimitMs = STEP_LIMIT_MS }) {
  let interrupted = false;
  // Ctrl-C reaches the running step too (the terminal signals the whole foreground process group); the handler
  // keeps this process alive until that step has stopped, and once it has, no further step starts. The signal
  // is not forwarded: the step already has it, and a second SIGINT makes some tools (vitest, turbo) skip their
  // clean-up.
  const onInterrupt = () => {
    interrupted = true;
  };
  process.on('SIGINT', onInterrupt);

  /** @type {{ name: string; seconds: string; failure: string | undefined }[]} */
  const results = [];
  try {
    for (const step of steps) {
      if (interrupted) break;
      console.log(`\n▶ ${step.name}`);
      const started = Date.now();
      const { code, signal, error, timedOut } = await runStep(step, { cwd, env, limitMs: stepLimitMs });
      // A step that Ctrl-C stopped (killed by SIGINT, or exiting 130 = 128 + SIGINT as shells and pnpm do)
      // stops the run even if the SIGINT did not reach this process (sent to the step's own process alone); one
      // stopped for its time limit may exit 130 too (the SIGTERM handler of check-turbo-cache.mjs did), and does not.
      if (!timedOut && (signal === 'SIGINT' || code === 130)) interrupted = true;
      else if (!interrupted) await delay(INTERRUPT_GRACE_MS);
      const failure = error
        ? error.message
        : timedOut
          ? `no end within ${stepLimitMs / 1000} s, stopped`
          : signal
            ? `killed by ${signal}`
            : code
              ? `exit ${code}`
              : interrupted
                ? 'interrupted'
                : undefined;
      results.push({ name: step.name, seconds: ((Date.now() - started) / 1000).toFixed(1), failure });
    }
  } finally {
    process.off('SIGINT', onInterrupt);
  }

  console.log(`\n${title} summary:`);
  for (const { name, seconds, failure } of results) {
    console.log(`  ${failure ? '✗' : '✓'} ${name} (${seconds} s${failure ? `, ${failure}` : ''})`);
  }
  const failed = results.filter((result) => result.failure);
  if (interrupted) {
    console.log(`Interrupted: ${steps.length - results.length} of ${steps.length} steps did not run.`);
    process.exitCode = 130;
  } else if (failed.length > 0) {
    console.log(`${failed.length} of ${results.length} steps failed:`);
    for (const { name } of failed) console.log(`  - ${name}`);
    process.exitCode = 1;
  } else {
    console.log(`All ${results.length} steps passed.`);
  }
  return results.map(({ name, failure }) => ({ name, failure }));
}
