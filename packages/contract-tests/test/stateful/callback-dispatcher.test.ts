// The callback dispatcher against a real receiver on 127.0.0.1 and a virtual clock: what it sends verifies with
// @plivo-openapi/client/callbacks and parses; a receiver that does not answer 200 gets the callback again 60 s,
// +120 s and +240 s later on the mock's clock, and every attempt is journaled with the receiver's answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  parseMaskingRecordingEvent,
  parseMaskingSessionEvent,
  parseVerifySessionEvent,
  verifyCallbackSignature,
} from '@plivo-openapi/client/callbacks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type CallbackDeliveryRecord,
  type CallbackDispatcher,
  createCallbackDispatcher,
} from '../../src/stateful/callback-dispatcher.js';
import type { CallbackEvent } from '../../src/stateful/callback-event.js';
import { createVirtualClock, LATEST_TIME_MS, type VirtualClock } from '../../src/stateful/clock.js';

const AUTH_ID = 'MAXXXXXXXXXXXXXXXXXX';
const TOKEN = 'c2VjcmV0LXRva2VuLW9mLXRoZS1tb2NrLWFjY291bnQ';
const START = Date.UTC(2026, 10, 30, 12, 0, 0);

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let origin: string;
let received: Received[];
let answer: (res: ServerResponse, index: number) => void;
let clock: VirtualClock;
let journal: CallbackDeliveryRecord[];
let dispatcher: CallbackDispatcher;

function dispatcherWith(options: { timeoutMs?: number } = {}) {
  return createCallbackDispatcher({
    clock,
    record: (entry) => journal.push(entry),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
}

beforeEach(async () => {
  received = [];
  journal = [];
  answer = (res) => res.writeHead(200).end();
  server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req.setEncoding('utf8')) body += chunk;
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    answer(res, received.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  clock = createVirtualClock(START);
  dispatcher = dispatcherWith();
});

afterEach(async () => {
  dispatcher.cancel();
  await dispatcher.idle();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const maskingStatus = (method: 'GET' | 'POST', path = '/masking/status'): CallbackEvent => ({
  authId: AUTH_ID,
  authToken: TOKEN,
  url: `${origin}${path}`,
  method,
  kind: 'masking-status',
  params: {
    EventName: 'SessionTimeout',
    EventTimestamp: '2026-11-30 12:00:00',
    SessionUUID: 'c28b77d4-21e7-43bd-9447-04bfee92e651',
    VirtualNumber: '+918888888888',
    SequenceNumber: '1',
  },
});

/** Checks one received callback as a receiver would: V3 (and V2 when asked) verify against the public URL. */
async function expectSigned(request: Received, { v2 = false } = {}) {
  const url = origin + request.url;
  const params = request.method === 'POST' ? new URLSearchParams(request.body) : undefined;
  for (const header of ['x-plivo-signature-v3', 'x-plivo-signature-ma-v3']) {
    const input = {
      method: request.method,
      url,
      nonce: request.headers['x-plivo-signature-v3-nonce'],
      signature: request.headers[header],
      params,
      authToken: TOKEN,
    };
    expect(await verifyCallbackSignature(input), header).toBe(true);
    expect(await verifyCallbackSignature({ ...input, authToken: `${TOKEN}x` }), header).toBe(false);
  }
  if (v2) {
    for (const header of ['x-plivo-signature-v2', 'x-plivo-signature-ma-v2']) {
      const input = {
        version: 'v2' as const,
        url,
        nonce: request.headers['x-plivo-signature-v2-nonce'],
        signature: request.headers[header],
        authToken: TOKEN,
      };
      expect(await verifyCallbackSignature(input), header).toBe(true);
    }
  } else {
    expect(request.headers['x-plivo-signature-v2']).toBeUndefined();
  }
}

describe('sending', () => {
  it('POSTs a masking callback as a signed form body and journals the 200', async () => {
    const event = maskingStatus('POST');
    dispatcher.emitCallback(event);
    await dispatcher.idle();

    expect(received).toHaveLength(1);
    const [request] = received as [Received];
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/masking/status');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['x-plivo-signature-v3-nonce']).toMatch(/^[1-9]\d{19}$/);
    await expectSigned(request);
    expect(parseMaskingSessionEvent(request.body)).toEqual({ ...event.params, otherAttributes: {} });

    expect(journal).toEqual([
      expect.objectContaining({
        kind: 'callback',
        at: new Date(START).toISOString(),
        callbackKind: 'masking-status',
        method: 'POST',
        url: event.url,
        params: event.params,
        attempt: 1,
        status: 200,
        outcome: 'delivered',
      }),
    ]);
    expect(JSON.stringify(journal)).not.toContain(TOKEN);
  });

  it('GETs with the parameters appended to the registered query, signed over the whole URL', async () => {
    const event: CallbackEvent = {
      ...maskingStatus('GET', '/masking/recording?tenant=7'),
      kind: 'masking-recording',
      params: { EventName: 'SessionRecordingCompleted', SessionUUID: 'abc', RecordingFormat: '.mp3' },
    };
    dispatcher.emitCallback(event);
    await dispatcher.idle();

    const [request] = received as [Received];
    expect(request.method).toBe('GET');
    expect(request.url).toBe(
      '/masking/recording?tenant=7&EventName=SessionRecordingCompleted&SessionUUID=abc&RecordingFormat=.mp3',
    );
    expect(request.body).toBe('');
    await expectSigned(request);
    const { tenant, ...payload } = Object.fromEntries(new URL(origin + request.url).searchParams);
    expect(tenant).toBe('7');
    expect(parseMaskingRecordingEvent(payload).EventName).toBe('SessionRecordingCompleted');
    expect(journal[0]).toMatchObject({ url: origin + request.url, status: 200, outcome: 'delivered' });
  });

  it('signs a Verify callback with V2 headers as well as V3', async () => {
    dispatcher.emitCallback({
      authId: AUTH_ID,
      authToken: TOKEN,
      url: `${origin}/verify`,
      method: 'POST',
      kind: 'verify-status',
      params: { SessionUUID: '4124e518-a8c9-4feb-8cff-d86636ba9234', SessionStatus: 'verified' },
    });
    await dispatcher.idle();
    const [request] = received as [Received];
    await expectSigned(request, { v2: true });
    expect(parseVerifySessionEvent(request.body).SessionStatus).toBe('verified');
  });

  it('journals a callback whose registering request carried no token as failed, sending nothing', async () => {
    const { authToken: _, ...unsigned } = maskingStatus('POST');
    dispatcher.emitCallback(unsigned);
    await dispatcher.idle();
    expect(received).toEqual([]);
    expect(journal).toEqual([
      expect.objectContaining({ outcome: 'failed', error: expect.stringContaining('no Auth Token came') }),
    ]);
  });

  it('does not retry a callback whose token cannot sign', async () => {
    dispatcher.emitCallback({ ...maskingStatus('POST'), authToken: 'a token\nwith a line break' });
    await dispatcher.idle();
    clock.advance(3_600_000);
    await dispatcher.idle();
    expect(received).toEqual([]);
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({ outcome: 'failed' });
  });

  it.each([
    ['http://receiver:hunter2-password@', '://'],
    ['http:/receiver:hunter2-password@', ':/'],
  ])(
    'sends nothing to a URL with credentials (%s…), journals it failed once without them',
    async (written, from) => {
      const url = `${origin.replace('http://', written)}/masking/status`;
      dispatcher.emitCallback({ ...maskingStatus('GET'), url });
      await dispatcher.idle();
      clock.advance(3_600_000);
      await dispatcher.idle();
      expect(received, from).toEqual([]);
      expect(journal).toEqual([
        expect.objectContaining({
          outcome: 'failed',
          url: expect.stringMatching(new RegExp(`^${origin}/masking/status\\?EventName=`)),
          error: expect.stringContaining('holds credentials (user:password@)'),
        }),
      ]);
      expect(JSON.stringify(journal)).not.toContain('hunter2');
    },
  );

  it.each(['ftp://example.com/masking/status', 'mailto:ops@example.com', '/relative/path'])(
    'sends nothing to a URL that is not absolute http or https (%s), journals it failed once and why',
    async (url) => {
      dispatcher.emitCallback({ ...maskingStatus('POST'), url });
      await dispatcher.idle();
      clock.advance(3_600_000);
      await dispatcher.idle();
      expect(received).toEqual([]);
      expect(journal).toEqual([
        expect.objectContaining({
          url,
          outcome: 'failed',
          error: expect.stringContaining('not an absolute http or https URL, the only ones Plivo calls'),
        }),
      ]);
    },
  );

  it.each(['GET', 'POST'] as const)(
    'sends to a URL whose query holds a URL with credentials (%s), journals it without them',
    async (method) => {
      const url = `${origin}/masking/status?next=https://receiver:hunter2-password@other.example/x`;
      dispatcher.emitCallback({ ...maskingStatus(method), url });
      await dispatcher.idle();
      // The URL is the receiver's to take as it likes: it gets it as registered.
      expect(received.map((request) => request.url)).toEqual([
        expect.stringMatching(
          /^\/masking\/status\?next=https:\/\/receiver:hunter2-password@other\.example\/x/,
        ),
      ]);
      expect(journal).toEqual([
        expect.objectContaining({
          outcome: 'delivered',
          url: expect.stringMatching(
            new RegExp(`^${origin}/masking/status\\?next=https://\\[redacted\\]@other\\.example/x`),
          ),
        }),
      ]);
      expect(JSON.stringify(journal)).not.toContain('hunter2');
    },
  );

  it('sends to a URL whose user info is empty (`http://@host`): it holds no credentials', async () => {
    dispatcher.emitCallback({
      ...maskingStatus('POST'),
      url: `${origin.replace('://', '://@')}/masking/status`,
    });
    await dispatcher.idle();
    expect(journal).toEqual([expect.objectContaining({ status: 200, outcome: 'delivered' })]);
  });
});

describe('retries on the mock clock', () => {
  it('retries a failing receiver 60 s, +120 s and +240 s later, then gives up', async () => {
    answer = (res, index) => res.writeHead(index % 2 === 0 ? 500 : 503).end();
    dispatcher.emitCallback(maskingStatus('POST'));
    await dispatcher.idle();
    expect(received).toHaveLength(1);

    // Each retry comes exactly at its due time, not a millisecond earlier.
    for (const [delay, attempts] of [
      [60_000, 2],
      [120_000, 3],
      [240_000, 4],
    ] as const) {
      clock.advance(delay - 1);
      await dispatcher.idle();
      expect(received).toHaveLength(attempts - 1);
      clock.advance(1);
      await dispatcher.idle();
      expect(received).toHaveLength(attempts);
    }
    clock.advance(24 * 3_600_000);
    await dispatcher.idle();
    expect(received).toHaveLength(4);

    // Every attempt carries its own nonce and a valid signature.
    for (const request of received) await expectSigned(request);
    expect(new Set(received.map((request) => request.headers['x-plivo-signature-v3-nonce'])).size).toBe(4);

    const at = (offset: number) => new Date(START + offset).toISOString();
    expect(
      journal.map(({ at, attempt, status, outcome, nextAttemptAt }) => ({
        at,
        attempt,
        status,
        outcome,
        nextAttemptAt,
      })),
    ).toEqual([
      { at: at(0), attempt: 1, status: 500, outcome: 'retry', nextAttemptAt: at(60_000) },
      { at: at(60_000), attempt: 2, status: 503, outcome: 'retry', nextAttemptAt: at(180_000) },
      { at: at(180_000), attempt: 3, status: 500, outcome: 'retry', nextAttemptAt: at(420_000) },
      { at: at(420_000), attempt: 4, status: 503, outcome: 'failed', nextAttemptAt: undefined },
    ]);
  });

  it('retries any other answer, a 204 or 201 too, and stops once the receiver answers 200', async () => {
    // 204 and 201 are not the 200 Plivo waits for either.
    answer = (res, index) => res.writeHead([404, 204, 201][index] ?? 200).end();
    dispatcher.emitCallback(maskingStatus('GET'));
    await dispatcher.idle();
    clock.advance(60_000);
    await dispatcher.idle();
    clock.advance(120_000);
    await dispatcher.idle();
    clock.advance(60_000);
    await dispatcher.idle();
    clock.advance(3_600_000);
    await dispatcher.idle();
    expect(journal.map(({ status, outcome }) => [status, outcome])).toEqual([
      [404, 'retry'],
      [204, 'retry'],
      [201, 'retry'],
      [200, 'delivered'],
    ]);
  });

  it('counts a redirect, a refused connection and a receiver that never answers as not delivered', async () => {
    answer = (res, index) => {
      if (index === 0) res.writeHead(302, { Location: '/elsewhere' }).end();
      // index 1: never answered; the dispatcher's timeout ends it.
    };
    dispatcher = dispatcherWith({ timeoutMs: 300 });
    dispatcher.emitCallback(maskingStatus('POST'));
    await dispatcher.idle();
    clock.advance(60_000);
    await dispatcher.idle();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clock.advance(120_000);
    await dispatcher.idle();
    server.listen(0, '127.0.0.1'); // for afterEach's close

    expect(received.map((request) => request.url)).toEqual(['/masking/status', '/masking/status']);
    expect(journal).toEqual([
      expect.objectContaining({ attempt: 1, status: 302, outcome: 'retry' }),
      expect.objectContaining({
        attempt: 2,
        error: expect.stringMatching(
          /^no answer within 300 ms, the mock's callback timeout: answer 200 sooner/,
        ),
        outcome: 'retry',
      }),
      expect.objectContaining({
        attempt: 3,
        error: expect.stringContaining('ECONNREFUSED'),
        outcome: 'retry',
      }),
    ]);
    expect(journal[2]).not.toHaveProperty('status');
  });

  it('a receiver that never answers times out even when garbage collection runs meanwhile', async () => {
    // Node 20 could collect an AbortSignal.any() together with its AbortSignal.timeout(), which then never fired:
    // the attempt hung for good, with nothing journaled and no retry. (This guards Node 20; later Nodes keep such
    // signals. The GC flag stays in this file's own worker.)
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    answer = () => undefined;
    dispatcher = dispatcherWith({ timeoutMs: 500 });
    dispatcher.emitCallback(maskingStatus('POST'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    const collecting = setInterval(gc, 50);
    try {
      await vi.waitFor(() => expect(journal).toHaveLength(1), { timeout: 10_000 });
    } finally {
      clearInterval(collecting);
    }
    expect(journal[0]).toMatchObject({
      attempt: 1,
      error: expect.stringMatching(/^no answer within 500 ms, the mock's callback timeout/),
      outcome: 'retry',
    });
  });

  /**
   * Sends a callback whose first attempt the receiver holds open while the clock passes its retry's due time;
   * returns what makes the receiver answer it 500 (the retry then gets a 200).
   */
  async function firstAttemptHeldPastItsRetry(): Promise<() => void> {
    let reply: () => void = () => undefined;
    answer = (res, index) => {
      if (index === 0) reply = () => res.writeHead(500).end();
      else res.writeHead(200).end();
    };
    dispatcher.emitCallback(maskingStatus('POST'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    clock.advance(120_000);
    return reply;
  }

  it('a retry falls due while its attempt is in flight: it is sent then, not at the next move of the clock', async () => {
    const reply = await firstAttemptHeldPastItsRetry();
    reply();
    await vi.waitFor(() => expect(journal).toHaveLength(2));
    expect(received).toHaveLength(2);
    expect(journal.map(({ attempt, outcome }) => [attempt, outcome])).toEqual([
      [1, 'retry'],
      [2, 'delivered'],
    ]);
  });

  it('one long advance plays out the whole schedule: each retry is due from when the last was due, not sent', async () => {
    answer = (res) => res.writeHead(500).end();
    // Emitted inside the advance, as a session's expiry emits its callback: every attempt ends after it.
    clock.setTimer(1_000, () => dispatcher.emitCallback(maskingStatus('POST')));
    clock.advance(3_600_000);
    await dispatcher.idle();
    expect(received).toHaveLength(4);
    const at = (offset: number) => new Date(START + offset).toISOString();
    expect(
      journal.map(({ at, attempt, outcome, nextAttemptAt }) => [at, attempt, outcome, nextAttemptAt]),
    ).toEqual([
      [at(1_000), 1, 'retry', at(61_000)],
      [at(3_600_000), 2, 'retry', at(181_000)],
      [at(3_600_000), 3, 'retry', at(421_000)],
      [at(3_600_000), 4, 'failed', undefined],
    ]);
  });

  it('idle() also waits for a retry that starts while it waits (what callbacksSettled() promises)', async () => {
    const reply = await firstAttemptHeldPastItsRetry();
    const settled = dispatcher.idle();
    reply();
    await settled;
    expect(journal.map(({ attempt, outcome }) => [attempt, outcome])).toEqual([
      [1, 'retry'],
      [2, 'delivered'],
    ]);
  });

  it('cancel() aborts an attempt to a receiver that never answers, so idle() does not wait for the timeout', async () => {
    answer = () => undefined; // never answers; the default attempt timeout is 10 s
    dispatcher.emitCallback(maskingStatus('POST'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    const started = performance.now();
    dispatcher.cancel();
    await dispatcher.idle();
    // Hang detection, not a speed target: without the abort this takes the whole 10 s.
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(journal).toEqual([]);
  });

  it('an attempt in flight when cancel() comes records nothing and schedules nothing', async () => {
    let reply: () => void = () => undefined;
    answer = (res) => {
      reply = () => res.writeHead(500).end();
    };
    dispatcher.emitCallback(maskingStatus('POST'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    dispatcher.cancel();
    reply();
    await dispatcher.idle();
    clock.advance(3_600_000);
    await dispatcher.idle();
    expect(journal).toEqual([]);
    expect(received).toHaveLength(1);
  });

  it('stop() aborts an attempt the receiver has not answered and journals it as failed, saying why', async () => {
    answer = () => undefined; // never answers; the default attempt timeout is 10 s
    dispatcher.emitCallback(maskingStatus('POST'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    const started = performance.now();
    dispatcher.stop();
    await dispatcher.idle();
    // Hang detection, not a speed target: without the abort this takes the whole 10 s.
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(journal).toEqual([
      expect.objectContaining({
        attempt: 1,
        outcome: 'failed',
        error: expect.stringContaining('no answer before the mock stopped'),
      }),
    ]);
    expect(journal[0]).not.toHaveProperty('status');
    expect(journal[0]).not.toHaveProperty('nextAttemptAt');
  });

  it('stop() drops the scheduled retries; the attempt already answered stays journaled as it came', async () => {
    let reply: () => void = () => undefined;
    answer = (res) => {
      reply = () => res.writeHead(500).end();
    };
    dispatcher.emitCallback(maskingStatus('POST'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    reply();
    await vi.waitFor(() => expect(journal).toHaveLength(1));
    dispatcher.stop();
    clock.advance(3_600_000);
    await dispatcher.idle();
    expect(journal).toEqual([expect.objectContaining({ attempt: 1, status: 500 })]);
    expect(received).toHaveLength(1);
  });

  it('records a retry due past the end of time instead of throwing', async () => {
    clock = createVirtualClock(LATEST_TIME_MS - 1_000);
    dispatcher = dispatcherWith();
    answer = (res) => res.writeHead(500).end();
    dispatcher.emitCallback(maskingStatus('POST'));
    await dispatcher.idle();
    expect(journal).toEqual([
      expect.objectContaining({
        attempt: 1,
        status: 500,
        outcome: 'retry',
        nextAttemptAt: new Date(LATEST_TIME_MS).toISOString(),
      }),
    ]);
  });

  it('cancel() drops the scheduled retries', async () => {
    answer = (res) => res.writeHead(500).end();
    dispatcher.emitCallback(maskingStatus('POST'));
    await dispatcher.idle();
    dispatcher.cancel();
    clock.advance(3_600_000);
    await dispatcher.idle();
    expect(received).toHaveLength(1);
  });
});
