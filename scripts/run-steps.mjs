// Runs steps one after the other, each to its end whatever the previous ones did, prints a summary and sets the
// exit code: 1 when a step failed, 130 when Ctrl-C stopped the run. (A chain of `&&` would hide every step after
// the first failure.)
import { spawn } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * How long to wait after a step for a Ctrl-C that reached it before it reached this process. A step that catches
 * SIGINT and exits 0 (as `pnpm start` does) looks like one that passed, and the signal may be handled here only
 * after its exit: it can be delivered to another thread of this process, or be handled after the exit on a busy
 * machine. (A CI run on 2 busy cores started the next step.)
 */
const INTERRUPT_GRACE_MS = 100;

/** @typedef {{ name: string; command: string; args: string[] }} Step */

/**
 * Runs one step to its end. Asynchronous on purpose: while a step runs, the event loop stays free, so the
 * SIGINT handler of `runSteps` runs when Ctrl-C arrives (with `spawnSync` it ran only after the last step).
 * @param {Step} step
 * @param {{ cwd: string; env: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ code: number | null; signal: NodeJS.Signals | null; error: Error | undefined }>}
 */
function runStep(step, { cwd, env }) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd, env, stdio: 'inherit' });
    // A command that cannot start emits 'error' (and may never emit 'close'); settle on whichever comes first.
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('close', (code, signal) => resolve({ code, signal, error: undefined }));
  });
}

/**
 * @param {Step[]} steps
 * @param {{ cwd: string; env: NodeJS.ProcessEnv; title: string }} options
 * @returns {Promise<{ name: string; failure: string | undefined }[]>} one result per step that ran
 */
export async function runSteps(steps, { cwd, env, title }) {
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
      const { code, signal, error } = await runStep(step, { cwd, env });
      // A step that Ctrl-C stopped (killed by SIGINT, or exiting 130 = 128 + SIGINT as shells and pnpm do)
      // stops the run even if the SIGINT did not reach this process (sent to the step's own process alone).
      if (signal === 'SIGINT' || code === 130) interrupted = true;
      else if (!interrupted) await delay(INTERRUPT_GRACE_MS);
      const failure = error
        ? error.message
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
