import { AuthenticationError, BadRequestError, InvalidArgumentError } from '@plivo-openapi/client';
import { describe, expect, it } from 'vitest';
import { clientFor } from './support/clients.js';
import { AUTH_ID, BASIC_AUTH, SESSION_UUID } from './support/credentials.js';
import { mockForThisFile } from './support/mock-for-file.js';
import { examples, type OperationId, schemaErrors, successStatus } from './support/spec.js';

// Prism validates every request against the spec. Our client checks what it can before sending, so to see
// Prism's own refusal a test either uses the raw client or damages the request on its way out (a custom
// `fetch`, the same seam a logging or proxy wrapper would use).

const mock = mockForThisFile();

/** A fetch that alters each request before sending it, as a buggy wrapper might. */
const damaging =
  (damage: (request: Request) => Request) =>
  (request: Request): Promise<Response> =>
    fetch(damage(request));

const withoutCredentials = damaging((request) => {
  const headers = new Headers(request.headers);
  headers.delete('authorization');
  return new Request(request, { headers });
});
const withMalformedUuid = damaging(
  (request) => new Request(request.url.replace(SESSION_UUID, 'not-a-uuid'), request),
);

describe('a request without credentials', () => {
  it.each(['maskingSessions', 'verifySessions'] as const)(
    '%s.get: Prism answers 401, the client throws AuthenticationError',
    async (resource) => {
      const failure = clientFor(mock().url, { fetch: withoutCredentials })[resource].get(SESSION_UUID);
      await expect(failure).rejects.toBeInstanceOf(AuthenticationError);
      await expect(failure).rejects.toMatchObject({ status: 401 });
    },
  );
});

describe('a malformed session_uuid', () => {
  it.each(['maskingSessions', 'verifySessions'] as const)(
    '%s.get: the client refuses it before sending, naming the argument',
    async (resource) => {
      let sent = 0;
      const counting = (request: Request) => {
        sent++;
        return fetch(request);
      };
      const failure = clientFor(mock().url, { fetch: counting })[resource].get('not-a-uuid');
      await expect(failure).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(failure).rejects.toThrow(/session/i);
      expect(sent).toBe(0);
    },
  );

  it.each(['maskingSessions', 'verifySessions'] as const)(
    '%s.get: if it reaches Prism anyway, Prism answers 400 and the client throws BadRequestError',
    async (resource) => {
      const failure = clientFor(mock().url, { fetch: withMalformedUuid })[resource].get(SESSION_UUID);
      await expect(failure).rejects.toBeInstanceOf(BadRequestError);
      await expect(failure).rejects.toMatchObject({ status: 400 });
    },
  );

  it('raw.GET: Prism answers 400 with an error body of the documented shape', async () => {
    const client = clientFor(mock().url);
    const { data, error, response } = await client.raw.GET(
      '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/',
      {
        params: { path: { auth_id: client.authId, session_uuid: 'not-a-uuid' } },
      },
    );
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(schemaErrors('getVerifySession', '400', error)).toBe('');
  });

  it('raw.GET: an auth_id that breaks its pattern is a 400 too', async () => {
    const { response } = await clientFor(mock().url).raw.GET(
      '/v1/Account/{auth_id}/Masking/Session/{session_uuid}',
      {
        params: { path: { auth_id: 'MA-not-an-auth-id', session_uuid: SESSION_UUID } },
      },
    );
    expect(response.status).toBe(400);
  });
});

// Bad bodies and query parameters. Prism answers an invalid request with the spec's own 400 response (the spec
// documents no 422), serving that response's first example as the body, and lists what broke in the
// `sl-violations` header: the caller gets a documented Plivo-shaped error and a pointer to the field.
describe('a request that breaks its schema', () => {
  interface Violation {
    location: string[];
    code: string;
    message: string;
  }
  const listPath = (resource: 'Masking' | 'Verify') => `/v1/Account/${AUTH_ID}/${resource}/Session/`;

  async function send(method: string, path: string, body?: unknown) {
    const answer = await fetch(`${mock().url}${path}`, {
      method,
      headers: {
        authorization: BASIC_AUTH,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: answer.status,
      body: await answer.json(),
      violations: JSON.parse(answer.headers.get('sl-violations') ?? '[]') as Violation[],
    };
  }

  const recipient = '+919999999999';
  it.each<[string, OperationId, string, string, unknown, string[], string]>([
    [
      'a string `limit`',
      'listMaskingSessions',
      'GET',
      `${listPath('Masking')}?limit=twenty`,
      undefined,
      ['request', 'query', 'limit'],
      'type',
    ],
    [
      'a string `limit`',
      'listVerifySessions',
      'GET',
      `${listPath('Verify')}?limit=twenty`,
      undefined,
      ['request', 'query', 'limit'],
      'type',
    ],
    [
      'a `limit` above 20',
      'listVerifySessions',
      'GET',
      `${listPath('Verify')}?limit=21`,
      undefined,
      ['request', 'query', 'limit'],
      'maximum',
    ],
    [
      'a `channel` of `fax`',
      'createVerifySession',
      'POST',
      listPath('Verify'),
      { recipient, channel: 'fax' },
      ['request', 'body', 'channel'],
      'enum',
    ],
    [
      'a missing `recipient`',
      'createVerifySession',
      'POST',
      listPath('Verify'),
      { channel: 'sms' },
      ['request', 'body'],
      'required',
    ],
    [
      'a `code_length` of 3',
      'createVerifySession',
      'POST',
      listPath('Verify'),
      { recipient, code_length: 3 },
      ['request', 'body', 'code_length'],
      'minimum',
    ],
  ])(
    '%s (%s): 400 with the documented error body, the violation named in sl-violations',
    async (_, operationId, method, path, body, location, code) => {
      const answer = await send(method, path, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(examples(operationId, '400')[0]?.[1]);
      expect(schemaErrors(operationId, '400', answer.body)).toBe('');
      expect(answer.violations).toContainEqual(expect.objectContaining({ location, code }));
    },
  );

  it('a missing `recipient`: the violation says which property is required', async () => {
    const answer = await send('POST', listPath('Verify'), { channel: 'sms' });
    expect(answer.violations.map((violation) => violation.message).join('\n')).toMatch(/recipient/);
  });

  it('the same requests with valid values are accepted', async () => {
    expect((await send('GET', `${listPath('Masking')}?limit=20`)).status).toBe(200);
    expect((await send('GET', `${listPath('Verify')}?limit=20`)).status).toBe(200);
    expect((await send('POST', listPath('Verify'), { recipient, channel: 'voice' })).status).toBe(
      Number(successStatus('createVerifySession')),
    );
  });

  it('verifySessions.create: a `channel` of `fax` that gets past the types is a BadRequestError with the 400 example', async () => {
    const [, example] = examples('createVerifySession', '400')[0] ?? [];
    const failure = clientFor(mock().url).verifySessions.create({ recipient, channel: 'fax' as 'sms' });
    await expect(failure).rejects.toBeInstanceOf(BadRequestError);
    await expect(failure).rejects.toMatchObject({ status: 400, error: (example as { error: string }).error });
  });
});
