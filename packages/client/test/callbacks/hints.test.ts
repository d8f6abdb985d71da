// Mistakes a receiver makes with the URL or the payload get a hint that fixes them: a Unicode host is written in
// punycode (percent-encoding would not make a host name), a URL or `req.url` passed to a parser is named as
// such, and query text with characters servers hand over raw (`|[]{}^`) is read as URLSearchParams reads it.
import { describe, expect, it } from 'vitest';
import {
  CallbackPayloadError,
  CallbackSignatureError,
  computeSignatureV3,
  parseMaskingSessionEvent,
  parseVerifySessionEvent,
} from '../../src/callbacks/index.js';

const SIGNING = { method: 'GET', nonce: '12345', authToken: 'my_auth_token' };

async function urlMessage(url: string): Promise<string> {
  const error = await computeSignatureV3({ ...SIGNING, url }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(CallbackSignatureError);
  return (error as Error).message;
}

describe('a URL that is not ASCII', () => {
  it.each([
    ['https://bücher.example/cb', '"xn--bcher-kva.example"'],
    ['https://plivo:pw@bücher.example:8443/cb?x=1', '"xn--bcher-kva.example:8443"'],
  ])('%s: its host is to be written in punycode, which is given', async (url, host) => {
    const message = await urlMessage(url);
    expect(message).toContain(`has a non-ASCII host name; write it in its punycode (xn--) form`);
    expect(message).toContain(`\`new URL(url).host\` gives it: ${host}.`);
    expect(message).not.toMatch(/percent-encode|pw@/);
  });

  it.each(['https://example.com/café', 'https://example.com/cb?x=é', 'https://plivö:pw@example.com/cb'])(
    '%s: non-ASCII outside the host name is to be percent-encoded',
    async (url) => {
      expect(await urlMessage(url)).toMatch(/non-ASCII character at position \d+; percent-encode it/);
    },
  );
});

describe('a URL or request path given to a parser', () => {
  it.each([
    ['req.url', '/plivo/masking/status?EventName=SessionTimeout&SessionUUID=u', 'starts with "/"'],
    [
      'an absolute URL',
      'https://example.com/cb?EventName=SessionTimeout&SessionUUID=u',
      'starts with "https://"',
    ],
    ['a relative URL', 'cb?EventName=SessionTimeout&SessionUUID=u', 'has a "?" before any "="'],
  ])('%s is named as such, with what to pass instead', (_label, text, reason) => {
    for (const parse of [parseMaskingSessionEvent, parseVerifySessionEvent]) {
      const error = (() => {
        try {
          parse(text);
        } catch (caught) {
          return caught as Error;
        }
        throw new Error('expected an error');
      })();
      expect(error).toBeInstanceOf(CallbackPayloadError);
      expect(error.message).toContain(
        `looks like a URL or a request path, not a query string: it ${reason}.`,
      );
      expect(error.message).toContain('`new URL(url).searchParams`');
    }
  });

  it('a query string with its leading "?" and a "?" inside a value still parse', () => {
    expect(
      parseMaskingSessionEvent('?EventName=SessionTimeout&SessionUUID=u&Note=why?').otherAttributes,
    ).toEqual({
      Note: 'why?',
    });
  });
});

describe('query text with characters servers leave raw', () => {
  it('is read as URLSearchParams reads it', () => {
    const text = 'EventName=SessionTimeout&SessionUUID=u&SIP-H-X=<sip:a@b>&x[0]={|^`}&q="\\"';
    const { EventName, SessionUUID, ...rest } = Object.fromEntries(new URLSearchParams(text));
    expect(parseMaskingSessionEvent(text)).toEqual({ EventName, SessionUUID, otherAttributes: rest });
    expect(rest).toEqual({ 'SIP-H-X': '<sip:a@b>', 'x[0]': '{|^`}', q: '"\\"' });
  });

  it.each([
    ['a space', 'EventName=Session Timeout&SessionUUID=u', '" "'],
    ['a newline', 'EventName=SessionTimeout&SessionUUID=u\n', '"\\n"'],
    ['a non-ASCII character', 'EventName=SessionTimeout&SessionUUID=ü', '"ü"'],
  ])('with %s is still refused as decoded text', (_label, text, quoted) => {
    expect(() => parseMaskingSessionEvent(text)).toThrow(
      `neither form-encoded nor a query string: it contains ${quoted}`,
    );
  });
});
