import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../support/spec.js';
import { ACCOUNT_A, basicAuth } from './support/accounts.js';
import { statefulMockForThisFile } from './support/stateful-mock.js';

// UUIDs are case-insensitive and the spec's SessionUuid allows A-F: a session is found whatever case its uuid
// is sent in, and keeps the uuid it was created with.

const OTP = '864213';
const mock = statefulMockForThisFile({ otp: OTP });
const A = `/v1/Account/${ACCOUNT_A}`;
// biome-ignore lint/suspicious/noExplicitAny: a JSON body, read field by field in the assertions.
type Json = Record<string, any>;

async function call(method: string, path: string, body?: unknown) {
  const answer = await fetch(`${mock().url}${A}${path}`, {
    method,
    headers: { authorization: basicAuth(), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: answer.status, body: (await answer.json()) as Json };
}

describe('an upper-case session_uuid', () => {
  it('gets, updates and deletes the masking session, which keeps its own uuid', async () => {
    const created = await call('POST', '/Masking/Session/', {
      first_party: '919003459051',
      second_party: '918197241073',
    });
    const uuid = String(created.body.session_uuid);
    const upper = uuid.toUpperCase();
    expect(upper).not.toBe(uuid);

    const got = await call('GET', `/Masking/Session/${upper}`);
    expect(got.status).toBe(200);
    expect(got.body.response.session_uuid).toBe(uuid);
    const updated = await call('POST', `/Masking/Session/${upper}`, { ring_timeout: 30 });
    expect(updated.status).toBe(200);
    expect(updated.body.session).toMatchObject({ session_uuid: uuid, ring_timeout: 30 });
    expect((await call('DELETE', `/Masking/Session/${upper}`)).status).toBe(200);
    expect((await call('GET', `/Masking/Session/${uuid}`)).body.response.status).toBe('expired');
  });

  it('gets and validates the Verify session, answering with its own uuid', async () => {
    const sent = await call('POST', '/Verify/Session/', { recipient: '+919003459051' });
    const uuid = String(sent.body.session_uuid);
    const upper = uuid.toUpperCase();

    const got = await call('GET', `/Verify/Session/${upper}/`);
    expect(got.status).toBe(200);
    expect(got.body.session_uuid).toBe(uuid);
    expect(mock().otp(upper)).toBe(OTP);
    const validated = await call('POST', `/Verify/Session/${upper}/`, { otp: OTP });
    expect(validated.status).toBe(200);
    expect(schemaErrors('validateVerifySession', '200', validated.body)).toBe('');
    expect(validated.body.session_uuid).toBe(uuid);
    expect((await call('GET', `/Verify/Session/${uuid}/`)).body.status).toBe('verified');
  });
});
