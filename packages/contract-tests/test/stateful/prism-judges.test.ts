import { describe, expect, it } from 'vitest';
import { listOperations } from '../../src/list-operations.js';
import { createRoutes } from '../../src/routes.js';
import { specErrorAnswer } from '../../src/spec-error-answer.js';
import { type RawAnswer, rawRequest } from '../support/raw-request.js';
import { SPEC_PATH } from '../support/spec.js';
import { ACCOUNT_A, basicAuth } from './support/accounts.js';
import { statefulMockForThisFile } from './support/stateful-mock.js';

// In stateful mode Prism still judges every request: whatever it refuses reaches the caller as Prism answers it
// (compared here with Prism itself, behind the mock), as the stateless mock gives it: exactly, or, for Prism's own
// error answers (problem+json, an unparsable body's), in the spec's PlivoError shape (spec-errors.test.ts). It changes
// nothing in the state.

const mock = statefulMockForThisFile();

const A = `/v1/Account/${ACCOUNT_A}`;
const UUID = 'c28b77d4-21e7-43bd-9447-04bfee92e651';
const json = { authorization: basicAuth(), 'content-type': 'application/json' };

interface BadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  status: number;
}

const refused: [string, BadRequest][] = [
  [
    'a masking create with a number for first_party',
    {
      method: 'POST',
      path: `${A}/Masking/Session/`,
      headers: json,
      body: '{"first_party":919003459051}',
      status: 400,
    },
  ],
  [
    'a masking create whose body is not JSON',
    { method: 'POST', path: `${A}/Masking/Session/`, headers: json, body: 'first_party=1', status: 400 },
  ],
  [
    'a masking update with a record_file_format of ogg',
    {
      method: 'POST',
      path: `${A}/Masking/Session/${UUID}`,
      headers: json,
      body: '{"record_file_format":"ogg"}',
      status: 400,
    },
  ],
  [
    'a Verify send without recipient',
    { method: 'POST', path: `${A}/Verify/Session/`, headers: json, body: '{"channel":"sms"}', status: 400 },
  ],
  [
    'a Verify send on the channel fax',
    {
      method: 'POST',
      path: `${A}/Verify/Session/`,
      headers: json,
      body: '{"recipient":"14155550100","channel":"fax"}',
      status: 400,
    },
  ],
  [
    'a validation without otp',
    { method: 'POST', path: `${A}/Verify/Session/${UUID}/`, headers: json, body: '{}', status: 400 },
  ],
  [
    'a list with limit=twenty',
    { method: 'GET', path: `${A}/Masking/Session/?limit=twenty`, headers: json, status: 400 },
  ],
  [
    'a list with limit=21',
    { method: 'GET', path: `${A}/Verify/Session/?limit=21`, headers: json, status: 400 },
  ],
  [
    'a create without credentials',
    {
      method: 'POST',
      path: `${A}/Masking/Session/`,
      headers: { 'content-type': 'application/json' },
      body: '{"first_party":"14155550100","second_party":"14155550101"}',
      status: 401,
    },
  ],
  [
    'a get without credentials',
    { method: 'GET', path: `${A}/Verify/Session/${UUID}/`, headers: {}, status: 401 },
  ],
  [
    'a malformed session_uuid',
    { method: 'GET', path: `${A}/Masking/Session/not-a-uuid`, headers: json, status: 400 },
  ],
  [
    'an auth_id of the wrong shape',
    { method: 'GET', path: '/v1/Account/nobody/Verify/Session/', headers: json, status: 400 },
  ],
  ['an unknown path', { method: 'GET', path: `${A}/Call/`, headers: json, status: 404 }],
  [
    'the Verify get without its trailing slash',
    { method: 'GET', path: `${A}/Verify/Session/${UUID}`, headers: json, status: 404 },
  ],
  [
    'a method the path does not take',
    { method: 'PUT', path: `${A}/Masking/Session/${UUID}`, headers: json, body: '{}', status: 405 },
  ],
  [
    'a Prefer header asking for a documented 500',
    {
      method: 'GET',
      path: `${A}/Masking/Session/${UUID}`,
      headers: { ...json, prefer: 'code=500' },
      status: 500,
    },
  ],
];

const send = (base: string, { method, path, headers, body }: BadRequest) =>
  rawRequest(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });

const routes = createRoutes(listOperations(SPEC_PATH));

/** What the mock makes of Prism's answer: Prism's own, or its own error answers in the spec's shape. */
function asTheMockGivesIt(request: BadRequest, prism: RawAnswer) {
  const inSpecShape = specErrorAnswer(
    request.method,
    routes.canonical(request.path.split('?')[0] ?? ''),
    {
      status: prism.status,
      contentType: prism.headers['content-type'] as string | undefined,
      body: prism.body,
      violations: prism.headers['sl-violations'] as string | undefined,
    },
    routes,
  );
  if (inSpecShape === undefined) {
    return { status: prism.status, type: prism.headers['content-type'], body: prism.body };
  }
  const body = JSON.parse(inSpecShape.body) as Record<string, unknown>;
  return {
    status: inSpecShape.status,
    type: inSpecShape.headers['content-type'],
    // A fresh api_id per answer, as Plivo gives.
    body: 'api_id' in body ? { ...body, api_id: expect.any(String) } : body,
  };
}

describe.each(refused)('%s', (_, request) => {
  it(`is answered ${request.status}, as Prism answers it`, async () => {
    const [fromMock, fromPrism] = await Promise.all([
      send(mock().url, request),
      send(mock().prismUrl, request),
    ]);
    expect(fromMock.status).toBe(request.status);
    const expected = asTheMockGivesIt(request, fromPrism);
    expect({
      status: fromMock.status,
      type: fromMock.headers['content-type'],
      body: typeof expected.body === 'string' ? fromMock.body : JSON.parse(fromMock.body),
    }).toEqual(expected);
  });
});

describe('what Prism refuses changes nothing', () => {
  it('creates no session and journals the refusal with Prism’s status', async () => {
    mock().reset();
    for (const [, request] of refused) await send(mock().url, request);
    const list = await rawRequest(`${mock().url}${A}/Masking/Session/`, { headers: json });
    expect(JSON.parse(list.body).response.meta.total_count).toBe(0);
    const verify = await rawRequest(`${mock().url}${A}/Verify/Session/`, { headers: json });
    expect(JSON.parse(verify.body).sessions).toEqual([]);
    const journal = mock().requests().slice(0, refused.length);
    expect(journal.map((entry) => (entry.kind === 'request' ? entry.status : undefined))).toEqual(
      refused.map(([, { status }]) => status),
    );
  });
});
