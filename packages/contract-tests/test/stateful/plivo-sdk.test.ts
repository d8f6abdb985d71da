import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { ACCOUNT_A, TOKEN } from './support/accounts.js';
import { statefulMockForThisFile } from './support/stateful-mock.js';

// Plivo's official Node SDK (plivo-node), unchanged, runs the whole Verify flow against the stateful mock:
// send, validate with the OTP read from the mock's handle, and get shows the session verified.

const require = createRequire(import.meta.url);
const plivo = require('plivo') as typeof import('plivo');

const mock = statefulMockForThisFile();

it('creates a session, validates it with the OTP from the handle, and gets it verified', async () => {
  const client = new plivo.Client(ACCOUNT_A, TOKEN, { url: `${mock().url}/v1/Account/${ACCOUNT_A}` });

  const sent = await client.verify_session.create({ recipient: '+919380013443', channel: 'sms' });
  expect(sent).toMatchObject({ message: 'Session initiated', sessionUuid: expect.any(String) });
  const uuid = sent.sessionUuid;
  expect((await client.verify_session.get(uuid)).status).toBe('in-progress');

  const otp = mock().otp(uuid);
  const wrong = otp === '000000' ? '111111' : '000000';
  await expect(client.verify_session.validate({ id: uuid, otp: wrong })).rejects.toMatchObject({
    status: 400,
    message: 'Invalid OTP',
  });

  const validated = await client.verify_session.validate({ id: uuid, otp });
  expect(validated).toMatchObject({ message: 'session validated successfully.' });

  const session = await client.verify_session.get(uuid);
  expect(session).toMatchObject({
    sessionUuid: uuid,
    status: 'verified',
    recipient: '919380013443',
    count: 1,
  });

  // plivo-node's typings declare one session here; it resolves `{ api_id, meta, sessions }`.
  const listed = (await client.verify_session.list({ status: 'verified' })) as unknown as {
    sessions: { sessionUuid: string }[];
  };
  expect(listed.sessions.map((s) => s.sessionUuid)).toEqual([uuid]);
});
