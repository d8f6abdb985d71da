// The built callbacks entry in Deno (no permission at all) and in Bun, run by their own binaries.
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { distFile } from '../../helpers/dist.js';
import { bunExecutable, denoExecutable } from '../../runtimes/binaries.js';
import { killRunningProcesses, runProcess } from '../../runtimes/child-process.js';
import { tempDir } from '../../runtimes/temp-files.js';
import { type CallbacksProbeResult, callbacksProbeSource, expectCallbacksProbeSucceeded } from './probe.js';

const temp = tempDir('callbacks');
afterEach(() => killRunningProcesses());
afterAll(() => temp.remove());

function probeScript(): string {
  return temp.write(
    'callbacks-probe.mjs',
    callbacksProbeSource(pathToFileURL(distFile('callbacks.mjs')).href, 'stdout'),
  );
}

function lastLine(run: { code: number | null; stdout: string; stderr: string }): CallbacksProbeResult {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as CallbacksProbeResult;
}

describe('the callbacks entry', () => {
  it('runs in Deno with no permissions', async () => {
    const run = await runProcess(denoExecutable(), ['run', '--no-prompt', '--no-config', probeScript()], {
      env: { PATH: process.env.PATH, DENO_DIR: `${temp.path}/deno-dir`, DENO_NO_UPDATE_CHECK: '1' },
    });
    expectCallbacksProbeSucceeded(lastLine(run));
  });

  it('runs in Bun', async () => {
    const run = await runProcess(bunExecutable(), ['run', '--no-install', probeScript()], {
      env: { PATH: process.env.PATH, BUN_INSTALL_CACHE_DIR: `${temp.path}/cache`, DO_NOT_TRACK: '1' },
    });
    expectCallbacksProbeSucceeded(lastLine(run));
  });
});
