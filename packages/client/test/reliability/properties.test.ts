// Property tests (fast-check, 10 000+ cases per run across this file): hostile input from the caller and from
// the server can only ever end in a success or one of the client's own errors, and nothing invalid reaches
// the network. Most cases use a counting `fetch` (the client's documented extension point) so they run fast;
// the schema round trip also goes through a real socket.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createPlivoClient,
  InvalidArgumentError,
  InvalidResponseError,
  type MaskingSession,
  NotFoundError,
  PermissionDeniedError,
  PlivoApiError,
  type PlivoClient,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
  type VerifySession,
} from '../../src/index.js';
import { AUTH_ID, AUTH_TOKEN, maskingPath, verifyPath } from '../helpers/credentials.js';
import { type FaultServer, faults, startFaultServer } from '../helpers/fault-server.js';
import { leaksIn } from '../helpers/leak-check.js';
import { AUTH_ID_PATTERN, maskingBody, SESSION_UUID_PATTERN, spec, verifyBody } from '../helpers/spec.js';
import { arbitraryFromSchema } from './schema-arbitrary';

type Resource = 'maskingSessions' | 'verifySessions';
const resource = fc.constantFrom<Resource>('maskingSessions', 'verifySessions');
const BASE_URL = 'http://127.0.0.1:9';
const getFor = (client: PlivoClient, which: Resource, uuid: string): Promise<unknown> =>
  which === 'maskingSessions' ? client.maskingSessions.get(uuid) : client.verifySessions.get(uuid);

/** A `fetch` that never touches the network: it counts requests and answers with what the test chose. */
function countingFetch(answer: (request: Request) => Response = () => new Response(null, { status: 599 })) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return answer(request);
  };
  return { requests, fetch };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Only the client's own errors may come out; anything else (TypeError, SyntaxError, DOMException) is a bug. */
function expectOwnError(error: unknown): void {
  if (!(error instanceof PlivoApiError || error instanceof InvalidArgumentError)) {
    throw new Error(`a foreign error escaped the client: ${String(error)}`, { cause: error });
  }
  expect(leaksIn(error)).toEqual([]);
}

async function settle<T>(
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

let savedEnv: { id: string | undefined; token: string | undefined };
beforeAll(() => {
  // `undefined` credentials fall back to the environment: keep it empty so that case is deterministic.
  savedEnv = { id: process.env.PLIVO_AUTH_ID, token: process.env.PLIVO_AUTH_TOKEN };
  delete process.env.PLIVO_AUTH_ID;
  delete process.env.PLIVO_AUTH_TOKEN;
});
afterAll(() => {
  if (savedEnv.id !== undefined) process.env.PLIVO_AUTH_ID = savedEnv.id;
  if (savedEnv.token !== undefined) process.env.PLIVO_AUTH_TOKEN = savedEnv.token;
});

/** Small edits that turn a valid identifier into an almost-valid one: the inputs most likely to slip through. */
function nearMisses(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    valid.map((s) => s.toLowerCase()),
    valid.map((s) => `${s}\n`),
    valid.map((s) => ` ${s}`),
    valid.map((s) => `${s}\u200b`),
    valid.map((s) => s.slice(1)),
    valid.map((s) => `${s}0`),
    fc.tuple(valid, fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })).map(([s, i, c]) => {
      const at = i % s.length;
      return `${s.slice(0, at)}${c}${s.slice(at + 1)}`;
    }),
    valid.map((s) => `${s}/../../Call`),
    valid.map((s) => encodeURIComponent(`${s}/`)),
  );
}

describe('session_uuid from the caller', () => {
  const sessionUuid = fc.oneof(
    { weight: 3, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
    { weight: 4, arbitrary: nearMisses(fc.uuid()) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 36, maxLength: 36 }) },
    { weight: 1, arbitrary: fc.anything() },
  );

  it('reaches the network exactly when it is a UUID (spec pattern), else fails with InvalidArgumentError', async () => {
    await fc.assert(
      fc.asyncProperty(resource, sessionUuid, async (which, uuid) => {
        const spy = countingFetch((request) => {
          const path = new URL(request.url).pathname;
          return Response.json(
            path.includes('/Masking/') ? maskingBody(String(uuid)) : verifyBody(String(uuid)),
          );
        });
        const client = createPlivoClient({
          authId: AUTH_ID,
          authToken: AUTH_TOKEN,
          baseUrl: BASE_URL,
          fetch: spy.fetch,
        });
        const outcome = await settle(() => getFor(client, which, uuid as string));
        const valid = typeof uuid === 'string' && SESSION_UUID_PATTERN.test(uuid);
        if (valid) {
          expect(outcome.ok).toBe(true);
          expect(spy.requests).toHaveLength(1);
          const path = which === 'maskingSessions' ? maskingPath(uuid) : verifyPath(uuid);
          expect(spy.requests[0]?.url).toBe(`${BASE_URL}${path}`);
        } else {
          expect(spy.requests).toHaveLength(0);
          expect(outcome.ok).toBe(false);
          if (!outcome.ok) {
            expectOwnError(outcome.error);
            expect(outcome.error).toBeInstanceOf(InvalidArgumentError);
            expect((outcome.error as InvalidArgumentError).argument).toBe('sessionUuid');
          }
        }
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('credentials from the caller', () => {
  const validAuthId = fc.stringMatching(AUTH_ID_PATTERN);
  const printableToken = fc.string({
    unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
    minLength: 1,
    maxLength: 64,
  });
  const authId = fc.oneof(
    { weight: 3, arbitrary: validAuthId },
    { weight: 3, arbitrary: nearMisses(validAuthId) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.anything() },
  );
  const authToken = fc.oneof(
    { weight: 3, arbitrary: printableToken },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 48 }) },
    { weight: 1, arbitrary: nearMisses(printableToken) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'tok en', 'token\r\nX-Injected: 1', 'tökén', '🔑') },
    { weight: 1, arbitrary: fc.anything() },
  );

  it('reach the network only when valid, sent exactly as given; otherwise InvalidArgumentError that never quotes the token', async () => {
    await fc.assert(
      fc.asyncProperty(authId, authToken, resource, async (id, token, which) => {
        const spy = countingFetch((request) =>
          Response.json(request.url.includes('/Masking/') ? maskingBody(SESSION) : verifyBody(SESSION)),
        );
        const created = await settle(async () =>
          createPlivoClient({
            authId: id as string,
            authToken: token as string,
            baseUrl: BASE_URL,
            fetch: spy.fetch,
          }),
        );
        if (!created.ok) {
          expectOwnError(created.error);
          expect(created.error).toBeInstanceOf(InvalidArgumentError);
          expect(['authId', 'authToken', 'PLIVO_AUTH_ID', 'PLIVO_AUTH_TOKEN']).toContain(
            (created.error as InvalidArgumentError).argument,
          );
          // A token pasted in the wrong place must not be echoed back into logs.
          for (const secret of [token, id]) {
            if (typeof secret === 'string' && secret.length >= 12) {
              expect((created.error as Error).message).not.toContain(secret);
            }
          }
          expect(spy.requests).toHaveLength(0);
          return;
        }
        expect(id).toMatch(AUTH_ID_PATTERN);
        expect(typeof token === 'string' && token.length >= 8).toBe(true);
        const outcome = await settle(() => getFor(created.value, which, SESSION));
        expect(outcome.ok).toBe(true);
        expect(spy.requests).toHaveLength(1);
        const request = spy.requests[0] as Request;
        expect(new URL(request.url).pathname).toContain(`/Account/${id}/`);
        const header = request.headers.get('authorization') ?? '';
        expect(header.startsWith('Basic ')).toBe(true);
        expect(Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8')).toBe(`${id}:${token}`);
      }),
      { numRuns: 2_500 },
    );
  });
});

const SESSION = 'c28b77d4-21e7-43bd-9447-04bfee92e651';

describe('whatever the server answers', () => {
  const STATUSES = [200, 201, 203, 400, 401, 403, 404, 405, 409, 418, 422, 429, 500, 502, 503, 504] as const;
  const ERROR_CLASSES: Record<number, abstract new (...args: never[]) => PlivoApiError> = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    500: ServerError,
    502: ServerError,
    503: ServerError,
    504: ServerError,
  };
  const jsonText = fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    // Shapes close to the real ones, with any value in each slot: the unwrap and error paths get exercised.
    fc
      .record(
        {
          api_id: fc.jsonValue(),
          response: fc.jsonValue(),
          error: fc.jsonValue(),
          session_uuid: fc.jsonValue(),
        },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
  );
  const contentType = fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/html',
    'text/plain',
    '',
  );

  const expectConsistent = (
    which: Resource,
    status: number,
    text: string | undefined,
    outcome: Awaited<ReturnType<typeof settle<unknown>>>,
  ) => {
    let parsed: unknown;
    let isJson = false;
    try {
      parsed = JSON.parse(text ?? '');
      isJson = true;
    } catch {}
    if (status >= 200 && status < 300) {
      const payload = which === 'maskingSessions' && isPlainObject(parsed) ? parsed.response : parsed;
      if (isJson && isPlainObject(parsed) && isPlainObject(payload)) {
        expect(outcome.ok).toBe(true);
        if (outcome.ok) expect(outcome.value).toEqual(payload);
      } else {
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) {
          expectOwnError(outcome.error);
          expect(outcome.error).toBeInstanceOf(InvalidResponseError);
          expect((outcome.error as PlivoApiError).status).toBe(status);
        }
      }
      return;
    }
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expectOwnError(outcome.error);
    const error = outcome.error as PlivoApiError;
    expect(error).toBeInstanceOf(ERROR_CLASSES[status] ?? PlivoApiError);
    expect(error.status).toBe(status);
    if (isPlainObject(parsed) && typeof parsed.error === 'string') expect(error.error).toBe(parsed.error);
    if (isPlainObject(parsed) && typeof parsed.api_id === 'string') expect(error.apiId).toBe(parsed.api_id);
  };

  const clientAnswering = (status: number, body: BodyInit | null, type: string): PlivoClient =>
    createPlivoClient({
      authId: AUTH_ID,
      authToken: AUTH_TOKEN,
      baseUrl: BASE_URL,
      maxRetries: 0,
      fetch: async () => new Response(body, { status, headers: type ? { 'content-type': type } : {} }),
    });

  it('arbitrary JSON (and JSON-like text) bodies never crash the client', async () => {
    await fc.assert(
      fc.asyncProperty(
        resource,
        fc.constantFrom(...STATUSES),
        jsonText,
        contentType,
        async (which, status, text, type) => {
          const outcome = await settle(() => getFor(clientAnswering(status, text, type), which, SESSION));
          expectConsistent(which, status, text, outcome);
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('arbitrary text and bytes (invalid UTF-8 included) never crash the client', async () => {
    const body = fc.oneof(
      fc
        .string({ unit: 'binary', maxLength: 300 })
        .map((text) => ({ text, bytes: new TextEncoder().encode(text) })),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ text: new TextDecoder().decode(bytes), bytes })),
    );
    await fc.assert(
      fc.asyncProperty(
        resource,
        fc.constantFrom(...STATUSES),
        body,
        contentType,
        async (which, status, { text, bytes }, type) => {
          const outcome = await settle(() => getFor(clientAnswering(status, bytes, type), which, SESSION));
          expectConsistent(which, status, text, outcome);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('a 204 (no body at all) is an invalid response, not a crash', async () => {
    await fc.assert(
      fc.asyncProperty(resource, async (which) => {
        const outcome = await settle(() => getFor(clientAnswering(204, null, ''), which, SESSION));
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) {
          expectOwnError(outcome.error);
          expect(outcome.error).toBeInstanceOf(InvalidResponseError);
        }
      }),
      { numRuns: 10 },
    );
  });
});

describe('any valid session generated from the spec schema', () => {
  const maskingResponse = arbitraryFromSchema(
    spec,
    { $ref: '#/components/schemas/MaskingSessionResponse' },
    { extraProperties: true },
  );
  const verifyResponse = arbitraryFromSchema(
    spec,
    { $ref: '#/components/schemas/VerifySessionResponse' },
    { extraProperties: true },
  );
  /** What the wire turns a value into (e.g. -0 becomes 0): the client can only return that. */
  const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value));

  it('round-trips through maskingSessions.get, typed, unwrapped, api_id reachable', async () => {
    await fc.assert(
      fc.asyncProperty(maskingResponse, async (body) => {
        const sent = overTheWire(body) as { api_id: string; response: MaskingSession };
        const client = clientServing(JSON.stringify(body));
        const session = await client.maskingSessions.get(SESSION);
        expectTypeOf(session).toMatchTypeOf<MaskingSession>();
        expectTypeOf(session.pin_retry_wait).toEqualTypeOf<number | null | undefined>();
        expect(session).toEqual(sent.response);
        expect(session.api_id).toBe(sent.api_id);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips through verifySessions.get, typed, flat', async () => {
    await fc.assert(
      fc.asyncProperty(verifyResponse, async (body) => {
        const sent = overTheWire(body) as VerifySession & { api_id: string };
        const session = await clientServing(JSON.stringify(body)).verifySessions.get(SESSION);
        expectTypeOf(session).toMatchTypeOf<VerifySession>();
        expectTypeOf(session.charges.total_charge).toEqualTypeOf<string>();
        expect(session).toEqual(sent);
        expect(session.api_id).toBe(sent.api_id);
      }),
      { numRuns: 300 },
    );
  });

  describe('over a real socket (UTF-8 on the wire, chunking, headers)', () => {
    let server: FaultServer;
    beforeAll(async () => {
      server = await startFaultServer();
    });
    afterAll(async () => {
      await server.close();
    });

    it('round-trips both resources unchanged', async () => {
      const client = createPlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: server.url });
      await fc.assert(
        fc.asyncProperty(maskingResponse, verifyResponse, async (masking, verify) => {
          server.plan(faults.json(200, masking));
          expect(await client.maskingSessions.get(SESSION)).toEqual(
            overTheWire(masking as { response: unknown }).response,
          );
          server.plan(faults.json(200, verify));
          expect(await client.verifySessions.get(SESSION)).toEqual(overTheWire(verify));
        }),
        { numRuns: 100 },
      );
    });
  });

  function clientServing(text: string): PlivoClient {
    return createPlivoClient({
      authId: AUTH_ID,
      authToken: AUTH_TOKEN,
      baseUrl: BASE_URL,
      fetch: async () => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } }),
    });
  }
});
