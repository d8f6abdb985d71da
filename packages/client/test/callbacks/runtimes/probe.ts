import { expect } from 'vitest';
import { SDK_NONCE, SDK_PARAMS, SDK_TOKEN, SDK_URL } from '../../helpers/plivo-sdk-vectors.js';

// Test vector #1 of OPERATIONS.md §11.3 (Plivo's Go, Ruby and .NET suites) and the V2 vector of all seven SDKs:
// the expected signatures come from Plivo, not from the runtime under test.
const V3_VECTOR = {
  method: 'POST',
  url: `${SDK_URL}/?a=b&c=d`,
  nonce: SDK_NONCE,
  authToken: SDK_TOKEN,
  params: SDK_PARAMS,
};
const V3_SIGNATURE = 'k7Pusd4OxCIjR5IfA9iedDNu/h/gbdYqdzG/MiYtd1c=';
const V2_VECTOR = { url: 'https://answer.url', nonce: '12345', authToken: 'my_auth_token' };
const V2_SIGNATURE = 'ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=';

/** What a probe run reports, as JSON. */
export interface CallbacksProbeResult {
  fatal?: string;
  computedV3?: string;
  computedV2?: string;
  verifiesAmongOthers?: boolean;
  verifiesAsForm?: boolean;
  changedUrl?: boolean;
  changedParam?: boolean;
  changedToken?: boolean;
  missingNonce?: { isTyped: boolean; name: string; argument: string };
  parsed?: unknown;
  badPayload?: { isTyped: boolean; name: string };
}

/**
 * One small program for every runtime, in plain JavaScript: it imports the built callbacks entry and uses only
 * what a receiver would. `report`: `stdout` prints the JSON (Deno, Bun), `global` leaves a promise of it in
 * `globalThis.__probeResult` (Chromium, EdgeVM).
 */
export function callbacksProbeSource(callbacksModule: string, report: 'stdout' | 'global'): string {
  const run = `
import {
  CallbackPayloadError, CallbackSignatureError, computeSignatureV2, computeSignatureV3, parseMaskingSessionEvent,
  verifyCallbackSignature,
} from ${JSON.stringify(callbacksModule)};

async function run() {
  const result = {};
  try {
    const vector = ${JSON.stringify(V3_VECTOR)};
    const signature = ${JSON.stringify(V3_SIGNATURE)};
    result.computedV3 = await computeSignatureV3(vector);
    result.computedV2 = await computeSignatureV2(${JSON.stringify(V2_VECTOR)});
    result.verifiesAmongOthers = await verifyCallbackSignature({ ...vector, signature: 'AAAA,' + signature });
    result.verifiesAsForm = await verifyCallbackSignature({
      ...vector, signature, params: new URLSearchParams(new URLSearchParams(vector.params).toString()),
    });
    result.changedUrl = await verifyCallbackSignature({ ...vector, signature, url: vector.url.replace('c=d', 'c=e') });
    result.changedParam = await verifyCallbackSignature({ ...vector, signature, params: { ...vector.params, Event: 'StartApq' } });
    result.changedToken = await verifyCallbackSignature({ ...vector, signature, authToken: vector.authToken + 'x' });
    try {
      await verifyCallbackSignature({ ...vector, signature, nonce: undefined });
    } catch (error) {
      result.missingNonce = { isTyped: error instanceof CallbackSignatureError, name: error.name, argument: error.argument };
    }
    result.parsed = parseMaskingSessionEvent('EventName=SessionPinAuthenticationStatus&SessionUUID=u1&PinRetryCounter=2&New=x');
    try {
      parseMaskingSessionEvent('{"EventName":"SessionTimeout"}');
    } catch (error) {
      result.badPayload = { isTyped: error instanceof CallbackPayloadError, name: error.name };
    }
  } catch (error) {
    result.fatal = String((error && error.stack) || error);
  }
  return JSON.stringify(result);
}
`;
  return report === 'stdout'
    ? `${run}\nconsole.log(await run());\n`
    : `${run}\nglobalThis.__probeResult = run();\n`;
}

/** What every runtime must report. */
export function expectCallbacksProbeSucceeded(result: CallbacksProbeResult | undefined) {
  expect(result?.fatal, 'the probe threw').toBeUndefined();
  expect(result).toEqual({
    computedV3: V3_SIGNATURE,
    computedV2: V2_SIGNATURE,
    verifiesAmongOthers: true,
    verifiesAsForm: true,
    changedUrl: false,
    changedParam: false,
    changedToken: false,
    missingNonce: { isTyped: true, name: 'CallbackSignatureError', argument: 'nonce' },
    parsed: {
      EventName: 'SessionPinAuthenticationStatus',
      SessionUUID: 'u1',
      PinRetryCounter: 2,
      otherAttributes: { New: 'x' },
    },
    badPayload: { isTyped: true, name: 'CallbackPayloadError' },
  });
}
