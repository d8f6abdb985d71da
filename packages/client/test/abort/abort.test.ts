import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { AbortError, PlivoApiError } from '../../src/index.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import { MASKING_UUID, VERIFY_UUID } from '../helpers/credentials.js';
import { sendJson, serverForThisFile } from '../helpers/server.js';

const server = serverForThisFile();

/** Resolves when the server has seen `count` requests. */
async function requestsSeen(count: number): Promise<void> {
  while (server().requests.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("the caller's AbortSignal", () => {
  it('stops at once a global fetch installed after the client loaded (a test spy) that ignores it', async () => {
    const spy = vi.fn(() => new Promise<Response>(() => {}));
    vi.stubGlobal('fetch', spy);
    try {
      const reason = new Error('user left the page');
      const controller = new AbortController();
      const call = clientFor(server()).maskingSessions.get(MASKING_UUID, { signal: controller.signal });
      setTimeout(() => controller.abort(reason), 20);
      const error = await rejectionOf(call);
      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ cause: reason, method: 'GET' });
      expect(spy).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('already aborted: rejects with AbortError and sends nothing', async () => {
    server().reset((_req, res) => sendJson(res, 200, {}));
    const reason = new Error('user left the page');
    const error = await rejectionOf(
      clientFor(server()).maskingSessions.get(MASKING_UUID, { signal: AbortSignal.abort(reason) }),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toBeInstanceOf(PlivoApiError);
    expect(error).toMatchObject({ name: 'AbortError', cause: reason, method: 'GET' });
    expect(server().requests).toHaveLength(0);
  });

  it('aborting while the server is silent stops at once, long before the timeout', async () => {
    server().reset(() => {});
    const controller = new AbortController();
    const call = rejectionOf(
      clientFor(server(), { timeoutMs: 10_000 }).verifySessions.get(VERIFY_UUID, {
        signal: controller.signal,
      }),
    );
    await requestsSeen(1);
    controller.abort();
    // An abort that did not end the call would end it as a TimeoutError, 10 s later.
    const error = await call;
    expect(error).toBeInstanceOf(AbortError);
    expect(server().requests).toHaveLength(1);
  });

  it.each([
    ['a write', 'create', 2],
    ['a read with no retry left', 'get', 0],
  ] as const)(
    'aborting %s in flight is an AbortError, not a ConnectionError',
    async (_, call, maxRetries) => {
      server().reset(() => {});
      const controller = new AbortController();
      const client = clientFor(server(), { timeoutMs: 10_000, maxRetries });
      const options = { signal: controller.signal };
      const pending = rejectionOf(
        call === 'create'
          ? client.verifySessions.create({ recipient: '+14155550100' }, options)
          : client.verifySessions.get(VERIFY_UUID, options),
      );
      await requestsSeen(1);
      const reason = new Error('user left the page');
      controller.abort(reason);
      const error = await pending;
      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ name: 'AbortError', cause: reason });
      expect(server().requests).toHaveLength(1);
    },
  );

  it('aborting while the body stalls stops at once', async () => {
    server().reset((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"api_id":');
    });
    const controller = new AbortController();
    const call = rejectionOf(
      clientFor(server()).verifySessions.get(VERIFY_UUID, { signal: controller.signal }),
    );
    await requestsSeen(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    expect(await call).toBeInstanceOf(AbortError);
  });

  it('aborting during the wait before a retry stops at once, with no further attempt', async () => {
    server().reset((_req, res) => sendJson(res, 503, { error: 'busy' }, { 'retry-after-ms': '10000' }));
    const controller = new AbortController();
    const call = rejectionOf(
      clientFor(server()).maskingSessions.get(MASKING_UUID, { signal: controller.signal }),
    );
    await requestsSeen(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    expect(await call).toBeInstanceOf(AbortError);
    expect(server().requests).toHaveLength(1);
  });

  it.each([
    ['waiting for their answers', (_req: unknown, _res: unknown) => {}],
    [
      'waiting before a retry',
      (_req: unknown, res: Parameters<typeof sendJson>[0]) =>
        sendJson(res, 503, { error: 'busy' }, { 'retry-after-ms': '10000' }),
    ],
  ])(
    'one signal shared by 30 calls %s: listened to once, and aborting it stops every call',
    async (_, handler) => {
      server().reset(handler);
      const warnings: Error[] = [];
      const onWarning = (warning: Error) => warnings.push(warning);
      process.on('warning', onWarning);
      try {
        const controller = new AbortController();
        const client = clientFor(server(), { timeoutMs: 30_000 });
        const calls = Array.from({ length: 30 }, () =>
          rejectionOf(client.verifySessions.get(VERIFY_UUID, { signal: controller.signal })),
        );
        await requestsSeen(30);
        // Past ten listeners on one signal Node warns of a possible memory leak (MaxListenersExceededWarning).
        expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
        controller.abort();
        for (const error of await Promise.all(calls)) expect(error).toBeInstanceOf(AbortError);
        expect(server().requests).toHaveLength(30);
        expect(warnings.map(String)).toEqual([]);
      } finally {
        process.off('warning', onWarning);
      }
    },
  );

  it('an AbortSignal.timeout() works as a total deadline across retries', async () => {
    server().reset((_req, res) => sendJson(res, 503, { error: 'busy' }, { 'retry-after-ms': '50' }));
    const error = await rejectionOf(
      clientFor(server(), { maxRetries: 100 }).verifySessions.get(VERIFY_UUID, {
        signal: AbortSignal.timeout(400),
      }),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toMatchObject({ name: 'TimeoutError' });
    // 101 attempts 50 ms apart would take over 5 s; the signal ended the call long before.
    expect(server().requests.length).toBeGreaterThanOrEqual(1);
    expect(server().requests.length).toBeLessThan(50);
  });
});
