import { beforeEach, describe, expect, it } from 'vitest';
import type { CallbackEvent } from '../../src/stateful/callback-event.js';
import type { VirtualClock } from '../../src/stateful/clock.js';
import type { StateEngine, StateRequest } from '../../src/stateful/engine.js';
import { MAX_VALIDATIONS, OTP_VALIDITY_MS } from '../../src/stateful/verify-sessions.js';
import {
  ACCOUNT,
  answerFrom,
  engineOnVirtualClock,
  type Json,
  OTHER,
  UNKNOWN,
} from './support/engine-on-virtual-clock.js';

// The Verify half of the state engine alone: no Prism, no HTTP.

let clock: VirtualClock;
let engine: StateEngine;
let callbacks: CallbackEvent[];

function setUp(otp?: string) {
  ({ clock, engine, callbacks } = engineOnVirtualClock(otp));
}
beforeEach(() => setUp());

const call = (operationId: string, params: Partial<StateRequest> = {}) =>
  answerFrom(engine, operationId, { requestorIp: '203.0.113.7', ...params });

const send = (body: Record<string, unknown> = {}, authId = ACCOUNT) =>
  call('createVerifySession', { authId, body: { recipient: '+919380013443', ...body } });
const get = (sessionUuid: string, authId = ACCOUNT) => call('getVerifySession', { authId, sessionUuid });
const validate = (sessionUuid: string, otp: string) =>
  call('validateVerifySession', { sessionUuid, body: { otp } });
const list = (query = '', authId = ACCOUNT) =>
  call('listVerifySessions', { authId, query: new URLSearchParams(query) });
const uuidsOf = (answer: { body: Json }) =>
  answer.body.sessions.map((s: { session_uuid: string }) => s.session_uuid);

describe('send (create)', () => {
  it('answers 202 with the new session’s uuid', () => {
    const { status, body } = send();
    expect(status).toBe(202);
    expect(body).toEqual({
      api_id: expect.any(String),
      message: 'Session initiated',
      session_uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('refuses a recipient of a bare `+` (no number), starting no session', () => {
    expect(send({ recipient: '+' })).toEqual({
      status: 400,
      body: { api_id: expect.any(String), error: 'invalid request' },
    });
    expect(list().body.sessions).toEqual([]);
  });

  it('starts an in-progress session with one attempt and its charge', () => {
    const uuid = send({ channel: 'voice', locale: 'en_US' }).body.session_uuid;
    const session = get(uuid).body;
    expect(session).toMatchObject({
      session_uuid: uuid,
      recipient: '919380013443',
      channel: 'voice',
      status: 'in-progress',
      count: 1,
      requestor_ip: '203.0.113.7',
      destination_country_iso2: 'IN',
      locale: 'en_US',
      created_at: '2026-11-30T09:00:00.000000Z',
      attempt_details: [{ channel: 'voice', status: 'answer', time: '2026-11-30T09:00:00.000000Z' }],
      charges: { total_charge: '0.00600', validation_charge: '0.0000' },
    });
    expect(session.charges.attempt_charges).toEqual([
      { attempt_uuid: session.attempt_details[0].attempt_uuid, channel: 'voice', charge: '0.00600' },
    ]);
  });

  it.each([4, 6, 8])('makes an OTP of code_length %i digits', (length) => {
    const uuid = send({ code_length: length }).body.session_uuid;
    expect(engine.otp(uuid)).toMatch(new RegExp(`^[0-9]{${length}}$`));
  });

  it('makes 6-digit OTPs when code_length is absent or 0 (the .NET SDK’s unset value)', () => {
    expect(engine.otp(send().body.session_uuid)).toMatch(/^[0-9]{6}$/);
    expect(engine.otp(send({ recipient: '14155550100', code_length: 0 }).body.session_uuid)).toMatch(
      /^[0-9]{6}$/,
    );
  });

  it('gives every session the fixed OTP when the mock has one', () => {
    setUp('123456');
    expect(engine.otp(send({ code_length: 4 }).body.session_uuid)).toBe('123456');
  });

  it('uses the OTP the request brings (the Python SDK’s custom OTP)', () => {
    expect(engine.otp(send({ otp: '9090' }).body.session_uuid)).toBe('9090');
  });

  it('adds an attempt with the same OTP to the open session of the same recipient', () => {
    const first = send({ callback_url: undefined }).body.session_uuid;
    clock.advance(30_000);
    const second = send({ channel: 'voice' }).body.session_uuid;
    expect(second).toBe(first);
    const session = get(first).body;
    expect(session).toMatchObject({ count: 2, channel: 'voice', updated_at: '2026-11-30T09:00:30.000000Z' });
    expect(session.attempt_details.map((a: { channel: string }) => a.channel)).toEqual(['sms', 'voice']);
    expect(session.charges).toMatchObject({ total_charge: '0.01100' });
    expect(session.charges.attempt_charges.map((c: { charge: string }) => c.charge)).toEqual([
      '0.00500',
      '0.00600',
    ]);
  });

  it('starts a new session for another recipient, another app or once the open one is closed', () => {
    const first = send().body.session_uuid;
    expect(send({ recipient: '14155550100' }).body.session_uuid).not.toBe(first);
    expect(send({ app_uuid: '854f110a-6244-4481-9d28-dddf58c7014b' }).body.session_uuid).not.toBe(first);
    validate(first, engine.otp(first) ?? '');
    expect(send().body.session_uuid).not.toBe(first);
  });

  it('keeps accounts apart: the same recipient in two accounts is two sessions', () => {
    const mine = send().body.session_uuid;
    const theirs = send({}, OTHER).body.session_uuid;
    expect(theirs).not.toBe(mine);
    expect(get(mine, OTHER).status).toBe(404);
  });
});

describe('validate', () => {
  it('verifies the session with the right OTP and charges the validation', () => {
    const uuid = send().body.session_uuid;
    clock.advance(5_000);
    expect(validate(uuid, engine.otp(uuid) ?? '')).toEqual({
      status: 200,
      body: { api_id: expect.any(String), message: 'session validated successfully.', session_uuid: uuid },
    });
    expect(get(uuid).body).toMatchObject({
      status: 'verified',
      updated_at: '2026-11-30T09:00:05.000000Z',
      charges: { total_charge: '0.05500', validation_charge: '0.05' },
    });
  });

  it('answers a wrong OTP with 400 Invalid OTP and leaves the session in progress', () => {
    const uuid = send().body.session_uuid;
    const wrong = engine.otp(uuid) === '000000' ? '111111' : '000000';
    expect(validate(uuid, wrong)).toEqual({
      status: 400,
      body: { api_id: expect.any(String), error: 'Invalid OTP' },
    });
    expect(get(uuid).body.status).toBe('in-progress');
    expect(engine.verify.validations(ACCOUNT, uuid)).toBe(1);
  });

  it(`allows ${MAX_VALIDATIONS} attempts and refuses the next one, even with the right OTP`, () => {
    const uuid = send().body.session_uuid;
    const otp = engine.otp(uuid) ?? '';
    const wrong = otp === '000000' ? '111111' : '000000';
    for (let i = 1; i < MAX_VALIDATIONS; i++) expect(validate(uuid, wrong).status).toBe(400);
    expect(validate(uuid, otp).status).toBe(200); // the 10th attempt still counts
    const other = send({ recipient: '14155550100' }).body.session_uuid;
    for (let i = 0; i < MAX_VALIDATIONS; i++) validate(other, wrong);
    expect(validate(other, engine.otp(other) ?? '')).toMatchObject({
      status: 400,
      body: { error: 'Maximum validation attempts exceeded for this session' },
    });
    expect(engine.verify.validations(ACCOUNT, other)).toBe(MAX_VALIDATIONS);
  });

  it('refuses a verified session and an expired one', () => {
    const uuid = send().body.session_uuid;
    validate(uuid, engine.otp(uuid) ?? '');
    expect(validate(uuid, engine.otp(uuid) ?? '')).toMatchObject({
      status: 400,
      body: { error: 'Session already verified' },
    });
    const late = send({ recipient: '14155550100' }).body.session_uuid;
    clock.advance(OTP_VALIDITY_MS);
    expect(validate(late, engine.otp(late) ?? '')).toMatchObject({
      status: 400,
      body: { error: 'Session expired' },
    });
  });

  it('answers an unknown uuid with 404', () => {
    expect(validate(UNKNOWN, '123456')).toEqual({
      status: 404,
      body: { api_id: expect.any(String), error: 'not found' },
    });
  });
});

describe('expiry on the clock', () => {
  it('expires an unverified session when its code runs out, and never a verified one', () => {
    const open = send().body.session_uuid;
    const verified = send({ recipient: '14155550100' }).body.session_uuid;
    validate(verified, engine.otp(verified) ?? '');
    clock.advance(OTP_VALIDITY_MS - 1);
    expect(get(open).body.status).toBe('in-progress');
    clock.advance(1);
    expect(get(open).body).toMatchObject({ status: 'expired', updated_at: '2026-11-30T09:10:00.000000Z' });
    expect(get(verified).body.status).toBe('verified');
  });

  it('starts a new session for a recipient whose session expired', () => {
    const first = send().body.session_uuid;
    clock.advance(OTP_VALIDITY_MS);
    expect(send().body.session_uuid).not.toBe(first);
  });
});

describe('list', () => {
  it('lists newest first with Verify’s meta (no total_count)', () => {
    const first = send().body.session_uuid;
    const second = send({ recipient: '14155550100' }).body.session_uuid;
    expect(list().body).toEqual({
      api_id: expect.any(String),
      meta: { limit: 20, offset: 0, next: null, previous: null },
      sessions: [get(second).body, get(first).body].map(({ api_id: _, ...session }) => session),
    });
  });

  it('pages and links the pages with relative URLs', () => {
    const uuids = Array.from(
      { length: 5 },
      (_, i) => send({ recipient: `1415555010${i}` }).body.session_uuid,
    );
    const page = list('limit=2&offset=2');
    expect(uuidsOf(page)).toEqual([uuids[2], uuids[1]]);
    expect(page.body.meta).toEqual({
      limit: 2,
      offset: 2,
      next: `/v1/Account/${ACCOUNT}/Verify/Session/?limit=2&offset=4`,
      previous: `/v1/Account/${ACCOUNT}/Verify/Session/?limit=2&offset=0`,
    });
  });

  // Prism's pattern lets a date through that does not exist: it is no filter that can match nothing.
  it.each(['session_time=2026-02-29 10:00', 'session_time__gt=2026-06-31 00:00'])(
    'refuses the filter %s, naming it',
    (query) => {
      const [name, value] = query.split('=') as [string, string];
      expect(list(query)).toMatchObject({
        status: 400,
        body: {
          error: `Invalid ${name} '${value}' provided: give a UTC time that exists, as YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`,
        },
      });
    },
  );

  it('filters by status, recipient, app, country and session time', () => {
    const india = send().body.session_uuid;
    clock.advance(300_000);
    const us = send({ recipient: '14155550100', app_uuid: '854f110a-6244-4481-9d28-dddf58c7014b' }).body
      .session_uuid;
    validate(us, engine.otp(us) ?? '');
    expect(uuidsOf(list('status=verified'))).toEqual([us]);
    expect(uuidsOf(list('status=in-progress'))).toEqual([india]);
    expect(uuidsOf(list('recipient=%2B919380013443'))).toEqual([india]);
    expect(uuidsOf(list('app_uuid=854f110a-6244-4481-9d28-dddf58c7014b'))).toEqual([us]);
    expect(uuidsOf(list('country=US'))).toEqual([us]);
    expect(uuidsOf(list('session_time__lt=2026-11-30 09:05'))).toEqual([india]);
    expect(uuidsOf(list('session_time__gte=2026-11-30 09:05'))).toEqual([us]);
    expect(uuidsOf(list('BrandName=&AppHash=&brand_name='))).toEqual([us, india]); // Go's empty filters
    // An empty time filter is no filter either, not an impossible time, nor one that lifts the 24-hour window.
    expect(uuidsOf(list('session_time=&session_time__lt='))).toEqual([us, india]);
  });

  it('covers the last 24 hours unless session_time says otherwise', () => {
    const old = send().body.session_uuid;
    clock.advance(25 * 3_600_000);
    expect(uuidsOf(list())).toEqual([]);
    expect(uuidsOf(list('session_time__gte=2026-11-30 00:00'))).toEqual([old]);
  });
});

describe('callbacks', () => {
  it('sends verify-status to url for each attempt, the verification and an expiry', () => {
    const uuid = send({ url: 'https://example.com/verify', method: 'GET' }).body.session_uuid;
    send({ channel: 'voice' });
    validate(uuid, engine.otp(uuid) ?? '');
    const expiring = send({ recipient: '14155550100', url: 'https://example.com/verify' }).body.session_uuid;
    clock.advance(OTP_VALIDITY_MS);
    expect(
      callbacks.map(({ params }) => [params.SessionUUID, params.SessionStatus, params.AttemptSequence]),
    ).toEqual([
      [uuid, 'in-progress', '1'],
      [uuid, 'in-progress', '2'],
      [uuid, 'verified', '2'],
      [expiring, 'in-progress', '1'],
      [expiring, 'expired', '1'],
    ]);
    expect(callbacks[1]).toMatchObject({
      authId: ACCOUNT,
      url: 'https://example.com/verify',
      method: 'GET',
      kind: 'verify-status',
      params: { Channel: 'voice', ChannelStatus: 'completed', Recipient: '919380013443' },
    });
    expect(callbacks[3]?.method).toBe('POST');
  });

  it('sends nothing for a session without url', () => {
    const uuid = send().body.session_uuid;
    validate(uuid, engine.otp(uuid) ?? '');
    expect(callbacks).toEqual([]);
  });
});
