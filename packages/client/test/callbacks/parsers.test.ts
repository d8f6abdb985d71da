// The payload parsers: wire strings become the documented types, unknown attributes and event names survive,
// and malformed payloads fail with a CallbackPayloadError that names what is wrong.
import { describe, expect, it } from 'vitest';
import {
  CallbackPayloadError,
  parseMaskingRecordingEvent,
  parseMaskingSessionEvent,
  parseVerifySessionEvent,
} from '../../src/callbacks/index.js';

const SESSION_UUID = 'c28b77d4-21e7-43bd-9447-04bfee92e651';
const PIN_EVENT = {
  EventName: 'SessionPinAuthenticationStatus',
  EventTimestamp: '2026-11-30 12:00:00',
  SessionUUID: SESSION_UUID,
  From: '+919999999991',
  To: '+919999999992',
  VirtualNumber: '+918888888888',
  PinAuthenticationStatus: 'failed',
  PinRetryCounter: '2',
  PlivoHangupCause: 'NORMAL_CLEARING',
  PlivoHangupCauseCode: '4000',
  SequenceNumber: '3',
};

function form(record: Record<string, string>): string {
  return new URLSearchParams(record).toString();
}

describe('parseMaskingSessionEvent', () => {
  it.each([
    ['a form body', form(PIN_EVENT)],
    ['a query string with ?', `?${form(PIN_EVENT)}`],
    ['URLSearchParams', new URLSearchParams(PIN_EVENT)],
    ['a record', PIN_EVENT],
  ])('reads %s, with integers as numbers', (_label, input) => {
    expect(parseMaskingSessionEvent(input)).toEqual({
      ...PIN_EVENT,
      PinRetryCounter: 2,
      PlivoHangupCauseCode: 4000,
      otherAttributes: {},
    });
  });

  it('keeps an unknown event name and unknown attributes as sent', () => {
    const event = parseMaskingSessionEvent({
      EventName: 'SessionSomethingNew',
      SessionUUID: SESSION_UUID,
      NewAttribute: 'x y',
    });
    expect(event.EventName).toBe('SessionSomethingNew');
    expect(event.otherAttributes).toEqual({ NewAttribute: 'x y' });
    expect(Object.keys(event)).toEqual(['EventName', 'SessionUUID', 'otherAttributes']);
  });

  it('decodes + and percent-escapes of a form body', () => {
    const event = parseMaskingSessionEvent(
      'EventName=SessionTimeout&SessionUUID=abc&From=%2B91+999&Note=caf%C3%A9',
    );
    expect(event.From).toBe('+91 999');
    expect(event.otherAttributes).toEqual({ Note: 'café' });
  });

  // A registered URL's own query may hold a stray `%`: the signature check reads it (as Plivo's SDK does), so the
  // parser must too, from the query string as from its URLSearchParams, or a signed callback is refused.
  it.each([
    ['a stray %', 'tenant=50%off', '50%off'],
    ['an escape that is not UTF-8', 'tenant=%E2%82', '\uFFFD'],
    ['a byte-order mark before a stray %', 'tenant=%EF%BB%BF50%off', '\uFEFF50%off'],
  ])('reads %s from the query string as from its URLSearchParams', (_label, registered, tenant) => {
    const query = `?EventName=SessionTimeout&SessionUUID=abc&${registered}`;
    for (const input of [query, new URLSearchParams(query)]) {
      expect(parseMaskingSessionEvent(input).otherAttributes).toEqual({ tenant });
    }
  });

  it('reads an empty integer attribute as absent', () => {
    const event = parseMaskingSessionEvent({ ...PIN_EVENT, PinRetryCounter: '', PlivoHangupCauseCode: '' });
    expect(event).not.toHaveProperty('PinRetryCounter');
    expect(event).not.toHaveProperty('PlivoHangupCauseCode');
  });

  it.each([
    [
      { ...PIN_EVENT, PinRetryCounter: 'two' },
      'PinRetryCounter',
      /PinRetryCounter must be an integer.*"two"/,
    ],
    [{ ...PIN_EVENT, PlivoHangupCauseCode: '4.5' }, 'PlivoHangupCauseCode', /must be an integer/],
    [{ SessionUUID: SESSION_UUID }, 'EventName', /has no EventName/],
    [{ EventName: 'SessionTimeout', SessionUUID: '' }, 'SessionUUID', /has an empty SessionUUID; /],
    [
      { eventName: 'SessionTimeout', SessionUUID: SESSION_UUID },
      'EventName',
      /has no EventName \(it has eventName\); /,
    ],
    [`${form(PIN_EVENT)}&EventName=SessionTimeout`, 'EventName', /attribute "EventName" more than once/],
  ])('rejects %j naming %s', (input, attribute, message) => {
    const error = catchError(() => parseMaskingSessionEvent(input));
    expect(error).toBeInstanceOf(CallbackPayloadError);
    expect(error).toMatchObject({ name: 'CallbackPayloadError', attribute });
    expect(error.message).toMatch(message);
  });
});

describe('parseMaskingRecordingEvent', () => {
  it('reads every documented attribute as a string', () => {
    const recording = {
      EventName: 'SessionRecordingCompleted',
      EventTimestamp: '2026-11-30 12:01:00',
      SessionUUID: SESSION_UUID,
      From: '+919999999991',
      To: '+919999999992',
      VirtualNumber: '+918888888888',
      RecordingUUID: 'e7b8c1f2-0000-4000-8000-000000000001',
      RecordingURL: 'https://media.plivo.com/v1/Account/MA/Recording/e7b8.mp3',
      RecordingResourceURL: 'https://api.plivo.com/v1/Account/MA/Recording/e7b8/',
      RecordingDuration: '42',
      RecordingStartTime: '2026-11-30 12:00:18',
      RecordingEndTime: '2026-11-30 12:01:00',
      RecordingFormat: '.mp3',
      SequenceNumber: '7',
    };
    expect(parseMaskingRecordingEvent(form(recording))).toEqual({ ...recording, otherAttributes: {} });
  });
});

describe('parseVerifySessionEvent', () => {
  const VERIFY_EVENT = {
    SessionUUID: '4124e518-a8c9-4feb-8cff-d86636ba9234',
    SessionStatus: 'in-progress',
    AttemptUUID: 'a7a6f38a-0000-4000-8000-000000000001',
    AttemptSequence: '1',
    Channel: 'sms',
    ChannelStatus: 'delivered',
    ChannelErrorCode: '',
    Recipient: '+919999999991',
    RequestTime: '2026-11-30 12:00:00.000000 +0000 UTC',
  };

  it('reads the documented attributes and keeps the rest', () => {
    expect(parseVerifySessionEvent(`?${form({ ...VERIFY_EVENT, Extra: '1' })}`)).toEqual({
      ...VERIFY_EVENT,
      otherAttributes: { Extra: '1' },
    });
  });

  it('requires SessionStatus', () => {
    const { SessionStatus: _omitted, ...rest } = VERIFY_EVENT;
    expect(() => parseVerifySessionEvent(rest)).toThrow(/has no SessionStatus/);
  });
});

describe('a payload that is neither form nor query', () => {
  it.each([
    ['JSON text', '{"EventName":"SessionTimeout"}', /looks like JSON/],
    [
      'text with spaces',
      'EventName=Session Timeout',
      /neither form-encoded nor a query string: it contains " "/,
    ],
    ['non-ASCII text', 'EventName=Sessión', /neither form-encoded/],
    ['a number', 42, /got number/],
    ['null', null, /got null/],
    ['bytes', new TextEncoder().encode('EventName=x'), /decode them as UTF-8/],
    ['an array', [['EventName', 'x']], /got an array/],
    [
      'a record with an array value',
      { EventName: ['a', 'b'] },
      /attribute "EventName" must be a string.*repeated/,
    ],
    ['a nameless attribute', '=x&EventName=a&SessionUUID=b', /attribute without a name/],
    ['FormData', new FormData(), /payload is a FormData, whose fields cannot be read.*new URLSearchParams/],
    ['a Map', new Map([['EventName', 'x']]), /payload is a Map, whose fields cannot be read/],
  ])('%s: a CallbackPayloadError from every parser', (_label, input, message) => {
    for (const parse of [parseMaskingSessionEvent, parseMaskingRecordingEvent, parseVerifySessionEvent]) {
      const error = catchError(() => parse(input as never));
      expect(error).toBeInstanceOf(CallbackPayloadError);
      expect(error.message).toMatch(message);
    }
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, got none');
}
