// Records as frameworks hand them over are read as records, for signatures and parsers alike: objects without a
// prototype (node:querystring, Object.create(null)), Fastify's parsed body and query (fast-querystring gives
// objects whose prototype is a bare null-prototype object) and plain objects of another realm. Objects whose
// fields a record read would miss (Map, FormData, class instances) are still refused, naming what they are.
import { parse as parseQuerystring } from 'node:querystring';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  CallbackPayloadError,
  CallbackSignatureError,
  computeSignatureV3,
  parseMaskingRecordingEvent,
  parseMaskingSessionEvent,
  parseVerifySessionEvent,
  verifyCallbackSignature,
} from '../../src/callbacks/index.js';

const FIELDS = { EventName: 'SessionTimeout', SessionUUID: 'c28b77d4-21e7-43bd-9447-04bfee92e651' };
const BODY = new URLSearchParams(FIELDS).toString();
const SIGNED = {
  method: 'POST',
  url: 'https://example.com/masking/callback',
  nonce: '12345678901234567890',
  authToken: 'my_auth_token',
};

/** What fast-querystring's `parse` returns (lib/parse.js of fast-querystring 1.x, used by Fastify 5). */
function fastQuerystringParse(text: string): Record<string, string> {
  const Empty = function Empty() {} as unknown as new () => Record<string, string>;
  Empty.prototype = Object.create(null);
  const result = new Empty();
  for (const [key, value] of new URLSearchParams(text)) result[key] = value;
  return result;
}

const RECORDS: Array<[string, () => object]> = [
  ['node:querystring.parse (null prototype)', () => parseQuerystring(BODY)],
  ['Object.create(null)', () => Object.assign(Object.create(null) as object, FIELDS)],
  ["Fastify's body/query parser (fast-querystring)", () => fastQuerystringParse(BODY)],
  [
    'a plain object of another realm (node:vm)',
    () => runInNewContext(`(${JSON.stringify(FIELDS)})`) as object,
  ],
];

describe('records from other parsers and realms', () => {
  it.each(RECORDS)('%s: its prototype is not this realm’s Object.prototype', (_label, make) => {
    expect(Object.getPrototypeOf(make())).not.toBe(Object.prototype);
  });

  it.each(RECORDS)('%s: verifies as params', async (_label, make) => {
    const signature = await computeSignatureV3({ ...SIGNED, params: new URLSearchParams(BODY) });
    expect(await verifyCallbackSignature({ ...SIGNED, signature, params: make() as never })).toBe(true);
    expect(await verifyCallbackSignature({ ...SIGNED, signature, params: {} })).toBe(false);
  });

  it.each(RECORDS)('%s: parses as a payload', (_label, make) => {
    expect(parseMaskingSessionEvent(make() as never)).toEqual({ ...FIELDS, otherAttributes: {} });
    expect(parseMaskingRecordingEvent(make() as never)).toEqual({ ...FIELDS, otherAttributes: {} });
  });
});

describe('objects whose fields a record read would miss', () => {
  class Incoming {
    readonly EventName = 'SessionTimeout';
  }
  const fieldsOnItsPrototype = Object.create(Object.assign(Object.create(null) as object, FIELDS)) as object;
  it.each([
    ['a Map', new Map(Object.entries(FIELDS)), /is a Map, whose fields cannot be read as a record: pass/],
    ['FormData', new FormData(), /is a FormData, whose fields cannot be read/],
    ['a class instance', new Incoming(), /is an Incoming, whose fields cannot be read/],
    [
      'an object inheriting fields',
      Object.create(FIELDS) as object,
      /is an object that inherits from another/,
    ],
    ['a root prototype holding the fields', fieldsOnItsPrototype, /is an object that inherits from another/],
  ])(
    '%s is refused, named with the right article, with what to pass instead',
    async (_label, value, message) => {
      const signature = await verifyCallbackSignature({
        ...SIGNED,
        signature: 'x',
        params: value as never,
      }).catch((error: unknown) => error);
      expect(signature).toBeInstanceOf(CallbackSignatureError);
      expect((signature as Error).message).toMatch(message);
      expect((signature as Error).message).toContain('new URLSearchParams(await request.text())');
      for (const parse of [parseMaskingSessionEvent, parseVerifySessionEvent]) {
        expect(() => parse(value as never)).toThrow(CallbackPayloadError);
        expect(() => parse(value as never)).toThrow(message);
      }
    },
  );
});
