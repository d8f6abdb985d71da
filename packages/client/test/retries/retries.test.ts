// Retries against a real server: how many requests arrive, and how far apart.
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InvalidArgumentError,
  NotFoundError,
  RateLimitError,
  ServerError,
} from '../../src/index.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import { MASKING_UUID, VERIFY_UUID } from '../helpers/credentials.js';
import { MASKING_EXAMPLES, VERIFY_EXAMPLES } from '../helpers/examples.js';
import { sendJson, serverForThisFile, startServer, type TestServer } from '../helpers/server.js';

const server = serverForThisFile();

const verifyBody = VERIFY_EXAMPLES[0]?.body;
/** Answers with `status` (asking for an immediate retry) until request `okFrom`, then with the fixture. */
const failUntil =
  (okFrom: number, status: number) => (res: Parameters<Parameters<TestServer['reset']>[0]>[1], i: number) =>
    i >= okFrom
      ? sendJson(res, 200, verifyBody)
      : sendJson(res, status, { error: 'try again' }, { 'retry-after-ms': '0' });

const gaps = () =>
  server()
    .requests.slice(1)
    .map((request, i) => request.at - (server().requests[i]?.at ?? 0));

describe('retried answers', () => {
  it.each([408, 429, 500, 502, 503, 504])('%i is retried and a later success is returned', async (status) => {
    server().reset((_req, res, i) => failUntil(2, status)(res, i));
    const session = await clientFor(server()).verifySessions.get(VERIFY_UUID);
    expect(session.session_uuid).toBe(verifyBody?.session_uuid);
    expect(server().requests).toHaveLength(3);
  });

  it('makes exactly maxRetries + 1 attempts, then throws the last answer as its error', async () => {
    for (const maxRetries of [0, 1, 4]) {
      server().reset((_req, res, i) => failUntil(Number.POSITIVE_INFINITY, 503)(res, i));
      const error = await rejectionOf(clientFor(server(), { maxRetries }).verifySessions.get(VERIFY_UUID));
      expect(error).toBeInstanceOf(ServerError);
      expect(server().requests).toHaveLength(maxRetries + 1);
      // The message says the answer is the last of several, as a timeout's or a connection failure's does.
      const attempts = maxRetries === 0 ? '' : ` (${maxRetries + 1} attempts)`;
      expect((error as Error).message).toBe(
        `GET ${server().baseUrl}/v1/Account/MANJUXXVOICEZZAPI908/Verify/Session/${VERIFY_UUID}/ answered 503 Service Unavailable${attempts}: try again`,
      );
    }
  });

  it('counts the attempts of each call, even when a custom fetch answers two calls with one object', async () => {
    const answer = new Response(null, {
      status: 503,
      statusText: 'Service Unavailable',
      headers: { 'retry-after-ms': '0' },
    });
    const client = clientFor(server(), { fetch: async () => answer, maxRetries: 2 });
    const retried = await rejectionOf(client.verifySessions.get(VERIFY_UUID, { timeoutMs: 5_000 }));
    expect((retried as Error).message).toMatch(/ answered 503 Service Unavailable \(3 attempts\)$/);
    const once = await rejectionOf(client.verifySessions.get(VERIFY_UUID, { maxRetries: 0 }));
    expect((once as Error).message).toMatch(/ answered 503 Service Unavailable$/);
  });

  it('a final 429 is a RateLimitError with its Retry-After header readable', async () => {
    server().reset((_req, res) =>
      sendJson(res, 429, { error: 'too many requests' }, { 'retry-after-ms': '0' }),
    );
    const error = await rejectionOf(clientFor(server(), { maxRetries: 1 }).verifySessions.get(VERIFY_UUID));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers?.get('retry-after-ms')).toBe('0');
    expect(server().requests).toHaveLength(2);
    expect((error as Error).message).toMatch(
      / answered 429 Too Many Requests \(2 attempts\): too many requests$/,
    );
  });
});

describe('answers that are not retried', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [404, NotFoundError],
  ])('%i stops at once', async (status, ErrorClass) => {
    server().reset((_req, res) => sendJson(res, status, { error: 'no' }, { 'retry-after-ms': '0' }));
    const error = await rejectionOf(clientFor(server(), { maxRetries: 5 }).maskingSessions.get(MASKING_UUID));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(server().requests).toHaveLength(1);
  });
});

describe('connection failures', () => {
  it('are retried: a reset connection, then a success', async () => {
    server().reset((req, res, i) =>
      i < 1 ? req.socket.destroy() : sendJson(res, 200, MASKING_EXAMPLES[0]?.body),
    );
    const session = await clientFor(server()).maskingSessions.get(MASKING_UUID);
    expect(session.session_uuid).toBe(MASKING_UUID);
    expect(server().requests).toHaveLength(2);
  });

  it('become a ConnectionError with the cause once the retries are used up', async () => {
    server().reset((req) => req.socket.destroy());
    const error = await rejectionOf(clientFor(server(), { maxRetries: 1 }).maskingSessions.get(MASKING_UUID));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ status: undefined, method: 'GET' });
    expect((error as Error).message).toMatch(/failed: fetch failed: .*\(2 attempts\)$/);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(server().requests).toHaveLength(2);
  });

  it('a refused connection is a ConnectionError naming the cause', async () => {
    const closed = await startServer();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const error = await rejectionOf(
      clientFor(closed, { baseUrl, maxRetries: 0 }).verifySessions.get(VERIFY_UUID),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    // The cause is a redacted copy of undici's error chain that keeps the diagnostic fields.
    expect((error as Error).cause).toMatchObject({
      message: 'fetch failed',
      cause: { code: 'ECONNREFUSED' },
    });
  });

  // Node's shape when every address of a host refused (localhost's ::1 and 127.0.0.1): an AggregateError whose
  // message is empty, its reasons in `errors`.
  it('a refusal by every address of a host names each address, and keeps them on the cause', async () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}:9`), {
        code: 'ECONNREFUSED',
        address,
        port: 9,
      });
    const aggregate = Object.assign(new AggregateError([refused('::1'), refused('127.0.0.1')], ''), {
      code: 'ECONNREFUSED',
    });
    const fetch = async () => {
      throw new TypeError('fetch failed', { cause: aggregate });
    };
    const error = await rejectionOf(
      clientFor(server(), { fetch, maxRetries: 0 }).verifySessions.get(VERIFY_UUID),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain(
      'failed: fetch failed: connect ECONNREFUSED ::1:9, connect ECONNREFUSED 127.0.0.1:9',
    );
    expect((error as Error).cause).toMatchObject({
      cause: {
        code: 'ECONNREFUSED',
        errors: [
          { code: 'ECONNREFUSED', address: '::1' },
          { code: 'ECONNREFUSED', address: '127.0.0.1' },
        ],
      },
    });
  });

  it('what a custom fetch throws, even the InvalidArgumentError class, is a ConnectionError, retried', async () => {
    let calls = 0;
    const fetch = async () => {
      calls += 1;
      throw new InvalidArgumentError('fetch', 'a wrapper said no');
    };
    const error = await rejectionOf(
      clientFor(server(), { fetch, maxRetries: 1 }).verifySessions.get(VERIFY_UUID),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('a wrapper said no');
    expect(calls).toBe(2);
  });

  it.each([
    [
      'whose errors is not an array',
      () => Object.assign(new Error(''), { errors: 'none', code: 'EX' }),
      'EX',
    ],
    [
      'that holds itself',
      () => {
        const aggregate = new AggregateError([], '');
        aggregate.errors.push(aggregate, new Error('connect ECONNREFUSED 127.0.0.1:9'));
        return aggregate;
      },
      'connect ECONNREFUSED 127.0.0.1:9',
    ],
  ])('an empty error %s is still a ConnectionError', async (_, cause, words) => {
    const fetch = async () => {
      throw new TypeError('fetch failed', { cause: cause() });
    };
    const error = await rejectionOf(
      clientFor(server(), { fetch, maxRetries: 0 }).verifySessions.get(VERIFY_UUID),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain(`failed: fetch failed: ${words}`);
  });

  it('an empty error with only a code is named by its code', async () => {
    const fetch = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error(''), { code: 'ENETUNREACH' }) });
    };
    const error = await rejectionOf(
      clientFor(server(), { fetch, maxRetries: 0 }).verifySessions.get(VERIFY_UUID),
    );
    expect((error as Error).message).toContain('failed: fetch failed: ENETUNREACH');
  });
});

describe('waiting between attempts', () => {
  it('honours Retry-After in seconds', async () => {
    server().reset((_req, res, i) =>
      i === 0
        ? sendJson(res, 429, { error: 'slow down' }, { 'Retry-After': '1' })
        : sendJson(res, 200, verifyBody),
    );
    await clientFor(server()).verifySessions.get(VERIFY_UUID);
    expect(server().requests).toHaveLength(2);
    // At least the 1 s asked for, more than the 0.5 s backoff; exact waits: transport-waits.test.ts.
    expect(gaps()[0]).toBeGreaterThanOrEqual(990);
  });

  it('honours retry-after-ms', async () => {
    // Longer than the first backoff (at most 0.5 s), so a client that ignored the header would retry sooner.
    server().reset((_req, res, i) =>
      i === 0
        ? sendJson(res, 503, { error: 'busy' }, { 'retry-after-ms': '1200' })
        : sendJson(res, 200, verifyBody),
    );
    await clientFor(server()).verifySessions.get(VERIFY_UUID);
    expect(server().requests).toHaveLength(2);
    expect(gaps()[0]).toBeGreaterThanOrEqual(1190);
  });

  it('backs off exponentially with jitter when the server gives no hint', async () => {
    server().reset((_req, res) => sendJson(res, 503, { error: 'busy' }));
    await rejectionOf(clientFor(server(), { maxRetries: 2 }).verifySessions.get(VERIFY_UUID));
    const [first, second] = gaps();
    // 0.5 s then 1 s, each less up to 25 % jitter. Only lower bounds here: a busy machine can only make a
    // wait longer, and upper bounds would time the machine, not the client. The exact waits are checked with
    // fake timers in transport-waits.test.ts.
    expect(first).toBeGreaterThanOrEqual(370);
    expect(second).toBeGreaterThanOrEqual(745);
  });
});
