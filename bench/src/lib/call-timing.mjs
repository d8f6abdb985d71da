// @ts-check
// How the client figures time calls: latency call by call, interleaved between contenders, and throughput with
// a fixed number of calls in flight, in interleaved blocks. Both take turns in a balanced order.

/**
 * @typedef {{ name: string, call: () => Promise<unknown> }} Contender
 * @typedef {Map<string, number[]>} Latencies contender name → latency of each call in ms
 */

/**
 * The order in which `count` contenders take turns, one cycle of it: a de Bruijn sequence of order 2, in which
 * every contender follows every contender (itself included) exactly once, counting the cycle's end as
 * followed by its start. Each contender has `count` turns per cycle.
 *
 * A plain rotation (ABC BCA CAB …) is not balanced: there B follows A in two rounds of three and C in one, so
 * whatever a contender leaves behind (garbage to collect, sockets to close) lands on one neighbour more than
 * on another.
 * @param {number} count
 * @returns {number[]} contender indices
 */
export function balancedTurns(count) {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`balancedTurns: ${count} is not a contender count`);
  // The standard construction: the concatenation, in lexicographic order, of the Lyndon words over `count`
  // symbols whose length divides 2.
  /** @type {number[]} */
  const turns = [];
  const word = [0, 0, 0];
  /** @param {number} t @param {number} p */
  const extend = (t, p) => {
    if (t > 2) {
      if (2 % p === 0) turns.push(...word.slice(1, p + 1));
      return;
    }
    word[t] = /** @type {number} */ (word[t - p]);
    extend(t + 1, p);
    for (let symbol = /** @type {number} */ (word[t - p]) + 1; symbol < count; symbol++) {
      word[t] = symbol;
      extend(t + 1, t);
    }
  };
  extend(1, 1);
  return turns;
}

/**
 * The turns for at least `turnsEach` turns per contender: whole cycles of balancedTurns, so the order stays
 * balanced. Each contender gets the same number of turns, `turnsEach` rounded up to a multiple of `count`.
 * @param {number} count
 * @param {number} turnsEach
 */
export function balancedSchedule(count, turnsEach) {
  const cycle = balancedTurns(count);
  return Array.from({ length: Math.ceil(turnsEach / count) }, () => cycle).flat();
}

/**
 * At least `calls` calls per contender, one at a time, in the balanced order, each timed with
 * performance.now(). Interleaving spreads a slow spell of a noisy machine over every contender instead of
 * landing on one; the untimed call before the first is the cycle's last, so the first timed call follows
 * the same contender as in every later cycle.
 * @param {readonly Contender[]} contenders
 * @param {number} calls per contender
 * @returns {Promise<Latencies>}
 */
export async function sequentialInterleaved(contenders, calls) {
  /** @type {Latencies} */
  const latencies = new Map(contenders.map(({ name }) => [name, []]));
  const schedule = balancedSchedule(contenders.length, calls).map((index) => contenders[index]);
  await schedule.at(-1)?.call();
  for (const contender of /** @type {Contender[]} */ (schedule)) {
    const startedAt = performance.now();
    await contender.call();
    latencies.get(contender.name)?.push(performance.now() - startedAt);
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
 * Throughput (calls per second) of each contender with `inFlight` calls in flight: about `calls` calls in all,
 * in at least `blocks` blocks per contender taking turns in the balanced order. Untimed first: enough calls
 * to open each contender's connections, a block of each (nothing is timed while the JIT settles), then the
 * cycle's last block, so that the first timed block follows what it follows in every later cycle. A
 * contender has only its own calls in flight.
 * @param {readonly Contender[]} contenders
 * @param {{ calls: number, blocks: number, inFlight: number }} options
 * @returns {Promise<Map<string, number>>} contender name → calls per second
 */
export async function throughputInBlocks(contenders, { calls, blocks, inFlight }) {
  const schedule = balancedSchedule(contenders.length, blocks).map((index) => contenders[index]);
  const blocksEach = schedule.length / contenders.length;
  const perBlock = Math.ceil(calls / blocksEach);
  for (const contender of contenders) await timeInFlight(contender.call, inFlight * 2, inFlight);
  // A whole block each (for two contenders the cycle ends `1 1`: its tail alone would warm only one).
  for (const contender of contenders) await timeInFlight(contender.call, perBlock, inFlight);
  await timeInFlight(/** @type {Contender} */ (schedule.at(-1)).call, perBlock, inFlight);
  /** @type {Map<string, number>} */
  const elapsedMs = new Map(contenders.map(({ name }) => [name, 0]));
  for (const contender of /** @type {Contender[]} */ (schedule)) {
    const ms = await timeInFlight(contender.call, perBlock, inFlight);
    elapsedMs.set(contender.name, (elapsedMs.get(contender.name) ?? 0) + ms);
  }
  return new Map([...elapsedMs].map(([name, ms]) => [name, (perBlock * blocksEach) / (ms / 1000)]));
}
