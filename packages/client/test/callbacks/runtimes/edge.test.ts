// The built callbacks entry in an edge runtime: Vercel's EdgeVM evaluates it in a V8 context with only web APIs
// (crypto.subtle, URL, TextEncoder, ...): no process, no require, no Buffer. esbuild bundles the probe with
// dist/callbacks.mjs into one IIFE first, as an edge deployment's bundler would.
import { describe, it } from 'vitest';
import { distFile } from '../../helpers/dist.js';
import { runProbeInEdgeVm } from '../../helpers/edge-vm.js';
import { type CallbacksProbeResult, callbacksProbeSource, expectCallbacksProbeSucceeded } from './probe.js';

describe('the callbacks entry in an edge runtime (EdgeVM)', () => {
  it('signs, verifies, rejects changed inputs and parses with only web APIs available', async () => {
    const result = await runProbeInEdgeVm({
      contents: callbacksProbeSource(distFile('callbacks.mjs'), 'global'),
      resolveDir: new URL('.', import.meta.url).pathname,
      sourcefile: 'edge-callbacks-probe.mjs',
    });
    expectCallbacksProbeSucceeded(result as CallbacksProbeResult);
  });
});
