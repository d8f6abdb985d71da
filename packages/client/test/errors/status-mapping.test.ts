import { describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InvalidArgumentError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  PlivoApiError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import { AUTH_TOKEN, MASKING_PATH, MASKING_UUID, VERIFY_PATH, VERIFY_UUID } from '../helpers/credentials.js';
import { sendJson, serverForThisFile } from '../helpers/server.js';

const server = serverForThisFile();

const API_ID = '678c8b24-b703-43aa-8690-d28e7f163d18';

// No retries here: this file is about which error a final answer becomes.
const noRetries = () => clientFor(server(), { maxRetries: 0 });

describe.each([
  { status: 400, ErrorClass: BadRequestError, message: 'invalid session_uuid' },
  { status: 401, ErrorClass: AuthenticationError, message: 'authentication failed' },
  { status: 403, ErrorClass: PermissionDeniedError, message: 'forbidden' },
  { status: 404, ErrorClass: NotFoundError, message: 'not found' },
  { status: 405, ErrorClass: PlivoApiError, message: 'method not allowed' },
  { status: 409, ErrorClass: ConflictError, message: 'conflict' },
  { status: 422, ErrorClass: UnprocessableEntityError, message: 'unprocessable' },
  { status: 429, ErrorClass: RateLimitError, message: 'too many requests' },
  { status: 500, ErrorClass: ServerError, message: 'internal server error' },
  { status: 503, ErrorClass: ServerError, message: 'service unavailable' },
])('$status answers', ({ status, ErrorClass, message }) => {
  it(`become ${ErrorClass.name} with status, apiId, the server's error and the URL`, async () => {
    server().reset((_req, res) => sendJson(res, status, { api_id: API_ID, error: message }));
    const error = await rejectionOf(noRetries().maskingSessions.get(MASKING_UUID));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(PlivoApiError);
    expect(error).toMatchObject({
      name: ErrorClass.name,
      status,
      apiId: API_ID,
      error: message,
      method: 'GET',
      url: `${server().baseUrl}${MASKING_PATH}`,
    });
    const text = (error as Error).message;
    expect(text).toContain(`GET ${server().baseUrl}${MASKING_PATH} answered ${status}`);
    expect(text).toContain(message);
    expect(text).toContain(API_ID);
    expect((error as PlivoApiError).headers?.get('content-type')).toBe('application/json');
  });
});

describe('error bodies that are not the documented shape', () => {
  it('an error without api_id (a real 404 shape) still carries the message', async () => {
    server().reset((_req, res) => sendJson(res, 404, { error: 'not found' }));
    const error = await rejectionOf(noRetries().verifySessions.get(VERIFY_UUID));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, apiId: undefined, error: 'not found' });
    expect((error as Error).message).toBe(
      `GET ${server().baseUrl}${VERIFY_PATH} answered 404 Not Found: not found`,
    );
  });

  it('an HTML error page keeps its status class and quotes the start of the body', async () => {
    server().reset((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end(`<html><body>Bad gateway${' padding'.repeat(100)}</body></html>`);
    });
    const error = await rejectionOf(noRetries().verifySessions.get(VERIFY_UUID));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, error: undefined, apiId: undefined });
    expect((error as Error).message).toContain('answered 502 Bad Gateway, body: "<html><body>Bad gateway');
    expect((error as Error).message.length).toBeLessThan(400);
  });

  it.each([
    ['field errors', 400, { api_id: API_ID, error: { recipient: ['not a valid number'] } }],
    ["a gateway's `message`", 503, { message: 'upstream unavailable' }],
    ['an array', 500, ['db down']],
  ])('JSON without a string `error` (%s) is quoted in the message', async (_, status, body) => {
    server().reset((_req, res) => sendJson(res, status, body));
    const error = await rejectionOf(noRetries().verifySessions.get(VERIFY_UUID));
    expect(error).toMatchObject({ status, error: undefined });
    expect((error as Error).message).toContain(`, body: ${JSON.stringify(JSON.stringify(body))}`);
  });

  it('keeps the whole JSON body as `body`: fields beyond api_id and error are not dropped', async () => {
    const body = { api_id: API_ID, error: 'conflict', session_uuid: MASKING_UUID, retry: [1, { after: 2 }] };
    server().reset((_req, res) => sendJson(res, 409, body));
    const error = await rejectionOf(noRetries().maskingSessions.get(MASKING_UUID));
    expect(error).toMatchObject({ error: 'conflict', body });
  });

  it('redacts the token wherever it is in `body`, keys included', async () => {
    server().reset((_req, res) =>
      sendJson(res, 400, { error: `bad token ${AUTH_TOKEN}`, echo: { [AUTH_TOKEN]: [AUTH_TOKEN] } }),
    );
    const error = (await rejectionOf(noRetries().maskingSessions.get(MASKING_UUID))) as PlivoApiError;
    expect(error.body).toEqual({
      error: 'bad token [redacted]',
      echo: { '[redacted]': ['[redacted]'] },
    });
    expect(JSON.stringify(error)).not.toContain(AUTH_TOKEN);
  });

  it('bounds `body` for a hostile body: 200,000 levels deep, or 20,000 values', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    server().reset((_req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(deep);
    });
    const nested = (await rejectionOf(noRetries().maskingSessions.get(MASKING_UUID))) as PlivoApiError;
    expect(nested).toBeInstanceOf(BadRequestError);
    let level: unknown = nested.body;
    for (let depth = 0; depth <= 32; depth++) level = (level as unknown[])[0];
    expect(level).toBe('[truncated]');

    server().reset((_req, res) => sendJson(res, 400, { error: 'too many', list: Array(20_000).fill('x') }));
    const wide = (await rejectionOf(noRetries().maskingSessions.get(MASKING_UUID))) as PlivoApiError;
    const list = (wide.body as { list: string[] }).list;
    expect(list).toHaveLength(20_000);
    expect(list.filter((item) => item === 'x').length).toBeLessThan(10_000);
    expect(list.at(-1)).toBe('[truncated]');
  });

  it('has no `body` for a text or empty error body (the message quotes a text body)', async () => {
    server().reset((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    expect(await rejectionOf(noRetries().verifySessions.get(VERIFY_UUID))).toMatchObject({
      status: 502,
      body: undefined,
    });
  });

  it('an empty error body gives the status alone', async () => {
    server().reset((_req, res) => {
      res.writeHead(401, { 'Content-Length': '0' });
      res.end();
    });
    const error = await rejectionOf(noRetries().maskingSessions.get(MASKING_UUID));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe(`GET ${server().baseUrl}${MASKING_PATH} answered 401 Unauthorized`);
  });
});

describe('an answer without a URL of its own', () => {
  it("names the request's URL when a custom fetch's Response has none (a test double's or a polyfill's)", async () => {
    const answer = new Response('{"error":"busy"}', { status: 503 });
    Object.defineProperty(answer, 'url', { value: undefined, configurable: true });
    const client = clientFor(server(), { fetch: async () => answer, maxRetries: 0 });
    const error = await rejectionOf(client.maskingSessions.get(MASKING_UUID));
    expect(error).toMatchObject({ status: 503, url: `${server().baseUrl}${MASKING_PATH}` });
    expect((error as Error).message).toBe(`GET ${server().baseUrl}${MASKING_PATH} answered 503: busy`);
  });
});

describe('toJSON', () => {
  it('gives a plain summary with the fields a log needs', async () => {
    server().reset((_req, res) => sendJson(res, 404, { api_id: API_ID, error: 'not found' }));
    const error = await rejectionOf(noRetries().maskingSessions.get(MASKING_UUID));
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'NotFoundError',
      message: (error as Error).message,
      status: 404,
      apiId: API_ID,
      error: 'not found',
      body: { api_id: API_ID, error: 'not found' },
      method: 'GET',
      url: `${server().baseUrl}${MASKING_PATH}`,
    });
  });

  it('InvalidArgumentError keeps the message that says what to change', async () => {
    const error = await rejectionOf(noRetries().maskingSessions.list({ limit: 50 }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'InvalidArgumentError',
      argument: 'limit',
      message: expect.stringMatching(/^limit .*from 1 to 20/),
    });
  });

  it('InvalidResponseError includes the body snippet', async () => {
    server().reset((_req, res) => sendJson(res, 200, 'oops'));
    const error = await rejectionOf(noRetries().maskingSessions.get(MASKING_UUID));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'InvalidResponseError',
      bodySnippet: 'oops',
    });
  });
});

describe('an error built by hand (as a test double does)', () => {
  const target = { method: 'GET', url: 'https://api.plivo.com/' };

  it.each([
    [BadRequestError, 400],
    [AuthenticationError, 401],
    [PermissionDeniedError, 403],
    [NotFoundError, 404],
    [ConflictError, 409],
    [UnprocessableEntityError, 422],
    [RateLimitError, 429],
  ] as const)('%o has the status its class stands for, whatever the details say', (ErrorClass, status) => {
    expect(new ErrorClass('refused', target).status).toBe(status);
    expect(new ErrorClass('refused', { ...target, status: 500 }).status).toBe(status);
  });

  it.each([ConnectionError, TimeoutError, AbortError])(
    '%o has no status: no answer arrived',
    (ErrorClass) => {
      const details = { ...target, status: 500, timeoutMs: 1 };
      expect(new ErrorClass('failed', details).status).toBeUndefined();
      expect(JSON.parse(JSON.stringify(new ErrorClass('failed', details)))).not.toHaveProperty('status');
    },
  );
});
