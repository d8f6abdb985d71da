// The callbacks entry's types: known values stay visible (autocompletion, exhaustive switches over them) while
// any other string is accepted; header values take what node:http and Headers hand over.
import type { ParsedUrlQuery } from 'node:querystring';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  CallbackPayloadInput,
  CallbackSignatureCheck,
  KnownMaskingSessionEventName,
  MaskingSessionEvent,
  MaskingSessionEventName,
  VerifyCallbackSignatureInput,
  VerifySessionEvent,
  VerifySessionStatus,
} from '../../src/callbacks/index.js';
import { verifyCallbackSignature } from '../../src/callbacks/index.js';

describe('callbacks types', () => {
  it('event names and statuses are open sets that keep their known values', () => {
    expectTypeOf<'SessionTimeout'>().toExtend<MaskingSessionEventName>();
    expectTypeOf<'SomethingPlivoAddsLater'>().toExtend<MaskingSessionEventName>();
    expectTypeOf<
      Extract<MaskingSessionEventName, KnownMaskingSessionEventName>
    >().toEqualTypeOf<KnownMaskingSessionEventName>();
    expectTypeOf<Extract<VerifySessionStatus, 'verified'>>().toEqualTypeOf<'verified'>();
    expectTypeOf<MaskingSessionEvent['EventName']>().toEqualTypeOf<MaskingSessionEventName>();
    expectTypeOf<VerifySessionEvent['SessionStatus']>().toEqualTypeOf<VerifySessionStatus>();
  });

  it('a signature check narrows on `valid`: a failed one always explains itself', () => {
    const check = {} as CallbackSignatureCheck;
    if (check.valid) expectTypeOf(check.explanation).toEqualTypeOf<undefined>();
    else expectTypeOf(check.explanation).toEqualTypeOf<string>();
  });

  it('documented integers are numbers, unknown attributes strings', () => {
    expectTypeOf<MaskingSessionEvent['PinRetryCounter']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<MaskingSessionEvent['PlivoHangupCauseCode']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<MaskingSessionEvent['otherAttributes']>().toEqualTypeOf<Readonly<Record<string, string>>>();
  });

  it("node:querystring's records are accepted as payloads and as params", () => {
    expectTypeOf<ParsedUrlQuery>().toExtend<CallbackPayloadInput>();
    expectTypeOf<ParsedUrlQuery>().toExtend<NonNullable<VerifyCallbackSignatureInput['params']>>();
  });

  it('header values are accepted as node:http and Headers give them', () => {
    expectTypeOf<string | string[] | undefined>().toExtend<VerifyCallbackSignatureInput['nonce']>();
    expectTypeOf<string | null>().toExtend<VerifyCallbackSignatureInput['signature']>();
  });
});

describe('verifyCallbackSignature input', () => {
  const request = { url: 'https://example.com/cb', nonce: '12345', signature: 'abc=', authToken: 'token' };

  it('a V3 check (the default) needs the method it signs; a V2 check does not', () => {
    expectTypeOf(verifyCallbackSignature).toBeCallableWith({ ...request, method: 'POST' });
    expectTypeOf(verifyCallbackSignature).toBeCallableWith({ ...request, version: 'v3', method: 'GET' });
    expectTypeOf(verifyCallbackSignature).toBeCallableWith({ ...request, version: 'v2' });
    // @ts-expect-error V3 signs the method, so leaving it out would only fail at run time
    expectTypeOf(verifyCallbackSignature).toBeCallableWith({ ...request });
    // @ts-expect-error the same with the version spelled out
    expectTypeOf(verifyCallbackSignature).toBeCallableWith({ ...request, version: 'v3' });
  });

  it('one call serves both versions when the receiver picks the version at run time', () => {
    const version = Math.random() > 0.5 ? ('v2' as const) : ('v3' as const);
    const params = new URLSearchParams('a=b');
    expectTypeOf(verifyCallbackSignature).toBeCallableWith({ ...request, version, method: 'POST', params });
  });
});
