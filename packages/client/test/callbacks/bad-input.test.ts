// Malformed arguments give a CallbackSignatureError naming the argument, never another exception; the Auth
// Token and the expected signature never appear in an error or in a mismatch explanation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CallbackConfigurationError,
  CallbackPayloadError,
  CallbackSignatureError,
  checkCallbackSignature,
  computeSignatureV3,
  parseMaskingRecordingEvent,
  parseMaskingSessionEvent,
  parseVerifySessionEvent,
  verifyCallbackSignature,
} from '../../src/callbacks/index.js';

const TOKEN = 'Zt0kEnZt0kEnZt0kEnZt0kEnZt0kEnZt0kEn';
const VALID = {
  method: 'POST',
  url: 'https://example.com/masking/callback',
  nonce: '12345678901234567890',
  signature: 'kAbL+acF1phzw95uGzqiYP8aytuS69xHwg0v6s277Y8=',
  params: { EventName: 'SessionTimeout' },
  authToken: TOKEN,
};

async function rejection(promise: Promise<unknown>): Promise<CallbackSignatureError> {
  try {
    await promise;
  } catch (error) {
    return error as CallbackSignatureError;
  }
  throw new Error('expected a rejection, got a result');
}

describe('malformed arguments', () => {
  it.each([
    ['nonce', undefined, /nonce must be a string, got undefined.*X-Plivo-Signature-V3-Nonce/],
    ['nonce', '', /nonce is empty/],
    ['nonce', ['1', '2'], /nonce has 2 values \(the header was sent 2 times\); Plivo sends one/],
    // The same two nonces as Headers.get() gives them.
    [
      'nonce',
      '12345, 67890',
      /nonce holds 2 values joined by ", " \(the header was sent 2 times, and Headers.get\(\) joins them\); Plivo sends one/,
    ],
    ['nonce', [], /nonce is an empty array/],
    ['nonce', '123 456', /nonce contains a space or control character \(U\+0020\) at position 3/],
    ['nonce', 'ñ', /non-ASCII character/],
    [
      'signature',
      undefined,
      /signature must be a string or an array of strings \(one per header line\), got undefined.*not from Plivo/,
    ],
    ['signature', '', /signature is empty/],
    ['signature', ' , ', /signature is empty/],
    ['signature', [], /signature is empty \(an array of 0 with no signature in it\)/],
    ['signature', ['abc', 1], /an array of strings.*got an array of 2 holding number/],
    ['signature', 42, /got number/],
    ['url', 'not a url', /space, control or non-ASCII/],
    ['url', '/masking/callback', /not an absolute URL/],
    ['url', 'https://', /not an absolute URL/],
    ['url', 'https://exa mple.com/', /position 11/],
    ['url', 'ftp://example.com/cb', /scheme "ftp:"/],
    ['url', 'https://bücher.example/cb', /non-ASCII host name.*punycode.*"xn--bcher-kva.example"/],
    ['url', undefined, /url must be a non-empty string, got undefined/],
    ['url', 'https:///masking/callback', /url "https:\/\/\/masking\/callback" has no host/],
    ['url', 'http:////example.com/cb', /has no host/],
    ['method', 'PUT', /method must be "GET" or "POST".*"PUT"/],
    ['method', undefined, /got undefined/],
    [
      'params',
      'EventName=x',
      /params must be a URLSearchParams or a record.*got a string of 11 characters: parse the raw body first, `new URLSearchParams\(body\)`/,
    ],
    [
      'params',
      new TextEncoder().encode('EventName=x'),
      /got bytes: decode them as UTF-8 and parse them, `new URLSearchParams\(new TextDecoder/,
    ],
    ['params', { EventName: 1 }, /params\["EventName"\] must be a string or an array of strings, got number/],
    ['params', { EventName: ['a', null] }, /got null in its array/],
    // `undefined` fits the type (node:querystring's ParsedUrlQuery) but is no value Plivo signed.
    ['params', { EventName: undefined }, /params\["EventName"\] must be a string.*got undefined\./],
    ['params', { EventName: ['a', undefined] }, /got undefined in its array/],
    [
      'params',
      new Map([['EventName', 'x']]),
      /params is a Map, whose fields cannot be read.*new URLSearchParams/,
    ],
    ['params', new FormData(), /params is a FormData, whose fields cannot be read/],
    ['version', 'v1', /version must be "v3" or "v2", got "v1"/],
  ] as const)('%s = %j: a CallbackSignatureError for that argument', async (argument, value, message) => {
    const error = await rejection(verifyCallbackSignature({ ...VALID, [argument]: value } as never));
    expect(error).toBeInstanceOf(CallbackSignatureError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it.each([
    ['checkCallbackSignature', checkCallbackSignature],
    ['verifyCallbackSignature', verifyCallbackSignature],
    ['computeSignatureV3', computeSignatureV3],
  ] as const)('%s given no object names itself', async (name, called) => {
    const error = await rejection(called(null as never));
    expect(error).toBeInstanceOf(CallbackSignatureError);
    expect(error.message).toBe(`${name} takes one object argument, got null.`);
  });

  it('a URLSearchParams polyfill (tagged as one, as core-js does) is read as one, not as an empty record', async () => {
    class PolyfilledParams {
      readonly [Symbol.toStringTag] = 'URLSearchParams';
      *[Symbol.iterator]() {
        yield* new URLSearchParams('EventName=SessionTimeout');
      }
    }
    const polyfilled = new PolyfilledParams() as unknown as URLSearchParams;
    expect(polyfilled).not.toBeInstanceOf(URLSearchParams);
    const signature = await computeSignatureV3(VALID);
    expect(await verifyCallbackSignature({ ...VALID, signature, params: polyfilled })).toBe(true);
  });

  it('a password in the callback URL is in no error and no explanation', async () => {
    const withPassword = 'https://plivo:S3cretPw@example.com/masking/callback';
    const error = await rejection(verifyCallbackSignature({ ...VALID, url: `${withPassword} x` }));
    expect(error.message).toContain('"https://***@example.com/masking/callback x"');
    const check = await checkCallbackSignature({ ...VALID, url: withPassword, signature: 'forged=' });
    expect(check.explanation).toContain('POST "https://***@example.com/masking/callback" with');
    expect(JSON.stringify(check)).not.toContain('S3cretPw');
  });

  it.each([
    [' https://plivo:S3cretPw@example.com/cb', ' https://***@example.com/cb'],
    ['\nhttps://plivo:S3cretPw@example.com/cb', '\nhttps://***@example.com/cb'],
    ['//plivo:S3cretPw@example.com/cb', '//***@example.com/cb'],
    // Characters that end a URL's user info, unencoded in a password: the URL does not parse as meant.
    ['https://plivo:S3cret#Pw@example.com/cb x', 'https://***@example.com/cb x'],
    ['https://plivo:S3cret/Pw@example.com/cb x', 'https://***@example.com/cb x'],
    // Spaces in the password, and slashes a URL parser forgives (missing, or backslashes).
    ['https://plivo:S3cret Pw@example.com/cb', 'https://***@example.com/cb'],
    ['https://plivo:S3cret\tPw@example.com/cb', 'https://***@example.com/cb'],
    ['https:/plivo:S3cretPw@example.com/cb x', 'https:/***@example.com/cb x'],
    ['https:plivo:S3cretPw@example.com/c b', 'https:***@example.com/c b'],
    ['https:\\\\plivo:S3cretPw@example.com/c b', 'https:\\\\***@example.com/c b'],
    // What the URL parser forgives (a leading control character, a tab or line end anywhere), and a scheme
    // whose authority a backslash does not end.
    ['\x01https://plivo:S3cretPw@example.com/cb', '***@example.com/cb'],
    ['ht\ttps://plivo:S3cretPw@example.com/cb', '***@example.com/cb'],
    ['https:\n//plivo:S3cretPw@example.com/cb', 'https:***@example.com/cb'],
    ['sftp://plivo:S3cret\\Pw@example.com/cb', 'sftp://***@example.com/cb'],
    ['sftp://plivo@x:S3cret\\Pw@example.com/cb', 'sftp://***@example.com/cb'],
    // A password the URL parser reads in part as a host, a port, a fragment or a path, or as no user info at all.
    ['https://plivo:S3c@ret/Pw@example.com/cb x', 'https://***@example.com/cb x'],
    ['https://plivo:S3c@ret#Pw@example.com/cb x', 'https://***@example.com/cb x'],
    ['https://plivo:1234#S3cret@example.com/cb x', 'https://***@example.com/cb x'],
    ['https://plivo:/S3cret@example.com/cb x', 'https://***@example.com/cb x'],
    ['plivo:S3cretPw@example.com/cb', 'plivo:***@example.com/cb'],
    ['sftp:plivo:S3cretPw@example.com/cb', 'sftp:***@example.com/cb'],
    ['ht\ttps://plivo:1234#S3cret@example.com/cb', '***@example.com/cb'],
  ])('a password in a callback URL %j that is not as it should be is in no error', async (url, shown) => {
    const error = await rejection(verifyCallbackSignature({ ...VALID, url }));
    expect(error.message).toContain(JSON.stringify(shown));
    expect(error.message).not.toContain('S3cret');
  });

  it('a URL with user info is cut to its last @, one in its query too: a password may hold /, ? and @', async () => {
    const url = 'https://plivo:S3cretPw@example.com/plivo/cb?notify=ops@example.com';
    const check = await checkCallbackSignature({ ...VALID, url, signature: 'forged=' });
    expect(check.explanation).toContain('POST "https://***@example.com" with');
    expect(JSON.stringify(check)).not.toContain('S3cret');
  });

  it.each([' https://example.com/cb', 'https://example.com/cb\n'])(
    'a URL with whitespace at an end (%j) is told to be trimmed, not percent-encoded',
    async (url) => {
      const error = await rejection(verifyCallbackSignature({ ...VALID, url }));
      expect(error.message).toContain(
        'starts or ends with whitespace (a line end from a .env file?); trim it.',
      );
    },
  );

  it('an @ in the query of a URL without user info is not taken for one', async () => {
    const url = 'https://example.com/masking/callback?notify=ops@example.com';
    const check = await checkCallbackSignature({ ...VALID, url, signature: 'forged=' });
    expect(check.explanation).toContain(`POST "${url}" with`);
  });

  it.each([undefined, null, 'x', 1])('a non-object input (%j) is a CallbackSignatureError', async (input) => {
    const error = await rejection(verifyCallbackSignature(input as never));
    expect(error).toMatchObject({ name: 'CallbackSignatureError', argument: 'input' });
  });

  it('a header sent twice, as node:http joins it, is a list of signatures', async () => {
    const other = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    expect(
      await verifyCallbackSignature({
        ...VALID,
        params: { EventName: 'SessionTimeout', SessionUUID: 'c28b77d4-21e7-43bd-9447-04bfee92e651' },
        authToken: 'my_auth_token',
        signature: `${other}, ${VALID.signature}`,
      }),
    ).toBe(true);
  });
});

describe('never an uncaught exception', () => {
  it('any input gives a boolean, a CallbackConfigurationError (token) or a CallbackSignatureError', async () => {
    const field = fc.oneof(
      fc.anything(),
      fc.string(),
      fc.constantFrom('GET', 'POST', 'https://e.com/?a=%zz', 'v2'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            method: field,
            url: field,
            nonce: field,
            signature: field,
            params: field,
            authToken: field,
            version: field,
          },
          { requiredKeys: [] },
        ),
        async (input) => {
          try {
            expect(typeof (await verifyCallbackSignature(input as never))).toBe('boolean');
          } catch (error) {
            // The token is checked first; its fault is the receiver's setting, not the request's.
            const { authToken } = input as { authToken?: unknown };
            const tokenUsable = typeof authToken === 'string' && /^[\x21-\x7e]+$/.test(authToken);
            expect(error).toBeInstanceOf(tokenUsable ? CallbackSignatureError : CallbackConfigurationError);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('any payload gives an event or a CallbackPayloadError', () => {
    const payload = fc.oneof(
      fc.anything(),
      fc.string(),
      fc.dictionary(
        fc.constantFrom('EventName', 'SessionUUID', 'SessionStatus', 'PinRetryCounter', 'x'),
        fc.oneof(fc.string(), fc.anything()),
      ),
    );
    fc.assert(
      fc.property(payload, (input) => {
        for (const parse of [parseMaskingSessionEvent, parseMaskingRecordingEvent, parseVerifySessionEvent]) {
          try {
            expect(typeof parse(input as never)).toBe('object');
          } catch (error) {
            expect(error).toBeInstanceOf(CallbackPayloadError);
          }
        }
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('explaining a mismatch', () => {
  it('says what was signed and what to check, without the token or the expected signature', async () => {
    const expected = await computeSignatureV3(VALID);
    const check = await checkCallbackSignature({ ...VALID, signature: 'forged=,alsoforged=' });
    expect(check).toMatchObject({ valid: false, version: 'v3', candidates: 2 });
    expect(check.signedText).toBe(
      'https://example.com/masking/callback?EventNameSessionTimeout.12345678901234567890',
    );
    expect(check.explanation).toContain('None of the 2 V3 signature(s) matches');
    expect(check.explanation).toContain(
      'POST "https://example.com/masking/callback" with 1 parameter name(s)',
    );
    expect(check.explanation).toContain('X-Plivo-Signature-Ma-V3');
    for (const text of [check.explanation, JSON.stringify(check)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(expected);
    }
  });

  it('has no explanation when valid', async () => {
    const signature = await computeSignatureV3(VALID);
    expect(await checkCallbackSignature({ ...VALID, signature })).toMatchObject({
      valid: true,
      explanation: undefined,
    });
  });
});
