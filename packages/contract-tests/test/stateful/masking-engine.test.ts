import { beforeEach, describe, expect, it } from 'vitest';
import type { CallbackEvent } from '../../src/stateful/callback-event.js';
import type { VirtualClock } from '../../src/stateful/clock.js';
import type { StateEngine, StateRequest } from '../../src/stateful/engine.js';
import {
  ACCOUNT,
  answerFrom,
  engineOnVirtualClock,
  OTHER,
  UNKNOWN,
} from './support/engine-on-virtual-clock.js';

// The state engine alone: no Prism, no HTTP. The HTTP tests prove the same flows through real clients.

let clock: VirtualClock;
let engine: StateEngine;
let callbacks: CallbackEvent[];

beforeEach(() => {
  ({ clock, engine, callbacks } = engineOnVirtualClock());
});

const call = (operationId: string, params: Partial<StateRequest> = {}) =>
  answerFrom(engine, operationId, params);

const create = (body: Record<string, unknown> = {}, authId = ACCOUNT) =>
  call('createMaskingSession', {
    authId,
    body: { first_party: '+919003459051', second_party: '918197241073', ...body },
  });
const get = (sessionUuid: string, authId = ACCOUNT) => call('getMaskingSession', { authId, sessionUuid });
const list = (query = '', authId = ACCOUNT) =>
  call('listMaskingSessions', { authId, query: new URLSearchParams(query) });

describe('create', () => {
  it('answers 201 with the session, its uuid and virtual number, in Plivo time format', () => {
    const { status, body } = create({ session_expiry: 600 });
    expect(status).toBe(201);
    expect(body).toMatchObject({ message: 'Session created', session_uuid: body.session.session_uuid });
    expect(body.virtual_number).toBe(`+${body.session.virtual_number}`);
    expect(body.session).toMatchObject({
      first_party: '919003459051',
      second_party: '918197241073',
      status: 'active',
      created_time: '2026-11-30 09:00:00 +0000 UTC',
      modified_time: '2026-11-30 09:00:00 +0000 UTC',
      expiry_time: '2026-11-30 09:10:00 +0000 UTC',
      duration: 600,
      interaction: null,
      last_interaction_time: '',
    });
  });

  it.each([
    ['absent', {}],
    [
      '0, as the Go, Java and .NET SDKs send it unset',
      { session_expiry: 0, call_time_limit: 0, ring_timeout: 0 },
    ],
  ])('takes the observed defaults when the limits are %s', (_, limits) => {
    expect(create(limits).body.session).toMatchObject({
      duration: 1800,
      expiry_time: '2026-11-30 09:30:00 +0000 UTC',
      call_time_limit: 14_400,
      ring_timeout: 45,
    });
  });

  it('gives every session its own uuid and virtual number', () => {
    const sessions = Array.from({ length: 50 }, () => create().body);
    expect(new Set(sessions.map((s) => s.session_uuid)).size).toBe(50);
    expect(new Set(sessions.map((s) => s.virtual_number)).size).toBe(50);
  });

  it('leaves every PIN field null when PIN authentication is off', () => {
    expect(create({ first_party_pin: '1234' }).body.session).toMatchObject({
      is_pin_authentication_required: false,
      generate_pin: null,
      generate_pin_length: null,
      first_party_pin: null,
      second_party_pin: null,
      pin_prompt_play: null,
      pin_retry: null,
      pin_retry_wait: null,
      incorrect_pin_play: null,
    });
  });

  it('keeps the PINs it was given', () => {
    const { session } = create({
      is_pin_authentication_required: true,
      pin_prompt_play: 'https://example.com/audio/pin_prompt.mp3',
      first_party_pin: '1234',
      second_party_pin: '4321',
      pin_retry: 2,
      pin_retry_wait: 7,
    }).body;
    expect(session).toMatchObject({
      generate_pin: false,
      first_party_pin: '1234',
      second_party_pin: '4321',
      pin_retry: 2,
      pin_retry_wait: 7,
    });
  });

  it.each([4, 9, 15])('generates two different PINs of generate_pin_length %i digits', (length) => {
    const { session } = create({
      is_pin_authentication_required: true,
      pin_prompt_play: 'https://example.com/audio/pin_prompt.mp3',
      generate_pin: true,
      generate_pin_length: length,
    }).body;
    expect(session.first_party_pin).toMatch(new RegExp(`^[0-9]{${length}}$`));
    expect(session.second_party_pin).toMatch(new RegExp(`^[0-9]{${length}}$`));
    expect(session.first_party_pin).not.toBe(session.second_party_pin);
    expect(session.generate_pin_length).toBe(length);
  });
});

describe('get', () => {
  it('returns the created session, wrapped in `response`', () => {
    const created = create().body;
    expect(get(created.session_uuid)).toEqual({
      status: 200,
      body: { api_id: expect.any(String), response: created.session },
    });
  });

  it('answers an unknown uuid with 404 and Plivo’s error body', () => {
    expect(get(UNKNOWN)).toEqual({ status: 404, body: { api_id: expect.any(String), error: 'not found' } });
  });

  it('never shows one account’s session to another', () => {
    const mine = create().body.session_uuid;
    expect(get(mine, OTHER).status).toBe(404);
    expect(list('', OTHER).body.response.meta.total_count).toBe(0);
  });
});

describe('update', () => {
  const update = (sessionUuid: string, body: Record<string, unknown>) =>
    call('updateMaskingSession', { sessionUuid, body });

  it('changes what the API lets change and counts the new expiry from the update', () => {
    const uuid = create({ session_expiry: 600 }).body.session_uuid;
    clock.advance(60_000);
    const { status, body } = update(uuid, {
      session_expiry: 900,
      call_time_limit: 3600,
      ring_timeout: 30,
      record: true,
      record_file_format: 'wav',
      callback_url: 'https://example.com/status',
      callback_method: 'GET',
      session_uuid: uuid, // Plivo's Node SDK repeats it in the body
    });
    expect(status).toBe(200);
    expect(body.message).toBe('Session updated');
    expect(body.session).toMatchObject({
      modified_time: '2026-11-30 09:01:00 +0000 UTC',
      expiry_time: '2026-11-30 09:16:00 +0000 UTC',
      duration: 960,
      call_time_limit: 3600,
      ring_timeout: 30,
      record: true,
      record_file_format: 'wav',
      callback_url: 'https://example.com/status',
      callback_method: 'GET',
    });
    expect(get(uuid).body.response).toEqual(body.session);
  });

  it('leaves the limits alone when the Java SDK sends 0 for them', () => {
    const uuid = create({ session_expiry: 600, call_time_limit: 100 }).body.session_uuid;
    const { session } = update(uuid, { session_expiry: 0, call_time_limit: 0, ring_timeout: 0 }).body;
    expect(session).toMatchObject({ duration: 600, call_time_limit: 100, ring_timeout: 45 });
  });

  it.each(
    ['session_expiry', 'call_time_limit', 'ring_timeout'].flatMap((field) => [
      [field, -5],
      [field, Number.POSITIVE_INFINITY],
    ]),
  )(
    'refuses %s %d, as the API refuses one outside the allowed range, and changes nothing',
    (field, value) => {
      const uuid = create({ session_expiry: 600 }).body.session_uuid;
      expect(update(uuid, { [field]: value })).toEqual({
        status: 400,
        body: {
          api_id: expect.any(String),
          error: `${field} is outside the allowed range (${value} seconds)`,
        },
      });
      expect(get(uuid).body.response).toMatchObject({
        duration: 600,
        call_time_limit: 14400,
        ring_timeout: 45,
      });
    },
  );

  it('refuses to change the parties of a session created with both', () => {
    const uuid = create().body.session_uuid;
    expect(update(uuid, { second_party: '14155550100' })).toEqual({
      status: 400,
      body: {
        api_id: expect.any(String),
        error:
          'first_party and second_party can only be updated on a session created with create_session_with_single_party',
      },
    });
    expect(get(uuid).body.response.second_party).toBe('918197241073');
  });

  it('accepts the parties it already has (SDKs resend them)', () => {
    const uuid = create().body.session_uuid;
    expect(update(uuid, { first_party: '919003459051', geomatch: true }).status).toBe(200);
  });

  it.each([
    ['create_session_with_single_party', { create_session_with_single_party: true }],
    ['create_session_with_single_Party (the Go SDK’s spelling)', { create_session_with_single_Party: true }],
  ])('sets the missing party of a session created with %s', (_, flag) => {
    const uuid = create({ second_party: undefined, ...flag }).body.session_uuid;
    const { status, body } = update(uuid, { second_party: '+14155550100' });
    expect(status).toBe(200);
    expect(body.session.second_party).toBe('14155550100');
  });

  it('refuses a bare `+` for a party, which would be kept as an empty number, and keeps the session as it was', () => {
    const uuid = create({ first_party: undefined, create_session_with_single_party: true }).body.session_uuid;
    expect(update(uuid, { second_party: '+' })).toEqual({
      status: 400,
      body: { api_id: expect.any(String), error: 'invalid request' },
    });
    expect(get(uuid).body.response.second_party).toBe('918197241073');
  });

  it('refuses a change to a field fixed once the session exists', () => {
    const uuid = create().body.session_uuid;
    expect(update(uuid, { pin_retry: 3 })).toMatchObject({
      status: 400,
      body: { error: 'pin_retry cannot be changed on an existing session' },
    });
  });

  it.each<[string, unknown]>([
    ['generate_pin', true],
    ['generate_pin_length', 6],
    ['first_party_pin', '5678'],
    ['second_party_pin', '8765'],
    ['force_pin_authentication', true],
    ['geomatch', false],
    ['subaccount', 'SAOWRKMGU3YZCTZJXXXY'],
  ])('refuses a change of %s (the spec: the API refuses it), changing nothing', (field, value) => {
    const uuid = create({
      is_pin_authentication_required: true,
      pin_prompt_play: 'https://example.com/audio/pin_prompt.mp3',
      first_party_pin: '1234',
      second_party_pin: '4321',
    }).body.session_uuid;
    const before = get(uuid).body.response;
    expect(update(uuid, { [field]: value, ring_timeout: 30 })).toEqual({
      status: 400,
      body: { api_id: expect.any(String), error: `${field} cannot be changed on an existing session` },
    });
    expect(get(uuid).body.response).toEqual(before);
  });

  it('with PIN authentication off, accepts the PIN settings resent as create had them or at their defaults', () => {
    const uuid = create({ generate_pin_length: 6, pin_prompt_play: 'https://example.com/audio/pin.mp3' }).body
      .session_uuid;
    expect(get(uuid).body.response).toMatchObject({ generate_pin: null, generate_pin_length: null });
    const resent = {
      generate_pin: false,
      generate_pin_length: 6,
      pin_prompt_play: 'https://example.com/audio/pin.mp3',
      pin_retry: 1,
      pin_retry_wait: 5,
    };
    expect(update(uuid, resent).status).toBe(200);
    expect(update(uuid, { generate_pin_length: 4 })).toMatchObject({
      status: 400,
      body: { error: 'generate_pin_length cannot be changed on an existing session' },
    });
    expect(update(uuid, { generate_pin: true })).toMatchObject({
      status: 400,
      body: { error: 'generate_pin cannot be changed on an existing session' },
    });
    // Plivo's Java SDK sends 0 for an unset number: below the published range, it is the default.
    const fromJava = create({ generate_pin_length: 0, pin_retry_wait: 0 }).body.session_uuid;
    expect(update(fromJava, { generate_pin_length: 4, pin_retry_wait: 0 }).status).toBe(200);
  });

  it.each<[string, unknown]>([
    ['subaccount', ''],
    ['subaccount', null],
    ['unknown_caller_play', ''],
    ['unknown_caller_play', null],
    ['pin_prompt_play', null],
    ['first_party_pin', ''],
  ])('takes %s sent as %j to a session created without one as no change', (field, value) => {
    const uuid = create().body.session_uuid;
    const before = get(uuid).body.response;
    expect(update(uuid, { [field]: value }).status).toBe(200);
    const after = get(uuid).body.response;
    expect(after[field]).toEqual(before[field]);
  });

  it('refuses an empty text setting sent to a session created with one', () => {
    const uuid = create({
      subaccount: 'SAOWRKMGU3YZCTZJXXXY',
      unknown_caller_play: 'https://example.com/audio/unknown.mp3',
    }).body.session_uuid;
    expect(update(uuid, { subaccount: '' })).toMatchObject({
      status: 400,
      body: { error: 'subaccount cannot be changed on an existing session' },
    });
    expect(update(uuid, { unknown_caller_play: null })).toMatchObject({
      status: 400,
      body: { error: 'unknown_caller_play cannot be changed on an existing session' },
    });
  });

  it('accepts those fields resent with the values the session has', () => {
    const uuid = create({
      is_pin_authentication_required: true,
      pin_prompt_play: 'https://example.com/audio/pin_prompt.mp3',
      first_party_pin: '1234',
      second_party_pin: '4321',
      subaccount: 'SAOWRKMGU3YZCTZJXXXY',
    }).body.session_uuid;
    const resent = {
      generate_pin: false,
      generate_pin_length: 4,
      first_party_pin: '1234',
      second_party_pin: '4321',
      force_pin_authentication: false,
      geomatch: true,
      subaccount: 'SAOWRKMGU3YZCTZJXXXY',
    };
    expect(update(uuid, resent).status).toBe(200);
  });

  it('refuses any update of an expired session', () => {
    const uuid = create().body.session_uuid;
    call('deleteMaskingSession', { sessionUuid: uuid });
    expect(update(uuid, { ring_timeout: 30 })).toMatchObject({
      status: 400,
      body: { error: 'Session already expired' },
    });
  });

  it('answers an unknown uuid with 404', () => {
    expect(update(UNKNOWN, {}).status).toBe(404);
  });
});

describe('delete', () => {
  const remove = (sessionUuid: string) => call('deleteMaskingSession', { sessionUuid });

  it('expires the session now, keeps it, and refuses a second delete as Plivo does', () => {
    const uuid = create({ session_expiry: 600 }).body.session_uuid;
    clock.advance(120_000);
    expect(remove(uuid)).toEqual({
      status: 200,
      body: { api_id: expect.any(String), message: 'Session expired' },
    });
    expect(get(uuid).body.response).toMatchObject({
      status: 'expired',
      expiry_time: '2026-11-30 09:02:00 +0000 UTC',
      modified_time: '2026-11-30 09:02:00 +0000 UTC',
      duration: 120,
    });
    expect(remove(uuid)).toEqual({
      status: 400,
      body: { api_id: expect.any(String), error: 'Session already expired' },
    });
  });

  it('answers an unknown uuid with 404', () => {
    expect(remove(UNKNOWN).status).toBe(404);
  });
});

describe('expiry on the clock', () => {
  it('expires a session when its time is up, not a millisecond before', () => {
    const uuid = create({ session_expiry: 600 }).body.session_uuid;
    clock.advance(599_999);
    expect(get(uuid).body.response.status).toBe('active');
    clock.advance(1);
    expect(get(uuid).body.response).toMatchObject({
      status: 'expired',
      expiry_time: '2026-11-30 09:10:00 +0000 UTC',
      duration: 600,
    });
  });

  it('follows an update’s new expiry, not the old one', () => {
    const uuid = create({ session_expiry: 600 }).body.session_uuid;
    call('updateMaskingSession', { sessionUuid: uuid, body: { session_expiry: 3600 } });
    clock.advance(601_000);
    expect(get(uuid).body.response.status).toBe('active');
  });
});

describe('list', () => {
  it('lists newest first with each resource_uri and Plivo’s meta', () => {
    const first = create().body.session_uuid;
    clock.advance(1000);
    const second = create().body.session_uuid;
    const { body } = list();
    expect(body.response.meta).toEqual({ limit: 20, next: null, offset: 0, previous: null, total_count: 2 });
    expect(body.response.objects.map((s: { session_uuid: string }) => s.session_uuid)).toEqual([
      second,
      first,
    ]);
    expect(body.response.objects[0].resource_uri).toBe(`/v1/Account/${ACCOUNT}/Masking/Session/${second}/`);
  });

  it('pages with limit and offset and links the pages with relative URLs', () => {
    const uuids = Array.from({ length: 7 }, () => create().body.session_uuid).reverse();
    const page = list('status=active&limit=3&offset=3').body.response;
    expect(page.objects.map((s: { session_uuid: string }) => s.session_uuid)).toEqual(uuids.slice(3, 6));
    expect(page.meta).toEqual({
      limit: 3,
      offset: 3,
      total_count: 7,
      next: `/v1/Account/${ACCOUNT}/Masking/Session/?status=active&limit=3&offset=6`,
      previous: `/v1/Account/${ACCOUNT}/Masking/Session/?status=active&limit=3&offset=0`,
    });
    expect(list('limit=3&offset=6').body.response.meta.next).toBeNull();
  });

  it('filters by party, virtual number, status and duration', () => {
    const a = create({ first_party: '14155550100', session_expiry: 600 }).body;
    const b = create({ second_party: '14155550101', session_expiry: 1200 }).body;
    call('deleteMaskingSession', { sessionUuid: b.session_uuid });
    const uuids = (query: string) =>
      list(query).body.response.objects.map((s: { session_uuid: string }) => s.session_uuid);
    expect(uuids('first_party=14155550100')).toEqual([a.session_uuid]);
    expect(uuids('second_party=%2B14155550101')).toEqual([b.session_uuid]);
    expect(uuids(`virtual_number=${a.session.virtual_number}`)).toEqual([a.session_uuid]);
    expect(uuids('status=expired')).toEqual([b.session_uuid]);
    expect(uuids('status=active')).toEqual([a.session_uuid]);
    expect(uuids('duration=600')).toEqual([a.session_uuid]);
    expect(uuids('duration__gt=600')).toEqual([]); // b was expired at once: its duration is 0 now
    expect(uuids('duration__lt=600')).toEqual([b.session_uuid]);
  });

  // Prism's checks let these through; `Number()` read `0x10` as 16, and a date that does not exist matched nothing.
  it.each([
    ['status=', 'one of active, in-progress, expired, all'],
    ['duration=0x10', 'a whole number'],
    ['duration__gt=1e3', 'a whole number'],
    ['duration__lte=', 'a whole number'],
    ['duration__gte=6OO', 'a whole number'],
    ['created_time__gte=2026-02-30 00:00', 'a UTC time that exists, as YYYY-MM-DD HH:MM[:ss[.uuuuuu]]'],
    ['expiry_time__lt=2026-04-31 23:59:59', 'a UTC time that exists, as YYYY-MM-DD HH:MM[:ss[.uuuuuu]]'],
  ])('refuses the filter %s, naming it and what it takes', (query, wanted) => {
    create({ session_expiry: 600 });
    const [name, value] = query.split('=') as [string, string];
    expect(list(query)).toMatchObject({
      status: 400,
      body: { error: `Invalid ${name} '${value}' provided: give ${wanted}` },
    });
  });

  it('filters by created and expiry time in the documented form', () => {
    const early = create({ session_expiry: 600 }).body.session_uuid;
    clock.advance(3_600_000);
    const late = create({ session_expiry: 600 }).body.session_uuid;
    const uuids = (query: string) =>
      list(query).body.response.objects.map((s: { session_uuid: string }) => s.session_uuid);
    expect(uuids('created_time__gt=2026-11-30 09:30')).toEqual([late]);
    expect(uuids('created_time__lte=2026-11-30 09:00:00')).toEqual([early]);
    expect(uuids('created_time=2026-11-30 10:00')).toEqual([late]);
    expect(uuids('expiry_time__lt=2026-11-30 10:00')).toEqual([early]);
    expect(uuids('created_time__gte=2026-11-30 09:00&created_time__lt=2026-11-30 11:00')).toEqual([
      late,
      early,
    ]);
  });

  it('covers the last 7 days unless a time filter says otherwise', () => {
    const old = create().body.session_uuid;
    clock.advance(8 * 24 * 3_600_000);
    expect(list().body.response.meta.total_count).toBe(0);
    expect(list('created_time__gte=2026-11-30 00:00').body.response.objects[0].session_uuid).toBe(old);
  });
});

describe('callbacks', () => {
  it('sends SessionTimeout to the callback_url in force when the session expires, nothing on create or update', () => {
    const { session } = create({
      callback_url: 'https://example.com/cb',
      callback_method: 'GET',
      session_expiry: 60,
    }).body;
    const uuid = session.session_uuid;
    call('updateMaskingSession', {
      sessionUuid: uuid,
      body: { ring_timeout: 30, callback_url: 'https://example.com/cb2' },
    });
    expect(callbacks).toEqual([]);
    clock.advance(60_000);
    expect(callbacks.map(({ params }) => [params.EventName, params.SequenceNumber])).toEqual([
      ['SessionTimeout', '1'],
    ]);
    expect(callbacks[0]).toMatchObject({
      authId: ACCOUNT,
      url: 'https://example.com/cb2',
      method: 'GET',
      kind: 'masking-status',
    });
    // Every field, so a receiver that routes on the parties or the number is served the session's own.
    expect(callbacks[0]?.params).toEqual({
      EventName: 'SessionTimeout',
      EventTimestamp: '2026-11-30 09:01:00 +0000 UTC',
      SessionUUID: uuid,
      VirtualNumber: session.virtual_number,
      FirstParty: '919003459051',
      SecondParty: '918197241073',
      SequenceNumber: '1',
    });
  });

  it('sends nothing for a session without callback_url', () => {
    const uuid = create().body.session_uuid;
    call('deleteMaskingSession', { sessionUuid: uuid });
    expect(callbacks).toEqual([]);
  });

  it('sends SessionTimeout once when a session is deleted, not again when its old expiry passes', () => {
    const uuid = create({ callback_url: 'https://example.com/cb', session_expiry: 60 }).body.session_uuid;
    call('deleteMaskingSession', { sessionUuid: uuid });
    clock.advance(120_000);
    expect(callbacks.map(({ params }) => params.EventName)).toEqual(['SessionTimeout']);
  });
});

describe('reset', () => {
  it('forgets every session and cancels their expiry', () => {
    const uuid = create({ callback_url: 'https://example.com/cb', session_expiry: 60 }).body.session_uuid;
    engine.reset();
    clock.advance(120_000);
    expect(get(uuid).status).toBe(404);
    expect(callbacks).toEqual([]);
  });

  it('gives the first session after it the virtual number a fresh mock gives first', () => {
    engine.reset();
    const first = create().body.session.virtual_number;
    create();
    engine.reset();
    expect(create().body.session.virtual_number).toBe(first);
  });
});
