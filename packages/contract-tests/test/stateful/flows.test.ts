import { createRequire } from 'node:module';
import { BadRequestError, NotFoundError, type PlivoApiError } from '@plivo-openapi/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { startExpectingRefusal } from '../support/refused-start.js';
import { schemaErrors } from '../support/spec.js';
import { ACCOUNT_A, ACCOUNT_B, basicAuth, clientOf, TOKEN } from './support/accounts.js';
import { statefulMockForThisFile } from './support/stateful-mock.js';

// Whole flows through our client's resource methods, then through Plivo's own Node SDK, against one stateful
// mock. Every body is also checked against the spec's schema for its operation and status (the client unwraps
// some; they are put back as sent). Each test starts from an empty mock.

const require = createRequire(import.meta.url);
const plivoSdk = require('plivo') as typeof import('plivo');

const mock = statefulMockForThisFile();
beforeEach(() => mock().reset());
const plivo = (authId = ACCOUNT_A) => clientOf(mock().url, authId);

/** The error a call was refused with; fails the test when the call succeeded. */
async function refusal(call: Promise<unknown>): Promise<PlivoApiError> {
  const outcome = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(outcome instanceof BadRequestError || outcome instanceof NotFoundError)) {
    throw new Error(`expected the mock to refuse the call with 400 or 404; got ${String(outcome)}`);
  }
  return outcome;
}
/** An error body as the mock sent it, from what the client's error keeps of it. */
const errorBody = ({ apiId, error }: PlivoApiError) => ({ api_id: apiId, error });
// biome-ignore lint/suspicious/noExplicitAny: a JSON body, read field by field in the assertions.
type Json = Record<string, any>;

describe('masking: create → get → update → list → delete → get', () => {
  it('keeps one session through its whole life, each answer as the spec describes it', async () => {
    const { maskingSessions } = plivo();
    const created = await maskingSessions.create({
      first_party: '+919003459051',
      second_party: '918197241073',
      session_expiry: 600,
      callback_url: 'https://example.com/masking/status',
    });
    expect(schemaErrors('createMaskingSession', '201', created)).toBe('');
    const uuid = created.session_uuid;

    const got = await maskingSessions.get(uuid);
    expect(schemaErrors('getMaskingSession', '200', { api_id: got.api_id, response: got })).toBe('');
    expect(got).toEqual(created.session);
    expect(got).toMatchObject({ status: 'active', first_party: '919003459051', duration: 600 });

    mock().advanceTime(60_000);
    const updated = await maskingSessions.update(uuid, {
      session_expiry: 1200,
      ring_timeout: 30,
      record: true,
    });
    expect(schemaErrors('updateMaskingSession', '200', updated)).toBe('');
    expect(updated.session).toMatchObject({ ring_timeout: 30, record: true, duration: 1260 });
    expect(await maskingSessions.get(uuid)).toEqual(updated.session);

    const others = [];
    for (const party of ['14155550100', '14155550101', '14155550102']) {
      others.push(await maskingSessions.create({ first_party: party, second_party: '918197241073' }));
    }
    const filtered = await maskingSessions.list({ first_party: '919003459051', status: 'active' });
    expect(filtered.data.map((s) => s.session_uuid)).toEqual([uuid]);
    expect(filtered.meta.total_count).toBe(1);
    expect(
      schemaErrors('listMaskingSessions', '200', {
        api_id: filtered.api_id,
        response: { meta: filtered.meta, objects: filtered.data },
      }),
    ).toBe('');

    const firstPage = await maskingSessions.list({ second_party: '918197241073', limit: 2 });
    expect(firstPage.meta).toMatchObject({ limit: 2, offset: 0, total_count: 4, previous: null });
    expect(firstPage.meta.next).toBe(
      `/v1/Account/${ACCOUNT_A}/Masking/Session/?second_party=918197241073&limit=2&offset=2`,
    );
    expect(firstPage.hasNextPage()).toBe(true);
    const secondPage = await firstPage.nextPage();
    expect(secondPage.meta).toMatchObject({ offset: 2, next: null });
    expect(secondPage.hasNextPage()).toBe(false);
    const newestFirst = [...others.map((s) => s.session_uuid).reverse(), uuid];
    expect([...firstPage.data, ...secondPage.data].map((s) => s.session_uuid)).toEqual(newestFirst);
    const iterated = [];
    for await (const session of maskingSessions.list({ second_party: '918197241073', limit: 3 })) {
      iterated.push(session.session_uuid);
    }
    expect(iterated).toEqual(newestFirst);

    const deleted = await maskingSessions.delete(uuid);
    expect(schemaErrors('deleteMaskingSession', '200', deleted)).toBe('');
    expect((await maskingSessions.get(uuid)).status).toBe('expired');

    const again = await refusal(maskingSessions.delete(uuid));
    expect(again).toBeInstanceOf(BadRequestError);
    expect(again.error).toBe('Session already expired');
    expect(schemaErrors('deleteMaskingSession', '400', errorBody(again))).toBe('');
  });

  it('answers 404 with Plivo’s error body for a session it never had', async () => {
    const missing = await refusal(plivo().maskingSessions.get('c28b77d4-21e7-43bd-9447-04bfee92e651'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.error).toBe('not found');
    expect(schemaErrors('getMaskingSession', '404', errorBody(missing))).toBe('');
  });

  it('keeps the accounts apart', async () => {
    const { session_uuid } = await plivo(ACCOUNT_A).maskingSessions.create({
      first_party: '14155550199',
      second_party: '14155550198',
    });
    expect(await refusal(plivo(ACCOUNT_B).maskingSessions.get(session_uuid))).toBeInstanceOf(NotFoundError);
    expect(await refusal(plivo(ACCOUNT_B).maskingSessions.delete(session_uuid))).toBeInstanceOf(
      NotFoundError,
    );
    expect((await plivo(ACCOUNT_A).maskingSessions.get(session_uuid)).status).toBe('active');
  });
});

describe('masking paths as each SDK sends them', () => {
  it('reaches the same session at every trailing-slash form, .NET’s double slash included', async () => {
    const base = `${mock().url}/v1/Account/${ACCOUNT_A}/Masking/Session`;
    const headers = { authorization: basicAuth(), 'content-type': 'application/json' };
    const send = async (method: string, url: string, body?: unknown) => {
      const answer = await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: answer.status, body: (await answer.json()) as Json };
    };
    // Plivo's docs: no slash on create; Python, Go, Java, PHP, Ruby: a slash on update; .NET: `//` on delete.
    const created = await send('POST', base, { first_party: '14155550180', second_party: '14155550181' });
    expect(created.status).toBe(201);
    const uuid = created.body.session_uuid as string;
    expect((await send('POST', `${base}/${uuid}/`, { ring_timeout: 25 })).body.session.ring_timeout).toBe(25);
    expect((await send('GET', `${base}/${uuid}/`)).body.response.ring_timeout).toBe(25);
    expect((await send('DELETE', `${base}//${uuid}/`)).status).toBe(200);
    expect(
      (await send('GET', `${base}?status=expired`)).body.response.objects.map(
        (s: { session_uuid: string }) => s.session_uuid,
      ),
    ).toContain(uuid);
    expect((await plivo().maskingSessions.get(uuid)).status).toBe('expired');
  });
});

// plivo-ruby's SessionInterface#create sends each of these, as null when not given.
const RUBY_UNSET_OPTIONS = ['app_uuid', 'channel', 'url', 'method', 'locale', 'brand_name', 'app_hash'];

describe('a Verify send as Plivo’s Ruby SDK makes it', () => {
  it('takes every option it was not given as null, and opens the session with the defaults', async () => {
    const answer = await fetch(`${mock().url}/v1/Account/${ACCOUNT_A}/Verify/Session/`, {
      method: 'POST',
      headers: { authorization: basicAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({
        recipient: '919380013443',
        ...Object.fromEntries(RUBY_UNSET_OPTIONS.map((option) => [option, null])),
      }),
    });
    expect(answer.status).toBe(202);
    const { session_uuid } = (await answer.json()) as Json;
    const session = await plivo().verifySessions.get(session_uuid);
    expect(session).toMatchObject({ channel: 'sms', locale: 'en', status: 'in-progress' });
    expect(session.app_uuid).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('Verify: send → validate wrong → validate right → get', () => {
  it('verifies a session with the OTP read from the handle', async () => {
    const { verifySessions } = plivo();
    const sent = await verifySessions.create({ recipient: '+919380013443', channel: 'sms', code_length: 6 });
    expect(schemaErrors('createVerifySession', '202', sent)).toBe('');
    const uuid = sent.session_uuid;
    const otp = mock().otp(uuid);
    expect(otp).toMatch(/^[0-9]{6}$/);

    const wrong = await refusal(verifySessions.validate(uuid, otp === '000000' ? '111111' : '000000'));
    expect(wrong).toBeInstanceOf(BadRequestError);
    expect(wrong.error).toBe('Invalid OTP');
    expect(schemaErrors('validateVerifySession', '400', errorBody(wrong))).toBe('');
    expect((await verifySessions.get(uuid)).status).toBe('in-progress');

    const right = await verifySessions.validate(uuid, otp);
    expect(schemaErrors('validateVerifySession', '200', right)).toBe('');
    expect(right).toMatchObject({ message: 'session validated successfully.', session_uuid: uuid });

    const session = await verifySessions.get(uuid);
    expect(schemaErrors('getVerifySession', '200', { ...session, api_id: session.api_id })).toBe('');
    expect(session).toMatchObject({ status: 'verified', count: 1, recipient: '919380013443' });
    expect(session.charges.validation_charge).not.toBe('0.0000');

    const listed = await verifySessions.list({ status: 'verified', recipient: '919380013443' });
    expect(listed.data.map((s) => s.session_uuid)).toEqual([uuid]);
    expect(
      schemaErrors('listVerifySessions', '200', {
        api_id: listed.api_id,
        meta: listed.meta,
        sessions: listed.data,
      }),
    ).toBe('');
  });

  it('refuses the 11th validation attempt', async () => {
    const { verifySessions } = plivo();
    const { session_uuid } = await verifySessions.create({ recipient: '14155550142' });
    const otp = mock().otp(session_uuid);
    const wrong = otp === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect((await refusal(verifySessions.validate(session_uuid, wrong))).error).toBe('Invalid OTP');
    }
    const refused = await refusal(verifySessions.validate(session_uuid, otp));
    expect(refused).toBeInstanceOf(BadRequestError);
    expect(refused.error).toBe('Maximum validation attempts exceeded for this session');
    expect(schemaErrors('validateVerifySession', '400', errorBody(refused))).toBe('');
  });
});

describe('time is the mock’s clock', () => {
  it('expires a masking session and a Verify session when advanceTime passes their expiry', async () => {
    const { maskingSessions, verifySessions } = plivo();
    const masked = (
      await maskingSessions.create({
        first_party: '14155550170',
        second_party: '14155550171',
        session_expiry: 300,
      })
    ).session_uuid;
    const otpSession = (await verifySessions.create({ recipient: '14155550172' })).session_uuid;

    mock().advanceTime(299_000);
    expect((await maskingSessions.get(masked)).status).toBe('active');
    expect((await verifySessions.get(otpSession)).status).toBe('in-progress');

    mock().advanceTime(1_000);
    expect((await maskingSessions.get(masked)).status).toBe('expired');
    expect((await refusal(maskingSessions.delete(masked))).error).toBe('Session already expired');

    mock().advanceTime(300_000); // Verify codes are valid for 10 minutes
    expect((await verifySessions.get(otpSession)).status).toBe('expired');
    expect((await refusal(verifySessions.validate(otpSession, mock().otp(otpSession)))).error).toBe(
      'Session expired',
    );
  });
});

describe('Plivo’s Node SDK (plivo-node), unchanged: send → validate → get → list', () => {
  it('creates a session, validates it with the OTP from the handle, and gets it verified', async () => {
    const client = new plivoSdk.Client(ACCOUNT_A, TOKEN, { url: `${mock().url}/v1/Account/${ACCOUNT_A}` });

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
});

describe('bad input to the stateful controls and options', () => {
  it('names the session when asked for the OTP of one it does not have', () => {
    expect(() => mock().otp('c28b77d4-21e7-43bd-9447-04bfee92e651')).toThrow(
      'otp: the mock has no Verify session c28b77d4-21e7-43bd-9447-04bfee92e651. Create one first',
    );
  });

  it.each([undefined, 123])(
    'refuses a session_uuid that is not a string (%s), saying what to pass',
    (uuid) => {
      expect(() => mock().otp(uuid as never)).toThrow(
        new TypeError(
          `otp: pass the session_uuid of a Verify session the mock created, a string; got ${uuid}.`,
        ),
      );
    },
  );

  it.each([-1, Number.NaN])('refuses to move the clock by %s', (ms) => {
    expect(() => mock().advanceTime(ms)).toThrow(
      'advanceTime: `ms` must be a finite number of milliseconds >= 0',
    );
  });

  it.each([
    [
      { stateful: true, upstream: 'http://127.0.0.1:9' },
      "`stateful` answers from the mock's own sessions and `upstream`",
    ],
    [{ stateful: { otp: '12' } }, '`stateful.otp` must be a string of 4 to 8 digits'],
    [{ stateful: { otp: '123456789' } }, '`stateful.otp` must be a string of 4 to 8 digits'],
    [{ stateful: { otp: 123456 as unknown as string } }, '`stateful.otp` must be a string of 4 to 8 digits'],
  ])('refuses startMock(%j) before starting anything', async (options, message) => {
    await expect(startExpectingRefusal(options)).rejects.toThrow(message);
  });

  it.each([
    ['a bigint', 123456n],
    ['a symbol', Symbol('otp')],
    ['123456', 123456],
  ])('names a stateful.otp that is not a string as what it is: %s', async (described, otp) => {
    await expect(startExpectingRefusal({ stateful: { otp: otp as unknown as string } })).rejects.toThrow(
      `\`stateful.otp\` must be a string of 4 to 8 digits, as Verify codes are (e.g. '123456'); got ${described}.`,
    );
  });
});
