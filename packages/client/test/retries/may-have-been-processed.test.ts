// `error.mayHaveBeenProcessed`: what a caller who must not send a second code branches on, instead of matching
// the message's "may have been processed". True only for a write that may have reached the server.
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ConnectionError,
  InvalidResponseError,
  PlivoApiError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '../../src/index.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import { VERIFY_UUID } from '../helpers/credentials.js';
import { type Handler, sendJson, serverForThisFile, startServer } from '../helpers/server.js';

const server = serverForThisFile();

const create = (client: ReturnType<typeof clientFor>, options?: { signal?: AbortSignal }) =>
  client.verifySessions.create({ recipient: '+919380013443' }, options);
const get = (client: ReturnType<typeof clientFor>, options?: { signal?: AbortSignal }) =>
  client.verifySessions.get(VERIFY_UUID, options);

type Call = (client: ReturnType<typeof clientFor>) => Promise<unknown>;

async function failureOf(handler: Handler, call: Call, timeoutMs = 5_000): Promise<PlivoApiError> {
  server().reset(handler);
  return (await rejectionOf(call(clientFor(server(), { maxRetries: 1, timeoutMs })))) as PlivoApiError;
}

describe('a write', () => {
  it.each([
    ['answered 503', ServerError, ((_req, res) => sendJson(res, 503, { error: 'busy' })) as Handler],
    ['answered 408', PlivoApiError, ((_req, res) => sendJson(res, 408, { error: 'slow' })) as Handler],
    ['timed out', TimeoutError, (() => {}) as Handler],
    ['reset once sent', ConnectionError, ((req) => req.socket.destroy()) as Handler],
    [
      'answered 200 with a body that is not JSON',
      InvalidResponseError,
      ((_req, res) => sendJson(res, 200, '<html>')) as Handler,
    ],
  ])('%s: true, in the error and its toJSON()', async (_name, ErrorClass, handler) => {
    const error = await failureOf(handler, create, 300);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ mayHaveBeenProcessed: true });
    expect(server().requests).toHaveLength(1);
  });

  it.each([
    ['answered 400', ((_req, res) => sendJson(res, 400, { error: 'bad' })) as Handler],
    [
      'answered 429 on every attempt',
      ((_req, res) => sendJson(res, 429, { error: 'slow down' }, { 'retry-after-ms': '0' })) as Handler,
    ],
  ])('%s: false, and absent from toJSON()', async (_name, handler) => {
    const error = await failureOf(handler, create);
    expect(error.mayHaveBeenProcessed).toBe(false);
    expect(JSON.parse(JSON.stringify(error))).not.toHaveProperty('mayHaveBeenProcessed');
  });

  it('aborted by the caller while in flight: true, and the message says so', async () => {
    server().reset(() => {});
    const controller = new AbortController();
    const call = rejectionOf(create(clientFor(server()), { signal: controller.signal }));
    while (server().requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = (await call) as PlivoApiError;
    expect(error).toBeInstanceOf(AbortError);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(error.message).toMatch(
      / was aborted by the caller's AbortSignal; the POST may have been processed$/,
    );
  });

  it('aborted before it was sent: false, and the message says nothing of it', async () => {
    server().reset((_req, res) => sendJson(res, 200, {}));
    const error = (await rejectionOf(
      create(clientFor(server()), { signal: AbortSignal.abort() }),
    )) as PlivoApiError;
    expect(error).toBeInstanceOf(AbortError);
    expect(error.mayHaveBeenProcessed).toBe(false);
    expect(error.message).not.toContain('processed');
    expect(server().requests).toHaveLength(0);
  });
});

describe('a read', () => {
  it.each([
    [
      'answered 503',
      ((_req, res) => sendJson(res, 503, { error: 'busy' }, { 'retry-after-ms': '0' })) as Handler,
    ],
    ['timed out', (() => {}) as Handler],
  ])('%s: false', async (_name, handler) => {
    const error = await failureOf(handler, get, 300);
    expect(error.mayHaveBeenProcessed).toBe(false);
  });

  it('aborted while in flight: false, and the message says nothing of it', async () => {
    server().reset(() => {});
    const controller = new AbortController();
    const call = rejectionOf(get(clientFor(server()), { signal: controller.signal }));
    while (server().requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = (await call) as PlivoApiError;
    expect(error.mayHaveBeenProcessed).toBe(false);
    expect(error.message).not.toContain('processed');
  });
});

describe('a write whose connection was never made is sent again, and was not processed', () => {
  it.each(['UND_ERR_CONNECT_TIMEOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'CERT_HAS_EXPIRED'])(
    'a fetch failing with %s',
    async (code) => {
      let attempts = 0;
      const client = clientFor(server(), {
        maxRetries: 2,
        fetch: async () => {
          attempts += 1;
          throw new TypeError('fetch failed', { cause: Object.assign(new Error(`${code} here`), { code }) });
        },
      });
      const error = (await rejectionOf(create(client))) as PlivoApiError;
      expect(error).toBeInstanceOf(ConnectionError);
      expect(attempts).toBe(3);
      expect(error.mayHaveBeenProcessed).toBe(false);
      expect(error.message).not.toContain('processed');
    },
  );

  it('TLS spoken to a plain-HTTP port (a real handshake failure)', async () => {
    const plain = await startServer();
    try {
      let attempts = 0;
      const client = clientFor(plain, {
        baseUrl: plain.baseUrl.replace('http:', 'https:'),
        maxRetries: 1,
        fetch: (request) => {
          attempts += 1;
          return fetch(request);
        },
      });
      const error = (await rejectionOf(create(client))) as PlivoApiError;
      expect(error).toBeInstanceOf(ConnectionError);
      expect(attempts).toBe(2);
      expect(error.mayHaveBeenProcessed).toBe(false);
      expect(plain.requests).toHaveLength(0);
    } finally {
      await plain.close();
    }
  });
});

it('RateLimitError of a read is false too (nothing was done)', async () => {
  const error = await failureOf((_req, res) => sendJson(res, 429, {}, { 'retry-after-ms': '0' }), get);
  expect(error).toBeInstanceOf(RateLimitError);
  expect(error.mayHaveBeenProcessed).toBe(false);
});
