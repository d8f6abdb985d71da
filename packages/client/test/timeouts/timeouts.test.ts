import { describe, expect, it, vi } from 'vitest';
import { ConnectionError, TimeoutError } from '../../src/index.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import { MASKING_UUID, VERIFY_UUID } from '../helpers/credentials.js';
import { MASKING_EXAMPLES, VERIFY_EXAMPLES } from '../helpers/examples.js';
import { sendJson, serverForThisFile } from '../helpers/server.js';

const server = serverForThisFile();

const verifyBody = JSON.stringify(VERIFY_EXAMPLES[0]?.body);

/** Times a call from before it is made: the deadline starts when the call does. */
async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await call();
  return { result, ms: performance.now() - start };
}

describe('per-attempt timeout', () => {
  it('a server that never answers hits the timeout', async () => {
    server().reset(() => {
      // Hang: no headers, no body.
    });
    const { result: error, ms } = await timed(() =>
      rejectionOf(clientFor(server(), { timeoutMs: 200, maxRetries: 0 }).maskingSessions.get(MASKING_UUID)),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ timeoutMs: 200, status: undefined });
    expect((error as Error).message).toMatch(/timed out: no complete response within 200 ms$/);
    expect(ms).toBeGreaterThanOrEqual(195);
    // Not a speed target: without the 200 ms deadline the call would wait for the default 30 s.
    expect(ms).toBeLessThan(5000);
  });

  it('covers the body: headers sent, then the body stalls, and the error says the headers came', async () => {
    server().reset((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(verifyBody.slice(0, 40));
    });
    // Far more than headers take even on a loaded machine: the body never comes anyway.
    const error = await rejectionOf(
      clientFor(server(), { timeoutMs: 1000, maxRetries: 0 }).verifySessions.get(VERIFY_UUID),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ status: undefined, timeoutMs: 1000 });
    expect((error as Error).message).toMatch(
      / timed out: answered 200, but the body did not complete within 1000 ms$/,
    );
  });

  it('a write that timed out after its answer began is not sent again, and says it may have been processed', async () => {
    server().reset((_req, res) => {
      res.writeHead(202, { 'Content-Type': 'application/json' });
      res.write(verifyBody.slice(0, 40));
    });
    const create = (maxRetries: number) =>
      rejectionOf(
        clientFor(server(), { timeoutMs: 1000, maxRetries }).verifySessions.create({
          recipient: '+14155550100',
        }),
      );
    const error = await create(2);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(
      / timed out: answered 202, but the body did not complete within 1000 ms; the POST may have been processed, so it was not sent again$/,
    );
    expect(server().requests).toHaveLength(1);
    // Without retries to forgo, it still says what matters: the write may have been done.
    expect(((await create(0)) as Error).message).toMatch(/ 1000 ms; the POST may have been processed$/);
  });

  it('is retried, each attempt with its own timeout', async () => {
    server().reset(() => {});
    const error = await rejectionOf(
      clientFor(server(), { timeoutMs: 150, maxRetries: 1 }).verifySessions.get(VERIFY_UUID),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('(2 attempts)');
    expect(server().requests).toHaveLength(2);
  });

  it('a hung first attempt does not eat into the second one', async () => {
    // Attempt 1 hangs past its 1000 ms; attempt 2 answers after 300 ms, which fits its own 1000 ms.
    server().reset((_req, res, i) => {
      if (i > 0) setTimeout(() => sendJson(res, 200, MASKING_EXAMPLES[0]?.body), 300);
    });
    const { result: session, ms } = await timed(() =>
      clientFor(server(), { timeoutMs: 1000, maxRetries: 1 }).maskingSessions.get(MASKING_UUID),
    );
    expect(session.session_uuid).toBe(MASKING_UUID);
    expect(server().requests).toHaveLength(2);
    expect(ms).toBeGreaterThan(1000 + 300);
  });

  it('an answer that arrives in time is not affected', async () => {
    server().reset((_req, res) => setTimeout(() => sendJson(res, 200, verifyBody), 100));
    const session = await clientFor(server(), { timeoutMs: 2000 }).verifySessions.get(VERIFY_UUID);
    expect(session.api_id).toBe(VERIFY_EXAMPLES[0]?.body.api_id);
  });

  it('a slow body that keeps trickling still has to finish within the deadline', async () => {
    server().reset((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        res.write(' ');
        sent += 1;
        if (sent > 100) {
          clearInterval(timer);
          res.end(verifyBody);
        }
      }, 20);
    });
    const error = await rejectionOf(
      clientFor(server(), { timeoutMs: 300, maxRetries: 0 }).verifySessions.get(VERIFY_UUID),
    );
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('times out the body of a custom fetch that ignores the abort: its stream never ends', async () => {
    const stalledFetch = async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"api_id":'));
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const client = clientFor(server(), { timeoutMs: 100, maxRetries: 0, fetch: stalledFetch });
    const error = await rejectionOf(client.verifySessions.get(VERIFY_UUID));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/answered 200, but the body did not complete within 100 ms$/);
  });

  it('times out a custom fetch that returns its Response itself, not a promise, with no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // A test double written as `() => new Response(...)`: the body starts, then stalls.
      const synchronousFetch = (() =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"api_id":'));
            },
          }),
          { status: 200 },
        )) as unknown as typeof fetch;
      const client = clientFor(server(), { timeoutMs: 50, maxRetries: 0, fetch: synchronousFetch });
      expect(await rejectionOf(client.verifySessions.get(VERIFY_UUID))).toBeInstanceOf(TimeoutError);
      // The late answer is dropped a few ticks after the call ends; a failure there would surface by now.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('drops a late answer without a body (a 204) of a custom fetch that ignores the abort, with no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      let answered = false;
      const lateFetch = () =>
        new Promise<Response>((resolve) =>
          setTimeout(() => {
            answered = true;
            resolve(new Response(null, { status: 204 }));
          }, 100),
        );
      const client = clientFor(server(), { timeoutMs: 30, maxRetries: 0, fetch: lateFetch });
      expect(await rejectionOf(client.verifySessions.get(VERIFY_UUID))).toBeInstanceOf(TimeoutError);
      await vi.waitFor(() => expect(answered).toBe(true), { timeout: 5000, interval: 20 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('drops a late answer of a custom fetch that ignores the abort: its body is cancelled, not left open', async () => {
    let cancelled = false;
    let answered = false;
    // Ignores its signal and answers after the attempt's deadline, with a body nobody will read.
    const lateFetch = () =>
      new Promise<Response>((resolve) =>
        setTimeout(() => {
          answered = true;
          const body = new ReadableStream({
            cancel() {
              cancelled = true;
            },
          });
          resolve(new Response(body, { status: 200 }));
        }, 300),
      );
    const client = clientFor(server(), { timeoutMs: 50, maxRetries: 0, fetch: lateFetch });
    expect(await rejectionOf(client.verifySessions.get(VERIFY_UUID))).toBeInstanceOf(TimeoutError);
    expect(answered).toBe(false);
    await vi.waitFor(() => expect(cancelled).toBe(true), { timeout: 5000, interval: 20 });
  });

  it('times out a global fetch installed after the client loaded (a test spy) that ignores the abort', async () => {
    // Ignores its signal and never answers; the server is never reached.
    const spy = vi.fn(() => new Promise<Response>(() => {}));
    vi.stubGlobal('fetch', spy);
    try {
      const client = clientFor(server(), { timeoutMs: 100, maxRetries: 0 });
      const error = await rejectionOf(client.verifySessions.get(VERIFY_UUID));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ timeoutMs: 100 });
      expect(spy).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
