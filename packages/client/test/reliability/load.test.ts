// 2 000 concurrent calls against a server that fails a random third of the attempts with 429 or 503 (seeded,
// so a failure reproduces): every call ends, successes carry their own session, failures are typed, no call
// makes more than 1 + maxRetries requests. (Whether the heap comes back afterwards is a figure of `pnpm bench`.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlivoClient, type PlivoClient, RateLimitError, ServerError } from '../../src/index.js';
import { AUTH_ID, AUTH_TOKEN, maskingPath, verifyPath } from '../helpers/credentials.js';
import { type FaultServer, faults, startFaultServer } from '../helpers/fault-server.js';
import { leaksIn } from '../helpers/leak-check.js';
import { maskingBody, uuidFor, verifyBody } from '../helpers/spec.js';

const CALLS = 2_000;
const MAX_RETRIES = 2;
const SEED = 0x9e3779b9;
/**
 * Generous on purpose: this file is about every call ending with the right outcome, not about speed. A burst
 * takes about 5 s on an idle 2-core machine and up to 40 s when it shares the cores with browsers and mocks.
 */
const TEST_TIMEOUT_MS = 150_000;

/** mulberry32: a tiny seeded PRNG, so the failure pattern is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Bodies built once: 6 000 JSON.stringify calls would load the server side of this one process for nothing. */
const PLACEHOLDER = '00000000-0000-4000-8000-0000000000aa';
const MASKING_TEMPLATE = JSON.stringify(maskingBody(PLACEHOLDER));
const VERIFY_TEMPLATE = JSON.stringify(verifyBody(PLACEHOLDER));
const MASKING = /^\/v1\/Account\/[^/]+\/Masking\/Session\/([^/]+)$/;
const VERIFY = /^\/v1\/Account\/[^/]+\/Verify\/Session\/([^/]+)\/$/;

let server: FaultServer;
let client: PlivoClient;
/** Statuses the server sent, per request path, in order. */
const served = new Map<string, number[]>();
/** What the client's fetch saw per path (status or network error): explains a failure when one happens. */
const seen = new Map<string, string[]>();
const note = (url: string, what: string) => {
  const path = new URL(url).pathname;
  seen.set(path, [...(seen.get(path) ?? []), what]);
};

async function burst(count: number, offset: number) {
  const uuids = Array.from({ length: count }, (_, i) => uuidFor(offset + i));
  const settled = await Promise.allSettled(
    uuids.map((uuid, i) =>
      i % 2 === 0 ? client.maskingSessions.get(uuid) : client.verifySessions.get(uuid),
    ),
  );
  return { uuids, settled };
}

beforeAll(async () => {
  server = await startFaultServer(faults.hang(), { keepAlive: true });
  const random = seededRandom(SEED);
  server.planBy((req) => {
    const path = req.url ?? '';
    const roll = random();
    const status = roll < 1 / 6 ? 429 : roll < 1 / 3 ? 503 : 200;
    served.set(path, [...(served.get(path) ?? []), status]);
    if (status === 429) {
      // Half the 429s ask for a short wait, half leave the backoff to the client (Plivo sends none).
      return roll < 1 / 12
        ? faults.rateLimited()
        : faults.json(429, { error: 'too many requests' }, { 'retry-after-ms': '20' });
    }
    if (status === 503) return faults.json(503, { api_id: 'f00d', error: 'service unavailable' });
    const masking = MASKING.exec(path);
    if (masking?.[1])
      return faults.raw(200, 'application/json', MASKING_TEMPLATE.replace(PLACEHOLDER, masking[1]));
    const verify = VERIFY.exec(path);
    if (verify?.[1])
      return faults.raw(200, 'application/json', VERIFY_TEMPLATE.replace(PLACEHOLDER, verify[1]));
    return faults.json(404, { error: `unexpected path ${path}` });
  });
  client = createPlivoClient({
    authId: AUTH_ID,
    authToken: AUTH_TOKEN,
    baseUrl: server.url,
    maxRetries: MAX_RETRIES,
    // Far above any attempt's real duration even on a loaded 2-core machine: a timeout here would be noise.
    timeoutMs: 60_000,
    fetch: async (request) => {
      try {
        const response = await fetch(request);
        note(request.url, String(response.status));
        return response;
      } catch (error) {
        note(request.url, `${String(error)} (${String((error as Error).cause)})`);
        throw error;
      }
    },
  });
}, TEST_TIMEOUT_MS);

afterAll(async () => {
  await server.close();
});

describe(`${CALLS} concurrent calls, a third of the attempts failing with 429/503`, () => {
  it(
    'every call ends: a success with its own session, or the typed error of its last failure',
    async () => {
      const { uuids, settled } = await burst(CALLS, 1_000_000);
      let succeeded = 0;
      let failed = 0;
      for (const [i, outcome] of settled.entries()) {
        const uuid = uuids[i] as string;
        const path = i % 2 === 0 ? maskingPath(uuid) : verifyPath(uuid);
        const statuses = served.get(path) ?? [];
        const story = `server sent [${statuses}], client saw [${seen.get(path)}]`;
        // Never more attempts than allowed, and never one after a success.
        expect(statuses.length, `requests for ${path}`).toBeGreaterThanOrEqual(1);
        expect(statuses.length, `requests for ${path}: ${story}`).toBeLessThanOrEqual(1 + MAX_RETRIES);
        expect(statuses.slice(0, -1).includes(200), `retried after a success: ${story}`).toBe(false);
        if (outcome.status === 'fulfilled') {
          succeeded++;
          expect(statuses.at(-1), story).toBe(200);
          expect(outcome.value.session_uuid).toBe(uuid);
        } else {
          failed++;
          expect(leaksIn(outcome.reason), 'renderings of the error that contain the token').toEqual([]);
          // It failed only because every allowed attempt failed, and says how the last one did.
          expect(statuses, story).toHaveLength(1 + MAX_RETRIES);
          const last = statuses.at(-1);
          expect(outcome.reason).toBeInstanceOf(last === 429 ? RateLimitError : ServerError);
          expect((outcome.reason as RateLimitError).status).toBe(last);
        }
      }
      // With p = 1/3 per attempt and 3 attempts, about 1 call in 27 fails: both branches above really ran.
      expect(succeeded).toBeGreaterThan(CALLS * 0.9);
      expect(failed).toBeGreaterThan(0);
      const total = [...served.values()].reduce((sum, statuses) => sum + statuses.length, 0);
      expect(server.requests.length).toBe(total);
    },
    TEST_TIMEOUT_MS,
  );
});
