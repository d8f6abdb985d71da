import { describe, expect, it } from 'vitest';
import { statefulMockForThisFile } from './stateful/support/stateful-mock.js';
import { AUTH_ID, BASIC_AUTH, maskingPath, SESSION_UUID } from './support/credentials.js';
import { mockForThisFile } from './support/mock-for-file.js';
import { rawRequest } from './support/raw-request.js';
import { examples } from './support/spec.js';

// Plivo's Python SDK deletes a masking session with `Content-Type: application/json` and the body
// `{"session_uuid": ...}`, which the spec's delete description calls not needed. Prism alone refuses any body
// there (400, "No supported content types, but request included a non-empty body"); the mock drops it, in both
// modes, as it drops a GET's.

const pythonDelete = (uuid: string) => ({
  method: 'DELETE',
  headers: { authorization: BASIC_AUTH, 'content-type': 'application/json' },
  body: JSON.stringify({ session_uuid: uuid }),
});

describe('stateless', () => {
  const mock = mockForThisFile();

  it('Prism alone refuses the SDK’s DELETE', async () => {
    const answer = await rawRequest(`${mock().prismUrl}${maskingPath()}`, pythonDelete(SESSION_UUID));
    expect(answer.status).toBe(400);
  });

  it('the mock answers it with the spec’s 200 example', async () => {
    const answer = await rawRequest(`${mock().url}${maskingPath()}`, pythonDelete(SESSION_UUID));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual(examples('deleteMaskingSession')[0]?.[1]);
  });

  it('still refuses it without credentials', async () => {
    const { authorization: _, ...headers } = pythonDelete(SESSION_UUID).headers;
    const answer = await rawRequest(`${mock().url}${maskingPath()}`, {
      ...pythonDelete(SESSION_UUID),
      headers,
    });
    expect(answer.status).toBe(401);
  });
});

describe('stateful', () => {
  const mock = statefulMockForThisFile();

  it('expires the session the SDK’s DELETE names', async () => {
    const created = await rawRequest(`${mock().url}/v1/Account/${AUTH_ID}/Masking/Session/`, {
      method: 'POST',
      headers: { authorization: BASIC_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ first_party: '919003459051', second_party: '918197241073' }),
    });
    const uuid = JSON.parse(created.body).session_uuid as string;
    const deleted = await rawRequest(`${mock().url}${maskingPath(AUTH_ID, uuid)}`, pythonDelete(uuid));
    expect(deleted.status, deleted.body).toBe(200);
    const got = await rawRequest(`${mock().url}${maskingPath(AUTH_ID, uuid)}`, {
      headers: { authorization: BASIC_AUTH },
    });
    expect(JSON.parse(got.body).response.status).toBe('expired');
  });
});
