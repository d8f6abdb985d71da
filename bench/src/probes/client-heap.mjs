// @ts-check
// The client-heap figure's probe, run in a process of its own with --expose-gc: `calls` calls of our client,
// 50 in flight, a third for the session the server knows, a third for one it does not (404: a NotFoundError) and
// a third for one it rate-limits (429 with a zero wait: two retries, then a RateLimitError), so the error and
// retry paths are measured too. Prints the heap settled before them, with every result held, and once the
// results are dropped, as JSON with how the calls were made.
// Usage: node --expose-gc src/probes/client-heap.mjs <baseUrl> <sessionUuid> <rateLimitedUuid> <calls>
import { createPlivoClient, NotFoundError, RateLimitError } from '@plivo-openapi/client';
import { AUTH_ID, AUTH_TOKEN } from '../lib/credentials.mjs';

const IN_FLIGHT = 50;
const WARM_UP_CALLS = 200;

const [baseUrl, sessionUuid, rateLimitedUuid, callsText] = process.argv.slice(2);
const calls = Number(callsText);
const gc = globalThis.gc;
if (!baseUrl || !sessionUuid || !rateLimitedUuid || !(calls > 0) || typeof gc !== 'function') {
  console.error(
    'usage: node --expose-gc src/probes/client-heap.mjs <baseUrl> <sessionUuid> <rateLimitedUuid> <calls>',
  );
  process.exit(2);
}

const client = createPlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl });
// The example server knows one session and rate-limits one: any other is answered 404.
const uuidFor = (/** @type {number} */ index) =>
  index % 3 === 0
    ? sessionUuid
    : index % 3 === 2
      ? rateLimitedUuid
      : `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

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

/**
 * Lets idle sockets and timers go, collects, and reads the heap with the ArrayBuffers' storage, which lives outside
 * it: response bodies are bytes there (the client's buffered bodies, undici's chunks), and a leak of them would
 * barely show in `heapUsed` alone.
 */
async function settledHeap() {
  for (let round = 0; round < 4; round++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    gc?.();
  }
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

await burst(WARM_UP_CALLS);
const before = await settledHeap();
/** @type {PromiseSettledResult<unknown>[] | undefined} */
let results = await burst(calls);
const failedWith = (/** @type {Function} */ ErrorClass) =>
  results?.filter((result) => result.status === 'rejected' && result.reason instanceof ErrorClass).length;
const expected = { notFound: Math.floor((calls + 1) / 3), rateLimited: Math.floor(calls / 3) };
const got = { notFound: failedWith(NotFoundError), rateLimited: failedWith(RateLimitError) };
if (got.notFound !== expected.notFound || got.rateLimited !== expected.rateLimited) {
  throw new Error(
    `expected ${JSON.stringify(expected)} errors of ${calls} calls, got ${JSON.stringify(got)}`,
  );
}
const held = await settledHeap();
results = undefined;
const after = await settledHeap();
console.log(JSON.stringify({ before, held, after, inFlight: IN_FLIGHT, warmUpCalls: WARM_UP_CALLS }));
