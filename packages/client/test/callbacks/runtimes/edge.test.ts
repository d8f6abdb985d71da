// The built callbacks entry in an edge runtime: Vercel's EdgeVM evaluates it in a V8 context with only web APIs
// (crypto.subtle, URL, TextEncoder, ...): no process, no require, no Buffer. esbuild bundles the probe with
// dist/callbacks.mjs into one IIFE first, as an edge deployment's bundler would.
import { EdgeVM } from '@edge-runtime/vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { distFile } from '../../helpers/dist.js';
import { type CallbacksProbeResult, callbacksProbeSource, expectCallbacksProbeSucceeded } from './probe.js';

describe('the callbacks entry in an edge runtime (EdgeVM)', () => {
  it('signs, verifies, rejects changed inputs and parses with only web APIs available', async () => {
    const output = await build({
      stdin: {
        contents: callbacksProbeSource(distFile('callbacks.mjs'), 'global'),
        resolveDir: new URL('.', import.meta.url).pathname,
        sourcefile: 'edge-callbacks-probe.mjs',
        loader: 'js',
      },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const vm = new EdgeVM();
    expect(vm.evaluate('[typeof process, typeof require, typeof Buffer, typeof EdgeRuntime]')).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'string',
    ]);
    vm.evaluate(output.outputFiles[0]?.text ?? '');
    const result = JSON.parse(await vm.evaluate<Promise<string>>('globalThis.__probeResult'));
    expectCallbacksProbeSucceeded(result as CallbacksProbeResult);
  });
});
