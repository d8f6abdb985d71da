import { describe, expect, it } from 'vitest';
import { statefulMockForThisFile } from './stateful/support/stateful-mock.js';
import { AUTH_ID, maskingPath, verifyPath } from './support/credentials.js';
import { mockForThisFile } from './support/mock-for-file.js';
import { rawRequest } from './support/raw-request.js';
import { examples, schemaErrors } from './support/spec.js';

// The Basic user name is the Auth ID of the path (the spec's `auth_id` parameter), and the spec's 401 is for
// "the Auth ID or Auth Token is wrong": in both modes the mock answers 401 to credentials of another account or
// without a token. The value of a non-empty token is not checked.

const OTHER_ACCOUNT = 'MAODZKMDFJMJU3MTEYNG';
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
const refused: [string, string][] = [
  ['another account’s Auth ID', basic(`${OTHER_ACCOUNT}:x`)],
  ['an empty user name', basic(':token')],
  ['an empty Auth Token', basic(`${AUTH_ID}:`)],
  // Prism reads the scheme and the token as the header's first two words and ignores the rest.
  ['another account’s Auth ID, with a word after it', `${basic(`${OTHER_ACCOUNT}:x`)} x`],
  ['an empty Auth Token, with a word after it', `${basic(`${AUTH_ID}:`)} x`],
];
const unauthorized = examples('getVerifySession', '401')[0]?.[1];

describe('stateless', () => {
  const mock = mockForThisFile();

  it.each(refused)('answers 401 with the spec’s Unauthorized body to %s', async (_, authorization) => {
    const answer = await rawRequest(`${mock().url}${verifyPath()}`, { headers: { authorization } });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual(unauthorized);
  });

  it('accepts the path’s Auth ID with any non-empty token', async () => {
    const answer = await rawRequest(`${mock().url}${verifyPath()}`, {
      headers: { authorization: basic(`${AUTH_ID}:any-token`) },
    });
    expect(answer.status).toBe(200);
  });
});

describe('stateful', () => {
  const mock = statefulMockForThisFile();
  const owner = basic(`${AUTH_ID}:owner-token`);

  it.each(refused)(
    'answers 401 to %s and leaves the account’s session as it was',
    async (_, authorization) => {
      const created = await rawRequest(`${mock().url}/v1/Account/${AUTH_ID}/Masking/Session/`, {
        method: 'POST',
        headers: { authorization: owner, 'content-type': 'application/json' },
        body: JSON.stringify({ first_party: '919003459051', second_party: '918197241073' }),
      });
      const uuid = JSON.parse(created.body).session_uuid as string;
      const deleted = await rawRequest(`${mock().url}${maskingPath(AUTH_ID, uuid)}`, {
        method: 'DELETE',
        headers: { authorization },
      });
      expect(deleted.status).toBe(401);
      const body = JSON.parse(deleted.body);
      expect(schemaErrors('deleteMaskingSession', '401', body)).toBe('');
      expect(body).toEqual(unauthorized);

      const got = await rawRequest(`${mock().url}${maskingPath(AUTH_ID, uuid)}`, {
        headers: { authorization: owner },
      });
      expect(JSON.parse(got.body).response.status).toBe('active');
    },
  );
});
