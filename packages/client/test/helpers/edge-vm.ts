import { EdgeVM } from '@edge-runtime/vm';
import { build } from 'esbuild';
import { expect } from 'vitest';

/** A probe module for esbuild's stdin: its source, where its imports resolve from, and a name for errors. */
export interface EdgeProbe {
  readonly contents: string;
  readonly resolveDir: string;
  readonly sourcefile: string;
}

/**
 * Runs a probe that leaves a promise of its JSON result in `globalThis.__probeResult` in Vercel's EdgeVM, and
 * returns that result parsed. EdgeVM runs scripts, not modules, so esbuild first bundles the probe and what it
 * imports into one IIFE, as an edge deployment's bundler would; the browser platform fails on any node: import.
 */
export async function runProbeInEdgeVm(probe: EdgeProbe): Promise<unknown> {
  const output = await build({
    stdin: { ...probe, loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const vm = new EdgeVM();
  // The context really is an edge one: these are what a Node-only client would reach for.
  expect(vm.evaluate('[typeof process, typeof require, typeof Buffer, typeof EdgeRuntime]')).toEqual([
    'undefined',
    'undefined',
    'undefined',
    'string',
  ]);
  vm.evaluate(output.outputFiles[0]?.text ?? '');
  return JSON.parse(await vm.evaluate<Promise<string>>('globalThis.__probeResult'));
}
