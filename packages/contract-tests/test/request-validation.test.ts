import { AuthenticationError, BadRequestError, InvalidArgumentError } from '@plivo-openapi/client';
import { describe, expect, it } from 'vitest';
import { clientFor } from './support/clients.js';
import { SESSION_UUID } from './support/credentials.js';
import { mockForThisFile } from './support/mock-for-file.js';
import { schemaErrors } from './support/spec.js';

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
