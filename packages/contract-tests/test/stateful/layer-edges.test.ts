import { createServer, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findFreePort } from '../../src/free-port.js';
import { type StatefulMockServer, startMock } from '../../src/index.js';
import { listOperations } from '../../src/list-operations.js';
import { createRoutes } from '../../src/routes.js';
import { LATEST_TIME_MS } from '../../src/stateful/clock.js';
import type { StateEngine } from '../../src/stateful/engine.js';
import { type FrontProxy, startFrontProxy } from '../../src/stateful/front-proxy.js';
import { Journal, type RequestRecord } from '../../src/stateful/journal.js';
import { createStatefulLayer } from '../../src/stateful/stateful-layer.js';
import { expectExited } from '../support/processes.js';
import { rawRequest, rawRequestAsWritten } from '../support/raw-request.js';
import { SPEC_PATH, schemaErrors } from '../support/spec.js';
import { ACCOUNT_A, basicAuth, TOKEN } from './support/accounts.js';
import { statefulMockForThisFile } from './support/stateful-mock.js';

// The stateful layer at its edges: lifetimes and clock moves at the end of time, bodies in another charset,
// repeated headers, a failure of the state itself told apart from a Prism that cannot be reached, and callback
// deliveries still in flight when the mock is reset or stopped.

const mock = statefulMockForThisFile();

const MASKING = `/v1/Account/${ACCOUNT_A}/Masking/Session/`;
const VERIFY = `/v1/Account/${ACCOUNT_A}/Verify/Session/`;
const PARTIES = { first_party: '+919003459051', second_party: '918197241073' };
// biome-ignore lint/suspicious/noExplicitAny: a JSON body, read field by field in the assertions.
type Json = Record<string, any>;

const lastRequest = (path: string): RequestRecord | undefined =>
  mock()
    .requests()
    .filter((entry): entry is RequestRecord => entry.kind === 'request' && entry.path === path)
    .at(-1);

async function post(path: string, body: Buffer | string, contentType = 'application/json', token = TOKEN) {
  const answer = await fetch(`${mock().url}${path}`, {
    method: 'POST',
    headers: { authorization: basicAuth(ACCOUNT_A, token), 'content-type': contentType },
    body,
  });
  return { status: answer.status, body: (await answer.json()) as Json };
}

describe('the end of time', () => {
  it('creates a session with the longest lifetime the spec allows, its expiry written as the latest date', async () => {
    const created = await post(
      MASKING,
      JSON.stringify({ ...PARTIES, session_expiry: Number.MAX_SAFE_INTEGER }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(schemaErrors('createMaskingSession', '201', created.body)).toBe('');
    expect(created.body.session.expiry_time).toBe('9999-12-31 23:59:59 +0000 UTC');

    const got = await fetch(`${mock().url}${MASKING}${created.body.session_uuid}`, {
      headers: { authorization: basicAuth() },
    });
    expect(got.status).toBe(200);
    expect(((await got.json()) as Json).response.expiry_time).toBe('9999-12-31 23:59:59 +0000 UTC');
  });

  it('refuses to move the clock past the latest date, naming it, and keeps answering', async () => {
    const moved = await fetch(`${mock().url}/__mock/advance-time`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 1e16 }),
    });
    expect(moved.status).toBe(400);
    expect(((await moved.json()) as Json).error).toContain(
      `would pass the latest time a date can hold (${new Date(LATEST_TIME_MS).toISOString()})`,
    );

    const listed = await fetch(`${mock().url}${VERIFY}`, { headers: { authorization: basicAuth() } });
    expect(listed.status).toBe(200);
    expect(lastRequest(VERIFY)).toMatchObject({ method: 'GET', status: 200 });
  });
});

describe('a body in the charset of its Content-Type', () => {
  it('reads a UTF-16LE create as Prism does: the parties are the ones sent', async () => {
    const created = await post(
      MASKING,
      Buffer.from(JSON.stringify(PARTIES), 'utf16le'),
      'application/json; charset=utf-16le',
    );
    expect(created.status).toBe(201);
    expect(created.body.session).toMatchObject({
      first_party: '919003459051',
      second_party: '918197241073',
    });
  });

  it('journals a Latin-1 body with its accented text intact', async () => {
    const body = JSON.stringify({ ...PARTIES, subaccount: 'café' });
    const created = await post(MASKING, Buffer.from(body, 'latin1'), 'application/json; charset=iso-8859-1');
    expect(created.status).toBe(201);
    expect(created.body.session.subaccount).toBe('café');
    expect(lastRequest(MASKING)?.body).toEqual(JSON.parse(body));
  });
});

describe('the journal keeps the path as sent', () => {
  it("records a path in another SDK's form as the client sent it, with the operation it was answered as", async () => {
    const created = await post(MASKING, JSON.stringify(PARTIES));
    expect(created.status).toBe(201);
    // Plivo's .NET SDK form (OPERATIONS.md §2): a client bug in the URL must show in the journal.
    const sent = `/v1/Account/${ACCOUNT_A}/Masking/Session//${created.body.session_uuid}/`;
    const got = await fetch(`${mock().url}${sent}`, { headers: { authorization: basicAuth() } });
    expect(got.status).toBe(200);
    expect(lastRequest(sent)).toMatchObject({
      method: 'GET',
      operationId: 'getMaskingSession',
      status: 200,
    });
  });
});

describe('the journal keeps no credential of a target in absolute form', () => {
  it('records the path of `http://id:token@host/...` alone, answered as that path', async () => {
    const { host } = new URL(mock().url);
    const answer = await rawRequestAsWritten(mock().url, `http://${ACCOUNT_A}:${TOKEN}@${host}${VERIFY}`, {
      headers: { authorization: basicAuth() },
    });
    expect(answer.status, answer.body).toBe(200);
    expect(lastRequest(VERIFY)).toMatchObject({ operationId: 'listVerifySessions', status: 200 });
    expect(JSON.stringify(mock().requests())).not.toContain(TOKEN);
  });

  it.each([
    ['//', '//'],
    ['/.//', '/.//'],
    ['/x/..//', '/x/..//'],
    ['/__prefer/code=404//', '/__prefer/code=404//'],
    ['/%2F%2F', '/'],
    ['/', '/'],
    ['/#//', '/'],
  ])(
    'records `%suser:token@host/...` (a path, answered 404) with its user info redacted',
    async (before, journaled) => {
      const { host } = new URL(mock().url);
      const target = `${before}${ACCOUNT_A}:${TOKEN}@${host}${VERIFY}`;
      const answer = await rawRequestAsWritten(mock().url, target, {
        headers: { authorization: basicAuth() },
      });
      expect(answer.body + JSON.stringify(mock().requests()) + mock().output()).not.toContain(TOKEN);
      if (before === '/#//') return; // a fragment: the request is for `/`, journaled without it
      expect(answer.status, answer.body).toBe(404);
      expect(lastRequest(`${journaled}[redacted]@${host}${VERIFY}`)).toMatchObject({ status: 404 });
    },
  );

  it('quotes no credential in the answers of the /__mock/ control paths', async () => {
    for (const path of [`/__mock//${ACCOUNT_A}:${TOKEN}@h`, `/__mock/otp/${ACCOUNT_A}:${TOKEN}@h`]) {
      const answer = await rawRequestAsWritten(mock().url, path, { headers: { authorization: basicAuth() } });
      expect(answer.status, answer.body).toBe(404);
      expect(answer.body).toContain('[redacted]@h');
      expect(answer.body).not.toContain(TOKEN);
    }
  });
});

describe('a body longer than Prism takes', () => {
  it('is refused as the stateless mock refuses it, and journaled by its length, not kept', async () => {
    const sent = JSON.stringify({ recipient: '+14155550100', brand_name: 'x'.repeat(11 * 1024 * 1024) });
    const { status, body } = await post(VERIFY, sent);
    expect(status).toBe(400);
    expect(body.error).toBe('invalid request: Body exceeded 10mb limit');
    expect(lastRequest(VERIFY)).toMatchObject({
      status: 400,
      body: `(a body of ${Buffer.byteLength(sent)} bytes, over the 10485760 bytes Prism takes: not kept)`,
    });
    // The connection and the state are as before: the next request is answered.
    expect((await post(VERIFY, JSON.stringify({ recipient: '+14155550100' }))).status).toBe(202);
  });

  it('leaves the connection to Prism in step: a valid create of 1.5 MiB right after it is judged and answered', async () => {
    const oversized = JSON.stringify({ ...PARTIES, subaccount: 'x'.repeat(11 * 1024 * 1024) });
    expect((await post(MASKING, oversized)).status).toBe(400);
    // Had Prism been told the oversized body's whole length, it would take this request's bytes for the rest.
    const large = JSON.stringify({ ...PARTIES, subaccount: 'y'.repeat(1536 * 1024) });
    const { status, body } = await post(MASKING, large);
    expect(status, JSON.stringify(body)).toBe(201);
    expect(lastRequest(MASKING)).toMatchObject({ operationId: 'createMaskingSession', status: 201 });
  });
});

describe('a request whose client leaves before its body ends', () => {
  it('is journaled with the bytes that came and status 0, and the mock keeps answering', async () => {
    const path = `${VERIFY}?cut=off`;
    const socket = connect(Number(new URL(mock().url).port), '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${basicAuth()}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"recipient":',
    );
    socket.destroy();
    await vi.waitFor(() =>
      expect(lastRequest(VERIFY)).toMatchObject({
        method: 'POST',
        query: { cut: 'off' },
        headers: { authorization: 'Basic [redacted]', 'content-length': '100' },
        body: '(a body cut off after 13 bytes: the connection ended before the body did)',
        status: 0,
      }),
    );
    expect((await post(VERIFY, JSON.stringify({ recipient: '+14155550100' }))).status).toBe(202);
  });
});

describe('a path segment that is not valid percent-encoding', () => {
  it('is refused by Prism (400) and journaled as sent, and the mock keeps answering', async () => {
    const path = `${MASKING}%E0%A4%A`;
    const answer = await rawRequestAsWritten(mock().url, path, { headers: { authorization: basicAuth() } });
    expect(answer.status).toBe(400);
    expect(lastRequest(path)).toMatchObject({ method: 'GET', status: 400 });
    expect((await post(VERIFY, JSON.stringify({ recipient: '+14155550100' }))).status).toBe(202);
  });
});

describe('the journal keeps no password of a URL in a body, a query or a header, nor a cookie', () => {
  it('records a callback URL with user info as its host and path', async () => {
    const sent = { ...PARTIES, callback_url: 'https://hook:body-password@127.0.0.1:9/status' };
    const answer = await fetch(`${mock().url}${MASKING}?note=https://q:query-password@example.com/`, {
      method: 'POST',
      headers: {
        authorization: basicAuth(),
        'content-type': 'application/json',
        cookie: 'sid=cookie-secret',
        referer: 'https://r:referer-password@app.example.com/',
      },
      body: JSON.stringify(sent),
    });
    expect(answer.status).toBe(201); // Prism takes a query key the operation does not list
    expect(lastRequest(MASKING)).toMatchObject({
      body: { callback_url: 'https://[redacted]@127.0.0.1:9/status' },
      query: { note: 'https://[redacted]@example.com/' },
      headers: { cookie: '[redacted]', referer: 'https://[redacted]@app.example.com/' },
    });
    expect(JSON.stringify(mock().requests())).not.toMatch(/password|cookie-secret/);
  });

  it('records a form body as sent but for the password of a percent-encoded URL in it', async () => {
    const form = `callback_url=${encodeURIComponent('https://hook:form-password@example.com/s?a=1')}&first_party=%2B1`;
    const answer = await post(MASKING, form, 'application/x-www-form-urlencoded');
    expect(answer.status).toBe(400); // the spec takes JSON only
    expect(lastRequest(MASKING)?.body).toBe(
      'callback_url=https%3A%2F%2F[redacted]%40example.com%2Fs%3Fa%3D1&first_party=%2B1',
    );
    expect(JSON.stringify(mock().requests())).not.toMatch(/password/);
  });
});

describe('the journal keeps a body Prism never sees', () => {
  it("records a DELETE's JSON body (Plivo's Python SDK sends one), which the mock drops before Prism", async () => {
    const created = await post(MASKING, JSON.stringify(PARTIES));
    const path = `${MASKING}${created.body.session_uuid}/`;
    const sent = { session_uuid: created.body.session_uuid };
    const answer = await rawRequest(`${mock().url}${path}`, {
      method: 'DELETE',
      headers: { authorization: basicAuth(), 'content-type': 'application/json' },
      body: JSON.stringify(sent),
    });
    expect(answer.status, answer.body).toBe(200);
    expect(lastRequest(path)).toMatchObject({ operationId: 'deleteMaskingSession', body: sent, status: 200 });
  });
});

describe('a path Prism resolves is answered as the operation Prism judged', () => {
  const asWritten = (method: string, path: string, body?: Json) =>
    rawRequestAsWritten(mock().url, path, {
      method,
      headers: { authorization: basicAuth(), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).then(({ status, body: text }) => ({ status, body: JSON.parse(text) as Json }));

  it('checks a Verify code sent to `{uuid}/./` against the session, not with the spec example', async () => {
    const sent = await post(VERIFY, JSON.stringify({ recipient: '+14155550123' }));
    expect(sent.status).toBe(202);
    const uuid = sent.body.session_uuid as string;
    const otp = mock().otp(uuid) as string;
    const wrong = otp === '000000' ? '111111' : '000000';
    const refused = await asWritten('POST', `${VERIFY}${uuid}/./`, { otp: wrong });
    expect(refused).toMatchObject({ status: 400, body: { error: 'Invalid OTP' } });
    const validated = await asWritten('POST', `${VERIFY}x/../${uuid}/`, { otp });
    expect(validated).toMatchObject({ status: 200, body: { session_uuid: uuid } });
    expect(lastRequest(`${VERIFY}${uuid}/./`)).toMatchObject({
      operationId: 'validateVerifySession',
      status: 400,
    });
  });

  it.each([
    ['with `x/../` in its path', `/v1/Account/${ACCOUNT_A}/Masking/x/../Session/`],
    ['with a #fragment', `${MASKING}#fragment`],
  ])('creates a masking session sent %s, and keeps it', async (_, path) => {
    const created = await asWritten('POST', path, PARTIES);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const got = await fetch(`${mock().url}${MASKING}${created.body.session_uuid}`, {
      headers: { authorization: basicAuth() },
    });
    expect(got.status).toBe(200);
  });

  // Prism would read `evil.example` as a host and the rest as the operation's path.
  it.each([
    ['POST', `//evil.example${MASKING}`],
    ['GET', `//evil.example${VERIFY}`],
  ])('%s %s is a path the spec does not have: a 404, and nothing is created', async (method, path) => {
    const maskingSessions = async () => {
      const listed = await fetch(`${mock().url}${MASKING}`, { headers: { authorization: basicAuth() } });
      return ((await listed.json()) as Json).response.meta.total_count as number;
    };
    const before = await maskingSessions();
    const answer = await asWritten(method, path, method === 'POST' ? PARTIES : undefined);
    expect(answer).toMatchObject({
      status: 404,
      body: { error: expect.stringContaining(`the spec has no path ${path}`) },
    });
    expect(lastRequest(path)).toMatchObject({ status: 404 });
    expect(lastRequest(path)).not.toHaveProperty('operationId');
    expect(await maskingSessions()).toBe(before);
  });
});

describe('the journal keeps every header as received', () => {
  it('keeps a repeated header as an array of every value, even those Node would join or drop', async () => {
    const { port } = new URL(mock().url);
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(
          `GET ${VERIFY} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${basicAuth()}\r\n` +
            'X-Trace: a\r\nX-Trace: b\r\nUser-Agent: one\r\nUser-Agent: two\r\nConnection: close\r\n\r\n',
        ),
      );
      socket.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      socket.on('end', () => resolve(text)).on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);

    const { headers } = lastRequest(VERIFY) ?? {};
    expect(headers).toMatchObject({
      host: '127.0.0.1',
      authorization: 'Basic [redacted]',
      'x-trace': ['a', 'b'],
      'user-agent': ['one', 'two'],
    });
    expect(JSON.stringify(headers)).not.toContain(TOKEN);
  });
});

describe("Prism's connection headers stay between Prism and the mock", () => {
  it('an HTTP/1.0 client that asked for no keep-alive is answered and its connection closed', async () => {
    const { port } = new URL(mock().url);
    const socket = connect(Number(port), '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
    });
    const closed = new Promise<boolean>((resolve) => {
      socket.once('end', () => resolve(true));
      // Under the server keep-alive timeout (5 s): a connection still open then is one the mock kept alive.
      setTimeout(() => resolve(false), 4_000);
    });
    socket.write(`GET ${VERIFY} HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: ${basicAuth()}\r\n\r\n`);
    try {
      expect(await closed, text).toBe(true);
      expect(text).toMatch(/^HTTP\/1\.1 200 /);
      expect(text.toLowerCase()).not.toContain('keep-alive');
    } finally {
      socket.destroy();
    }
  });
});

describe('a failure of the state is the mock’s own, not Prism’s', () => {
  const routes = createRoutes(listOperations(SPEC_PATH));
  let prism: Server | undefined;
  let front: FrontProxy | undefined;
  afterEach(async () => {
    await front?.close();
    prism?.closeAllConnections();
    await new Promise<void>((resolve) => (prism ? prism.close(() => resolve()) : resolve()));
    prism = undefined;
    front = undefined;
  });

  /** A front proxy whose state throws, before a stand-in Prism that accepts everything (or before none). */
  async function frontOf(prismAccepts: boolean, path = MASKING) {
    const journal = new Journal();
    const engine = {
      answer() {
        throw new Error('the engine broke');
      },
    } as unknown as StateEngine;
    // Without a stand-in, a port nothing listens on.
    let target = `http://127.0.0.1:${await findFreePort()}`;
    if (prismAccepts) {
      prism = createServer((_, res) => res.writeHead(201, { 'content-type': 'application/json' }).end('{}'));
      await new Promise<void>((resolve) => prism?.listen(0, '127.0.0.1', resolve));
      target = `http://127.0.0.1:${(prism.address() as AddressInfo).port}`;
    }
    const layer = createStatefulLayer({
      routes,
      engine,
      journal,
      now: () => Date.UTC(2026, 10, 30),
      control: () => false,
    });
    front = await startFrontProxy(0, new URL(target), routes, layer);
    const answer = await fetch(`${front.url}${path}`, {
      method: 'POST',
      headers: { authorization: basicAuth(), 'content-type': 'application/json' },
      body: JSON.stringify(PARTIES),
    });
    return { status: answer.status, body: (await answer.json()) as Json, journal: journal.entries() };
  }

  it('answers 500 naming the state and the request, and journals it', async () => {
    const { status, body, journal } = await frontOf(true);
    expect(status).toBe(500);
    expect(body).toEqual({
      error: `the mock's state could not answer POST ${MASKING}: the engine broke`,
    });
    expect(journal).toEqual([expect.objectContaining({ method: 'POST', path: MASKING, status: 500 })]);
  });

  // Prism judged it an operation the mock's routes do not know: its example would pass for the state's answer.
  it('answers 500, not the spec example Prism chose, for a success on a path the mock has no operation for', async () => {
    const path = `/v1/Account/${ACCOUNT_A}/Masking/Sessions/`;
    const { status, body } = await frontOf(true, path);
    expect(status).toBe(500);
    expect(body).toEqual({
      error: `the mock's state could not answer POST ${path}: Prism took it for an operation of the spec, but the mock could not tell which`,
    });
  });

  it('still answers 502 when Prism cannot be reached, and journals that', async () => {
    const { status, body, journal } = await frontOf(false);
    expect(status).toBe(502);
    expect(body.error).toContain('the mock could not reach Prism');
    expect(journal).toEqual([expect.objectContaining({ path: MASKING, status: 502 })]);
  });
});

describe('callback deliveries in flight', () => {
  it('reset() drops one (nothing journaled after); stop() does not wait for a receiver that never answers, and journals it', async () => {
    const pending: ServerResponse[] = [];
    const receiver = createServer((req, res) => {
      req.resume();
      pending.push(res);
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/verify`;
    let own: StatefulMockServer | undefined;
    try {
      own = await startMock({ stateful: true });
      const { url: ownUrl } = own;
      const send = () =>
        fetch(`${ownUrl}${VERIFY}`, {
          method: 'POST',
          headers: { authorization: basicAuth(), 'content-type': 'application/json' },
          body: JSON.stringify({ recipient: '+919999999991', url }),
        });
      expect((await send()).status).toBe(202);
      await vi.waitFor(() => expect(pending).toHaveLength(1));
      own.reset();
      pending[0]?.writeHead(500).end();

      expect((await send()).status).toBe(202);
      await vi.waitFor(() => expect(pending).toHaveLength(2));
      const started = performance.now();
      await own.stop();
      // Hang detection, not a speed target: the attempt's own timeout is 10 s.
      expect(performance.now() - started).toBeLessThan(3_000);
      expectExited(own.pid);
      // The reset cleared the first create and its delivery; the second create's delivery, cut short by stop(),
      // is journaled as failed rather than lost.
      expect(own.requests()).toEqual([
        expect.objectContaining({ kind: 'request', status: 202 }),
        expect.objectContaining({
          kind: 'callback',
          outcome: 'failed',
          error: expect.stringContaining('no answer before the mock stopped'),
        }),
      ]);
    } finally {
      await own?.stop();
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});

describe('a callback that fails before it is sent', () => {
  /** The journal entries a Verify send registering `url` adds, once its callbacks have settled. */
  async function journaledBySend(url: string, token = TOKEN) {
    const before = mock().requests().length;
    const recipient = `+9199999${String(before).padStart(5, '0')}`;
    const answer = await post(VERIFY, JSON.stringify({ recipient, url }), undefined, token);
    expect(answer.status).toBe(202);
    await mock().callbacksSettled();
    return mock().requests().slice(before);
  }

  it.each([
    ['with credentials', 'https://hook:url-password@127.0.0.1:9/verify'],
    ['not http', 'mailto:ops@example.com'],
  ])('to a URL %s, is journaled after the request that registered it', async (_, url) => {
    expect(await journaledBySend(url)).toEqual([
      expect.objectContaining({ kind: 'request', method: 'POST', path: VERIFY, status: 202 }),
      expect.objectContaining({ kind: 'callback', outcome: 'failed', attempt: 1 }),
    ]);
  });

  it.each([
    ['a leading space', ` ${TOKEN}`],
    ['a non-ASCII character', `${TOKEN}ö`],
  ])(
    'signed with a token with %s, says so for the mock’s user, with nothing of the token',
    async (_, token) => {
      const entries = await journaledBySend('https://127.0.0.1:9/verify', token);
      expect(entries).toEqual([
        expect.objectContaining({ kind: 'request', status: 202 }),
        expect.objectContaining({
          kind: 'callback',
          outcome: 'failed',
          error: expect.stringContaining(
            'the Auth Token of the request that registered this URL cannot sign',
          ),
        }),
      ]);
      const { error } = entries[1] as { error: string };
      expect(error).not.toMatch(/position|receiver|PLIVO_AUTH_TOKEN|retries/);
    },
  );
});
