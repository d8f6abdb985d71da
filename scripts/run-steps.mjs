// Runs steps one after the other, each to its end whatever the previous ones did, prints a summary and sets the
// exit code: 1 when a step failed, 130 when Ctrl-C stopped the run. (A chain of `&&` would hide every step after
// the first failure.)
import { spawnSync } from 'node:child_process';

/** @typedef {{ name: string; command: string; args: string[] }} Step */

/**
 * @param {Step[]} steps
 * @param {{ cwd: string; env: NodeJS.ProcessEnv; title: string }} options
 * @returns {{ name: string; failure: string | undefined }[]} one result per step that ran
 */
export function runSteps(steps, { cwd, env, title }) {
  let interrupted = false;
  // Ctrl-C reaches the running step too (same process group); once it has stopped, no further step starts.
  const onInterrupt = () => {
    interrupted = true;
  };
  process.on('SIGINT', onInterrupt);

  /** @type {{ name: string; seconds: string; failure: string | undefined }[]} */
  const results = [];
  for (const step of steps) {
    if (interrupted) break;
    console.log(`\n▶ ${step.name}`);
    const started = Date.now();
    const run = spawnSync(step.command, step.args, { cwd, env, stdio: 'inherit' });
    const failure = run.error
      ? run.error.message
      : run.signal
        ? `killed by ${run.signal}`
        : run.status
          ? `exit ${run.status}`
          : undefined;
    results.push({ name: step.name, seconds: ((Date.now() - started) / 1000).toFixed(1), failure });
  }
  process.off('SIGINT', onInterrupt);

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
