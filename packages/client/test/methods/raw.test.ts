// The raw openapi-fetch client shares the convenience methods' request path: the same credentials, retries and
// body checks, with openapi-fetch's own contract for HTTP errors.
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, TimeoutError } from '../../src/index.js';
import { clientFor, rawVerifyGet, rejectionOf } from '../helpers/client.js';
import {
  AUTH_ID,
  BASIC_CREDENTIALS,
  MASKING_UUID,
  VERIFY_PATH,
  VERIFY_UUID,
} from '../helpers/credentials.js';
import { MASKING_EXAMPLES, VERIFY_EXAMPLES } from '../helpers/examples.js';
import { sendJson, serverForThisFile } from '../helpers/server.js';

const server = serverForThisFile();

describe('client.raw', () => {
  it('returns the parsed body as data, with credentials sent', async () => {
    server().reset((_req, res) => sendJson(res, 200, VERIFY_EXAMPLES[1]?.body));
    const { data, error, response } = await rawVerifyGet(clientFor(server()));
    expect(error).toBeUndefined();
    expect(data).toEqual(VERIFY_EXAMPLES[1]?.body);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${server().baseUrl}${VERIFY_PATH}`);
    expect(server().requests[0]?.headers.authorization).toBe(`Basic ${BASIC_CREDENTIALS}`);
  });

  it('returns an HTTP error as { error } instead of throwing (openapi-fetch contract)', async () => {
    server().reset((_req, res) => sendJson(res, 404, { error: 'not found' }));
    const { data, error, response } = await rawVerifyGet(clientFor(server()));
    expect(data).toBeUndefined();
    expect(error).toEqual({ error: 'not found' });
    expect(response.status).toBe(404);
  });

  it('retries like the convenience methods', async () => {
    server().reset((_req, res, i) =>
      i < 2
        ? sendJson(res, 503, { error: 'busy' }, { 'retry-after-ms': '0' })
        : sendJson(res, 200, VERIFY_EXAMPLES[0]?.body),
    );
    const { data } = await rawVerifyGet(clientFor(server()));
    expect(data?.session_uuid).toBe(VERIFY_UUID);
    expect(server().requests).toHaveLength(3);
  });

  it("takes a call's own maxRetries and timeoutMs, as the convenience methods do", async () => {
    server().reset((_req, res) => sendJson(res, 503, { error: 'busy' }, { 'retry-after-ms': '0' }));
    const client = clientFor(server(), { maxRetries: 2 });
    const verifyPath = '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/' as const;
    const params = { path: { auth_id: AUTH_ID, session_uuid: VERIFY_UUID } };
    const { response } = await client.raw.GET(verifyPath, { params, maxRetries: 0 });
    expect(response.status).toBe(503);
    expect(server().requests).toHaveLength(1);

    server().reset(() => {}); // never answers
    const error = await rejectionOf(client.raw.GET(verifyPath, { params, timeoutMs: 50, maxRetries: 0 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/ timed out: no complete response within 50 ms$/);
  });

  it.each([
    [{ maxRetries: -1 }, 'maxRetries', 'The `maxRetries` option is -1; it must be a whole number'],
    [
      { timeoutMs: '5s' },
      'timeoutMs',
      'The `timeoutMs` option is a string; it must be a number of milliseconds',
    ],
    [
      { timeoutMs: 100, fetch: globalThis.fetch },
      'fetch',
      "A raw call's own `fetch` replaces the client's retries and deadlines",
    ],
  ])('refuses a call with %o before sending anything, naming `%s`', async (init, argument, message) => {
    server().reset((_req, res) => sendJson(res, 200, VERIFY_EXAMPLES[0]?.body));
    const client = clientFor(server());
    const error = await rejectionOf(
      client.raw.GET('/v1/Account/{auth_id}/Verify/Session/{session_uuid}/', {
        params: { path: { auth_id: AUTH_ID, session_uuid: VERIFY_UUID } },
        ...init,
      }),
    );
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ argument });
    expect((error as Error).message).toContain(message);
    expect(server().requests).toHaveLength(0);
  });

  it('retries a write with its body, on a 429 (each attempt sends a copy of the Request)', async () => {
    server().reset((_req, res, i) =>
      i === 0
        ? sendJson(res, 429, { error: 'slow down' }, { 'retry-after-ms': '0' })
        : sendJson(res, 202, { api_id: 'a', message: 'Session initiated', session_uuid: VERIFY_UUID }),
    );
    const { data, error } = await clientFor(server()).raw.POST('/v1/Account/{auth_id}/Verify/Session/', {
      params: { path: { auth_id: AUTH_ID } },
      body: { recipient: '+14155550100' },
    });
    expect(error).toBeUndefined();
    expect(data?.session_uuid).toBe(VERIFY_UUID);
    expect(server().requests.map((request) => request.body)).toEqual([
      '{"recipient":"+14155550100"}',
      '{"recipient":"+14155550100"}',
    ]);
  });

  it('runs middleware added with use()', async () => {
    server().reset((_req, res) => sendJson(res, 200, MASKING_EXAMPLES[0]?.body));
    const client = clientFor(server());
    client.raw.use({
      onRequest({ request }) {
        request.headers.set('X-Request-Id', 'req-1');
      },
    });
    await client.maskingSessions.get(MASKING_UUID);
    expect(server().requests[0]?.headers['x-request-id']).toBe('req-1');
  });

  it('counts the middleware openapi-fetch kept when it refuses a later one, and hands it a real Request', async () => {
    server().reset((_req, res) => sendJson(res, 200, VERIFY_EXAMPLES[0]?.body));
    const client = clientFor(server());
    const seen: unknown[] = [];
    const kept = {
      onRequest({ request }: { request: Request }) {
        seen.push(request);
        return new Request(request, { headers: { 'x-kept': '1' } });
      },
    };
    expect(() => client.raw.use(kept, {} as never)).toThrow(/Middleware must be an object/);
    await client.verifySessions.get(VERIFY_UUID);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Request);
    expect(server().requests[0]?.headers['x-kept']).toBe('1');
  });

  it.each([
    ['Content-Length: 0', (res: ServerResponse) => res.writeHead(200, { 'Content-Length': '0' }).end()],
    [
      'a chunked empty body',
      (res: ServerResponse) => {
        res.writeHead(200);
        res.flushHeaders(); // Headers out before the end: no Content-Length, so the body is chunked.
        res.end();
      },
    ],
  ])('answers an empty 2xx body (%s) with data undefined, as openapi-fetch does', async (_label, answer) => {
    server().reset((_req, res) => answer(res));
    const { data, error, response } = await rawVerifyGet(clientFor(server()));
    expect(response.status).toBe(200);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  it('hands middleware a real Request, and stops running it after eject()', async () => {
    server().reset((_req, res) => sendJson(res, 200, VERIFY_EXAMPLES[0]?.body));
    const client = clientFor(server());
    const seen: unknown[] = [];
    const middleware = {
      onRequest({ request }: { request: Request }) {
        seen.push(request);
      },
    };
    client.raw.use(middleware, middleware);
    await client.verifySessions.get(VERIFY_UUID);
    expect(seen).toHaveLength(2);
    expect(seen.every((request) => request instanceof Request)).toBe(true);
    client.raw.eject(middleware);
    await client.verifySessions.create({ recipient: '+919380013443' });
    expect(seen).toHaveLength(3);
    expect(seen[2]).toBeInstanceOf(Request);
    client.raw.eject(middleware);
    await client.verifySessions.get(VERIFY_UUID);
    expect(seen).toHaveLength(3);
    expect(server().requests).toHaveLength(3);
  });
});
