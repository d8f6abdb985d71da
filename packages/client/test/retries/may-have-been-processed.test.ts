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

/** The error of `call`, aborted by its caller's signal once the server has the request (and never answers). */
async function abortedInFlight(
  call: (client: ReturnType<typeof clientFor>, options: { signal: AbortSignal }) => Promise<unknown>,
): Promise<PlivoApiError> {
  server().reset(() => {});
  const controller = new AbortController();
  const failure = rejectionOf(call(clientFor(server()), { signal: controller.signal }));
  while (server().requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  controller.abort();
  return (await failure) as PlivoApiError;
}

describe('a write', () => {
  it.each([
    ['answered 503', ServerError, ((_req, res) => sendJson(res, 503, { error: 'busy' })) as Handler],
    // Any 5xx: a gateway's 524 says the origin had the request and did not answer in time.
    [
      'answered 524',
      ServerError,
      ((_req, res) => sendJson(res, 524, { error: 'origin timeout' })) as Handler,
    ],
    ['answered 501', ServerError, ((_req, res) => sendJson(res, 501, { error: 'no' })) as Handler],
    ['answered 408', PlivoApiError, ((_req, res) => sendJson(res, 408, { error: 'slow' })) as Handler],
    ['timed out', TimeoutError, (() => {}) as Handler],
    [
      'answered 202, its body then stalled',
      TimeoutError,
      ((_req, res) => res.writeHead(202).write('{')) as Handler,
    ],
    ['reset once sent', ConnectionError, ((req) => req.socket.destroy()) as Handler],
    [
      'answered 200 with a body that is not JSON',
      InvalidResponseError,
      ((_req, res) => sendJson(res, 200, '<html>')) as Handler,
    ],
  ])('%s: true, in the error and its toJSON()', async (_name, ErrorClass, handler) => {
    const error = await failureOf(handler, create, ErrorClass === TimeoutError ? 300 : 5_000);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ mayHaveBeenProcessed: true });
    expect(server().requests).toHaveLength(1);
  });

  it.each([
    ['answered 400', ((_req, res) => sendJson(res, 400, { error: 'bad' })) as Handler],
    // Its headers said the server refused it; only the rest of its body did not come.
    ['answered 400, its body then stalled', ((_req, res) => res.writeHead(400).write('{')) as Handler],
    [
      'answered 429 on every attempt',
      ((_req, res) => sendJson(res, 429, { error: 'slow down' }, { 'retry-after-ms': '0' })) as Handler,
    ],
  ])('%s: false, and absent from toJSON()', async (_name, handler) => {
    const error = await failureOf(handler, create, 300);
    expect(error.mayHaveBeenProcessed).toBe(false);
    expect(JSON.parse(JSON.stringify(error))).not.toHaveProperty('mayHaveBeenProcessed');
  });

  it('aborted by the caller while in flight: true, and the message says so', async () => {
    const error = await abortedInFlight(create);
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
  ])('%s: false', async (name, handler) => {
    const error = await failureOf(handler, get, name === 'timed out' ? 300 : 5_000);
    expect(error).toBeInstanceOf(name === 'timed out' ? TimeoutError : ServerError);
    expect(error.mayHaveBeenProcessed).toBe(false);
  });

  it('aborted while in flight: false, and the message says nothing of it', async () => {
    const error = await abortedInFlight(get);
    expect(error).toBeInstanceOf(AbortError);
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
        maxRetries: 1,
        fetch: async () => {
          attempts += 1;
          // A system error names its call; undici's and the TLS handshake's errors name none.
          const syscall = code.startsWith('E') ? 'connect' : undefined;
          const cause = Object.assign(new Error(`${code} here`), { code, syscall });
          throw new TypeError('fetch failed', { cause });
        },
      });
      const error = (await rejectionOf(create(client))) as PlivoApiError;
      expect(error).toBeInstanceOf(ConnectionError);
      expect(attempts).toBe(2);
      expect(error.mayHaveBeenProcessed).toBe(false);
      expect(error.message).not.toContain('processed');
    },
  );

  // The kernel keeps an ICMP error of a connection that carried the request, and reports it when a read fails.
  it('an unreachable host reported by a read (a connection that was made) is not sent again', async () => {
    let attempts = 0;
    const client = clientFor(server(), {
      maxRetries: 2,
      fetch: async () => {
        attempts += 1;
        const cause = Object.assign(new Error('read EHOSTUNREACH'), {
          code: 'EHOSTUNREACH',
          syscall: 'read',
        });
        throw new TypeError('fetch failed', { cause });
      },
    });
    const error = (await rejectionOf(create(client))) as PlivoApiError;
    expect(attempts).toBe(1);
    expect(error.mayHaveBeenProcessed).toBe(true);
  });
});

describe('TLS spoken to a plain-HTTP port', () => {
  // OpenSSL's "wrong version number" also ends a connection already set up (plain text written into it), so
  // it does not prove the request never went out.
  it('is not sent again, and counts as possibly processed', async () => {
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
      expect(attempts).toBe(1);
      expect(error.mayHaveBeenProcessed).toBe(true);
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
