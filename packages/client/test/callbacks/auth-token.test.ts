// A missing or malformed Auth Token is the receiver's setting gone wrong (PLIVO_AUTH_TOKEN unset, a newline from
// an env file), not a request to refuse: it is a CallbackConfigurationError, never a CallbackSignatureError, it is
// reported before anything of the request is looked at, and its message holds no part of the token.
import { describe, expect, it } from 'vitest';
import {
  CallbackConfigurationError,
  CallbackSignatureError,
  computeSignatureV2,
  computeSignatureV3,
  verifyCallbackSignature,
} from '../../src/callbacks/index.js';

const TOKEN = 'Zt0kEnZt0kEnZt0kEnZt0kEnZt0kEnZt0kEn';
const CALLBACK = {
  method: 'POST',
  url: 'https://example.com/masking/callback',
  nonce: '12345678901234567890',
  signature: 'kAbL+acF1phzw95uGzqiYP8aytuS69xHwg0v6s277Y8=',
  params: { EventName: 'SessionTimeout' },
};

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection, got a result');
    },
    (error: unknown) => error as Error,
  );
}

describe('an unusable authToken', () => {
  it.each([
    ['unset', undefined, /^authToken must be a string, got undefined\. .*PLIVO_AUTH_TOKEN.*answer 500/],
    ['empty', '', /^authToken is empty\./],
    ['with a newline', `${TOKEN}\n`, /^authToken contains a space or control character at position 36;/],
    [
      'non-ASCII',
      `${TOKEN.slice(0, 2)}Å${TOKEN.slice(3)}`,
      /^authToken contains a non-ASCII character at position 2;/,
    ],
    ['a number', 42, /^authToken must be a string, got number\./],
  ])(
    '%s: a CallbackConfigurationError that holds no part of the token',
    async (_label, authToken, message) => {
      const error = await rejection(verifyCallbackSignature({ ...CALLBACK, authToken } as never));
      expect(error).toBeInstanceOf(CallbackConfigurationError);
      expect(error).toBeInstanceOf(TypeError);
      expect(error).not.toBeInstanceOf(CallbackSignatureError);
      expect(error).toMatchObject({ name: 'CallbackConfigurationError', setting: 'authToken' });
      expect(error.message).toMatch(message);
      for (const text of [error.message, JSON.stringify(error)]) {
        expect(text).not.toContain(TOKEN.slice(0, 8));
        expect(text).not.toMatch(/U\+|Å/);
      }
    },
  );

  it('is reported before the request’s own faults (no nonce, no signature, bad URL)', async () => {
    const request = { url: 'not a url', nonce: undefined, signature: undefined, method: 'PUT' };
    const error = await rejection(verifyCallbackSignature({ ...request, authToken: undefined } as never));
    expect(error).toBeInstanceOf(CallbackConfigurationError);
  });

  it('is the same error for the signing functions', async () => {
    const { nonce, url, method } = CALLBACK;
    for (const signing of [
      computeSignatureV3({ method, url, nonce, authToken: undefined as never }),
      computeSignatureV2({ url: 'not a url', nonce, authToken: '' }),
    ]) {
      expect(await rejection(signing)).toBeInstanceOf(CallbackConfigurationError);
    }
  });
});
