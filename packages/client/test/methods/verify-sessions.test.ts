// verifySessions.create, list and validate against a real local server: what goes out (method, path, JSON
// body, query) and what comes back (the spec's own examples, as sent, with their api_id).
import { describe, expect, it } from 'vitest';
import { BadRequestError, InvalidArgumentError } from '../../src/index.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import { AUTH_ID, VERIFY_UUID, verifyPath } from '../helpers/credentials.js';
import { sendJson, serverForThisFile } from '../helpers/server.js';
import { example } from '../helpers/spec.js';

const server = serverForThisFile();

const SESSIONS = `/v1/Account/${AUTH_ID}/Verify/Session/`;

describe('verifySessions.create', () => {
  it('POSTs the params as JSON to the collection path and returns { api_id, message, session_uuid }', async () => {
    const initiated = example('VerifySessionInitiated');
    server().reset((_req, res) => sendJson(res, 202, initiated));
    const params = { recipient: '+919380013443', channel: 'sms' as const, code_length: 6 };
    const result = await clientFor(server()).verifySessions.create(params);
    expect(result).toEqual(initiated);
    expect(result.session_uuid).toBe(initiated.session_uuid);
    const [request] = server().requests;
    expect(`${request?.method} ${request?.url}`).toBe(`POST ${SESSIONS}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual(params);
  });
});

describe('verifySessions.validate', () => {
  it('POSTs { otp } to the session path (trailing slash) and returns the answer as sent', async () => {
    const validated = example('VerifySessionValidated');
    server().reset((_req, res) => sendJson(res, 200, validated));
    const result = await clientFor(server()).verifySessions.validate(VERIFY_UUID, '012345');
    expect(result).toEqual(validated);
    expect(server().requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      `POST ${verifyPath(VERIFY_UUID)} {"otp":"012345"}`,
    ]);
  });

  it('a wrong code is a BadRequestError with the server message', async () => {
    server().reset((_req, res) => sendJson(res, 400, example('ErrorInvalidOtp')));
    const error = await rejectionOf(clientFor(server()).verifySessions.validate(VERIFY_UUID, '000000'));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, error: 'Invalid OTP' });
  });

  it('checks the session UUID before sending anything', async () => {
    server().reset(() => {});
    const error = await rejectionOf(clientFor(server()).verifySessions.validate('not-a-uuid', '1234'));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(server().requests).toHaveLength(0);
  });
});

describe('arguments JSON would drop or change are refused before anything is sent', () => {
  it.each([
    [undefined, 'undefined'],
    [12345, 'the number 12345'],
    ['', 'an empty string'],
  ])('validate() with an otp of %j', async (otp, got) => {
    server().reset(() => {});
    const error = await rejectionOf(clientFor(server()).verifySessions.validate(VERIFY_UUID, otp as string));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ argument: 'otp' });
    expect((error as Error).message).toBe(
      `otp is the code the recipient received, as a non-empty string such as "012345" (a number would lose its leading zeros); got ${got}.`,
    );
    expect(server().requests).toHaveLength(0);
  });

  it.each([undefined, null, ['+14155550100'], '+14155550100'])('create() with params %j', async (params) => {
    server().reset(() => {});
    const error = await rejectionOf(clientFor(server()).verifySessions.create(params as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ argument: 'params' });
    expect((error as Error).message).toContain("The method's parameters are an object of the API's fields");
    expect(server().requests).toHaveLength(0);
  });

  const circular: Record<string, unknown> = { recipient: '+14155550100' };
  circular.self = circular;
  it.each([
    ['a Map', new Map([['recipient', '+1']]), 'params', 'got a Map'],
    ['a URLSearchParams', new URLSearchParams('recipient=%2B1'), 'params', 'got a URLSearchParams'],
    ['a Date', new Date(0), 'params', 'got a Date'],
    ['NaN', { recipient: '+1', code_length: Number.NaN }, 'code_length', 'is NaN, which JSON cannot carry'],
    ['Infinity', { recipient: '+1', code_length: Infinity }, 'code_length', 'is Infinity'],
    ['a BigInt', { recipient: '+1', code_length: 6n }, 'code_length', 'is a bigint, which JSON cannot carry'],
    ['a function', { recipient: () => '+1' }, 'recipient', 'is a function'],
    ['a nested Date', { recipient: '+1', extra: { at: new Date(0) } }, 'extra.at', 'is a Date'],
    ['undefined in an array', { recipient: '+1', extra: [undefined] }, 'extra[0]', 'is undefined'],
    ['a cycle', circular, 'self', 'refers back to an object that contains it'],
  ])('create() with %s in its params: refused, naming the field', async (_, params, argument, message) => {
    server().reset(() => {});
    const error = await rejectionOf(clientFor(server()).verifySessions.create(params as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ argument });
    expect((error as Error).message).toContain(message);
    expect(server().requests).toHaveLength(0);
  });

  it('create() sends an object used twice in its params (shared, not a cycle)', async () => {
    server().reset((_req, res) => sendJson(res, 202, example('VerifySessionInitiated')));
    const shared = { locale: 'en' };
    await clientFor(server()).verifySessions.create({
      recipient: '+14155550100',
      a: shared,
      b: shared,
    } as never);
    expect(JSON.parse(server().requests[0]?.body ?? '')).toEqual({
      recipient: '+14155550100',
      a: { locale: 'en' },
      b: { locale: 'en' },
    });
  });

  it('create() leaves out a field set to undefined, as an absent optional one', async () => {
    server().reset((_req, res) => sendJson(res, 202, example('VerifySessionInitiated')));
    // As JavaScript (or TypeScript without exactOptionalPropertyTypes) can write it.
    const params: Record<string, unknown> = { recipient: '+14155550100', channel: undefined };
    await clientFor(server()).verifySessions.create(params as never);
    expect(JSON.parse(server().requests[0]?.body ?? '')).toEqual({ recipient: '+14155550100' });
  });
});

describe('verifySessions.list', () => {
  it('GETs the collection path with the filters as query parameters; the page is flat', async () => {
    const body = example('VerifySessionListPage') as {
      api_id: string;
      meta: Record<string, unknown>;
      sessions: unknown[];
    };
    server().reset((_req, res) => sendJson(res, 200, body));
    const page = await clientFor(server()).verifySessions.list({
      status: 'verified',
      recipient: '919380013443',
      session_time__gte: '2024-01-01 00:00',
    });
    expect(page.data).toEqual(body.sessions);
    expect(page.meta).toEqual(body.meta);
    expect(page.api_id).toBe(body.api_id);
    const url = new URL(server().requests[0]?.url ?? '', server().baseUrl);
    expect(`${server().requests[0]?.method} ${url.pathname}`).toBe(`GET ${SESSIONS}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: 'verified',
      recipient: '919380013443',
      session_time__gte: '2024-01-01 00:00',
    });
  });

  it('reads `sessions: null` as an empty last page', async () => {
    server().reset((_req, res) =>
      sendJson(res, 200, {
        api_id: 'a',
        meta: { limit: 20, offset: 0, next: null, previous: null },
        sessions: null,
      }),
    );
    const page = await clientFor(server()).verifySessions.list();
    expect(page.data).toEqual([]);
    expect(page.hasNextPage()).toBe(false);
  });

  it('refuses a limit over 20 before any request', async () => {
    server().reset(() => {});
    const error = await rejectionOf(Promise.resolve(clientFor(server()).verifySessions.list({ limit: 50 })));
    expect(error).toMatchObject({ name: 'InvalidArgumentError', argument: 'limit' });
    expect(server().requests).toHaveLength(0);
  });
});
