// Plivo has no idempotency key: a POST or DELETE that may have reached the server is never sent again (a
// second create would make a second session or send a second code). It is sent again only when the server
// cannot have acted on it: a 429, or a connection that was never made. Reads are retried as before.
import { describe, expect, it } from 'vitest';
import {
  ConnectionError,
  InvalidArgumentError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '../../src/index.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import { MASKING_UUID, VERIFY_UUID } from '../helpers/credentials.js';
import { VERIFY_EXAMPLES } from '../helpers/examples.js';
import { type Handler, sendJson, serverForThisFile, startServer } from '../helpers/server.js';
import { example } from '../helpers/spec.js';

const server = serverForThisFile();

const busy: Handler = (_req, res) => sendJson(res, 503, { error: 'busy' }, { 'retry-after-ms': '0' });
const createParams = { first_party: '917708772011', second_party: '918220568648' };

/** Every method that changes something, each called once. */
const writes = [
  {
    name: 'maskingSessions.create (POST)',
    method: 'POST',
    call: (c: ReturnType<typeof clientFor>) => c.maskingSessions.create(createParams),
  },
  {
    name: 'maskingSessions.update (POST)',
    method: 'POST',
    call: (c: ReturnType<typeof clientFor>) => c.maskingSessions.update(MASKING_UUID, { record: true }),
  },
  {
    name: 'maskingSessions.delete (DELETE)',
    method: 'DELETE',
    call: (c: ReturnType<typeof clientFor>) => c.maskingSessions.delete(MASKING_UUID),
  },
  {
    name: 'verifySessions.create (POST)',
    method: 'POST',
    call: (c: ReturnType<typeof clientFor>) => c.verifySessions.create({ recipient: '+919380013443' }),
  },
  {
    name: 'verifySessions.validate (POST)',
    method: 'POST',
    call: (c: ReturnType<typeof clientFor>) => c.verifySessions.validate(VERIFY_UUID, '123456'),
  },
];

describe.each(writes)('$name', ({ call, method }) => {
  it('answered 503 is sent exactly once, and its error says it may have been processed', async () => {
    server().reset(busy);
    const error = await rejectionOf(call(clientFor(server(), { maxRetries: 5 })));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as Error).message).toMatch(
      new RegExp(
        ` answered 503 Service Unavailable: busy; the ${method} may have been processed, so it was not sent again$`,
      ),
    );
    expect(server().requests).toHaveLength(1);
  });

  it('answered 503 without retries allowed says it may have been processed, not that it was held back', async () => {
    server().reset(busy);
    const error = await rejectionOf(call(clientFor(server(), { maxRetries: 0 })));
    expect((error as Error).message).toMatch(new RegExp(`: busy; the ${method} may have been processed$`));
  });

  it('answered 400 says nothing of having been processed: the server refused it', async () => {
    server().reset((_req, res) => sendJson(res, 400, { error: 'bad' }));
    const error = await rejectionOf(call(clientFor(server(), { maxRetries: 5 })));
    expect((error as Error).message).not.toContain('processed');
  });

  it('answered 429, then 503, names both attempts and that the second may have been processed', async () => {
    server().reset((req, res, i) =>
      i === 0 ? sendJson(res, 429, { error: 'slow down' }, { 'retry-after-ms': '0' }) : busy(req, res, i),
    );
    const error = await rejectionOf(call(clientFor(server(), { maxRetries: 5 })));
    expect((error as Error).message).toMatch(
      new RegExp(`\\(2 attempts\\): busy; the ${method} may have been processed, so it was not sent again$`),
    );
  });

  it('timing out is sent exactly once', async () => {
    server().reset(() => {});
    const error = await rejectionOf(call(clientFor(server(), { maxRetries: 5, timeoutMs: 200 })));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).not.toContain('attempts');
    expect(server().requests).toHaveLength(1);
  });

  it('cut off by a reset connection is sent exactly once', async () => {
    server().reset((req) => req.socket.destroy());
    const error = await rejectionOf(call(clientFor(server(), { maxRetries: 5 })));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/ may have been processed, so it was not sent again$/);
    expect(server().requests).toHaveLength(1);
  });

  it('answered 429 is sent again, and the later answer is returned', async () => {
    server().reset((_req, res, i) =>
      i === 0
        ? sendJson(res, 429, { error: 'too many requests' }, { 'retry-after-ms': '0' })
        : sendJson(res, 200, { api_id: 'after-429', message: 'done' }),
    );
    const result = (await call(clientFor(server()))) as { api_id: string };
    expect(result.api_id).toBe('after-429');
    expect(server().requests).toHaveLength(2);
    // The same request both times: the body went out again unchanged.
    expect(server().requests[1]?.body).toBe(server().requests[0]?.body);
  });

  it('answered 429 every time gives up after maxRetries with a RateLimitError', async () => {
    server().reset((_req, res) => sendJson(res, 429, { error: 'slow down' }, { 'retry-after-ms': '0' }));
    const error = await rejectionOf(call(clientFor(server(), { maxRetries: 2 })));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server().requests).toHaveLength(3);
  });
});

describe('a connection that was never made', () => {
  it('a POST to a refused port is sent again (nothing reached a server)', async () => {
    const closed = await startServer();
    const baseUrl = closed.baseUrl;
    await closed.close();
    let attempts = 0;
    const client = clientFor(closed, {
      baseUrl,
      maxRetries: 2,
      fetch: (request) => {
        attempts += 1;
        return fetch(request);
      },
    });
    const error = await rejectionOf(client.verifySessions.create({ recipient: '+919380013443' }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect((error as Error).message).toMatch(/ \(3 attempts\)$/);
    expect(attempts).toBe(3);
  });
});

describe('reads are retried as before', () => {
  it('a GET answered 503 is retried up to maxRetries', async () => {
    server().reset(busy);
    await rejectionOf(clientFor(server(), { maxRetries: 2 }).verifySessions.get(VERIFY_UUID));
    expect(server().requests).toHaveLength(3);
  });

  it('a list answered 503 is retried too', async () => {
    server().reset((_req, res, i) =>
      i === 0 ? busy(_req, res, i) : sendJson(res, 200, example('VerifySessionListEmpty')),
    );
    const page = await clientFor(server()).verifySessions.list();
    expect(page.data).toEqual([]);
    expect(server().requests).toHaveLength(2);
  });
});

describe('per-call maxRetries and timeoutMs', () => {
  it('maxRetries: 0 on one call turns its retries off', async () => {
    server().reset(busy);
    const client = clientFor(server(), { maxRetries: 5 });
    await rejectionOf(client.verifySessions.get(VERIFY_UUID, { maxRetries: 0 }));
    expect(server().requests).toHaveLength(1);
  });

  it('maxRetries on one call allows more retries than the client', async () => {
    server().reset((_req, res, i) =>
      i < 3 ? busy(_req, res, i) : sendJson(res, 200, VERIFY_EXAMPLES[0]?.body),
    );
    const client = clientFor(server(), { maxRetries: 0 });
    const session = await client.verifySessions.get(VERIFY_UUID, { maxRetries: 3 });
    expect(session.session_uuid).toBe(VERIFY_UUID);
    expect(server().requests).toHaveLength(4);
  });

  it('timeoutMs on one call replaces the client timeout for each of its attempts', async () => {
    server().reset(() => {});
    const client = clientFor(server(), { timeoutMs: 20_000, maxRetries: 1 });
    const error = await rejectionOf(client.maskingSessions.get(MASKING_UUID, { timeoutMs: 150 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150 });
    expect(server().requests).toHaveLength(2);
  });

  it('a POST keeps its rule whatever maxRetries says', async () => {
    server().reset(busy);
    await rejectionOf(clientFor(server()).maskingSessions.create(createParams, { maxRetries: 10 }));
    expect(server().requests).toHaveLength(1);
  });

  it.each([
    [{ maxRetries: -1 }, 'maxRetries', 'whole number from 0'],
    [{ maxRetries: 1.5 }, 'maxRetries', 'whole number from 0'],
    [{ timeoutMs: 0 }, 'timeoutMs', 'number of milliseconds from 1'],
    [{ timeoutMs: '5' }, 'timeoutMs', 'number of milliseconds from 1'],
    [{ signal: 'stop' }, 'signal', 'not an AbortSignal'],
    // Half a signal: the request would be sent, then the call would fail removing the listener.
    [{ signal: { aborted: false, addEventListener() {} } }, 'signal', 'not an AbortSignal'],
  ])('%j is refused before any request', async (options, argument, message) => {
    server().reset(busy);
    const error = await rejectionOf(
      clientFor(server()).verifySessions.get(VERIFY_UUID, options as unknown as Record<string, never>),
    );
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ argument });
    expect((error as Error).message).toContain(message);
    expect(server().requests).toHaveLength(0);
  });
});
