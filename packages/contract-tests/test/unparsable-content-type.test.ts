import { describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { statefulMockForThisFile } from './stateful/support/stateful-mock.js';
import { AUTH_ID, BASIC_AUTH, maskingPath, verifyPath } from './support/credentials.js';
import { mockForThisFile } from './support/mock-for-file.js';
import { rawRequest } from './support/raw-request.js';
import { type OperationId, schemaErrors } from './support/spec.js';

// A Content-Type that Prism's parser (jshttp's content-type) cannot read, Prism answers with a bare 500 that
// names nothing, which a client would retry as a server fault. The mock answers the operation's 400 naming the
// header, in both modes; a type that parses is Prism's to judge as before.

const bodies: [OperationId, string, string][] = [
  [
    'createMaskingSession',
    `/v1/Account/${AUTH_ID}/Masking/Session/`,
    '{"first_party":"+14155550100","second_party":"+14155550101"}',
  ],
  ['updateMaskingSession', maskingPath(), '{"callback_url":"https://example.com/cb"}'],
  ['createVerifySession', `/v1/Account/${AUTH_ID}/Verify/Session/`, '{"recipient":"+14155550100"}'],
  ['validateVerifySession', verifyPath(), '{"otp":"123456"}'],
];
const unparsable: [string, string][] = [
  ['application/json;', 'invalid parameter format'],
  ['application/json charset=utf-8', 'invalid media type'],
];

const post = (url: string, contentType: string, body: string) =>
  rawRequest(url, {
    method: 'POST',
    headers: { authorization: BASIC_AUTH, 'content-type': contentType },
    body,
  });

function defineTests(mock: () => MockServer): void {
  describe.each(bodies)('%s', (operationId, path, body) => {
    it.each(unparsable)(
      'answers 400 naming a Content-Type of %j, where Prism alone answers 500',
      async (type, problem) => {
        expect((await post(`${mock().prismUrl}${path}`, type, body)).status).toBe(500);
        const answer = await post(`${mock().url}${path}`, type, body);
        expect(answer.status, answer.body).toBe(400);
        const parsed = JSON.parse(answer.body) as { error: string };
        expect(schemaErrors(operationId, '400', parsed)).toBe('');
        expect(parsed.error).toBe(
          `invalid request: the body's Content-Type ${JSON.stringify(type)} cannot be parsed (${problem}); send application/json, with any parameters as "; name=value"`,
        );
        expect(JSON.parse(String(answer.headers['sl-violations']))).toEqual([
          {
            location: ['request', 'header', 'content-type'],
            severity: 'Error',
            code: 400,
            message: `The Content-Type ${JSON.stringify(type)} cannot be parsed: ${problem}`,
          },
        ]);
      },
    );
  });
}

describe('stateless', () => {
  defineTests(mockForThisFile());
});

describe('stateful', () => {
  const mock = statefulMockForThisFile();
  defineTests(mock);

  it('keeps no session from such a create and journals the 400', async () => {
    mock().reset();
    const [, path, body] = bodies[2] as [OperationId, string, string];
    await post(`${mock().url}${path}`, 'application/json;', body);
    const list = await rawRequest(`${mock().url}${path}`, { headers: { authorization: BASIC_AUTH } });
    expect(JSON.parse(list.body).sessions).toEqual([]);
    expect(mock().requests()[0]).toMatchObject({ kind: 'request', method: 'POST', status: 400 });
  });
});
