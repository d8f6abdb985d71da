// The Auth Token must never show in anything a user could log: errors (message, stack, toJSON, inspection,
// causes, headers) or the client object itself. The server here is hostile: it echoes the Authorization header
// back in bodies, error messages and headers, so redaction is tested, not just the absence of the token.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlivoClient, InvalidArgumentError, PlivoApiError } from '../../src/index.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import { AUTH_ID, AUTH_TOKEN, BASIC_CREDENTIALS, MASKING_UUID, VERIFY_UUID } from '../helpers/credentials.js';
import { type Handler, sendJson, startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Every way a value might be turned into text by a logger. */
function renderings(value: unknown): string[] {
  const texts = [
    String(value),
    inspect(value),
    inspect(value, { showHidden: true, depth: Number.POSITIVE_INFINITY, getters: true }),
  ];
  try {
    texts.push(JSON.stringify(value) ?? '');
  } catch (error) {
    texts.push(String(error));
  }
  if (value instanceof Error) texts.push(value.message, value.stack ?? '');
  return texts;
}

function expectNoSecret(value: unknown) {
  for (const text of renderings(value)) {
    expect(text).not.toContain(AUTH_TOKEN);
    expect(text).not.toContain(BASIC_CREDENTIALS);
  }
}

const echo = (req: Parameters<Handler>[0]) => req.headers.authorization ?? '';
const scenarios: Array<[string, Handler]> = [
  [
    '401 echoing the header in the error message',
    (req, res) => sendJson(res, 401, { error: `bad: ${echo(req)}` }),
  ],
  [
    '404 echoing the token in a header',
    (req, res) => sendJson(res, 404, { error: 'no' }, { 'x-echo': echo(req) }),
  ],
  ['500 with the header in an HTML body', (req, res) => sendJson(res, 500, `<pre>${echo(req)}</pre>`)],
  ['200 whose invalid body echoes the header', (req, res) => sendJson(res, 200, `oops ${echo(req)}`)],
  [
    '200 echoing the decoded token',
    (req, res) => sendJson(res, 200, `${Buffer.from(echo(req).slice(6), 'base64').toString()} oops`),
  ],
  ['a reset connection', (req) => req.socket.destroy()],
  ['a hung server (timeout)', () => {}],
];

describe('thrown errors never contain the token', () => {
  it.each(scenarios)('%s', async (_label, handler) => {
    server.reset(handler);
    const client = clientFor(server, { maxRetries: 0, timeoutMs: 200 });
    const errors = [
      await rejectionOf(client.maskingSessions.get(MASKING_UUID)),
      await rejectionOf(client.verifySessions.get(VERIFY_UUID)),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(PlivoApiError);
      expectNoSecret(error);
    }
    // The echo really happened, so redaction (not luck) kept the token out.
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${BASIC_CREDENTIALS}`);
  });

  it.each([
    [
      'quotes the Authorization header',
      (request: Request) => new Error(`failed: ${request.headers.get('authorization')}`),
    ],
    [
      'carries the request (as ky, got and axios errors do)',
      (request: Request) => Object.assign(new Error('failed'), { request }),
    ],
  ])('a custom fetch whose error %s', async (_label, fail) => {
    const client = clientFor(server, {
      maxRetries: 0,
      fetch: async (request) => {
        throw fail(request);
      },
    });
    const error = await rejectionOf(client.verifySessions.get(VERIFY_UUID));
    expect(error).toBeInstanceOf(PlivoApiError);
    expectNoSecret(error);
  });

  it('an abort', async () => {
    server.reset(() => {});
    const error = await rejectionOf(
      clientFor(server).verifySessions.get(VERIFY_UUID, { signal: AbortSignal.abort() }),
    );
    expectNoSecret(error);
  });

  it('a session UUID argument that is the token by mistake', async () => {
    const error = await rejectionOf(clientFor(server).verifySessions.get(AUTH_TOKEN));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expectNoSecret(error);
  });

  it.each([
    ['the token passed as authId', { authId: AUTH_TOKEN, authToken: AUTH_TOKEN }],
    ['a token with a trailing newline', { authId: AUTH_ID, authToken: `${AUTH_TOKEN}\n` }],
    ['a token with non-ASCII characters', { authId: AUTH_ID, authToken: `${AUTH_TOKEN}é` }],
    [
      'a baseUrl carrying the token',
      { authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: `https://u:${AUTH_TOKEN}@x.test` },
    ],
  ])('construction errors: %s', (_label, options) => {
    let thrown: unknown;
    try {
      createPlivoClient(options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidArgumentError);
    expectNoSecret(thrown);
  });
});

describe('the client object', () => {
  it('shows no token however it is inspected or serialized', () => {
    const client = clientFor(server);
    expectNoSecret(client);
    expectNoSecret(client.raw);
    expectNoSecret(client.maskingSessions);
    expect(inspect(client)).toBe(
      `PlivoClient {"authId":"${AUTH_ID}","baseUrl":"${server.baseUrl}","authToken":"[redacted]"}`,
    );
    expect(JSON.parse(JSON.stringify(client))).toEqual({
      authId: AUTH_ID,
      baseUrl: server.baseUrl,
      authToken: '[redacted]',
    });
  });

  it('holds the token in no property, enumerable or not', () => {
    const client = clientFor(server);
    const seen = new Set<unknown>();
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string') {
        expect(value, path).not.toContain(AUTH_TOKEN);
        return;
      }
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value))
        return;
      seen.add(value);
      for (const key of Reflect.ownKeys(value)) {
        const descriptor = Object.getOwnPropertyDescriptor(value, key);
        if (descriptor && 'value' in descriptor) walk(descriptor.value, `${path}.${String(key)}`);
      }
    };
    walk(client, 'client');
    expect(seen.size).toBeGreaterThan(5);
  });

  it('the options object passed in is not kept or changed', () => {
    const options = { authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: server.baseUrl };
    const client = createPlivoClient(options);
    expect(Object.values(client)).not.toContain(options);
    expect(options).toEqual({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: server.baseUrl });
  });
});
