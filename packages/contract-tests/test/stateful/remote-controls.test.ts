import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestProject } from 'vitest/node';
import { MOCK_URL_ENV, mockGlobalSetup } from '../../src/global-setup.js';
import { mockControls, type RequestRecord } from '../../src/index.js';
import { runningPrismChildren } from '../support/processes.js';
import { ACCOUNT_A, basicAuth, TOKEN } from './support/accounts.js';

// A stateful mock started by the vitest global setup, as a user's config would (`mockGlobalSetup({ stateful })`),
// driven only through its URL: the /__mock/ control paths and mockControls(url), as tests in a vitest
// worker, another process or another language do.

let url: string;
let teardown: () => Promise<void>;
const previousEnv = process.env[MOCK_URL_ENV];

beforeAll(async () => {
  const provided = new Map<string, unknown>();
  const project = {
    provide: (key: string, value: unknown) => provided.set(key, value),
    config: {},
  } as unknown as TestProject;
  teardown = await mockGlobalSetup({ stateful: { otp: '123456' } })(project);
  url = provided.get('plivoMockUrl') as string;
});
afterAll(async () => {
  await teardown();
  expect(runningPrismChildren()).toEqual([]);
  // Assigning undefined would set the string "undefined".
  if (previousEnv === undefined) delete process.env[MOCK_URL_ENV];
  else process.env[MOCK_URL_ENV] = previousEnv;
});

const verifyBase = () => `${url}/v1/Account/${ACCOUNT_A}/Verify/Session/`;
const headers = { authorization: basicAuth(), 'content-type': 'application/json' };
const sendOtp = async (recipient: string) => {
  const answer = await fetch(verifyBase(), { method: 'POST', headers, body: JSON.stringify({ recipient }) });
  expect(answer.status).toBe(202);
  return ((await answer.json()) as { session_uuid: string }).session_uuid;
};
const getSession = async (uuid: string) =>
  (await (await fetch(`${verifyBase()}${uuid}/`, { headers })).json()) as { status: string };

/** A request to the mock as written: any request target, any Host, which fetch cannot send. */
const asWritten = (method: string, target: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const sent = request({ host: hostname, port, method, path: target, headers }, (incoming) => {
      let text = '';
      incoming.on('data', (chunk: Buffer) => {
        text += String(chunk);
      });
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text }));
    });
    sent.on('error', reject);
    sent.end();
  });

/** A request to the mock with a Host of our choosing. */
const withHost = (method: string, path: string, host: string, origin?: string) =>
  asWritten(method, path, { host, ...(origin === undefined ? {} : { origin }) });

describe('mockGlobalSetup({ stateful })', () => {
  it('provides the URL of a stateful mock whose OTPs are the fixed one', async () => {
    expect(process.env[MOCK_URL_ENV]).toBe(url);
    const uuid = await sendOtp('14155550100');
    expect(await mockControls(url).otp(uuid)).toBe('123456');
    const validated = await fetch(`${verifyBase()}${uuid}/`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ otp: '123456' }),
    });
    expect(validated.status).toBe(200);
    expect((await getSession(uuid)).status).toBe('verified');
  });
});

describe('mockControls(url) over the /__mock/ paths', () => {
  it('advances the clock: an unverified session expires after 10 minutes', async () => {
    const controls = mockControls(url);
    const uuid = await sendOtp('14155550101');
    await controls.advanceTime(10 * 60_000);
    expect((await getSession(uuid)).status).toBe('expired');
  });

  it('reads the journal with the credentials redacted, and reset() empties it and the state', async () => {
    const controls = mockControls(url);
    await controls.reset();
    const uuid = await sendOtp('14155550102');
    const [entry, ...rest] = await controls.requests();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      kind: 'request',
      method: 'POST',
      path: `/v1/Account/${ACCOUNT_A}/Verify/Session/`,
      operationId: 'createVerifySession',
      query: {},
      body: { recipient: '14155550102' },
      status: 202,
    } satisfies Partial<RequestRecord>);
    expect((entry as RequestRecord).headers.authorization).toBe('Basic [redacted]');
    const journal = JSON.stringify(await controls.requests());
    expect(journal).not.toContain(TOKEN);
    expect(journal).not.toContain(basicAuth().slice('Basic '.length));

    await controls.reset();
    expect(await controls.requests()).toEqual([]);
    expect((await fetch(`${verifyBase()}${uuid}/`, { headers })).status).toBe(404);
  });

  it('names the URL when what answers there is not a mock: an HTML page, with 200 or 404', async () => {
    const page = createServer((req, res) => {
      res.writeHead(req.url?.endsWith('/requests') ? 200 : 404, { 'content-type': 'text/html' });
      res.end('<html>a web app</html>');
    });
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    try {
      const other = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
      await expect(mockControls(other).requests()).rejects.toThrow(
        `GET ${other}/__mock/requests answered 200 with a body that is not JSON: is ${other} a plivo mock?`,
      );
      await expect(mockControls(other).reset()).rejects.toThrow(
        `POST ${other}/__mock/reset answered 404: <html>a web app</html> (is the mock stateful?)`,
      );
    } finally {
      await new Promise<void>((resolve) => page.close(() => resolve()));
    }
  });

  // `localhost` may have two addresses (::1 and 127.0.0.1): Node then fails with an AggregateError with no message.
  it.each(['127.0.0.1', 'localhost'])(
    'names the control, the URL and the cause when nothing answers at %s (a mock stopped)',
    async (host) => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const gone = `http://${host}:${(closed.address() as AddressInfo).port}`;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const error = (await mockControls(gone)
        .reset()
        .catch((caught: unknown) => caught)) as Error;
      expect(error.message).toMatch(
        new RegExp(
          `^POST ${gone}/__mock/reset failed \\(.*ECONNREFUSED.*\\): is the mock at ${gone} still running\\?$`,
        ),
      );
      expect(error.cause).toBeInstanceOf(TypeError);
    },
  );

  it('callbacksSettled() answers once no callback is in flight and each is journaled, however slow the receiver', async () => {
    const controls = mockControls(url);
    await controls.reset();
    // Answers after 300 ms of real time: the journal has nothing of it before that.
    const receiver = createServer((_req, res) => setTimeout(() => res.writeHead(200).end(), 300));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = receiver.address() as AddressInfo;
      const answer = await fetch(verifyBase(), {
        method: 'POST',
        headers,
        body: JSON.stringify({ recipient: '14155550103', url: `http://127.0.0.1:${port}/verify` }),
      });
      expect(answer.status).toBe(202);
      await controls.callbacksSettled();
      const callbacks = (await controls.requests()).filter((entry) => entry.kind === 'callback');
      expect(callbacks).toEqual([expect.objectContaining({ status: 200, outcome: 'delivered' })]);
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('names the session when asked for the OTP of one it does not have', async () => {
    await expect(mockControls(url).otp('c28b77d4-21e7-43bd-9447-04bfee92e651')).rejects.toThrow(
      /answered 404: no Verify session c28b77d4-21e7-43bd-9447-04bfee92e651 in this mock/,
    );
  });
});

describe('mockControls() refuses what is not the URL of a mock, without quoting it', () => {
  it.each([
    ['nothing (what inject gives without the global setup)', undefined, /; got undefined\.$/],
    ['a string that is no URL', '127.0.0.1:4010', /; got a string that is no URL\.$/],
    [
      'a URL that is not http',
      'localhost:4010',
      /; got a URL that is not http or https \(a mock's starts with http:\/\/\)\.$/,
    ],
    [
      'a URL with credentials',
      'http://MAXXXXXXXXXXXXXXXXXX:s3cret-token@127.0.0.1:4010',
      /; got one with user info \(user:password@\), which the mock does not take\.$/,
    ],
    [
      'a URL with a query',
      'http://127.0.0.1:4010/?token=s3cret',
      /; got one with a query or fragment, which would end up inside every control path\.$/,
    ],
    ['a URL ending in a bare #', 'http://127.0.0.1:4010#', /; got one with a query or fragment/],
  ])('%s', (_, given, said) => {
    const error = (() => {
      try {
        mockControls(given as string);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.message).toMatch(
      /^mockControls: pass the mock's URL: `mock\.url`, or `inject\('plivoMockUrl'\)`/,
    );
    expect(error?.message).toMatch(said);
    expect(error?.message).not.toContain('s3cret');
  });
});

describe('the /__mock/ paths refuse what they do not take, saying what they take', () => {
  it.each([
    [
      'a negative ms',
      'POST',
      'advance-time',
      '{"ms": -5}',
      400,
      /`ms` must be a number of milliseconds >= 0/,
    ],
    ['ms as text', 'POST', 'advance-time', '{"ms": "soon"}', 400, /`ms` must be a number of milliseconds/],
    ['ms as hexadecimal text', 'POST', 'advance-time', '{"ms": "0x10"}', 400, /; got "0x10"$/],
    ['ms past what JSON holds', 'POST', 'advance-time', '{"ms": 1e400}', 400, /; got Infinity$/],
    [
      'a body that is not JSON',
      'POST',
      'advance-time',
      'ms=5',
      400,
      /the body must be JSON such as \{"ms": 60000\}/,
    ],
    ['GET on advance-time', 'GET', 'advance-time', undefined, 405, /takes POST, not GET/],
    ['DELETE on reset', 'DELETE', 'reset', undefined, 405, /takes POST, not DELETE/],
    [
      'a body over 64 KiB',
      'POST',
      'advance-time',
      JSON.stringify({ ms: 1, padding: 'x'.repeat(70_000) }),
      400,
      /^the body must be under 65536 bytes, such as \{"ms": 60000\}$/,
    ],
    [
      'an OTP for a uuid that is not valid percent-encoding',
      'GET',
      'otp/%E0%A4',
      undefined,
      400,
      /^\/__mock\/otp\/%E0%A4: the session uuid is not valid percent-encoding$/,
    ],
    [
      'an unknown endpoint',
      'GET',
      'sessions',
      undefined,
      404,
      /is not a control endpoint\. Endpoints: POST \/__mock\/advance-time/,
    ],
  ])('%s', async (_, method, path, body, status, message) => {
    const answer = await fetch(`${url}/__mock/${path}`, { method, ...(body === undefined ? {} : { body }) });
    expect(answer.status).toBe(status);
    expect(((await answer.json()) as { error: string }).error).toMatch(message);
  });

  it("refuses a request from another site's page (its Origin), changing nothing", async () => {
    const uuid = await sendOtp('14155550104');
    const fromPage = await fetch(`${url}/__mock/reset`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
    });
    expect(fromPage.status).toBe(403);
    expect(((await fromPage.json()) as { error: string }).error).toBe(
      "/__mock/reset takes no request from a web page (Origin https://evil.example): call it from your tests' process, as mockControls(url) does",
    );
    expect(await mockControls(url).otp(uuid)).toBe('123456');
    // A page the mock itself served would be of its own origin.
    const sameOrigin = await fetch(`${url}/__mock/otp/${uuid}`, { headers: { origin: url } });
    expect(sameOrigin.status).toBe(200);
  });

  it('refuses a page of a site whose name was rebound to 127.0.0.1 (its Host), changing nothing', async () => {
    const uuid = await sendOtp('14155550105');
    const { port } = new URL(url);
    const rebound = `rebound.example:${port}`;
    // A browser on the rebound name sends an Origin that matches its Host.
    const answer = await withHost('POST', '/__mock/reset', rebound, `http://${rebound}`);
    expect(answer.status).toBe(403);
    expect((JSON.parse(answer.text) as { error: string }).error).toBe(
      `/__mock/reset answers only a request addressed to 127.0.0.1, localhost or [::1] (Host ${rebound}): call the mock by the URL it gave, http://127.0.0.1:<port>`,
    );
    expect(await mockControls(url).otp(uuid)).toBe('123456');
    expect((await withHost('GET', `/__mock/otp/${uuid}`, `localhost:${port}`)).status).toBe(200);
  });

  it.each([
    ['with a dot segment', (_base: string) => '/./__mock/advance-time?ms=1000'],
    ['in absolute form', (base: string) => `${base}/__mock/advance-time?ms=1000`],
  ])('answers a control target written %s, which the proxy would normalise', async (_, target) => {
    const answer = await asWritten('POST', target(url));
    expect(answer.status, answer.text).toBe(200);
    expect((JSON.parse(answer.text) as { now: string }).now).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('takes ms from the query too', async () => {
    const answer = await fetch(`${url}/__mock/advance-time?ms=1000`, { method: 'POST' });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { now: string }).now).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
