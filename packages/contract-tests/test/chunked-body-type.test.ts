import { describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { statefulMockForThisFile } from './stateful/support/stateful-mock.js';
import { AUTH_ID, BASIC_AUTH, maskingPath, verifyPath } from './support/credentials.js';
import { mockForThisFile } from './support/mock-for-file.js';
import { type RawAnswer, rawRequest } from './support/raw-request.js';
import { type OperationId, schemaErrors } from './support/spec.js';

// Prism checks a body's Content-Type only when the request has a Content-Length. Sent chunked (a streamed body),
// a form whose fields are right passes as if it were JSON. The mock refuses it with the status and the violation
// Prism gives the same body with a Content-Length, in both modes; a chunked JSON body is still taken.

const form = { authorization: BASIC_AUTH, 'content-type': 'application/x-www-form-urlencoded' };

// Per operation that takes a body: where, and a form whose fields Prism's validation accepts.
const forms: [OperationId, string, string][] = [
  [
    'createMaskingSession',
    `/v1/Account/${AUTH_ID}/Masking/Session/`,
    'first_party=%2B14155550100&second_party=%2B14155550101',
  ],
  ['updateMaskingSession', maskingPath(), 'callback_url=https%3A%2F%2Fexample.com%2Fcb'],
  ['createVerifySession', `/v1/Account/${AUTH_ID}/Verify/Session/`, 'recipient=%2B14155550100'],
  ['validateVerifySession', verifyPath(), 'otp=123456'],
];

const post = (url: string, headers: Record<string, string>, body: string) =>
  rawRequest(url, { method: 'POST', headers, body, chunked: true });

function expectTypeRefused(operationId: OperationId, answer: RawAnswer): void {
  expect(answer.status, answer.body).toBe(400);
  expect(answer.headers['content-type']).toBe('application/json');
  const body = JSON.parse(answer.body) as { error: string };
  expect(schemaErrors(operationId, '400', body)).toBe('');
  expect(body.error).toBe(
    'invalid request: the body\'s Content-Type is "application/x-www-form-urlencoded"; send it as application/json',
  );
  expect(JSON.parse(String(answer.headers['sl-violations']))).toEqual([
    {
      location: ['request'],
      severity: 'Error',
      code: 415,
      message: 'Supported content types: application/json',
    },
  ]);
}

/** A session the mock knows: the stateful mock's own, or the stateless mock's example uuid. */
async function aMaskingSession(mock: MockServer): Promise<string> {
  const created = await rawRequest(`${mock.url}/v1/Account/${AUTH_ID}/Masking/Session/`, {
    method: 'POST',
    headers: { authorization: BASIC_AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ first_party: '919003459051', second_party: '918197241073' }),
  });
  return (JSON.parse(created.body) as { session_uuid: string }).session_uuid;
}

function defineTests(mock: () => MockServer): void {
  describe.each(forms)('%s', (operationId, path, body) => {
    it('Prism alone lets the chunked form through', async () => {
      const answer = await post(`${mock().prismUrl}${path}`, form, body);
      expect(answer.status, answer.body).toBeLessThan(300);
    });

    it('the mock refuses it with the status and violation Prism gives it with a Content-Length', async () => {
      const chunked = await post(`${mock().url}${path}`, form, body);
      expectTypeRefused(operationId, chunked);
      const framed = await rawRequest(`${mock().url}${path}`, { method: 'POST', headers: form, body });
      expect(framed.status).toBe(400);
      expect(JSON.parse(String(framed.headers['sl-violations']))).toEqual(
        JSON.parse(String(chunked.headers['sl-violations'])),
      );
    });

    it('refuses it even when a Prefer header asks for another status, as Prism does with a Content-Length', async () => {
      const asking = { ...form, prefer: 'code=404' };
      expectTypeRefused(operationId, await post(`${mock().url}${path}`, asking, body));
      const framed = await rawRequest(`${mock().url}${path}`, { method: 'POST', headers: asking, body });
      expect(framed.status).toBe(400);
    });
  });

  it('takes a chunked JSON body, with a charset or as a +json type', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/vnd.plivo+json']) {
      const answer = await post(
        `${mock().url}/v1/Account/${AUTH_ID}/Verify/Session/`,
        { authorization: BASIC_AUTH, 'content-type': type },
        '{"recipient":"+14155550100"}',
      );
      expect(answer.status, `${type}: ${answer.body}`).toBe(202);
    }
  });

  it('drops a chunked DELETE body as it drops one with a Content-Length (Plivo’s Python SDK sends one)', async () => {
    const uuid = await aMaskingSession(mock());
    const answer = await rawRequest(`${mock().url}${maskingPath(AUTH_ID, uuid)}`, {
      method: 'DELETE',
      headers: { authorization: BASIC_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ session_uuid: uuid }),
      chunked: true,
    });
    expect(answer.status, answer.body).toBe(200);
  });

  it('leaves a chunked body without a Content-Type to Prism, as Prism does with a Content-Length', async () => {
    const answer = await post(
      `${mock().url}/v1/Account/${AUTH_ID}/Verify/Session/`,
      { authorization: BASIC_AUTH },
      '{"recipient":"+14155550100"}',
    );
    const prisms = await post(
      `${mock().prismUrl}/v1/Account/${AUTH_ID}/Verify/Session/`,
      { authorization: BASIC_AUTH },
      '{"recipient":"+14155550100"}',
    );
    expect(answer.status).toBe(prisms.status);
  });
}

describe('stateless', () => {
  defineTests(mockForThisFile());
});

describe('stateful', () => {
  const mock = statefulMockForThisFile();
  defineTests(mock);

  it('keeps no session from a refused form and journals the 400', async () => {
    mock().reset();
    const [, path, body] = forms[2] as [OperationId, string, string];
    await post(`${mock().url}${path}`, form, body);
    const list = await rawRequest(`${mock().url}${path}`, { headers: { authorization: BASIC_AUTH } });
    expect(JSON.parse(list.body).sessions).toEqual([]);
    const [entry] = mock().requests();
    expect(entry).toMatchObject({ kind: 'request', method: 'POST', status: 400 });
  });

  it('still answers a chunked JSON create from the state', async () => {
    mock().reset();
    const created = await post(
      `${mock().url}/v1/Account/${AUTH_ID}/Verify/Session/`,
      { authorization: BASIC_AUTH, 'content-type': 'application/json' },
      '{"recipient":"+14155550100"}',
    );
    const { session_uuid } = JSON.parse(created.body) as { session_uuid: string };
    const got = await rawRequest(`${mock().url}${verifyPath(AUTH_ID, session_uuid)}`, {
      headers: { authorization: BASIC_AUTH },
    });
    expect(JSON.parse(got.body)).toMatchObject({ session_uuid, recipient: '14155550100' });
  });
});
