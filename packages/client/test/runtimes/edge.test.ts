// Proves the built ESM bundle runs in an edge runtime: Vercel's EdgeVM (@edge-runtime/vm) evaluates it in a V8
// context that has only web APIs (fetch, Request, AbortSignal, ...): no process, no require, no Node built-ins.
// EdgeVM runs scripts, not modules, so esbuild bundles the probe with dist/index.mjs and openapi-fetch into one
// IIFE first, as an edge deployment's bundler would; bundling for the browser platform also fails on any node:
// import.
import { EdgeVM } from '@edge-runtime/vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { AUTH_ID, AUTH_TOKEN } from '../helpers/credentials.js';
import { distFile } from '../helpers/dist.js';
import { expectProbeSucceeded } from './expectations.js';
import { fixtureServerPerTest } from './fixture-server.js';
import { type ProbeResult, probeSource } from './probe.js';

const CLIENT_DIR = new URL('../..', import.meta.url).pathname;
const server = fixtureServerPerTest();

async function bundleProbe(): Promise<string> {
  const output = await build({
    stdin: {
      contents: probeSource({
        clientModule: distFile('index.mjs'),
        baseUrl: server().baseUrl,
        credentials: { authId: AUTH_ID, authToken: AUTH_TOKEN },
        report: 'global',
      }),
      resolveDir: CLIENT_DIR,
      sourcefile: 'edge-probe.mjs',
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return output.outputFiles[0]?.text ?? '';
}

describe('in an edge runtime (EdgeVM)', () => {
  it('fetches both sessions and maps a 404 with only web APIs available', async () => {
    const vm = new EdgeVM();
    // The context really is an edge one: these are what a Node-only client would reach for.
    expect(vm.evaluate('[typeof process, typeof require, typeof Buffer, typeof EdgeRuntime]')).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'string',
    ]);

    vm.evaluate(await bundleProbe());
    const result = JSON.parse(await vm.evaluate<Promise<string>>('globalThis.__probeResult')) as ProbeResult;

    expectProbeSucceeded(result, server());
    // An edge runtime has no environment variables: the error says to pass the options.
    expect(result.noCredentials?.name).toBe('InvalidArgumentError');
    expect(result.noCredentials?.message).toContain('(this runtime has no environment variables)');
  });
});
