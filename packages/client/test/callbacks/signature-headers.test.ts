// Signature headers as they arrive: a comma-separated list whose empty items are ignored (as Plivo's Node SDK
// and RFC 9110 do), or one string per header line (node:http's `req.headersDistinct`). A header with no signature
// at all is still refused, and a nonce stays one value.
import { describe, expect, it } from 'vitest';
import { CallbackSignatureError, verifyCallbackSignature } from '../../src/callbacks/index.js';
import { plivo } from '../helpers/plivo-sdk.js';

const CALLBACK = {
  method: 'POST',
  url: 'https://example.com/masking/callback',
  nonce: '12345678901234567890',
  params: { EventName: 'SessionTimeout', SessionUUID: 'c28b77d4-21e7-43bd-9447-04bfee92e651' },
  authToken: 'my_auth_token',
};
const GOOD = 'kAbL+acF1phzw95uGzqiYP8aytuS69xHwg0v6s277Y8=';
const OTHER = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const verify = (signature: unknown, nonce: unknown = CALLBACK.nonce) =>
  verifyCallbackSignature({ ...CALLBACK, signature, nonce } as never);

describe('a signature header with empty items', () => {
  it.each([`${GOOD},`, `,${GOOD}`, `${OTHER},,${GOOD}`, `${GOOD}, ,`])(
    '%j verifies, as Plivo’s Node SDK accepts it',
    async (header) => {
      const { method, url, nonce, authToken, params } = CALLBACK;
      expect(plivo.validateV3Signature(method, url, nonce, authToken, header, params)).toBe(true);
      expect(await verify(header)).toBe(true);
    },
  );

  it('with no matching item is false, not an error', async () => {
    expect(await verify(`${OTHER},,`)).toBe(false);
  });

  it.each([[','], [' , ,'], [[',', ' ']], [[]]])(
    '%j holds no signature: a CallbackSignatureError',
    async (header) => {
      const error = await verify(header).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CallbackSignatureError);
      expect(error).toMatchObject({
        argument: 'signature',
        message: expect.stringMatching(/^signature is empty/),
      });
    },
  );
});

describe('a header as one string per line (req.headersDistinct)', () => {
  it.each([[[GOOD]], [[OTHER, GOOD]], [[`${OTHER}, ${GOOD}`]], [['', GOOD]]])(
    'signature %j verifies',
    async (lines) => {
      expect(await verify(lines)).toBe(true);
    },
  );

  it('a signature array without the right one is false', async () => {
    expect(await verify([OTHER, `${OTHER},${OTHER}`])).toBe(false);
  });

  it('a nonce of one line verifies; of two lines it cannot be judged', async () => {
    expect(await verify([GOOD], [CALLBACK.nonce])).toBe(true);
    const error = await verify([GOOD], [CALLBACK.nonce, CALLBACK.nonce]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ argument: 'nonce', message: expect.stringMatching(/nonce has 2 values/) });
  });
});
