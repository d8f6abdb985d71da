import { pathToFileURL } from 'node:url';
import { afterAll, afterEach } from 'vitest';
import { distFile } from '../helpers/dist.js';
import { killRunningProcesses } from './child-process.js';
import { fixtureServerPerTest } from './fixture-server.js';
import { type ProbeConfig, probeSource } from './probe.js';
import { tempDir } from './temp-files.js';

/** Where a runtime runs the probe from: the client package, whose node_modules holds openapi-fetch. */
export const CLIENT_DIR = new URL('../..', import.meta.url).pathname;

/**
 * What a test file that runs the probe in a runtime's own process (Deno, Bun) needs: a fixture server for each
 * test, a temporary directory for the scripts and the runtime's cache (removed after the file), and no child
 * process left running after a test.
 */
export function probeInChildProcess(runtime: string) {
  const temp = tempDir(runtime);
  const server = fixtureServerPerTest();
  afterEach(() => {
    killRunningProcesses();
  });
  afterAll(() => temp.remove());
  return {
    temp,
    server,
    /** Writes the probe of the built ESM bundle, reporting on stdout, and returns the script's path. */
    writeProbe(credentials: ProbeConfig['credentials']): string {
      return temp.write(
        `probe-${credentials === 'env' ? 'env' : 'options'}.mjs`,
        probeSource({
          clientModule: pathToFileURL(distFile('index.mjs')).href,
          baseUrl: server().baseUrl,
          credentials,
          report: 'stdout',
        }),
      );
    },
  };
}
