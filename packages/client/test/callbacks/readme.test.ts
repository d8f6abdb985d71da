// The README's two receiver examples, shown there verbatim, run here: each accepts Plivo-signed masking and
// Verify callbacks (POST form and GET query) and parses them, checks V3 on a Verify callback that carries it and
// flags one with V2 alone, and refuses a forged signature (403), a signature replayed to another URL (403), a
// missing nonce (400) and a malformed payload (400); it answers 500 when its Auth Token is unset. An exact replay
// is accepted, as the README says: nothing here remembers nonces.
import { readFileSync } from 'node:fs';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeSignatureV2, computeSignatureV3 } from '../../src/callbacks/index.js';
import { createCallbackHandler } from './readme-example/fetch-receiver.js';
import { createCallbackServer, type PlivoCallback } from './readme-example/node-receiver.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const fencedBlocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code]) => code);

const AUTH_TOKEN = 'ZmY5YWRiOTI5YmQ1Njg0MTAxZWIyOTc4Y2Q2ZDgx';
const PUBLIC_ORIGIN = 'https://callbacks.example.com';
const SESSION_UUID = 'c28b77d4-21e7-43bd-9447-04bfee92e651';
const MASKING_STATUS = {
  EventName: 'SessionPinAuthenticationStatus',
  SessionUUID: SESSION_UUID,
  PinAuthenticationStatus: 'failed',
  PinRetryCounter: '1',
  SequenceNumber: '2',
};
const MASKING_RECORDING = {
  EventName: 'SessionRecordingInitiated',
  SessionUUID: SESSION_UUID,
  RecordingFormat: '.mp3',
};
const VERIFY_STATUS = {
  SessionUUID: '4124e518-a8c9-4feb-8cff-d86636ba9234',
  SessionStatus: 'in-progress',
  Channel: 'sms',
  ChannelStatus: 'sent',
};

interface Sent {
  method: 'GET' | 'POST';
  /** Path and query, as Plivo requests them. */
  target: string;
  headers: Record<string, string>;
  body?: string;
  /** Send only this many characters of the body, then end the connection (or the body's stream). */
  cutOffAfter?: number;
}

/** A callback signed as Plivo signs it for the public URL: V3 on everything, V2 as well for Verify. */
async function signed(
  method: 'GET' | 'POST',
  path: string,
  payload: Record<string, string>,
  { v2 = false, signedPath = path } = {},
): Promise<Sent> {
  const query = method === 'GET' ? `?${new URLSearchParams(payload)}` : '';
  const nonce = '40227761595286130199';
  const signedUrl = PUBLIC_ORIGIN + signedPath + query;
  const params = method === 'POST' ? payload : undefined;
  const headers: Record<string, string> = {
    'x-plivo-signature-v3-nonce': nonce,
    'x-plivo-signature-v3': await computeSignatureV3({
      method,
      url: signedUrl,
      nonce,
      params,
      authToken: AUTH_TOKEN,
    }),
  };
  if (v2) {
    headers['x-plivo-signature-v2-nonce'] = nonce;
    headers['x-plivo-signature-v2'] = await computeSignatureV2({
      url: signedUrl,
      nonce,
      authToken: AUTH_TOKEN,
    });
  }
  if (method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
  return {
    method,
    target: path + query,
    headers,
    ...(method === 'POST' ? { body: new URLSearchParams(payload).toString() } : {}),
  };
}

/** The request without its V3 headers, as Verify documents its callbacks (or as a forger strips them). */
function withoutV3({ headers, ...request }: Sent): Sent {
  const { 'x-plivo-signature-v3': _signature, 'x-plivo-signature-v3-nonce': _nonce, ...rest } = headers;
  return { ...request, headers: rest };
}

/** The status answered, or undefined when the request got none (a cut-off one, over node:http). */
type Send = (request: Sent) => Promise<number | undefined>;
interface Receiver {
  send: Send;
  callbacks: PlivoCallback[];
  rejections: string[];
  errors: unknown[];
}
type ReceiverOptions = Parameters<typeof createCallbackServer>[0];

function receiverScenarios(start: (options: ReceiverOptions) => Promise<Send>) {
  async function receiver(options: Partial<ReceiverOptions> = {}): Promise<Receiver> {
    const callbacks: PlivoCallback[] = [];
    const rejections: string[] = [];
    const errors: unknown[] = [];
    const send = await start({
      authToken: AUTH_TOKEN,
      publicOrigin: PUBLIC_ORIGIN,
      onCallback: (callback) => {
        callbacks.push(callback);
      },
      onRejected: (reason) => {
        rejections.push(reason);
      },
      onError: (error) => {
        errors.push(error);
      },
      ...options,
    });
    return { send, callbacks, rejections, errors };
  }

  it('accepts and parses a masking status POST, a masking recording GET and a Verify POST', async () => {
    const { send, callbacks } = await receiver();
    expect(await send(await signed('POST', '/plivo/masking/status', MASKING_STATUS))).toBe(200);
    expect(await send(await signed('GET', '/plivo/masking/recording', MASKING_RECORDING))).toBe(200);
    expect(await send(await signed('POST', '/plivo/verify', VERIFY_STATUS, { v2: true }))).toBe(200);
    expect(await send(await signed('GET', '/plivo/verify', VERIFY_STATUS, { v2: true }))).toBe(200);
    expect(callbacks).toEqual([
      { kind: 'masking-status', event: { ...MASKING_STATUS, PinRetryCounter: 1, otherAttributes: {} } },
      { kind: 'masking-recording', event: { ...MASKING_RECORDING, otherAttributes: {} } },
      { kind: 'verify-status', event: { ...VERIFY_STATUS, otherAttributes: {} }, payloadSigned: true },
      { kind: 'verify-status', event: { ...VERIFY_STATUS, otherAttributes: {} }, payloadSigned: true },
    ]);
  });

  it('checks V3 on a Verify callback that carries it, so a changed payload is refused with 403', async () => {
    const { send, callbacks } = await receiver();
    const request = await signed('POST', '/plivo/verify', VERIFY_STATUS, { v2: true });
    const forged = new URLSearchParams({ ...VERIFY_STATUS, SessionStatus: 'verified' }).toString();
    expect(await send({ ...request, body: forged })).toBe(403);
    const getRequest = await signed('GET', '/plivo/verify', VERIFY_STATUS, { v2: true });
    const forgedQuery = `?${new URLSearchParams({ ...VERIFY_STATUS, SessionStatus: 'verified' })}`;
    expect(await send({ ...getRequest, target: `/plivo/verify${forgedQuery}` })).toBe(403);
    expect(callbacks).toEqual([]);
  });

  it('checks V2 on a Verify callback without V3, and says its payload is not signed', async () => {
    const { send, callbacks } = await receiver();
    const request = withoutV3(await signed('POST', '/plivo/verify', VERIFY_STATUS, { v2: true }));
    expect(await send(request)).toBe(200);
    // V2 does not cover the payload: the same headers carry any other one, which is why the flag is there.
    const forged = { ...VERIFY_STATUS, SessionStatus: 'verified' };
    expect(await send({ ...request, body: new URLSearchParams(forged).toString() })).toBe(200);
    expect(callbacks).toEqual([
      { kind: 'verify-status', event: { ...VERIFY_STATUS, otherAttributes: {} }, payloadSigned: false },
      { kind: 'verify-status', event: { ...forged, otherAttributes: {} }, payloadSigned: false },
    ]);
  });

  it('accepts an exact replay, as the README warns', async () => {
    const { send, callbacks } = await receiver();
    const request = await signed('POST', '/plivo/masking/status', MASKING_STATUS);
    expect([await send(request), await send(request)]).toEqual([200, 200]);
    expect(callbacks).toHaveLength(2);
  });

  it('finds no payload in a signed GET replayed as a POST with an empty body (400)', async () => {
    const { send, callbacks, rejections } = await receiver();
    const get = await signed('GET', '/plivo/masking/status', MASKING_STATUS);
    const asPost = { ...get, method: 'POST' as const, body: '' };
    expect(await send(asPost)).toBe(400);
    expect(callbacks).toEqual([]);
    expect(rejections[0]).toContain('has no EventName');
  });

  it('refuses a forged signature with 403 and says why, without the token', async () => {
    const { send, callbacks, rejections } = await receiver();
    const request = await signed('POST', '/plivo/masking/status', MASKING_STATUS);
    const forged = {
      ...request,
      body: new URLSearchParams({ ...MASKING_STATUS, PinAuthenticationStatus: 'success' }).toString(),
    };
    expect(await send(forged)).toBe(403);
    expect(callbacks).toEqual([]);
    expect(rejections[0]).toContain('None of the 1 V3 signature(s) matches');
    expect(rejections.join('\n')).not.toContain(AUTH_TOKEN);
  });

  it('refuses a signature replayed to another URL with 403', async () => {
    const { send, callbacks } = await receiver();
    const forStatus = await signed('POST', '/plivo/masking/recording', MASKING_RECORDING, {
      signedPath: '/plivo/masking/status',
    });
    expect(await send(forStatus)).toBe(403);
    const verifyElsewhere = await signed('POST', '/plivo/verify', VERIFY_STATUS, {
      v2: true,
      signedPath: '/other',
    });
    expect(await send(verifyElsewhere)).toBe(403);
    expect(callbacks).toEqual([]);
  });

  it('refuses a request without a nonce or signature with 400', async () => {
    const { send, callbacks, rejections } = await receiver();
    const request = await signed('POST', '/plivo/masking/status', MASKING_STATUS);
    const { 'x-plivo-signature-v3-nonce': _nonce, ...withoutNonce } = request.headers;
    expect(await send({ ...request, headers: withoutNonce })).toBe(400);
    const { 'x-plivo-signature-v3': _signature, ...withoutSignature } = request.headers;
    expect(await send({ ...request, headers: withoutSignature })).toBe(400);
    expect(callbacks).toEqual([]);
    expect(rejections[0]).toContain('nonce must be a string');
  });

  it('answers 500 to every request when its Auth Token is unset, and reports why, refusing none as forged', async () => {
    const { send, callbacks, rejections, errors } = await receiver({
      authToken: undefined as unknown as string, // what `process.env.PLIVO_AUTH_TOKEN as string` is when unset
    });
    const genuine = await signed('POST', '/plivo/masking/status', MASKING_STATUS);
    expect(await send(genuine)).toBe(500);
    expect(await send({ ...genuine, headers: {} })).toBe(500);
    expect(callbacks).toEqual([]);
    expect(rejections).toEqual([]);
    expect(errors).toHaveLength(2);
    for (const error of errors) {
      expect(error).toMatchObject({ name: 'CallbackConfigurationError', setting: 'authToken' });
      expect((error as Error).message).toMatch(/^authToken must be a string, got undefined\. .*answer 500/);
    }
  });

  it('answers 500 when onCallback throws, and reports the error', async () => {
    const failure = new Error('database down');
    const { send, errors } = await receiver({
      onCallback: () => {
        throw failure;
      },
    });
    expect(await send(await signed('POST', '/plivo/masking/status', MASKING_STATUS))).toBe(500);
    expect(errors).toEqual([failure]);
  });

  it('refuses a body longer than any callback with 413, and goes on receiving', async () => {
    const { send, callbacks, rejections } = await receiver();
    const request = await signed('POST', '/plivo/masking/status', MASKING_STATUS);
    const padded = `${request.body}&Padding=${'x'.repeat(1024 * 1024)}`;
    expect(await send({ ...request, body: padded })).toBe(413);
    expect(rejections).toEqual(['a body over 65536 characters: no callback is that long']);
    expect(await send(request)).toBe(200);
    expect(callbacks).toHaveLength(1);
  });

  it('refuses a body its sender cut off as a rejection, not as a failure of its own, and goes on receiving', async () => {
    const { send, callbacks, rejections, errors } = await receiver();
    const request = await signed('POST', '/plivo/masking/status', MASKING_STATUS);
    const status = await send({ ...request, cutOffAfter: 11 });
    // node:http cannot answer a connection the sender has ended; the fetch handler answers 400.
    expect([undefined, 400]).toContain(status);
    await vi.waitFor(() =>
      expect(rejections).toEqual(['the body was cut off: the connection ended before it was whole']),
    );
    expect(errors).toEqual([]);
    expect(await send(request)).toBe(200);
    expect(callbacks).toHaveLength(1);
  });

  it('answers 404 to a signed request to a path it does not route, and says so (Plivo would retry it)', async () => {
    const { send, callbacks, rejections } = await receiver();
    expect(await send(await signed('POST', '/plivo/verify/', VERIFY_STATUS))).toBe(404);
    expect(callbacks).toEqual([]);
    expect(rejections).toEqual(['a signed request to /plivo/verify/, where no callback is received']);
  });

  it('refuses a correctly signed but malformed payload with 400', async () => {
    const { send, callbacks, rejections } = await receiver();
    const { EventName: _missing, ...noEventName } = MASKING_STATUS;
    expect(await send(await signed('POST', '/plivo/masking/status', noEventName))).toBe(400);
    expect(callbacks).toEqual([]);
    expect(rejections[0]).toContain('has no EventName');
  });
}

describe('README', () => {
  it.each(['node-receiver.ts', 'fetch-receiver.ts'])(
    'shows test/callbacks/readme-example/%s exactly as the suite runs it',
    (file) => {
      const source = readFileSync(new URL(`./readme-example/${file}`, import.meta.url), 'utf8');
      expect(fencedBlocks).toContain(source);
    },
  );
});

describe('the node:http receiver of the README, on 127.0.0.1', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  receiverScenarios(async (options) => {
    const server = createCallbackServer(options);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    };
    const { port } = server.address() as AddressInfo;
    return async ({ method, target, headers, body, cutOffAfter }) => {
      if (cutOffAfter === undefined)
        return (
          await fetch(`http://127.0.0.1:${port}${target}`, {
            method,
            headers,
            ...(body === undefined ? {} : { body }),
          })
        ).status;
      // The whole length announced, part of the body sent, then the connection ended.
      const head = Object.entries({ ...headers, host: 'x', 'content-length': String(body?.length ?? 0) })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      const socket = connect(port, '127.0.0.1');
      await new Promise<void>((resolve, reject) => {
        socket.on('error', reject);
        socket.end(`${method} ${target} HTTP/1.1\r\n${head}\r\n${body?.slice(0, cutOffAfter)}`, resolve);
      });
      socket.destroy();
      return undefined;
    };
  });
});

describe('the node:http receiver of the README, sent a request target that is no path', () => {
  it('answers 400 to `*:99999`, which Node lets through and no URL can hold, and goes on receiving', async () => {
    const rejections: string[] = [];
    const server = createCallbackServer({
      authToken: AUTH_TOKEN,
      publicOrigin: PUBLIC_ORIGIN,
      onCallback: () => {},
      onRejected: (reason) => {
        rejections.push(reason);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<string>((resolve, reject) => {
        let text = '';
        const socket = connect(port, '127.0.0.1', () =>
          socket.end('GET *:99999 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
        );
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => {
          text += chunk;
        });
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(rejections).toEqual(['the request target is not a path']);
      const { target, method, headers, body } = await signed('POST', '/plivo/masking/status', MASKING_STATUS);
      const init = { method, headers, ...(body === undefined ? {} : { body }) };
      expect((await fetch(`http://127.0.0.1:${port}${target}`, init)).status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the fetch-style handler of the README', () => {
  receiverScenarios(async (options) => {
    const handler = createCallbackHandler(options);
    // The URL the platform hands the handler: an internal origin, as behind a proxy.
    return async ({ method, target, headers, body, cutOffAfter }) => {
      // A body stream that fails part-way, as a platform gives it when the sender's connection ends.
      const cutOff = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(body?.slice(0, cutOffAfter)));
          controller.error(new TypeError('terminated: other side closed'));
        },
      });
      const sent =
        cutOffAfter === undefined ? (body === undefined ? {} : { body }) : { body: cutOff, duplex: 'half' };
      return (await handler(new Request(`http://10.0.0.7:8080${target}`, { method, headers, ...sent })))
        .status;
    };
  });
});
