import {
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PlivoApiError,
  RateLimitError,
  ServerError,
} from '@plivo-openapi/client';
import { describe, expect, inject, it } from 'vitest';
import { preferring } from './support/clients.js';
import { SESSION_UUID } from './support/credentials.js';
import { examples, type OperationId, statusCodes } from './support/spec.js';

// Our client against the mock of the global setup (vitest.config.ts): every documented response of every
// operation, reached with Prism's `Prefer: example=...` and `Prefer: code=...` headers.
const mockUrl = inject('plivoMockUrl');

const get = (operationId: OperationId, prefer: string) => {
  const client = preferring(mockUrl, prefer);
  return operationId === 'getMaskingSession'
    ? client.maskingSessions.get(SESSION_UUID)
    : client.verifySessions.get(SESSION_UUID);
};

describe('getMaskingSession', () => {
  it.each(examples('getMaskingSession'))(
    'example %s: the session, unwrapped, with its api_id',
    async (name, body) => {
      const { api_id, response } = body as { api_id: string; response: object };
      const session = await get('getMaskingSession', `example=${name}`);
      expect(session).toEqual(response);
      expect(session.api_id).toBe(api_id);
    },
  );
});

describe('getVerifySession', () => {
  it.each(examples('getVerifySession'))(
    'example %s: the flat session with its api_id',
    async (name, body) => {
      expect(await get('getVerifySession', `example=${name}`)).toEqual(body);
    },
  );
});

// The error class our client promises for each documented status (405 has no subclass of its own).
const errorClasses: Record<string, typeof PlivoApiError> = {
  '400': BadRequestError,
  '401': AuthenticationError,
  '404': NotFoundError,
  '405': PlivoApiError,
  '429': RateLimitError,
  '500': ServerError,
};

describe.each<OperationId>(['getMaskingSession', 'getVerifySession'])('%s error responses', (operationId) => {
  const errorCodes = statusCodes(operationId).filter((code) => code !== '200');

  it('documents exactly the statuses this suite covers', () => {
    expect(errorCodes.sort()).toEqual(Object.keys(errorClasses).sort());
  });

  it.each(
    errorCodes.flatMap((code) =>
      examples(operationId, code).map(([name, body]) => [code, name, body] as const),
    ),
  )(
    '%s (example %s): the typed error with the status, message and api_id of the example',
    async (code, name, body) => {
      const { error, api_id } = body as { error: string; api_id?: string };
      const failure = get(operationId, `code=${code}, example=${name}`);
      await expect(failure).rejects.toBeInstanceOf(errorClasses[code]);
      await expect(failure).rejects.toMatchObject({ status: Number(code), error, apiId: api_id });
    },
  );
});
