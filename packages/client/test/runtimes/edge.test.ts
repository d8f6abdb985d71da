// Proves the built ESM bundle runs in an edge runtime: Vercel's EdgeVM (@edge-runtime/vm) evaluates it in a V8
// context that has only web APIs (fetch, Request, AbortSignal, ...): no process, no require, no Node built-ins.
// EdgeVM runs scripts, not modules, so esbuild bundles the probe with dist/index.mjs and openapi-fetch into one
// IIFE first, as an edge deployment's bundler would; bundling for the browser platform also fails on any node:
// import.
import { describe, expect, it } from 'vitest';
import { AUTH_ID, AUTH_TOKEN } from '../helpers/credentials.js';
import { distFile } from '../helpers/dist.js';
import { runProbeInEdgeVm } from '../helpers/edge-vm.js';
import { expectProbeSucceeded } from './expectations.js';
import { fixtureServerPerTest } from './fixture-server.js';
import { type ProbeResult, probeSource } from './probe.js';

const CLIENT_DIR = new URL('../..', import.meta.url).pathname;
const server = fixtureServerPerTest();

describe('in an edge runtime (EdgeVM)', () => {
  it('fetches both sessions and maps a 404 with only web APIs available', async () => {
    const result = (await runProbeInEdgeVm({
      contents: probeSource({
        clientModule: distFile('index.mjs'),
        baseUrl: server().baseUrl,
        credentials: { authId: AUTH_ID, authToken: AUTH_TOKEN },
        report: 'global',
      }),
      resolveDir: CLIENT_DIR,
      sourcefile: 'edge-probe.mjs',
    })) as ProbeResult;

    expectProbeSucceeded(result, server());
    // An edge runtime has no environment variables: the error says to pass the options.
    expect(result.noCredentials?.name).toBe('InvalidArgumentError');
    expect(result.noCredentials?.message).toContain('(this runtime has no environment variables)');
  });
});
