// @ts-check
// Mock: the kit (`startMock()` of @plivo-openapi/contract-tests: Prism with the kit's compatibility layer) against
// bare Prism (the same Prism, the same spec, the same arguments), so every figure is the kit's own cost:
// start-up to the first 200, idle memory of all its processes, latency one request at a time, and throughput
// at 50 requests in flight. Each round starts both afresh twice, each side first once (the side started first
// measured a few per cent slower); a figure is the median of the rounds' ratios. Each side runs under a host
// process of its own (the kit's stands for a test runner, bare Prism's for a terminal), so neither's log is read
// on the event loop that times the requests.
import { Agent, get } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sequentialInterleaved } from '../lib/call-timing.mjs';
import { AUTH_ID, AUTHORIZATION } from '../lib/credentials.mjs';
import { medianRunFigure } from '../lib/figures.mjs';
import { treeMemoryMiB } from '../lib/memory.mjs';
import { startServer } from '../lib/processes.mjs';
import { fillPath, loadSpec, successExample } from '../lib/spec-examples.mjs';
import { median } from '../lib/stats.mjs';

const IN_FLIGHT = 50;
const MAX_LATENCY_RATIO = 1.1;
const MIN_THROUGHPUT_RATIO = 0.9;
const MAX_MEMORY_EXCESS_MIB = 25;
const MAX_STARTUP_RATIO = 1.05;
const mockKit = fileURLToPath(new URL('../servers/mock-kit.mjs', import.meta.url));
const barePrism = fileURLToPath(new URL('../servers/bare-prism.mjs', import.meta.url));

const require = createRequire(import.meta.url);

/** The Prism the kit runs: resolved from the kit's own package, so both sides are the same version. */
function prismBin() {
  const kitRequire = createRequire(require.resolve('@plivo-openapi/contract-tests/package.json'));
  const manifestPath = kitRequire.resolve('@stoplight/prism-cli/package.json');
  const { bin } = kitRequire(manifestPath);
  return join(dirname(manifestPath), typeof bin === 'string' ? bin : bin.prism);
}

/** A port that was free a moment ago (bare Prism takes a port number, as the kit gives it one). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * @typedef {import('../lib/processes.mjs').ServerProcess} ServerProcess
 * @typedef {'kit' | 'bare Prism'} Side
 * @typedef {{ name: Side, server: ServerProcess, startupMs: number, ownStartupMs: number, body: string }} Started
 *   `startupMs` from the spawn to the first 200; `ownStartupMs` the same without the Node start-up of the
 *   process that hosts the side (the kit's stands for a user's test runner, which has paid it already; bare
 *   Prism's for a terminal; bare Prism's own Node start-up counts).
 */

/**
 * Starts one side and sends the first request as soon as it says it is listening; the start-up is from the
 * spawn to that 200.
 * @param {Side} name
 * @param {{ spec: string, path: string }} target
 * @returns {Promise<Started>}
 */
async function start(name, { spec, path }) {
  const server =
    name === 'kit'
      ? await startServer([process.execPath, mockKit], {
          ready: /listening on (http:\/\/\S+) \(Prism pid \d+, RSS/,
        })
      : await startServer(
          // The arguments the kit gives Prism (packages/contract-tests/src/prism-process.ts), on a free port.
          [
            process.execPath,
            barePrism,
            prismBin(),
            'mock',
            spec,
            '--host',
            '127.0.0.1',
            '--port',
            String(await freePort()),
            '--multiprocess',
            'false',
          ],
          {
            ready: /listening on (http:\/\/\S+) \(Prism pid \d+, runtime/,
            env: { FORCE_COLOR: '0', NO_COLOR: '1' },
          },
        );
  const prismPid = /Prism pid (\d+)/.exec(server.output())?.[1];
  // The smoke test checks that this process, too, is gone when the bench ends.
  console.error(
    `[bench] server pid ${prismPid} is the ${name === 'kit' ? "mock kit's Prism" : 'bare Prism'}`,
  );
  /** @type {Response} */
  let response;
  /** @type {string} */
  let body;
  try {
    response = await fetch(server.url + path, { headers: { authorization: AUTHORIZATION } });
    body = await response.text();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const startupMs = performance.now() - server.startedAt;
  if (response.status !== 200) {
    await server.stop();
    throw new Error(
      `${name}: GET ${path} answered ${response.status} ${body}; its output:\n${server.output()}`,
    );
  }
  const hostRuntimeMs = Number(/runtime start-up ([\d.]+) ms/.exec(server.output())?.[1]);
  if (!Number.isFinite(hostRuntimeMs)) {
    await server.stop();
    throw new Error(`${name}'s host printed no runtime start-up; its output:\n${server.output()}`);
  }
  return { name, server, startupMs, ownStartupMs: startupMs - hostRuntimeMs, body };
}

/**
 * `samples` more start-ups of each side (started, answered, stopped), the sides alternating, for the round's
 * start-up figure: one start-up of about 2 s on a shared machine is too noisy on its own.
 * @param {number} samples
 * @param {{ spec: string, path: string }} target
 * @returns {Promise<{ kit: Started[], bare: Started[] }>}
 */
async function moreStartups(samples, target) {
  /** @type {{ kit: Started[], bare: Started[] }} */
  const sides = { kit: [], bare: [] };
  for (let sample = 0; sample < samples; sample++) {
    /** @type {Side[]} */
    const order = sample % 2 === 0 ? ['bare Prism', 'kit'] : ['kit', 'bare Prism'];
    for (const name of order) {
      const started = await start(name, target);
      await started.server.stop();
      (name === 'kit' ? sides.kit : sides.bare).push(started);
    }
  }
  return sides;
}

/**
 * What the kit costs in memory where it runs: its child processes (Prism), plus what loading and starting it
 * added to the process that called startMock() (a test runner, here src/servers/mock-kit.mjs). That process's
 * own Node runtime is the user's, not the kit's; the detail gives its whole RSS too.
 * @param {ServerProcess} server
 */
function kitMemoryMiB(server) {
  const before = Number(/RSS before the kit (\d+)/.exec(server.output())?.[1]) / 2 ** 20;
  if (!Number.isFinite(before))
    throw new Error(`mock-kit.mjs printed no RSS; its output:\n${server.output()}`);
  const [host = 0, ...children] = treeMemoryMiB(server.pid).perProcess;
  const added = host - before;
  const childTotal = children.reduce((sum, mib) => sum + mib, 0);
  return {
    total: added + childTotal,
    withCaller: host + childTotal,
    detail: `kit ${(added + childTotal).toFixed(0)} MiB = ${added.toFixed(0)} added to the caller (${before.toFixed(0)} → ${host.toFixed(0)} MiB) + ${children.map((mib) => mib.toFixed(0)).join(' + ')} in ${children.length} child process(es)`,
  };
}

/**
 * Bare Prism's memory: its own process (and any of its children), not its host's, which stands for a terminal.
 * @param {ServerProcess} server
 */
function barePrismMemoryMiB(server) {
  const [, ...prism] = treeMemoryMiB(server.pid).perProcess;
  if (prism.length === 0)
    throw new Error(`bare Prism's host has no Prism process; its output:\n${server.output()}`);
  return { total: prism.reduce((sum, mib) => sum + mib, 0) };
}

/**
 * One GET at a time over one kept-alive connection, so the figure is the server's time, not connection set-up.
 * @param {string} url
 */
function oneAtATime(url) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const call = () =>
    new Promise((resolve, reject) => {
      get(url, { agent, headers: { authorization: AUTHORIZATION } }, (response) => {
        /** @type {Buffer[]} */
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(undefined)
            : reject(new Error(`GET ${url} answered ${response.statusCode}: ${Buffer.concat(chunks)}`)),
        );
      }).on('error', reject);
    });
  return { call, close: () => agent.destroy() };
}

/**
 * `seconds` of load with IN_FLIGHT connections, one request in flight on each. Any non-2xx answer or error
 * fails the figure: a fast 401 is not a fast mock.
 * @param {string} url
 * @param {number} seconds
 * @returns {Promise<{ requests: number, seconds: number }>}
 */
function load(url, seconds) {
  if (!Number.isInteger(seconds) || seconds < 1) {
    // It would run to its next 1 s sampling tick: the detail would understate the work.
    throw new Error(`autocannon runs whole seconds only; asked for ${seconds} s`);
  }
  /** @type {Map<string, number>} why a request failed → how often */
  const failures = new Map();
  return new Promise((resolve, reject) => {
    const options = {
      url,
      connections: IN_FLIGHT,
      duration: seconds,
      headers: { authorization: AUTHORIZATION },
    };
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) {
        const why = [...failures].map(([reason, count]) => `${count} × ${reason}`).join(', ');
        return reject(
          new Error(
            `autocannon against ${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors (${result.timeouts} timeouts; ${why})`,
          ),
        );
      }
      resolve({ requests: result.requests.total, seconds: result.duration });
    });
    instance.on('reqError', (/** @type {Error & { code?: string }} */ error) => {
      const why = error.code ?? error.message;
      failures.set(why, (failures.get(why) ?? 0) + 1);
    });
  });
}

/**
 * Requests and seconds of each side at IN_FLIGHT in flight: an untimed warm-up each, then `blocks` blocks of
 * `seconds / blocks` per side, the sides alternating, so a busy spell of the machine lands on both.
 * @param {{ name: Side, url: string }[]} sides
 * @param {{ warmUpSeconds: number, seconds: number, blocks: number }} durations
 * @returns {Promise<Map<Side, Load>>}
 */
async function throughputInBlocks(sides, { warmUpSeconds, seconds, blocks }) {
  if (warmUpSeconds > 0) for (const side of sides) await load(side.url, warmUpSeconds);
  /** @type {Map<Side, Load>} */
  const totals = new Map(sides.map(({ name }) => [name, { requests: 0, seconds: 0 }]));
  for (let block = 0; block < blocks; block++) {
    for (let offset = 0; offset < sides.length; offset++) {
      const side = /** @type {{ name: Side, url: string }} */ (sides[(block + offset) % sides.length]);
      const { requests, seconds: took } = await load(side.url, seconds / blocks);
      const total = /** @type {Load} */ (totals.get(side.name));
      total.requests += requests;
      total.seconds += took;
    }
  }
  return totals;
}

/**
 * @typedef {{ requests: number, seconds: number }} Load
 * @typedef {{
 *   kit: Started, bare: Started,
 *   kitMemory: ReturnType<typeof kitMemoryMiB>, bareMemory: ReturnType<typeof barePrismMemoryMiB>,
 *   latencies: Map<string, number[]>, loads: Map<Side, Load>,
 * }} Half
 * @typedef {{ latencyRequests: number, settleMs: number, warmUpSeconds: number, seconds: number, blocks: number }} HalfSettings
 */

/**
 * Half a round: both sides started in `order` and measured while both run (memory, latency, throughput), then
 * stopped. `running` holds what is started, for the caller to stop should a measurement fail.
 * @param {Side[]} order
 * @param {{ spec: string, path: string }} target
 * @param {HalfSettings} settings
 * @param {Started[]} running
 * @returns {Promise<Half>}
 */
async function measureHalf(order, target, { latencyRequests, settleMs, ...durations }, running) {
  // Each side's memory is read settleMs after its own first 200, before the next side starts: both have
  // idled equally long, and neither is read while the other is starting. (Read after the start-ups, some
  // 20 s later, one side's RSS had at times dropped by 40 MiB and the other's not yet, a heap shrinking when
  // idle, which no kit change explains.)
  /** @type {ReturnType<typeof kitMemoryMiB> | undefined} */
  let kitMemory;
  /** @type {ReturnType<typeof barePrismMemoryMiB> | undefined} */
  let bareMemory;
  for (const name of order) {
    const side = await start(name, target);
    running.push(side);
    await sleep(settleMs);
    if (name === 'kit') kitMemory = kitMemoryMiB(side.server);
    else bareMemory = barePrismMemoryMiB(side.server);
  }
  const kit = /** @type {Started} */ (running.find((side) => side.name === 'kit'));
  const bare = /** @type {Started} */ (running.find((side) => side.name === 'bare Prism'));
  if (kitMemory === undefined || bareMemory === undefined)
    throw new Error('a side of the round did not start');
  if (JSON.stringify(JSON.parse(kit.body)) !== JSON.stringify(JSON.parse(bare.body))) {
    throw new Error(`the kit and bare Prism answered different bodies:\n${kit.body}\n${bare.body}`);
  }

  const clients = [kit, bare].map((side) => ({
    name: side.name,
    ...oneAtATime(side.server.url + target.path),
  }));
  const latencies = await sequentialInterleaved(clients, latencyRequests);
  for (const client of clients) client.close();

  const loads = await throughputInBlocks(
    order.map((name) => ({
      name,
      url: (name === 'kit' ? kit : bare).server.url + target.path,
    })),
    durations,
  );
  await Promise.all(running.splice(0).map((side) => side.server.stop()));
  return { kit, bare, kitMemory, bareMemory, latencies, loads };
}

/** @param {Half[]} halves @param {Side} name */
function requestsPerSecond(halves, name) {
  const loads = halves.map((half) => /** @type {Load} */ (half.loads.get(name)));
  return (
    loads.reduce((sum, { requests }) => sum + requests, 0) /
    loads.reduce((sum, { seconds }) => sum + seconds, 0)
  );
}

/**
 * Each side's median latency (over every request of the halves) and requests per second (their requests over
 * their seconds): a round's figures, or one half's for its progress line.
 * @param {Half[]} halves
 */
function pooled(halves) {
  const latencies = (/** @type {Side} */ name) =>
    halves.flatMap((half) => /** @type {number[]} */ (half.latencies.get(name)));
  return {
    latency: { value: median(latencies('kit')), baseline: median(latencies('bare Prism')) },
    throughput: {
      value: requestsPerSecond(halves, 'kit'),
      baseline: requestsPerSecond(halves, 'bare Prism'),
    },
  };
}

/** What one half measured, to see what starting first does (the figures pool both halves). */
function halfRatios(/** @type {Half} */ half) {
  const first = half.kit.server.startedAt < half.bare.server.startedAt ? 'kit' : 'bare Prism';
  const { latency, throughput } = pooled([half]);
  return `${first} first ${(latency.value / latency.baseline).toFixed(3)} ${(throughput.value / throughput.baseline).toFixed(3)}`;
}

/** @param {readonly number[]} values */
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * @param {HalfSettings & { rounds: number, startups: number, log: (line: string) => void }} options
 * @returns {Promise<import('../lib/figures.mjs').Figure[]>}
 */
export async function measureMock({ rounds, startups, log, ...halfSettings }) {
  if (!Number.isInteger(startups) || startups < 2 || startups % 2 !== 0) {
    // Two come from the round's halves; the rest alternate, so each side is started first as often.
    throw new Error(
      `mock: startups per side per round must be an even number of at least 2, got ${startups}`,
    );
  }
  const { latencyRequests, settleMs, warmUpSeconds, seconds, blocks } = halfSettings;
  const { file: spec, spec: document } = loadSpec();
  const example = successExample(document, 'getVerifySession');
  const sessionUuid = /** @type {{ session_uuid: string }} */ (example.body).session_uuid;
  const path = fillPath(example.path, { auth_id: AUTH_ID, session_uuid: sessionUuid });
  const target = { spec, path };
  /** @type {Record<'startup' | 'startupWithCaller' | 'memory' | 'memoryWithCaller' | 'latency' | 'throughput', { value: number, baseline: number }[]>} */
  const runs = {
    startup: [],
    startupWithCaller: [],
    memory: [],
    memoryWithCaller: [],
    latency: [],
    throughput: [],
  };
  /** @type {string[]} */
  const memoryDetails = [];
  /** @type {Started[]} */
  const running = [];
  try {
    // Untimed: the first start of all loads Prism's files from disk, which would count against one side only.
    for (const name of /** @type {Side[]} */ (['kit', 'bare Prism'])) {
      const warm = await start(name, target);
      await warm.server.stop();
    }
    for (let round = 0; round < rounds; round++) {
      /** @type {Side[]} */
      const kitFirst = ['kit', 'bare Prism'];
      // Each side is started first in one half; which half comes first alternates between rounds.
      const orders =
        round % 2 === 0 ? [kitFirst, [...kitFirst].reverse()] : [[...kitFirst].reverse(), kitFirst];
      /** @type {Half[]} */
      const halves = [];
      for (const order of orders) halves.push(await measureHalf(order, target, halfSettings, running));

      const kitMemory = mean(halves.map((half) => half.kitMemory.total));
      const bareMemory = mean(halves.map((half) => half.bareMemory.total));
      runs.memory.push({ value: kitMemory, baseline: bareMemory });
      runs.memoryWithCaller.push({
        value: mean(halves.map((half) => half.kitMemory.withCaller)),
        baseline: bareMemory,
      });
      memoryDetails.push(
        halves
          .map((half) => `${half.kitMemory.detail}, bare Prism ${half.bareMemory.total.toFixed(0)} MiB`)
          .join(' / '),
      );

      const more = await moreStartups(startups - halves.length, target);
      const kits = [...halves.map((half) => half.kit), ...more.kit];
      const bares = [...halves.map((half) => half.bare), ...more.bare];
      runs.startup.push({
        value: median(kits.map((side) => side.ownStartupMs)),
        baseline: median(bares.map((side) => side.ownStartupMs)),
      });
      runs.startupWithCaller.push({
        value: median(kits.map((side) => side.startupMs)),
        // Bare Prism's host stands in for a terminal, whose start-up a user does not wait for.
        baseline: median(bares.map((side) => side.ownStartupMs)),
      });
      const { latency, throughput } = pooled(halves);
      runs.latency.push(latency);
      runs.throughput.push(throughput);
      log(
        `mock: round ${round + 1}/${rounds}: start-up ${Math.round(runs.startup[round]?.value ?? 0)} vs ${Math.round(runs.startup[round]?.baseline ?? 0)} ms, ` +
          `${kitMemory.toFixed(0)} vs ${bareMemory.toFixed(0)} MiB, ${Math.round(throughput.value)} vs ${Math.round(throughput.baseline)} req/s; ` +
          `latency and throughput ratios by half: ${halves.map(halfRatios).join(', ')}`,
      );
    }
  } finally {
    await Promise.all(running.map((side) => side.server.stop()));
  }

  const halvesOf = `${rounds} round(s) of two halves, each starting both sides afresh, each side first in one`;
  const of = `${halvesOf}; median of the rounds' ratios`;
  const request = `GET ${example.path} answered with the "${example.exampleName}" example`;
  return [
    medianRunFigure({
      name: 'mock: kit / bare Prism, median latency',
      runs: runs.latency,
      unit: 'ms',
      goal: { metric: 'ratio', max: MAX_LATENCY_RATIO },
      detail: `${latencyRequests} requests each per half, one at a time over a kept-alive connection, interleaved, the round's median of both halves' requests; ${request}; ${of}`,
    }),
    medianRunFigure({
      name: `mock: kit / bare Prism, throughput at ${IN_FLIGHT} in flight`,
      runs: runs.throughput,
      unit: 'req/s',
      goal: { metric: 'ratio', min: MIN_THROUGHPUT_RATIO },
      detail: `autocannon, ${IN_FLIGHT} connections, ${seconds} s per side per half in ${blocks} blocks, the sides alternating, after ${warmUpSeconds} s of warm-up each; the round's requests over its seconds; ${request}; ${of}`,
    }),
    medianRunFigure({
      name: 'mock: kit / bare Prism, idle memory of all its processes',
      runs: runs.memory,
      unit: 'MiB',
      goal: { metric: 'excess', max: MAX_MEMORY_EXCESS_MIB },
      detail: `RSS ${settleMs} ms after the first 200, the mean of a round's two halves: the kit's child processes plus what it added to the process that called startMock(), against bare Prism's process tree (${memoryDetails.join('; ')}); ${halvesOf}; the round with the median excess`,
    }),
    medianRunFigure({
      name: "mock: kit with its caller's whole process / bare Prism, idle memory",
      runs: runs.memoryWithCaller,
      unit: 'MiB',
      detail: `the figure above plus the Node runtime of the process that called startMock() (${settleMs} ms after the first 200), as when the kit runs alone (plivo-mock); ${of}`,
    }),
    medianRunFigure({
      name: 'mock: kit / bare Prism, start-up to first 200',
      runs: runs.startup,
      unit: 'ms',
      goal: { metric: 'ratio', max: MAX_STARTUP_RATIO },
      detail: `from the spawn until a GET sent as soon as it says it listens answers 200, without the Node start-up of the process that hosts the kit (a test runner has paid it already), as the memory figure counts what the kit adds to it; median of ${startups} start-ups of each side per round (the halves' and ${startups - 2} more), each side first in half of them; ${of}`,
    }),
    medianRunFigure({
      name: "mock: kit with its caller's Node start-up / bare Prism, start-up to first 200",
      runs: runs.startupWithCaller,
      unit: 'ms',
      detail: `the figure above plus the Node start-up of the process that calls startMock(), as when the kit runs alone (plivo-mock); ${of}`,
    }),
  ];
}
