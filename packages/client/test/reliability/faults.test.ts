// Every fault a server (or the network in front of it) can produce, against a real socket on 127.0.0.1: the
// client must end within its deadline with the right typed error, or succeed once a retry gets through, and
// never leave a rejection unhandled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConnectionError,
  createPlivoClient,
  InvalidResponseError,
  type PlivoApiError,
  type PlivoClient,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '../../src/index.js';
import { AUTH_ID, AUTH_TOKEN, maskingPath, verifyPath } from '../helpers/credentials.js';
import { type Behaviour, type FaultServer, faults, startFaultServer } from '../helpers/fault-server.js';
import { LeakCollector } from '../helpers/leak-check.js';
import { maskingBody, uuidFor, verifyBody } from '../helpers/spec.js';

const MAX_RETRIES = 1;
const ATTEMPTS = MAX_RETRIES + 1;
/** The longest backoff before the first retry (0.5 s, jitter only shortens it). */
const FIRST_BACKOFF_MS = 500;
/** Room for a loaded CI machine running other suites at the same time. */
const SLACK_MS = 3_000;

/**
 * Two clients, so that a slow machine cannot turn one fault into another: faults that must time out use a
 * short per-attempt timeout; every other fault gets a long one, so that only the fault under test decides
 * the outcome. The recovery client is in between: its first attempt must time out, its second must not.
 */
const PROFILES = {
  // Every call of this file starts at once: on a loaded machine (Node 22, three busy processes beside it on 2
  // cores) a first request took 440 ms to reach the server, so 400 ms let an attempt end before it was sent.
  quick: { timeoutMs: 1_000 },
  recovering: { timeoutMs: 1_500 },
  patient: { timeoutMs: 15_000 },
} as const;
type Profile = keyof typeof PROFILES;

/** A call's own deadline: every attempt runs to its timeout, plus the backoff between them, plus slack. */
const deadlineOf = (profile: Profile) => ATTEMPTS * PROFILES[profile].timeoutMs + FIRST_BACKOFF_MS + SLACK_MS;

let server: FaultServer;
const clients = {} as Record<Profile, PlivoClient>;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const leaks = new LeakCollector();

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = await startFaultServer();
  for (const [profile, { timeoutMs }] of Object.entries(PROFILES)) {
    clients[profile as Profile] = createPlivoClient({
      authId: AUTH_ID,
      authToken: AUTH_TOKEN,
      baseUrl: server.url,
      timeoutMs,
      maxRetries: MAX_RETRIES,
    });
  }
});

afterAll(async () => {
  await server.close();
  // Give a late rejection (a lost race, a stream cancelled after the call ended) the chance to surface.
  await new Promise((resolve) => setTimeout(resolve, 100));
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled, 'unhandled rejections during the fault tests').toEqual([]);
  expect(leaks.leaks(), 'the auth token appeared in an error').toEqual([]);
});

type Resource = 'maskingSessions' | 'verifySessions';
const RESOURCES: readonly Resource[] = ['maskingSessions', 'verifySessions'];
const bodyFor = (resource: Resource, uuid: string) =>
  resource === 'maskingSessions' ? maskingBody(uuid) : verifyBody(uuid);
const pathFor = (resource: Resource, uuid: string) =>
  resource === 'maskingSessions' ? maskingPath(uuid) : verifyPath(uuid);

let calls = 0;

interface Outcome {
  profile: Profile;
  result: unknown;
  error: unknown;
  elapsed: number;
  requests: number;
  uuid: string;
}

/**
 * Runs one call against its own fault (routed by its unique session UUID, so calls can run side by side) and
 * reports how it ended, how long it took and how many requests the server saw for it.
 */
async function callWith(
  profile: Profile,
  resource: Resource,
  plan: Behaviour | Behaviour[],
  uuid = uuidFor(++calls),
): Promise<Outcome> {
  server.route(pathFor(resource, uuid), plan);
  const started = performance.now();
  let result: unknown;
  let error: unknown;
  try {
    result = await clients[profile][resource].get(uuid);
  } catch (caught) {
    error = caught;
    leaks.add(`${resource} (${profile}) against ${JSON.stringify(plan)}`, caught);
  }
  const elapsed = performance.now() - started;
  return { profile, result, error, elapsed, requests: server.countFor(pathFor(resource, uuid)), uuid };
}

interface FailureCase {
  name: string;
  fault: (resource: Resource) => Behaviour;
  error: abstract new (...args: never[]) => PlivoApiError;
  status: number | undefined;
  /** Requests the client makes: all attempts for a transient fault, one for a response that is simply wrong. */
  requests: number;
  profile: Profile;
}

const transient = { requests: ATTEMPTS, profile: 'patient' } as const;
const wrongAnswer = { requests: 1, profile: 'patient', status: 200, error: InvalidResponseError } as const;
const mustTimeOut = { requests: ATTEMPTS, profile: 'quick', status: undefined, error: TimeoutError } as const;

const failures: FailureCase[] = [
  {
    name: 'connection reset',
    fault: () => faults.reset(),
    error: ConnectionError,
    status: undefined,
    ...transient,
  },
  { name: 'accepts and never answers', fault: () => faults.hang(), ...mustTimeOut },
  {
    name: 'sends headers, then stalls the body',
    fault: () => faults.stallBody(200, '{"api_id":"'),
    ...mustTimeOut,
  },
  {
    name: 'closes the socket mid-body',
    fault: (r) => faults.cutMidBody(200, bodyFor(r, uuidFor(0))),
    error: ConnectionError,
    status: undefined,
    ...transient,
  },
  {
    name: 'sends truncated JSON',
    fault: (r) => faults.truncatedJson(200, bodyFor(r, uuidFor(0))),
    ...wrongAnswer,
  },
  {
    name: 'sends malformed JSON',
    fault: () => faults.raw(200, 'application/json', '{"api_id": 6a1f, response: {}}'),
    ...wrongAnswer,
  },
  {
    name: 'serves an HTML 502 page',
    fault: () => faults.htmlBadGateway(),
    error: ServerError,
    status: 502,
    ...transient,
  },
  {
    name: 'rate-limits without Retry-After',
    fault: () => faults.rateLimited(),
    error: RateLimitError,
    status: 429,
    ...transient,
  },
  {
    name: 'rate-limits with Retry-After: 0',
    fault: () => faults.rateLimited('0'),
    error: RateLimitError,
    status: 429,
    ...transient,
  },
  {
    name: 'answers 200 with an HTML page (wrong content type)',
    fault: () => faults.raw(200, 'text/html', '<!doctype html><p>Welcome to nginx!</p>'),
    ...wrongAnswer,
  },
  {
    name: 'answers 200 with a JSON array instead of an object',
    fault: (r) => faults.json(200, [bodyFor(r, uuidFor(0))]),
    ...wrongAnswer,
  },
  {
    name: 'answers 200 with a body over the size limit (11 MB)',
    fault: (r) => faults.hugeJson(200, bodyFor(r, uuidFor(0)), 11 * 1024 * 1024),
    ...wrongAnswer,
  },
  {
    name: 'answers 200 with an empty body',
    fault: () => faults.raw(200, 'application/json', ''),
    ...wrongAnswer,
  },
];

/** A body that trickles in one byte per 100 ms: always "making progress", yet far slower than the deadline. */
const trickle =
  (body: unknown): Behaviour =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const text = JSON.stringify(body);
    let i = 0;
    const timer = setInterval(() => {
      if (i >= text.length) {
        clearInterval(timer);
        res.end();
        return;
      }
      res.write(text[i++]);
    }, 100);
    res.on('close', () => clearInterval(timer));
  };

const recoveries: { name: string; first: () => Behaviour; profile: Profile }[] = [
  { name: 'a reset', first: () => faults.reset(), profile: 'patient' },
  { name: 'a hang', first: () => faults.hang(), profile: 'recovering' },
  { name: 'a stalled body', first: () => faults.stallBody(), profile: 'recovering' },
  {
    name: 'a body cut mid-way',
    first: () => faults.cutMidBody(200, { api_id: 'x', response: { pad: 'y'.repeat(500) } }),
    profile: 'patient',
  },
  { name: 'an HTML 502', first: () => faults.htmlBadGateway(), profile: 'patient' },
  { name: 'a 503', first: () => faults.json(503, { error: 'service unavailable' }), profile: 'patient' },
  { name: 'a 429 without Retry-After', first: () => faults.rateLimited(), profile: 'patient' },
  { name: 'a 429 with Retry-After: 1', first: () => faults.rateLimited('1'), profile: 'patient' },
];

// Every call starts at once (each on its own route) and each test awaits its own: the file takes as long as
// its slowest call, not the sum of them.
const started = new Map<string, Promise<Outcome>>();
const start = (key: string, run: () => Promise<Outcome>) => started.set(key, run());
const outcomeOf = (key: string) => {
  const outcome = started.get(key);
  if (!outcome) throw new Error(`no call started for ${key}`);
  return outcome;
};

beforeAll(() => {
  for (const resource of RESOURCES) {
    for (const failure of failures) {
      start(`${resource} ${failure.name}`, () =>
        callWith(failure.profile, resource, failure.fault(resource)),
      );
    }
    start(`${resource} trickle`, () => callWith('quick', resource, trickle(bodyFor(resource, uuidFor(0)))));
    for (const recovery of recoveries) {
      const uuid = uuidFor(++calls);
      start(`${resource} recovers ${recovery.name}`, () =>
        callWith(
          recovery.profile,
          resource,
          [recovery.first(), faults.json(200, bodyFor(resource, uuid))],
          uuid,
        ),
      );
    }
    const plainUuid = uuidFor(++calls);
    start(`${resource} text/plain`, () =>
      callWith(
        'patient',
        resource,
        faults.raw(200, 'text/plain', JSON.stringify(bodyFor(resource, plainUuid))),
        plainUuid,
      ),
    );
    const largeUuid = uuidFor(++calls);
    start(`${resource} 5 MB`, () =>
      callWith(
        'patient',
        resource,
        faults.hugeJson(200, bodyFor(resource, largeUuid), 5 * 1024 * 1024),
        largeUuid,
      ),
    );
  }
});

const expectWithinDeadline = (outcome: Outcome) =>
  expect(
    outcome.elapsed,
    `the call's deadline with timeoutMs ${PROFILES[outcome.profile].timeoutMs}`,
  ).toBeLessThan(deadlineOf(outcome.profile));

describe.each(RESOURCES)('%s.get under faults', (resource) => {
  it.each(failures)('server $name → $error.name', async ({ name, error: ErrorClass, status, requests }) => {
    const outcome = await outcomeOf(`${resource} ${name}`);
    expect(outcome.error).toBeInstanceOf(ErrorClass);
    const error = outcome.error as PlivoApiError;
    expect(error.status).toBe(status);
    expect(outcome.requests, 'requests the server received for this call').toBe(requests);
    expectWithinDeadline(outcome);
    // Typed errors say where they went: the URL with the Auth ID, never credentials.
    expect(error.url).toBe(`${server.url}${pathFor(resource, outcome.uuid)}`);
    // An error quoting a multi-megabyte body would flood logs; the snippet is bounded.
    expect(error.message.length).toBeLessThan(1_000);
  });

  it('times out a body that trickles in slower than the deadline: the timeout covers reading the body', async () => {
    const outcome = await outcomeOf(`${resource} trickle`);
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(outcome.requests).toBe(ATTEMPTS);
    expectWithinDeadline(outcome);
  });

  it.each(recoveries)('succeeds when a retry follows $name', async ({ name }) => {
    const outcome = await outcomeOf(`${resource} recovers ${name}`);
    expect(outcome.error).toBeUndefined();
    expect((outcome.result as { session_uuid: string }).session_uuid).toBe(outcome.uuid);
    expect(outcome.requests).toBe(2);
    expectWithinDeadline(outcome);
  });

  it('waits as long as Retry-After: 1 asks before retrying', async () => {
    const outcome = await outcomeOf(`${resource} recovers a 429 with Retry-After: 1`);
    const times = server.requests
      .filter((r) => r.url === pathFor(resource, outcome.uuid))
      .map((r) => r.receivedAt);
    expect(times).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('accepts a 200 whose content type is wrong but whose body is the session (lenient, like the SDKs)', async () => {
    const outcome = await outcomeOf(`${resource} text/plain`);
    expect(outcome.error).toBeUndefined();
    expect((outcome.result as { session_uuid: string }).session_uuid).toBe(outcome.uuid);
  });

  it('reads a large but legal body (5 MB of unknown fields) and returns the session', async () => {
    const outcome = await outcomeOf(`${resource} 5 MB`);
    expect(outcome.error).toBeUndefined();
    expect((outcome.result as { session_uuid: string }).session_uuid).toBe(outcome.uuid);
  });
});

describe('cancellation under faults', () => {
  it("the caller's signal ends a hung call at once, whatever the timeout", async () => {
    const uuid = uuidFor(++calls);
    server.route(maskingPath(uuid), faults.hang());
    const controller = new AbortController();
    const begun = performance.now();
    const pending = clients.patient.maskingSessions.get(uuid, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user navigated away')), 100);
    const error = await pending.catch((caught: unknown) => caught);
    leaks.add('aborted hang', error);
    expect((error as Error).name).toBe('AbortError');
    expect(performance.now() - begun).toBeLessThan(100 + SLACK_MS);
  });

  it("the caller's signal ends a Retry-After wait at once", async () => {
    const uuid = uuidFor(++calls);
    server.route(verifyPath(uuid), faults.rateLimited('30'));
    const controller = new AbortController();
    const begun = performance.now();
    const pending = clients.patient.verifySessions.get(uuid, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const error = await pending.catch((caught: unknown) => caught);
    leaks.add('aborted Retry-After wait', error);
    expect((error as Error).name).toBe('AbortError');
    expect(server.countFor(verifyPath(uuid))).toBe(1);
    expect(performance.now() - begun).toBeLessThan(200 + SLACK_MS);
  });
});
