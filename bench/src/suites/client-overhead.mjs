// @ts-check
// Client overhead: our client's calls side by side with the same calls through openapi-fetch alone (what our
// layer adds on top of the library it is built on), a raw fetch (the floor) and Plivo's official SDK, all
// against one local node:http server answering with the spec's own examples. Every comparison runs `runs`
// times; a figure is the median of the runs' ratios.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sequentialInterleaved, throughputInBlocks } from '../lib/call-timing.mjs';
import { benchOperations, createContenders } from '../lib/contenders.mjs';
import { medianRunFigure } from '../lib/figures.mjs';
import { startServer, timeCommand } from '../lib/processes.mjs';
import { loadSpec } from '../lib/spec-examples.mjs';
import { quantile } from '../lib/stats.mjs';

const IN_FLIGHT = 50;
const MAX_OURS_TO_OPENAPI_FETCH = 1.05;
const MIN_THROUGHPUT_TO_OPENAPI_FETCH = 0.97;
// An earlier issue asked for ours "well below" plivo; read as at least a fifth less latency.
const MAX_OURS_TO_PLIVO = 0.8;
// A leak of some 300 bytes per call of the heap figure's 5 000 would exceed it (it retains about 1.3 MiB here).
const MAX_HEAP_RETAINED_MIB = 3;
// The heap figure's calls for this session are answered 429 with a zero wait: its retries (timers, sleeps) count.
const RATE_LIMITED_UUID = '00000000-0000-4000-8000-000000000429';
const plivoVersion = createRequire(import.meta.url)('plivo/package.json').version;
const exampleServer = fileURLToPath(new URL('../servers/example-server.mjs', import.meta.url));
const heapProbe = fileURLToPath(new URL('../probes/client-heap.mjs', import.meta.url));
const MiB = 2 ** 20;

/**
 * The heap of a fresh process around `calls` calls of our client (see the probe): settled before them, with
 * their results held, and once they are dropped, in MiB; and how the probe made its calls.
 * @param {string} url @param {string} sessionUuid @param {number} calls
 */
async function heapAroundCalls(url, sessionUuid, calls) {
  const command = [
    process.execPath,
    '--expose-gc',
    heapProbe,
    url,
    sessionUuid,
    RATE_LIMITED_UUID,
    String(calls),
  ];
  const { output } = await timeCommand(command);
  const { before, held, after, inFlight, warmUpCalls } = JSON.parse(output.trim().split('\n').at(-1) ?? '');
  // Unless the heap shows the results it holds, a heap back near `before` would prove nothing.
  if (held - before < 2 * MAX_HEAP_RETAINED_MIB * MiB) {
    throw new Error(
      `the heap grew by only ${((held - before) / MiB).toFixed(2)} MiB with ${calls} calls' results held: too few calls to see a leak`,
    );
  }
  return { before: before / MiB, held: held / MiB, after: after / MiB, inFlight, warmUpCalls };
}

/**
 * @typedef {{ value: number, baseline: number }} Run
 * @typedef {import('../lib/call-timing.mjs').Latencies} Latencies
 */

/** @param {Latencies} latencies @param {string} name @param {number} q */
const quantileOf = (latencies, name, q) => quantile(/** @type {number[]} */ (latencies.get(name)), q);

/**
 * @param {{ runs: number, calls: number, warmUpCalls: number, throughputCalls: number, blocks: number, heapCalls: number, workDir: string, log: (line: string) => void }} options
 * @returns {Promise<import('../lib/figures.mjs').Figure[]>}
 */
export async function measureClientOverhead({
  runs,
  calls,
  warmUpCalls,
  throughputCalls,
  blocks,
  heapCalls,
  workDir,
  log,
}) {
  const operations = benchOperations(loadSpec().spec);
  const routesFile = join(workDir, 'client-overhead-routes.json');
  const [get] = operations.routes;
  const rateLimited = {
    method: 'GET',
    path: get?.path.replace(operations.sessionUuid, RATE_LIMITED_UUID),
    status: 429,
    body: { api_id: RATE_LIMITED_UUID, error: 'too many requests' },
    headers: { 'retry-after-ms': '0' },
  };
  writeFileSync(routesFile, JSON.stringify([...operations.routes, rateLimited]));
  const server = await startServer([process.execPath, exampleServer, routesFile], {
    ready: /listening on (http:\/\/\S+)/,
  });
  /** @type {Record<string, Run[]>} figure key → one comparison per run */
  const measured = {};
  const add = (/** @type {string} */ key, /** @type {number} */ value, /** @type {number} */ baseline) => {
    measured[key] = [...(measured[key] ?? []), { value, baseline }];
  };
  /** @type {Awaited<ReturnType<typeof heapAroundCalls>>[]} */
  const heaps = [];
  try {
    const contenders = await createContenders(server.url, operations);
    // Lets the JIT and the connection pools settle before anything is recorded.
    for (const list of Object.values(contenders)) await sequentialInterleaved(list, warmUpCalls);

    for (let run = 1; run <= runs; run++) {
      const get = await sequentialInterleaved(contenders.get, calls);
      for (const against of ['openapi-fetch', 'raw fetch', 'plivo']) {
        add(`get median ${against}`, quantileOf(get, 'ours', 0.5), quantileOf(get, against, 0.5));
      }
      add('get p99 openapi-fetch', quantileOf(get, 'ours', 0.99), quantileOf(get, 'openapi-fetch', 0.99));
      for (const operation of /** @type {const} */ (['create', 'list'])) {
        const latencies = await sequentialInterleaved(contenders[operation], calls);
        add(
          `${operation} median`,
          quantileOf(latencies, 'ours', 0.5),
          quantileOf(latencies, 'openapi-fetch', 0.5),
        );
      }
      // Two comparisons, each of two contenders, so the goal's gets all the blocks of its own: against Plivo's
      // SDK (reported only, far from any line) a quarter as many calls.
      for (const [against, share] of /** @type {const} */ ([
        ['openapi-fetch', 1],
        ['plivo', 4],
      ])) {
        const throughput = await throughputInBlocks(
          contenders.get.filter(({ name }) => name === 'ours' || name === against),
          { calls: throughputCalls / share, blocks: blocks / share, inFlight: IN_FLIGHT },
        );
        add(
          `throughput ${against}`,
          /** @type {number} */ (throughput.get('ours')),
          /** @type {number} */ (throughput.get(against)),
        );
      }
      heaps.push(await heapAroundCalls(server.url, operations.sessionUuid, heapCalls));
      log(`client overhead: run ${run}/${runs} done`);
    }
  } finally {
    await server.stop();
  }

  const sequential = `${calls} calls each per run, one at a time, interleaved call by call in a balanced order`;
  const against = `${operations.examples}; ${runs} run(s), median of the runs' ratios`;
  /** @param {string} key */
  const runsOf = (key) => /** @type {Run[]} */ (measured[key]);
  const ratioGoal = (/** @type {number} */ max) => /** @type {const} */ ({ metric: 'ratio', max });
  return [
    medianRunFigure({
      name: 'client: verifySessions.get / openapi-fetch GET, sequential median',
      runs: runsOf('get median openapi-fetch'),
      unit: 'ms',
      goal: ratioGoal(MAX_OURS_TO_OPENAPI_FETCH),
      detail: `${sequential}; stretch goal ratio ≤ 1.00; ${against}`,
    }),
    medianRunFigure({
      name: 'client: verifySessions.get / raw fetch, sequential median',
      runs: runsOf('get median raw fetch'),
      unit: 'ms',
      detail: `the floor: fetch() then response.json(); ${sequential}; ${against}`,
    }),
    medianRunFigure({
      name: 'client: verifySessions.get / plivo SDK verify_session.get, sequential median',
      runs: runsOf('get median plivo'),
      unit: 'ms',
      goal: ratioGoal(MAX_OURS_TO_PLIVO),
      detail: `plivo ${plivoVersion} pointed at the same server through its url option; ${sequential}; ${against}`,
    }),
    medianRunFigure({
      name: 'client: verifySessions.get / openapi-fetch GET, sequential p99',
      runs: runsOf('get p99 openapi-fetch'),
      unit: 'ms',
      detail: `the tail, reported only (it moves from run to run on a shared machine); ${sequential}; ${against}`,
    }),
    medianRunFigure({
      name: 'client: verifySessions.create / openapi-fetch POST, sequential median',
      runs: runsOf('create median'),
      unit: 'ms',
      goal: ratioGoal(MAX_OURS_TO_OPENAPI_FETCH),
      detail: `the same JSON body (the spec's request example) both ways; ${sequential}; ${against}`,
    }),
    medianRunFigure({
      name: 'client: maskingSessions.list / openapi-fetch GET, sequential median',
      runs: runsOf('list median'),
      unit: 'ms',
      goal: ratioGoal(MAX_OURS_TO_OPENAPI_FETCH),
      detail: `first page, limit=20 both ways; ${sequential}; ${against}`,
    }),
    medianRunFigure({
      name: `client: verifySessions.get / openapi-fetch GET, throughput at ${IN_FLIGHT} in flight`,
      runs: runsOf('throughput openapi-fetch'),
      unit: 'req/s',
      goal: { metric: 'ratio', min: MIN_THROUGHPUT_TO_OPENAPI_FETCH },
      detail: `${throughputCalls} calls each per run with ${IN_FLIGHT} always in flight, in ${blocks} blocks per contender taking turns in a balanced order; ${against}`,
    }),
    medianRunFigure({
      name: `client: verifySessions.get / plivo SDK, throughput at ${IN_FLIGHT} in flight`,
      runs: runsOf('throughput plivo'),
      unit: 'req/s',
      detail: `${throughputCalls / 4} calls each per run with ${IN_FLIGHT} always in flight, in ${Math.max(1, blocks / 4)} blocks per contender taking turns in a balanced order; ${against}`,
    }),
    medianRunFigure({
      name: `client: heap after ${heapCalls} calls, their results dropped / before them`,
      runs: heaps.map(({ before, after }) => ({ value: after, baseline: before })),
      unit: 'MiB',
      goal: { metric: 'excess', max: MAX_HEAP_RETAINED_MIB },
      detail: `a leak check: in a fresh process with --expose-gc, ${heapCalls} verifySessions.get calls, ${heaps[0]?.inFlight} in flight, a third answered 200, a third 404 (a NotFoundError), a third 429 with a zero wait (retried twice, then a RateLimitError); the heap collected after ${heaps[0]?.warmUpCalls} warm-up calls, then once the results are dropped; with them held it was ${heaps.map(({ before, held }) => (held - before).toFixed(1)).join(', ')} MiB above (the measurement sees them); ${runs} run(s), the median by excess`,
    }),
  ];
}
