// Proves the built ESM bundle runs in Deno: Deno's own binary (from the `deno` npm package) imports dist/index.mjs
// and calls a local server, with no permission but network access to 127.0.0.1.
import { describe, expect, it } from 'vitest';
import { AUTH_ID, AUTH_TOKEN } from '../helpers/credentials.js';
import { denoExecutable } from './binaries.js';
import { runProcess } from './child-process.js';
import { expectProbeSucceeded, parseProbeOutput } from './expectations.js';
import type { ProbeConfig } from './probe.js';
import { CLIENT_DIR, probeInChildProcess } from './probe-in-child-process.js';

const deno = denoExecutable();
const { temp, server, writeProbe } = probeInChildProcess('deno');

/** Runs the probe with exactly the given permission flags and environment. */
async function runProbe(
  credentials: ProbeConfig['credentials'],
  permissions: string[],
  env: NodeJS.ProcessEnv,
) {
  const script = writeProbe(credentials);
  const run = await runProcess(
    deno,
    // `manual`: resolve openapi-fetch from the node_modules pnpm made, never from a registry.
    ['run', '--no-prompt', '--no-config', '--node-modules-dir=manual', ...permissions, script],
    {
      cwd: CLIENT_DIR,
      // A bare environment: no PLIVO_* leaks in from the developer's shell; Deno's cache stays in the temp dir.
      env: { PATH: process.env.PATH, DENO_DIR: `${temp.path}/deno-dir`, DENO_NO_UPDATE_CHECK: '1', ...env },
    },
  );
  return { run, result: parseProbeOutput(run) };
}

describe('in Deno', () => {
  it('runs with --allow-net=127.0.0.1 only: credentials from options, no environment permission', async () => {
    const { run, result } = await runProbe(
      { authId: AUTH_ID, authToken: AUTH_TOKEN },
      ['--allow-net=127.0.0.1'],
      {
        PLIVO_AUTH_ID: AUTH_ID,
        PLIVO_AUTH_TOKEN: AUTH_TOKEN,
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expectProbeSucceeded(result, server());
    // Without --allow-env, reading PLIVO_AUTH_ID is denied (it is set, but Deno may not read it): the client
    // treats it as absent and says what to pass, instead of crashing on Deno's permission error.
    expect(result.noCredentials?.name).toBe('InvalidArgumentError');
    expect(result.noCredentials?.message).toContain('Missing Plivo Auth ID');
    expect(result.noCredentials?.message).toContain('run with --allow-env=PLIVO_AUTH_ID');
    expect(result.noCredentials?.message).not.toContain('NotCapable');
  });

  it('reads PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN from the environment with --allow-env', async () => {
    const { run, result } = await runProbe(
      'env',
      ['--allow-net=127.0.0.1', '--allow-env=PLIVO_AUTH_ID,PLIVO_AUTH_TOKEN'],
      { PLIVO_AUTH_ID: AUTH_ID, PLIVO_AUTH_TOKEN: AUTH_TOKEN },
    );
    expect(run.code, run.stderr).toBe(0);
    expectProbeSucceeded(result, server());
  });
});
