import { describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { statefulMockForThisFile } from './stateful/support/stateful-mock.js';
import { AUTH_ID, BASIC_AUTH, maskingPath, SESSION_UUID, verifyPath } from './support/credentials.js';
import { mockForThisFile } from './support/mock-for-file.js';
import { type RawAnswer, rawRequest } from './support/raw-request.js';
import {
  httpMethod,
  type OperationId,
  pathTemplate,
  schemaErrors,
  specOperationIds,
  statusCodes,
  successStatus,
} from './support/spec.js';

// Prism answers some refusals with bodies of its own (problem+json; `{"error": {"code": "invalid_json"}}` for a
// body it cannot parse) that no operation of the spec describes. The mock answers them as the spec does:
// `application/json`, the PlivoError schema, a status the operation lists; what Prism said stays in `sl-violations`.

// Each mode's mock lives in its own describe block: started before it, stopped (and proven gone) after it.
const modes: [string, () => () => MockServer][] = [
  ['stateless', () => mockForThisFile()],
  ['stateful', () => statefulMockForThisFile()],
];

const A = `/v1/Account/${AUTH_ID}`;
const auth = { authorization: BASIC_AUTH };
const json = { ...auth, 'content-type': 'application/json' };

interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Case extends Request {
  status: number;
  /** The operation whose response `status` the body must validate against. */
  schemaOf: OperationId;
  error: string | RegExp;
  /** The code of the violation that keeps Prism's own answer. */
  prismCode: string;
  allow?: string;
}

const cases: [string, Case][] = [
  [
    'PUT on a masking session',
    {
      method: 'PUT',
      path: maskingPath(),
      headers: json,
      body: '{}',
      status: 405,
      schemaOf: 'getMaskingSession',
      error: `method not allowed: ${maskingPath()} takes GET, POST and DELETE, not PUT`,
      prismCode: 'NO_METHOD_MATCHED_ERROR',
      allow: 'GET, POST, DELETE',
    },
  ],
  [
    'PATCH on a masking session',
    {
      method: 'PATCH',
      path: maskingPath(),
      headers: json,
      body: '{}',
      status: 405,
      schemaOf: 'updateMaskingSession',
      error: `method not allowed: ${maskingPath()} takes GET, POST and DELETE, not PATCH`,
      prismCode: 'NO_METHOD_MATCHED_ERROR',
      allow: 'GET, POST, DELETE',
    },
  ],
  [
    'DELETE on a Verify session',
    {
      method: 'DELETE',
      path: verifyPath(),
      headers: auth,
      status: 405,
      schemaOf: 'getVerifySession',
      error: `method not allowed: ${verifyPath()} takes GET and POST, not DELETE`,
      prismCode: 'NO_METHOD_MATCHED_ERROR',
      allow: 'GET, POST',
    },
  ],
  [
    'a masking create whose JSON is cut short',
    {
      method: 'POST',
      path: `${A}/Masking/Session/`,
      headers: json,
      body: '{"first_party":',
      status: 400,
      schemaOf: 'createMaskingSession',
      error: 'invalid request: the body is not valid JSON',
      prismCode: 'invalid_json',
    },
  ],
  [
    'a Prefer header asking for a status the operation does not list',
    {
      method: 'GET',
      path: verifyPath(),
      headers: { ...auth, prefer: 'code=418' },
      status: 500,
      schemaOf: 'getVerifySession',
      error:
        /^internal server error: no response of the spec matches the Prefer header: .*418.*\. Its examples by status are 200: "referencePage", /,
      prismCode: 'NOT_FOUND',
    },
  ],
  [
    'a Prefer header naming an example the operation does not have',
    {
      method: 'GET',
      path: maskingPath(),
      headers: { ...auth, prefer: 'example=nope' },
      status: 500,
      schemaOf: 'getMaskingSession',
      error: /^internal server error: no response of the spec matches the Prefer header: .*nope/,
      prismCode: 'NOT_FOUND',
    },
  ],
  [
    'a Prefer header naming an error example without its status',
    {
      method: 'POST',
      path: verifyPath(),
      headers: { ...json, prefer: 'example=invalidOtp' },
      body: '{"otp":"123456"}',
      status: 500,
      schemaOf: 'validateVerifySession',
      error: /; "invalidOtp" is a 400 example: ask for it with "Prefer: code=400, example=invalidOtp"$/,
      prismCode: 'NOT_FOUND',
    },
  ],
  [
    'a Prefer header naming a status and an example that status does not have',
    {
      method: 'GET',
      path: verifyPath(),
      headers: { ...auth, prefer: 'code=404, example=nope' },
      status: 500,
      schemaOf: 'getVerifySession',
      error:
        /^internal server error: no response of the spec matches the Prefer header: the status it names has no example of that name\. Its examples by status are 200: "referencePage", /,
      prismCode: 'UNKNOWN',
    },
  ],
  [
    'a Prefer header whose code is not a number (a client would take a 400 for its own mistake)',
    {
      method: 'GET',
      path: verifyPath(),
      headers: { ...auth, prefer: 'code=abc' },
      status: 500,
      schemaOf: 'getVerifySession',
      error:
        /^internal server error: the Prefer header cannot be read: Prism cannot decode its `code` \(cannot decode "abc", should be a number\)\. Write it as "Prefer: code=404", "Prefer: example=<name>" or "Prefer: code=400, example=<name>"\. Its examples by status are 200: "referencePage", /,
      prismCode: 'UNPROCESSABLE_ENTITY',
    },
  ],
  [
    'a Prefer header with two values Prism cannot read, one of them a seed without a value',
    {
      method: 'GET',
      path: verifyPath(),
      headers: { ...auth, prefer: 'code=abc, seed' },
      status: 500,
      schemaOf: 'getVerifySession',
      error:
        /^internal server error: the Prefer header cannot be read: Prism cannot decode its `code` \(cannot decode "abc", should be a number\), `seed` \(cannot decode true, should be string\)\. Write it as /,
      prismCode: 'UNPROCESSABLE_ENTITY',
    },
  ],
  [
    'a `__code` query parameter Prism cannot read, without a Prefer header (named as the query, not the header)',
    {
      method: 'GET',
      path: `${verifyPath()}?__code=abc`,
      headers: auth,
      status: 500,
      schemaOf: 'getVerifySession',
      error:
        /^internal server error: the Prefer query parameters \(`__code`, `__example`, …\) cannot be read: Prism cannot decode its `code` \(/,
      prismCode: 'UNPROCESSABLE_ENTITY',
    },
  ],
  [
    'a Prefer header with an empty example',
    {
      method: 'GET',
      path: maskingPath(),
      headers: { ...auth, prefer: 'example=' },
      status: 500,
      schemaOf: 'getMaskingSession',
      error: /^internal server error: the Prefer header cannot be read: Prism cannot decode its `example` \(/,
      prismCode: 'UNPROCESSABLE_ENTITY',
    },
  ],
  [
    'a /__prefer/ example no header value can carry (€): the URL form, left encoded',
    {
      method: 'GET',
      path: `/__prefer/example=%E2%82%AC${verifyPath()}`,
      headers: auth,
      status: 500,
      schemaOf: 'getVerifySession',
      error:
        /^internal server error: no response of the spec matches the Prefer header: .* exampleKey: %E2%82%AC does not exist\. Its examples by status are 200: "referencePage"/,
      prismCode: 'NOT_FOUND',
    },
  ],
  [
    'the Verify get without its trailing slash',
    {
      method: 'GET',
      path: verifyPath().slice(0, -1),
      headers: auth,
      status: 404,
      schemaOf: 'getVerifySession',
      error: `not found: the spec has no path ${verifyPath().slice(0, -1)} (it has ${verifyPath()})`,
      prismCode: 'NO_PATH_MATCHED_ERROR',
    },
  ],
  [
    'a path of no Plivo API in the spec',
    {
      method: 'GET',
      path: `${A}/Call/`,
      headers: auth,
      status: 404,
      schemaOf: 'getVerifySession',
      error: `not found: the spec has no path ${A}/Call/`,
      prismCode: 'NO_PATH_MATCHED_ERROR',
    },
  ],
];

const send = (base: string, { method, path, headers, body }: Request) =>
  rawRequest(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });

const violations = (answer: RawAnswer) =>
  JSON.parse(String(answer.headers['sl-violations'] ?? '[]')) as { code: unknown; message: string }[];

// Every refusal Prism can be led to for each operation: a status the operation lists (never 422, which the spec
// deliberately leaves out, nor 406, 415), `application/json`, a body of the PlivoError schema.
const concrete = (operationId: OperationId, authId = AUTH_ID, uuid = SESSION_UUID) =>
  pathTemplate(operationId).replace('{auth_id}', authId).replace('{session_uuid}', uuid);

function refusals(operationId: OperationId): [string, Request][] {
  const method = httpMethod(operationId);
  const path = concrete(operationId);
  const takesBody = method === 'POST';
  const requests: [string, Request][] = [
    ['no credentials', { method, path, headers: {} }],
    ['Bearer credentials', { method, path, headers: { authorization: 'Bearer x' } }],
    ['an auth_id of the wrong shape', { method, path: concrete(operationId, 'nobody'), headers: json }],
    ...statusCodes(operationId).map((code): [string, Request] => [
      `Prefer: code=${code}`,
      { method, path, headers: { ...json, prefer: `code=${code}` }, ...(takesBody ? { body: '{}' } : {}) },
    ]),
  ];
  if (path.includes(SESSION_UUID)) {
    requests.push([
      'a malformed session_uuid',
      { method, path: concrete(operationId, AUTH_ID, 'not-a-uuid'), headers: json },
    ]);
  }
  if (takesBody) {
    requests.push(
      ['a body cut short', { method, path, headers: json, body: '{"a":' }],
      ['a JSON array for a body', { method, path, headers: json, body: '[]' }],
      ['a text/plain body', { method, path, headers: { ...auth, 'content-type': 'text/plain' }, body: 'x' }],
      [
        'a form-encoded body',
        {
          method,
          path,
          headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'a=1',
        },
      ],
      [
        'a body in an unknown charset',
        { method, path, headers: { ...auth, 'content-type': 'application/json; charset=nope' }, body: '{}' },
      ],
    );
  } else if (operationId.startsWith('list')) {
    // Only where `limit` is a parameter: another operation takes a query it does not know, as OpenAPI allows.
    requests.push(['limit=abc', { method, path: `${path}?limit=abc`, headers: json }]);
  }
  return requests;
}

/** A Prefer naming a status and an example that status does not have: Prism falls back to a success. */
function definePreferFallbackTests(mode: string, mock: () => MockServer): void {
  it('answers a Prefer naming a status and an example of another status 500, not the success Prism falls back to', async () => {
    const request = {
      method: 'GET',
      path: verifyPath(),
      headers: { ...auth, prefer: 'code=404, example=referencePage' },
    };
    expect((await send(mock().prismUrl, request)).status).toBe(200);
    const answer = await send(mock().url, request);
    expect(answer.status).toBe(500);
    const body = JSON.parse(answer.body) as { error: string };
    expect(schemaErrors('getVerifySession', '500', body)).toBe('');
    expect(body.error).toMatch(
      /^internal server error: no response of the spec matches the Prefer header: its 404 response has no example "referencePage" \(Prism answered 200 instead\)\. Its examples by status are 200: .*; "referencePage" is a 200 example: ask for it with "Prefer: code=200, example=referencePage"$/,
    );
    expect(violations(answer)).toContainEqual(
      expect.objectContaining({
        code: 'PREFER_FALLBACK',
        message: expect.stringMatching(/^Prism answered 200 /),
      }),
    );
  });

  // Stateful, a success comes from the state whatever example the Prefer names (see the README).
  if (mode !== 'stateless') return;
  it('still answers a Prefer naming a status and one of its own examples with that example', async () => {
    const request = {
      method: 'GET',
      path: verifyPath(),
      headers: { ...auth, prefer: 'code=200, example=verified' },
    };
    const answer = await send(mock().url, request);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'verified' });
  });
}

describe.each(modes)('the %s mock', (mode, start) => {
  const mock = start();

  definePreferFallbackTests(mode, mock);

  describe.each(cases)('%s', (_, request) => {
    it(`is answered ${request.status} in the spec’s PlivoError shape, Prism’s own answer in sl-violations`, async () => {
      const answer = await send(mock().url, request);
      expect(answer.status).toBe(request.status);
      expect(statusCodes(request.schemaOf)).toContain(String(request.status));
      expect(answer.headers['content-type']).toBe('application/json');
      const body = JSON.parse(answer.body) as { api_id?: string; error: string };
      expect(schemaErrors(request.schemaOf, String(request.status), body)).toBe('');
      expect(body.error).toMatch(request.error);
      // A path the spec has gets an api_id, as Plivo's answers do; Plivo's 404 for an unknown path has none.
      if (request.prismCode === 'NO_PATH_MATCHED_ERROR') expect(body).not.toHaveProperty('api_id');
      else expect(body.api_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(violations(answer)).toContainEqual(
        expect.objectContaining({
          code: request.prismCode,
          message: expect.stringMatching(/^Prism answered /),
        }),
      );
      expect(answer.headers.allow).toBe(request.allow);
    });

    it('is answered in Prism’s own shape under /__prism, for diagnosis', async () => {
      const answer = await send(mock().prismUrl, request);
      expect(answer.headers['content-type']).not.toBe('application/json');
      expect(JSON.parse(answer.body)).not.toEqual(expect.objectContaining({ error: expect.any(String) }));
    });
  });

  // Prism took these for a delete of a session whose uuid is empty, and answered that operation's 400 example.
  it.each([`${A}/Masking/Session/`, `${A}/Masking/Session`, `${A}/Masking/Session//`])(
    'answers DELETE %s, the masking collection, 405 naming what it takes',
    async (path) => {
      const answer = await send(mock().url, { method: 'DELETE', path, headers: auth });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('GET, POST');
      const body = JSON.parse(answer.body) as { error: string };
      expect(schemaErrors('listMaskingSessions', '405', body)).toBe('');
      expect(body.error).toBe(`method not allowed: ${A}/Masking/Session/ takes GET and POST, not DELETE`);
    },
  );

  // Plivo's API answers JSON whatever Accept says; the spec lists only application/json and no 406.
  describe.each(['text/html', 'application/xml', 'application/problem+json', 'application/json;q=0'])(
    'with Accept: %s',
    (accept) => {
      it('answers a list and a create as without it', async () => {
        const list = await rawRequest(`${mock().url}${A}/Verify/Session/`, { headers: { ...auth, accept } });
        expect(list.status).toBe(200);
        expect(list.headers['content-type']).toBe('application/json');
        expect(schemaErrors('listVerifySessions', '200', JSON.parse(list.body))).toBe('');
        const create = await rawRequest(`${mock().url}${A}/Verify/Session/`, {
          method: 'POST',
          headers: { ...json, accept },
          body: JSON.stringify({ recipient: '+14155550100', channel: 'sms' }),
        });
        expect(create.status).toBe(202);
        expect(schemaErrors('createVerifySession', '202', JSON.parse(create.body))).toBe('');
      });

      it('answers a Prefer for an error status with the spec’s example', async () => {
        const answer = await rawRequest(`${mock().url}${A}/Verify/Session/`, {
          headers: { ...auth, accept, prefer: 'code=404' },
        });
        expect(answer.status).toBe(404);
        expect(JSON.parse(answer.body)).toEqual({ error: 'not found' });
      });

      it('is refused 406 by Prism alone, under /__prism', async () => {
        const answer = await rawRequest(`${mock().prismUrl}${A}/Verify/Session/`, {
          headers: { ...auth, accept },
        });
        expect(answer.status).toBe(406);
      });
    },
  );

  it('answers HEAD, which the spec has on no path, 405 with the methods the path takes and no body', async () => {
    const answer = await rawRequest(`${mock().url}${verifyPath()}`, { method: 'HEAD', headers: auth });
    expect(answer.status).toBe(405);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers.allow).toBe('GET, POST');
    expect(answer.body).toBe('');
  });

  it.each(specOperationIds() as OperationId[])(
    '%s: every refusal has a listed status (never 422), as application/json of the PlivoError schema',
    async (operationId) => {
      const wrong: string[] = [];
      for (const [name, request] of refusals(operationId)) {
        const answer = await send(mock().url, request);
        const listed = statusCodes(operationId);
        if (name === `Prefer: code=${successStatus(operationId)}`) continue; // asks for the success
        const problem = (why: string) =>
          wrong.push(`${name}: ${answer.status} ${why}: ${answer.body.slice(0, 200)}`);
        if (answer.status < 400) problem('was not refused');
        else if (!listed.includes(String(answer.status))) problem('is not listed');
        else if (answer.headers['content-type'] !== 'application/json')
          problem(`as ${answer.headers['content-type']}`);
        else {
          const invalid = schemaErrors(operationId, String(answer.status), JSON.parse(answer.body));
          if (invalid) problem(`breaks the schema (${invalid})`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});
