// A method's `headers` option: sent with that call only (every attempt, every page), over the client's own,
// and refused before anything is sent when it would replace what the client sets itself.
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/index.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import { AUTH_TOKEN, BASIC_CREDENTIALS, VERIFY_UUID } from '../helpers/credentials.js';
import { sendJson, serverForThisFile } from '../helpers/server.js';
import { example } from '../helpers/spec.js';

const server = serverForThisFile();

const answeringSessions = () =>
  server().reset((_req, res) => sendJson(res, 200, example('VerifySessionReferencePage')));

describe("a method's headers", () => {
  it('are sent with that call, over the client headers of the same name, and the next call has none', async () => {
    answeringSessions();
    const client = clientFor(server(), { headers: { 'X-Trace': 'client', 'X-Team': 'billing' } });
    await client.verifySessions.get(VERIFY_UUID, { headers: { 'x-trace': 'call', Prefer: 'code=200' } });
    await client.verifySessions.get(VERIFY_UUID);
    const [withHeaders, without] = server().requests.map(({ headers }) => headers);
    expect(withHeaders).toMatchObject({
      'x-trace': 'call',
      'x-team': 'billing',
      prefer: 'code=200',
      authorization: `Basic ${BASIC_CREDENTIALS}`,
      accept: 'application/json',
    });
    expect(withHeaders?.['user-agent']).toMatch(/^plivo-openapi-client\//);
    expect(without).toMatchObject({ 'x-trace': 'client', 'x-team': 'billing' });
    expect(without?.prefer).toBeUndefined();
  });

  it('go with every attempt and with a write, through middleware too', async () => {
    server().reset((_req, res, index) =>
      index === 0
        ? sendJson(res, 429, { error: 'too many requests' }, { 'Retry-After': '0' })
        : sendJson(res, 202, example('VerifySessionInitiated')),
    );
    const client = clientFor(server());
    client.raw.use({ onRequest: ({ request }) => request });
    await client.verifySessions.create({ recipient: '+14155550100' }, { headers: [['Prefer', 'code=202']] });
    expect(server().requests.map(({ headers }) => headers.prefer)).toEqual(['code=202', 'code=202']);
    expect(server().requests[1]?.headers['content-type']).toBe('application/json');
  });

  it('go with every attempt of a call that also sets its own limits', async () => {
    server().reset((_req, res, index) =>
      index === 0
        ? sendJson(res, 503, { error: 'try again' }, { 'retry-after-ms': '0' })
        : sendJson(res, 200, example('VerifySessionReferencePage')),
    );
    const client = clientFor(server(), { maxRetries: 0 });
    await client.verifySessions.get(VERIFY_UUID, {
      headers: { Prefer: 'example=verified' },
      maxRetries: 1,
      timeoutMs: 5_000,
    });
    expect(server().requests.map(({ headers }) => headers.prefer)).toEqual([
      'example=verified',
      'example=verified',
    ]);
  });

  it('given as an iterable that can be read once (a generator), are all sent', async () => {
    answeringSessions();
    function* pairs(): Generator<[string, string]> {
      yield ['X-Trace', 'from-a-generator'];
    }
    const client = clientFor(server(), { headers: pairs() as unknown as Array<[string, string]> });
    await client.verifySessions.get(VERIFY_UUID, {
      headers: pairs() as unknown as Array<[string, string]>,
    });
    await client.verifySessions.get(VERIFY_UUID);
    expect(server().requests.map(({ headers }) => headers['x-trace'])).toEqual([
      'from-a-generator',
      'from-a-generator',
    ]);
  });

  it('may ask to close the connection (Connection: close), which fetch sends', async () => {
    answeringSessions();
    await clientFor(server()).verifySessions.get(VERIFY_UUID, { headers: { Connection: 'close' } });
    expect(server().requests[0]?.headers.connection).toBe('close');
  });

  it('go with every page of a list', async () => {
    const { meta, sessions } = example('VerifySessionListPage') as {
      meta: Record<string, unknown>;
      sessions: unknown[];
    };
    const path = '/v1/Account/MANJUXXVOICEZZAPI908/Verify/Session/';
    server().reset((_req, res, index) =>
      sendJson(res, 200, {
        api_id: `page-${index}`,
        meta: { ...meta, limit: 1, offset: index, next: index === 0 ? `${path}?limit=1&offset=1` : null },
        sessions: [sessions[index]],
      }),
    );
    const list = clientFor(server()).verifySessions.list(
      { limit: 1 },
      { headers: { Prefer: 'example=listPage' } },
    );
    let count = 0;
    for await (const _ of list) count += 1;
    expect(count).toBe(2);
    expect(server().requests.map(({ headers }) => headers.prefer)).toEqual([
      'example=listPage',
      'example=listPage',
    ]);
  });

  it.each([
    [
      { Authorization: 'Bearer x' },
      "A method's `headers` option must not set Authorization: pass your credentials as `authId` and `authToken`.",
    ],
    [
      { 'content-type': 'text/plain' },
      "A method's `headers` option must not set Content-Type: the client sends every body as JSON with its own.",
    ],
    [
      { 'User-Agent': 'corp/1' },
      "A method's `headers` option must not set User-Agent: pass your product token as `userAgent` to createPlivoClient().",
    ],
    [
      { 'bad header': 'x' },
      "A method's `headers` option has a header name (entry 1) that is not an HTTP token: letters, digits and !#$%&'*+-.^_`|~ only.",
    ],
    [
      { Prefer: undefined },
      "A method's `headers` option has a value for `Prefer` that is undefined, not a string: pass a string, or leave the header out.",
    ],
    [
      [['X-Trace', null]],
      "A method's `headers` option has a value for `X-Trace` that is null, not a string: pass a string, or leave the header out.",
    ],
    [
      new Map([['X-Trace', undefined]]),
      "A method's `headers` option has a value for `X-Trace` that is undefined, not a string: pass a string, or leave the header out.",
    ],
    [
      { 'Keep-Alive': 'timeout=5' },
      "A method's `headers` option must not set Keep-Alive: fetch manages the connection itself.",
    ],
    [
      { connection: 'upgrade' },
      'A method\'s `headers` option may set Connection only to "close" or "keep-alive": fetch manages the connection itself.',
    ],
    [
      { 'Content-Length': '1' },
      "A method's `headers` option must not set Content-Length: fetch frames each body itself.",
    ],
    [
      { 'transfer-encoding': 'chunked' },
      "A method's `headers` option must not set Transfer-Encoding: fetch frames each body itself.",
    ],
    [
      'Prefer: code=404',
      "A method's `headers` option is a string; pass an object of header names and values, an array of [name, value] pairs or a Headers.",
    ],
  ])('%j is refused before anything is sent', async (headers, message) => {
    answeringSessions();
    const call = clientFor(server()).verifySessions.get(VERIFY_UUID, { headers } as never);
    const error = await rejectionOf(call);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ argument: 'headers', message });
    expect(server().requests).toHaveLength(0);
  });

  it('with an invalid value name the header without quoting the value, and redact a name that is the token', async () => {
    answeringSessions();
    const client = clientFor(server());
    const error = await rejectionOf(
      client.verifySessions.get(VERIFY_UUID, { headers: { 'X-Key': `${AUTH_TOKEN}\nX-Injected: 1` } }),
    );
    expect((error as Error).message).toBe(
      "A method's `headers` option has a value for `X-Key` that is not a valid header value (a line break, a NUL or a character above U+00FF; the value is not quoted here as it may be a secret).",
    );
    const named = await rejectionOf(
      client.verifySessions.get(VERIFY_UUID, { headers: { [AUTH_TOKEN]: 'a\nb' } }),
    );
    expect((named as Error).message).not.toContain(AUTH_TOKEN);
    expect((named as Error).message).toContain('a value for `[redacted]`');
    expect(server().requests).toHaveLength(0);
  });
});
