// Proves the built ESM bundle runs in Bun: Bun's own binary (from the `bun` npm package) imports dist/index.mjs
// and calls a local server, once with credentials as options and once from the environment.
import { describe, expect, it } from 'vitest';
import { AUTH_ID, AUTH_TOKEN } from '../helpers/credentials.js';
import { bunExecutable } from './binaries.js';
import { runProcess } from './child-process.js';
import { expectProbeSucceeded, parseProbeOutput } from './expectations.js';
import type { ProbeConfig } from './probe.js';
import { CLIENT_DIR, probeInChildProcess } from './probe-in-child-process.js';

const bun = bunExecutable();
const { temp, server, writeProbe } = probeInChildProcess('bun');

async function runProbe(credentials: ProbeConfig['credentials'], env: NodeJS.ProcessEnv) {
  const script = writeProbe(credentials);
  const run = await runProcess(bun, ['run', '--no-install', script], {
    cwd: CLIENT_DIR,
    // A bare environment, so no PLIVO_* leaks in from the developer's shell.
    env: {
      PATH: process.env.PATH,
      BUN_INSTALL_CACHE_DIR: `${temp.path}/cache`,
      DO_NOT_TRACK: '1',
      ...env,
    },
  });
  return { run, result: parseProbeOutput(run) };
}

describe('in Bun', () => {
  it('fetches both sessions with credentials passed as options', async () => {
    const { run, result } = await runProbe({ authId: AUTH_ID, authToken: AUTH_TOKEN }, {});
    expect(run.code, run.stderr).toBe(0);
    expectProbeSucceeded(result, server());
    // Bun has process.env: the error names the variable as well as the option.
    expect(result.noCredentials?.name).toBe('InvalidArgumentError');
    expect(result.noCredentials?.message).toContain('or set the PLIVO_AUTH_ID environment variable');
  });

  it('reads PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN from the environment', async () => {
    const { run, result } = await runProbe('env', { PLIVO_AUTH_ID: AUTH_ID, PLIVO_AUTH_TOKEN: AUTH_TOKEN });
    expect(run.code, run.stderr).toBe(0);
    expectProbeSucceeded(result, server());
  });
});
