// What a valid V3 signature does not prove, as the README's "What a valid signature does not prove" says: these
// follow from Plivo's algorithm (plivo@4.79.0's validateV3Signature agrees on each), so a receiver must guard
// against them itself. Each assertion is a fact the README states.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeSignatureV3, verifyCallbackSignature } from '../../src/callbacks/index.js';
import { plivo } from '../helpers/plivo-sdk.js';

const URL_ = 'https://callbacks.example.com/plivo/masking/status';
const NONCE = '40227761595286130199';
const AUTH_TOKEN = 'ZmY5YWRiOTI5YmQ1Njg0MTAxZWIyOTc4Y2Q2ZDgx';
const SESSION_UUID = 'c28b77d4-21e7-43bd-9447-04bfee92e651';

async function bothAccept(
  method: 'GET' | 'POST',
  url: string,
  signature: string,
  params?: Record<string, string>,
) {
  expect(plivo.validateV3Signature(method, url, NONCE, AUTH_TOKEN, signature, params ?? {})).toBe(true);
  return verifyCallbackSignature({ method, url, nonce: NONCE, signature, params, authToken: AUTH_TOKEN });
}

describe('a valid V3 signature', () => {
  it('verifies again for an exact replay: it has no time in it and nothing is remembered', async () => {
    const params = { EventName: 'SessionTimeout', SessionUUID: SESSION_UUID };
    const signature = await computeSignatureV3({
      method: 'POST',
      url: URL_,
      nonce: NONCE,
      params,
      authToken: AUTH_TOKEN,
    });
    expect([
      await bothAccept('POST', URL_, signature, params),
      await bothAccept('POST', URL_, signature, params),
    ]).toEqual([true, true]);
  });

  it.each([URL_, `${URL_}?EventName=SessionTimeout&SessionUUID=${SESSION_UUID}`])(
    'of a GET of %s verifies as a POST with an empty body to the same URL',
    async (url) => {
      const signature = await computeSignatureV3({ method: 'GET', url, nonce: NONCE, authToken: AUTH_TOKEN });
      expect(await bothAccept('POST', url, signature)).toBe(true);
    },
  );

  it.each([
    [
      'an attribute merged into the one before it',
      { EventName: 'SessionFirstPartyAnswer', SessionUUID: SESSION_UUID, To: '+919976106830' },
      { EventName: 'SessionFirstPartyAnswer', SessionUUID: `${SESSION_UUID}To+919976106830` },
    ],
    [
      'a value split into a new attribute',
      { EventName: 'SessionFirstPartyAnswer', SessionUUID: SESSION_UUID },
      { EventName: 'SessionFirst', PartyAnswer: '', SessionUUID: SESSION_UUID },
    ],
  ])(
    'of a POST also covers %s (names and values are joined with no separator)',
    async (_label, sent, forged) => {
      const signature = await computeSignatureV3({
        method: 'POST',
        url: URL_,
        nonce: NONCE,
        params: sent,
        authToken: AUTH_TOKEN,
      });
      expect(await bothAccept('POST', URL_, signature, forged)).toBe(true);
    },
  );

  it.each([
    [
      'an attribute merged into the one before it (an encoded `&` and `=`)',
      'PinAuthenticationStatus=failed&PinRetryCounter=3',
      'PinAuthenticationStatus=failed%26PinRetryCounter%3D3',
      { PinAuthenticationStatus: 'failed&PinRetryCounter=3' },
    ],
    [
      'an attribute hidden in a new name (an encoded `=` and `&`)',
      'PinAuthenticationStatus=failed&PinRetryCounter=3',
      'PinAuthenticationStatus%3Dfailed%26PinRetryCounter=3',
      { 'PinAuthenticationStatus=failed&PinRetryCounter': '3' },
    ],
  ])(
    'of a GET covers %s too: its query is signed decoded',
    async (_label, sentQuery, forgedQuery, forgedAttributes) => {
      const query = (attributes: string) =>
        `${URL_}?EventName=SessionPinAuthenticationStatus&${attributes}&SessionUUID=${SESSION_UUID}`;
      const signature = await computeSignatureV3({
        method: 'GET',
        url: query(sentQuery),
        nonce: NONCE,
        authToken: AUTH_TOKEN,
      });
      expect(await bothAccept('GET', query(forgedQuery), signature)).toBe(true);
      expect(Object.fromEntries(new URL(query(forgedQuery)).searchParams)).toMatchObject(forgedAttributes);
    },
  );
});

describe("the README's example of a GET query merged or split", () => {
  it('is three queries with one signature, as it says', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const sentence =
      /signs a GET's query .*? decoded, .*? so `([^`]+)`, `([^`]+)` and `([^`]+)` have the same signature/.exec(
        readme,
      );
    expect(sentence, 'the README sentence').not.toBeNull();
    const queries = sentence?.slice(1) ?? [];
    const signatures = await Promise.all(
      queries.map((query) =>
        computeSignatureV3({ method: 'GET', url: `${URL_}?${query}`, nonce: NONCE, authToken: AUTH_TOKEN }),
      ),
    );
    expect(new Set(signatures).size).toBe(1);
    expect(await bothAccept('GET', `${URL_}?${queries[1]}`, signatures[0] ?? '')).toBe(true);
  });
});
