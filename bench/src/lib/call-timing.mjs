// @ts-check
// How the client figures time calls: latency call by call, interleaved between contenders, and throughput with
// a fixed number of calls in flight, in alternating blocks.

/**
 * @typedef {{ name: string, call: () => Promise<unknown> }} Contender
 * @typedef {Map<string, number[]>} Latencies contender name → latency of each call in ms
 */

/**
 * N rounds of one call per contender, the order rotating each round, each call timed with performance.now().
 * Interleaving spreads a slow spell of a noisy machine over every contender instead of landing on one.
 * @param {readonly Contender[]} contenders
 * @param {number} calls per contender
 * @returns {Promise<Latencies>}
 */
export async function sequentialInterleaved(contenders, calls) {
  /** @type {Latencies} */
  const latencies = new Map(contenders.map(({ name }) => [name, []]));
  for (let round = 0; round < calls; round++) {
    for (let offset = 0; offset < contenders.length; offset++) {
      const contender = /** @type {Contender} */ (contenders[(round + offset) % contenders.length]);
      const startedAt = performance.now();
      await contender.call();
      latencies.get(contender.name)?.push(performance.now() - startedAt);
    }
  }
  return latencies;
}

/**
 * `calls` calls with `inFlight` of them always in flight: calls per second of wall-clock time.
 * @param {() => Promise<unknown>} call
 * @param {number} calls
 * @param {number} inFlight
 */
async function timeInFlight(call, calls, inFlight) {
  let started = 0;
  const worker = async () => {
    while (started < calls) {
      started += 1;
      await call();
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: Math.min(inFlight, calls) }, worker));
  return performance.now() - startedAt;
}

/**
 * Throughput (calls per second) of each contender with `inFlight` calls in flight, `calls` in all, in `blocks`
 * blocks per contender, the contenders' order rotating per block, after an untimed warm-up of each. A contender
 * has only its own calls in flight.
 * @param {readonly Contender[]} contenders
 * @param {{ calls: number, blocks: number, inFlight: number }} options
 * @returns {Promise<Map<string, number>>} contender name → calls per second
 */
export async function throughputInBlocks(contenders, { calls, blocks, inFlight }) {
  // Untimed: opens each contender's connections (up to `inFlight`) before anything is recorded.
  for (const contender of contenders) await timeInFlight(contender.call, inFlight * 2, inFlight);
  const perBlock = Math.ceil(calls / blocks);
  /** @type {Map<string, number>} */
  const elapsedMs = new Map(contenders.map(({ name }) => [name, 0]));
  for (let block = 0; block < blocks; block++) {
    for (let offset = 0; offset < contenders.length; offset++) {
      const contender = /** @type {Contender} */ (contenders[(block + offset) % contenders.length]);
      const ms = await timeInFlight(contender.call, perBlock, inFlight);
      elapsedMs.set(contender.name, (elapsedMs.get(contender.name) ?? 0) + ms);
    }
  }
  return new Map([...elapsedMs].map(([name, ms]) => [name, (perBlock * blocks) / (ms / 1000)]));
}
