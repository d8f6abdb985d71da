// @ts-check
// How much each suite measures in a full run (`pnpm bench`, under 10 minutes on 2 cores) and in the smoke
// run inside the test command (under 30 seconds: every figure measured, none of them meaningful).

export const SUITES = /** @type {const} */ (['client-overhead', 'client-size', 'mock', 'pipeline', 'cache']);

/** @param {'full' | 'smoke'} mode */
export function settingsFor(mode) {
  const full = mode === 'full';
  return {
    // runs and rounds are odd, so that the median of their ratios is one of them.
    clientOverhead: {
      runs: full ? 3 : 1,
      calls: full ? 4000 : 100,
      warmUpCalls: full ? 500 : 20,
      // Blocks of 1 000 calls: a block's rate varies by about 12 % on these machines, a run's ratio by 2 %.
      throughputCalls: full ? 24000 : 100,
      blocks: full ? 24 : 1,
      // As many in both modes: with fewer, the heap would not show the results held (the figure checks it).
      heapCalls: 5000,
    },
    // A round has two halves, each side started first in one; latencyRequests and the load are per half.
    mock: {
      rounds: full ? 3 : 1,
      // A start-up of about 1.5 s varies by some 5 % here: the median of 8 per side per round (the halves' 2
      // and 6 more), an even number, so that each side is started first in half of them.
      startups: full ? 8 : 2,
      latencyRequests: full ? 600 : 20,
      settleMs: full ? 1000 : 100,
      warmUpSeconds: full ? 1 : 0,
      // Whole seconds per block: autocannon stops only at its 1 s sampling ticks (1.5 s ran for 2 s).
      seconds: full ? 6 : 1,
      blocks: full ? 3 : 1,
    },
    pipeline: { sizes: full ? [2, 100, 1000] : [1, 20], repeats: full ? 3 : 1, warmUp: full },
    cache: full
      ? { turboArgs: ['build'], scope: 'pnpm build' }
      : // A nested whole-repo build would rewrite dist/ folders that other packages' tests are reading;
        // the spec's lint task only reads, and is the quickest task with a cache.
        { turboArgs: ['lint', '--filter=@plivo-openapi/spec', '--only'], scope: 'spec lint task (smoke)' },
  };
}
