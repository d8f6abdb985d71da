// maskingSessions.create, update, delete and list against a real local server: what goes out (method, path,
// JSON body, query) and what comes back (the spec's own examples, as sent, with their api_id).
import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  InvalidArgumentError,
  InvalidResponseError,
  NotFoundError,
} from '../../src/index.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import { AUTH_ID, BASIC_CREDENTIALS, MASKING_UUID, maskingPath } from '../helpers/credentials.js';
import { sendJson, serverForThisFile } from '../helpers/server.js';
import { example } from '../helpers/spec.js';

const server = serverForThisFile();

const SESSIONS = `/v1/Account/${AUTH_ID}/Masking/Session/`;

describe('maskingSessions.create', () => {
  it('POSTs the params as JSON to the collection path and returns the answer as sent', async () => {
    const created = example('MaskingSessionCreated');
    server().reset((_req, res) => sendJson(res, 201, created));
    const params = {
      first_party: '917708772011',
      second_party: '918220568648',
      session_expiry: 600,
      record: true,
      callback_method: 'POST' as const,
    };
    const result = await clientFor(server()).maskingSessions.create(params);
    expect(result).toEqual(created);
    expect(result.api_id).toBe(created.api_id);
    const [request] = server().requests;
    expect(`${request?.method} ${request?.url}`).toBe(`POST ${SESSIONS}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBe(`Basic ${BASIC_CREDENTIALS}`);
    expect(JSON.parse(request?.body ?? '')).toEqual(params);
  });

  it('leaves judging the params to the server: its 400 becomes a BadRequestError', async () => {
    server().reset((_req, res) => sendJson(res, 400, example('ErrorBadRequest')));
    const error = await rejectionOf(
      clientFor(server()).maskingSessions.create({ first_party: 'not a number', second_party: '1' }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(server().requests).toHaveLength(1);
  });
});

describe('maskingSessions.update', () => {
  it('POSTs the params to the session path (no trailing slash) and returns { api_id, message, session }', async () => {
    const updated = example('MaskingSessionUpdated');
    server().reset((_req, res) => sendJson(res, 200, updated));
    const result = await clientFor(server()).maskingSessions.update(MASKING_UUID, { session_expiry: 600 });
    expect(result).toEqual(updated);
    expect(server().requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      `POST ${maskingPath(MASKING_UUID)} {"session_expiry":600}`,
    ]);
  });

  it('checks the session UUID before sending anything', async () => {
    server().reset(() => {});
    const error = await rejectionOf(clientFor(server()).maskingSessions.update('abc', {}));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ argument: 'sessionUuid' });
    expect(server().requests).toHaveLength(0);
  });
});

describe('maskingSessions.delete', () => {
  it('sends DELETE to the session path, without a body, and returns { api_id, message }', async () => {
    const deleted = example('MaskingSessionDeleted');
    server().reset((_req, res) => sendJson(res, 200, deleted));
    const result = await clientFor(server()).maskingSessions.delete(MASKING_UUID);
    expect(result).toEqual(deleted);
    expect(server().requests.map((r) => `${r.method} ${r.url} ${JSON.stringify(r.body)}`)).toEqual([
      `DELETE ${maskingPath(MASKING_UUID)} ""`,
    ]);
  });

  it('an already expired session is a BadRequestError with the server message', async () => {
    server().reset((_req, res) => sendJson(res, 400, example('ErrorSessionAlreadyExpired')));
    const error = await rejectionOf(clientFor(server()).maskingSessions.delete(MASKING_UUID));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, error: 'Session already expired' });
  });

  it('an unknown session is a NotFoundError', async () => {
    server().reset((_req, res) => sendJson(res, 404, example('ErrorSessionNotFound')));
    expect(await rejectionOf(clientFor(server()).maskingSessions.delete(MASKING_UUID))).toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('maskingSessions.list', () => {
  it('GETs the collection path with the filters as query parameters; the first page carries data, meta and api_id', async () => {
    const body = example('MaskingSessionListPage') as {
      api_id: string;
      response: { meta: Record<string, unknown>; objects: unknown[] };
    };
    server().reset((_req, res) => sendJson(res, 200, body));
    const page = await clientFor(server()).maskingSessions.list({
      status: 'active',
      created_time__gte: '2024-01-01 00:00',
      duration__lt: 600,
      limit: 5,
    });
    expect(page.data).toEqual(body.response.objects);
    expect(page.meta).toEqual(body.response.meta);
    expect(page.api_id).toBe(body.api_id);
    expect(page.hasNextPage()).toBe(false);
    const url = new URL(server().requests[0]?.url ?? '', server().baseUrl);
    expect(`${server().requests[0]?.method} ${url.pathname}`).toBe(`GET ${SESSIONS}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: 'active',
      created_time__gte: '2024-01-01 00:00',
      duration__lt: '600',
      limit: '5',
    });
  });

  it('without filters sends no query at all', async () => {
    server().reset((_req, res) => sendJson(res, 200, example('MaskingSessionListEmpty')));
    const page = await clientFor(server()).maskingSessions.list();
    expect(page.data).toEqual([]);
    expect(server().requests[0]?.url).toBe(SESSIONS);
  });

  it.each([0, 21, 2.5, '5'])('refuses limit %j before any request (1 to 20)', async (limit) => {
    server().reset((_req, res) => sendJson(res, 200, example('MaskingSessionListEmpty')));
    const error = await rejectionOf(
      Promise.resolve(clientFor(server()).maskingSessions.list({ limit: limit as number })),
    );
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ argument: 'limit' });
    expect((error as Error).message).toContain('a whole number from 1 to 20');
    expect(server().requests).toHaveLength(0);
  });

  it.each([1, 20])('sends limit %j, an edge of the documented 1 to 20', async (limit) => {
    server().reset((_req, res) => sendJson(res, 200, example('MaskingSessionListEmpty')));
    await clientFor(server()).maskingSessions.list({ limit });
    expect(server().requests[0]?.url).toBe(`${SESSIONS}?limit=${limit}`);
  });

  it('a body without its page is an InvalidResponseError', async () => {
    server().reset((_req, res) => sendJson(res, 200, { api_id: 'a', response: { meta: {} } }));
    const error = await rejectionOf(Promise.resolve(clientFor(server()).maskingSessions.list()));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('without a page in `response`');
  });
});
