import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../support/spec.js';
import { ACCOUNT_A, ACCOUNT_B, clientOf } from './support/accounts.js';
import { CallFailed, sessionApi } from './support/session-api.js';
import { statefulMockForThisFile } from './support/stateful-mock.js';

// Whole flows through our client against one stateful mock. Every body is checked against the spec's schema
// for its operation and status.

const mock = statefulMockForThisFile();
const api = (authId = ACCOUNT_A) => sessionApi(clientOf(mock().url, authId), authId);

/** The answer a call failed with; fails the test when the call succeeded. */
async function failure(call: Promise<unknown>): Promise<CallFailed> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof CallFailed))
    throw new Error(`expected the mock to refuse the call; got ${String(error)}`);
  return error;
}

describe('masking: create → get → update → list → delete → get', () => {
  it('keeps one session through its whole life, each answer as the spec describes it', async () => {
    const { masking } = api();
    const created = await masking.create({
      first_party: '+919003459051',
      second_party: '918197241073',
      session_expiry: 600,
      callback_url: 'https://example.com/masking/status',
    });
    expect(schemaErrors('createMaskingSession', '201', created)).toBe('');
    const uuid = created.session_uuid;

    const got = await masking.get(uuid);
    expect(schemaErrors('getMaskingSession', '200', got)).toBe('');
    expect(got.response).toEqual(created.session);
    expect(got.response).toMatchObject({ status: 'active', first_party: '919003459051', duration: 600 });

    mock().advanceTime(60_000);
    const updated = await masking.update(uuid, { session_expiry: 1200, ring_timeout: 30, record: true });
    expect(schemaErrors('updateMaskingSession', '200', updated)).toBe('');
    expect(updated.session).toMatchObject({ ring_timeout: 30, record: true, duration: 1260 });
    expect((await masking.get(uuid)).response).toEqual(updated.session);

    const others = await Promise.all(
      ['14155550100', '14155550101', '14155550102'].map((party) =>
        masking.create({ first_party: party, second_party: '918197241073' }),
      ),
    );
    const filtered = await masking.list({ first_party: '919003459051', status: 'active' });
    expect(schemaErrors('listMaskingSessions', '200', filtered)).toBe('');
    expect(filtered.response.objects.map((s) => s.session_uuid)).toEqual([uuid]);
    expect(filtered.response.meta.total_count).toBe(1);

    const firstPage = await masking.list({ second_party: '918197241073', limit: 2 });
    const secondPage = await masking.list({ second_party: '918197241073', limit: 2, offset: 2 });
    expect(firstPage.response.meta).toMatchObject({ limit: 2, offset: 0, total_count: 4, previous: null });
    expect(firstPage.response.meta.next).toBe(
      `/v1/Account/${ACCOUNT_A}/Masking/Session/?second_party=918197241073&limit=2&offset=2`,
    );
    expect(secondPage.response.meta.next).toBeNull();
    const listed = [...firstPage.response.objects, ...secondPage.response.objects].map((s) => s.session_uuid);
    expect(listed).toEqual([...others.map((s) => s.session_uuid).reverse(), uuid].slice(0, 4));

    const deleted = await masking.delete(uuid);
    expect(schemaErrors('deleteMaskingSession', '200', deleted)).toBe('');
    expect((await masking.get(uuid)).response.status).toBe('expired');

    const again = await failure(masking.delete(uuid));
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: 'Session already expired' });
    expect(schemaErrors('deleteMaskingSession', '400', again.body)).toBe('');
  });

  it('answers 404 with Plivo’s error body for a session it never had', async () => {
    const missing = await failure(api().masking.get('c28b77d4-21e7-43bd-9447-04bfee92e651'));
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ api_id: expect.any(String), error: 'not found' });
    expect(schemaErrors('getMaskingSession', '404', missing.body)).toBe('');
  });

  it('keeps the accounts apart', async () => {
    const uuid = (
      await api(ACCOUNT_A).masking.create({ first_party: '14155550199', second_party: '14155550198' })
    ).session_uuid;
    expect((await failure(api(ACCOUNT_B).masking.get(uuid))).status).toBe(404);
    expect((await failure(api(ACCOUNT_B).masking.delete(uuid))).status).toBe(404);
    expect((await api(ACCOUNT_A).masking.get(uuid)).response.status).toBe('active');
  });
});

describe('Verify: send → validate wrong → validate right → get', () => {
  it('verifies a session with the OTP read from the handle', async () => {
    const { verify } = api();
    const sent = await verify.create({ recipient: '+919380013443', channel: 'sms', code_length: 6 });
    expect(schemaErrors('createVerifySession', '202', sent)).toBe('');
    const uuid = sent.session_uuid;
    const otp = mock().otp(uuid);
    expect(otp).toMatch(/^[0-9]{6}$/);

    const wrong = await failure(verify.validate(uuid, otp === '000000' ? '111111' : '000000'));
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: 'Invalid OTP' });
    expect(schemaErrors('validateVerifySession', '400', wrong.body)).toBe('');
    expect((await verify.get(uuid)).status).toBe('in-progress');

    const right = await verify.validate(uuid, otp);
    expect(schemaErrors('validateVerifySession', '200', right)).toBe('');
    expect(right).toMatchObject({ message: 'session validated successfully.', session_uuid: uuid });

    const session = await verify.get(uuid);
    expect(schemaErrors('getVerifySession', '200', session)).toBe('');
    expect(session).toMatchObject({ status: 'verified', count: 1, recipient: '919380013443' });
    expect(session.charges.validation_charge).not.toBe('0.0000');

    const listed = await verify.list({ status: 'verified', recipient: '919380013443' });
    expect(schemaErrors('listVerifySessions', '200', listed)).toBe('');
    expect((listed.sessions ?? []).map((s) => s.session_uuid)).toEqual([uuid]);
  });

  it('refuses the 11th validation attempt', async () => {
    const { verify } = api();
    const uuid = (await verify.create({ recipient: '14155550142' })).session_uuid;
    const otp = mock().otp(uuid);
    const wrong = otp === '0000' ? '1111' : '0000';
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect((await failure(verify.validate(uuid, wrong))).body).toMatchObject({ error: 'Invalid OTP' });
    }
    const refused = await failure(verify.validate(uuid, otp));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'Maximum validation attempts exceeded for this session' });
    expect(schemaErrors('validateVerifySession', '400', refused.body)).toBe('');
  });
});

describe('time is the mock’s clock', () => {
  it('expires a masking session and a Verify session when advanceTime passes their expiry', async () => {
    const { masking, verify } = api();
    const masked = (
      await masking.create({ first_party: '14155550170', second_party: '14155550171', session_expiry: 300 })
    ).session_uuid;
    const otpSession = (await verify.create({ recipient: '14155550172' })).session_uuid;

    mock().advanceTime(299_000);
    expect((await masking.get(masked)).response.status).toBe('active');
    expect((await verify.get(otpSession)).status).toBe('in-progress');

    mock().advanceTime(1_000);
    const expired = await masking.get(masked);
    expect(expired.response.status).toBe('expired');
    expect(schemaErrors('getMaskingSession', '200', expired)).toBe('');
    expect((await failure(masking.delete(masked))).body).toMatchObject({ error: 'Session already expired' });

    mock().advanceTime(300_000); // Verify codes are valid for 10 minutes
    expect((await verify.get(otpSession)).status).toBe('expired');
    const late = await failure(verify.validate(otpSession, mock().otp(otpSession)));
    expect(late.body).toMatchObject({ error: 'Session expired' });
  });
});
