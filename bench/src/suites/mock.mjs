// @ts-check
// Mock: the contract mock (`plivo-mock`, Prism behind the kit's front proxy) against a bare node:http server
// returning the same example, both started as child processes the same way: start-up to first 200 and
// requests per second at concurrency 20 (autocannon).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { figure } from '../lib/figures.mjs';
import { AUTHORIZATION, VERIFY_PATH } from '../lib/plivo-request.mjs';
import { binPath, startServer } from '../lib/processes.mjs';
import { median } from '../lib/stats.mjs';

const MAX_STARTUP_MS = 3_000;
const CONNECTIONS = 20;
const fixtureServer = fileURLToPath(new URL('../servers/fixture-server.mjs', import.meta.url));

/**
 * Sends the first request as soon as the server says it is listening; resolves with the 200's body and the
 * time since the spawn.
 * @param {import('../lib/processes.mjs').ServerProcess} server
 */
async function firstOk(server) {
  const response = await fetch(server.url + VERIFY_PATH, { headers: { authorization: AUTHORIZATION } });
  const body = await response.text();
  const startupMs = performance.now() - server.startedAt;
  if (response.status !== 200) {
    throw new Error(
      `GET ${server.url}${VERIFY_PATH} answered ${response.status} ${body}; server output:\n${server.output()}`,
    );
  }
  return { body, startupMs };
}

/** Starts the kit's CLI exactly as `pnpm mock` users do, on a free port. */
async function startMock() {
  const server = await startServer(
    [process.execPath, binPath('@plivo-openapi/contract-tests', 'plivo-mock'), '--port', '0'],
    {
      ready: /Plivo mock listening on (http:\/\/\S+)/,
    },
  );
  const prismPid = Number(/Prism pid (\d+)/.exec(server.output())?.[1]);
  if (!Number.isInteger(prismPid)) {
    await server.stop();
    throw new Error(`plivo-mock no longer prints "Prism pid <n>"; its output:\n${server.output()}`);
  }
  console.error(`[bench] server pid ${prismPid} is the mock's Prism`);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      // The CLI stops Prism on SIGTERM; make sure, since a leftover Prism would skew everything after it.
      if (isAlive(prismPid)) {
        process.kill(prismPid, 'SIGKILL');
        throw new Error(`plivo-mock exited but left its Prism process ${prismPid} running (killed it now)`);
      }
    },
  };
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} bodyFile */
const startBare = (bodyFile) =>
  startServer([process.execPath, fixtureServer, bodyFile, VERIFY_PATH], {
    ready: /listening on (http:\/\/\S+)/,
  });

/**
 * Requests per second at CONNECTIONS concurrent connections, after an untimed warm-up. Any non-2xx answer or
 * error fails the figure: a fast 401 is not a fast mock.
 * @param {string} url
 * @param {{ warmUpSeconds: number, seconds: number }} durations
 */
async function requestsPerSecond(url, { warmUpSeconds, seconds }) {
  const options = {
    url: url + VERIFY_PATH,
    connections: CONNECTIONS,
    headers: { authorization: AUTHORIZATION },
  };
  if (warmUpSeconds > 0) await autocannon({ ...options, duration: warmUpSeconds });
  const result = await autocannon({ ...options, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `autocannon against ${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`,
    );
  }
  return result.requests.total / result.duration;
}

/**
 * @param {{ startups: number, warmUpSeconds: number, seconds: number, workDir: string, log: (line: string) => void }} options
 * @returns {Promise<import('../lib/figures.mjs').Figure[]>}
 */
export async function measureMock({ startups, warmUpSeconds, seconds, workDir, log }) {
  const dir = join(workDir, 'mock');
  mkdirSync(dir, { recursive: true });
  const bodyFile = join(dir, 'verify-example.json');
  /** @type {number[]} */
  const mockStartups = [];
  /** @type {number[]} */
  const bareStartups = [];
  /** @type {{ stop: () => Promise<void> }[]} */
  const running = [];
  try {
    // Alternating start-ups, so a slow moment of the machine does not land on one side only.
    for (let round = 0; round < startups; round++) {
      const mock = await startMock();
      running.push(mock);
      const mockAnswer = await firstOk(mock);
      mockStartups.push(mockAnswer.startupMs);
      // The bare server serves exactly what Prism served: the spec's first example, byte for byte in JSON.
      writeFileSync(bodyFile, mockAnswer.body);
      const bare = await startBare(bodyFile);
      running.push(bare);
      bareStartups.push((await firstOk(bare)).startupMs);
      if (round < startups - 1) await Promise.all(running.splice(0).map((server) => server.stop()));
    }
    log(
      `mock: start-up ${mockStartups.map(Math.round).join(', ')} ms vs ${bareStartups.map(Math.round).join(', ')} ms`,
    );

    const [mock, bare] =
      /** @type {[import('../lib/processes.mjs').ServerProcess, import('../lib/processes.mjs').ServerProcess]} */ (
        running
      );
    const mockRate = await requestsPerSecond(mock.url, { warmUpSeconds, seconds });
    const bareRate = await requestsPerSecond(bare.url, { warmUpSeconds, seconds });
    log(`mock: ${Math.round(mockRate)} vs ${Math.round(bareRate)} requests/s`);
    return [
      figure({
        name: 'mock: start-up to first 200 vs bare node:http',
        value: median(mockStartups),
        baseline: median(bareStartups),
        unit: 'ms',
        goal: { metric: 'value', max: MAX_STARTUP_MS },
        detail: `spawn of \`plivo-mock --port 0\` until GET of the Verify path answers 200; median of ${startups}`,
      }),
      figure({
        name: `mock: requests/s at concurrency ${CONNECTIONS} vs bare node:http`,
        value: mockRate,
        baseline: bareRate,
        unit: 'req/s',
        detail: `autocannon, ${CONNECTIONS} connections, ${seconds} s after ${warmUpSeconds} s warm-up, GET of the Verify path`,
      }),
    ];
  } finally {
    await Promise.all(running.map((server) => server.stop()));
  }
}
