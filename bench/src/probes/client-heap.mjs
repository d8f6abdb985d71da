// @ts-check
// The client-heap figure's probe, run in a process of its own with --expose-gc: `calls` calls of our client,
// 50 in flight, every other one answered 404 (a NotFoundError, so the error path is measured too), then the heap
// settled before them, with every result held, and once the results are dropped. Prints the three as JSON.
// Usage: node --expose-gc src/probes/client-heap.mjs <baseUrl> <sessionUuid> <calls>
import { createPlivoClient, NotFoundError } from '@plivo-openapi/client';
import { AUTH_ID, AUTH_TOKEN } from '../lib/credentials.mjs';

const IN_FLIGHT = 50;
const WARM_UP_CALLS = 200;

const [baseUrl, sessionUuid, callsText] = process.argv.slice(2);
const calls = Number(callsText);
const gc = globalThis.gc;
if (baseUrl === undefined || sessionUuid === undefined || !(calls > 0) || typeof gc !== 'function') {
  console.error('usage: node --expose-gc src/probes/client-heap.mjs <baseUrl> <sessionUuid> <calls>');
  process.exit(2);
}

const client = createPlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl });
// The example server knows one session: any other is answered 404.
const uuidFor = (/** @type {number} */ index) =>
  index % 2 === 0 ? sessionUuid : `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

/** Every call's settled result, in order. @param {number} count */
async function burst(count) {
  /** @type {PromiseSettledResult<unknown>[]} */
  const settled = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      [settled[index]] = await Promise.allSettled([client.verifySessions.get(uuidFor(index))]);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return settled;
}

/** Lets idle sockets and timers go, collects, and reads the heap. */
async function settledHeap() {
  for (let round = 0; round < 4; round++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    gc?.();
  }
  return process.memoryUsage().heapUsed;
}

await burst(WARM_UP_CALLS);
const before = await settledHeap();
/** @type {PromiseSettledResult<unknown>[] | undefined} */
let results = await burst(calls);
const refused = results.filter(
  (result) => result.status === 'rejected' && result.reason instanceof NotFoundError,
).length;
if (refused !== Math.floor(calls / 2)) {
  throw new Error(`expected ${Math.floor(calls / 2)} NotFoundErrors of ${calls} calls, got ${refused}`);
}
const held = await settledHeap();
results = undefined;
const after = await settledHeap();
console.log(JSON.stringify({ before, held, after }));
