// Our V3 signer agrees with Plivo's own Node implementation (plivo@4.79.0 `validateV3Signature`) on 10,000
// generated callbacks: GET and POST, http(s), with and without a port, paths with percent-encoded Unicode,
// queries with repeated keys, `+` spaces and malformed escapes, and parameters with repeated keys and any
// Unicode (lone surrogates included).
import { parse as parseQuery } from 'node:querystring';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCallbackSignature,
  computeSignatureV2,
  computeSignatureV3,
  verifyCallbackSignature,
} from '../../src/callbacks/index.js';
import { type NodeParams, plivo } from '../helpers/plivo-sdk.js';

const RUNS = 10_000;

// Names Node's SDK cannot take: it groups parameters (and the URL's query) in a plain object and tests `key in params`, so a key
// inherited from Object.prototype (`constructor`, `__proto__`, ...) throws or vanishes there. Plivo never sends one.
const usableKey = (key: string) => !(key in Object.prototype);

const printableAscii = (min: number, max: number) =>
  fc.string({
    unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
    minLength: min,
    maxLength: max,
  });

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', 'a', 'A', 'b', 'B', '0', 'Ä', 'é', '日本', '🙂', ' '),
);
const wellFormedText = anyText.filter((text) => {
  try {
    encodeURIComponent(text); // throws on a lone surrogate
    return true;
  } catch {
    return false;
  }
});
const paramKey = fc
  .oneof(fc.constantFrom('EventName', 'eventName', 'From', 'to', 'A', 'a', 'SIP-H-To', 'Ä'), anyText)
  .filter(usableKey);

/** A query component as senders write them: percent-encoded, sometimes `+` for spaces, sometimes malformed. */
const queryComponent = fc.oneof(
  { weight: 6, arbitrary: wellFormedText.map((text) => encodeURIComponent(text)) },
  { weight: 2, arbitrary: wellFormedText.map((text) => encodeURIComponent(text).replaceAll('%20', '+')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%',
      '%zz',
      '%C3',
      '%E2%82',
      '%E2%82%AC%',
      '%2',
      'a%2Bb',
      '%FF%FE',
      '%EF%BB%BF%',
    ),
  },
);
const queryPiece = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(queryComponent, queryComponent).map(([key, value]) => `${key}=${value}`) },
  { weight: 1, arbitrary: queryComponent.map((key) => key) }, // a key without `=`
  { weight: 1, arbitrary: fc.constant('') }, // `&&`
);
const query = fc.option(
  fc
    .array(queryPiece, { maxLength: 6 })
    .chain((pieces) => fc.constantFrom(pieces, [...pieces, ...pieces.slice(0, 1)])) // repeated keys
    .map((pieces) => `?${pieces.join('&')}`),
  { nil: '' },
);
const path = fc.oneof(
  fc.constant(''),
  fc.constant('/'),
  fc
    .tuple(fc.array(wellFormedText.map(encodeURIComponent), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([segments, slash]) => `/${segments.join('/')}${slash ? '/' : ''}`),
);
const host = fc.oneof(fc.domain(), fc.constantFrom('127.0.0.1', 'localhost', 'Example.COM'));
const port = fc.option(
  fc.integer({ min: 1, max: 65_535 }).map((value) => `:${value}`),
  { nil: '' },
);
const url = fc
  .tuple(fc.constantFrom('http', 'https'), host, port, path, query)
  .map(
    ([scheme, name, portPart, pathPart, queryPart]) =>
      `${scheme}://${name}${portPart}${pathPart}${queryPart}`,
  )
  .filter((text) => /^[\x21-\x7e]+$/.test(text) && URL.canParse(text))
  // The same limit for the URL's own query: Node's SDK groups it in a plain object too.
  .filter((text) => Object.keys(parseQuery(new URL(text).search.slice(1))).every(usableKey));

/** Parameters as [key, value] pairs, with repeated keys. */
const params: fc.Arbitrary<Array<[string, string]>> = fc
  .array(fc.tuple(paramKey, anyText), { maxLength: 8 })
  .chain((pairs) => {
    const first = pairs[0];
    return fc.constantFrom(pairs, first === undefined ? pairs : [...pairs, [first[0], 'repeat']]);
  });

function forNode(pairs: ReadonlyArray<readonly [string, string]>): NodeParams {
  const grouped: Record<string, string[]> = {};
  for (const [key, value] of pairs) grouped[key] = [...(grouped[key] ?? []), value];
  return Object.fromEntries(
    Object.entries(grouped).map(([key, values]) => [
      key,
      values.length === 1 ? (values[0] as string) : values,
    ]),
  );
}

const callback = fc.record({
  method: fc.constantFrom('GET', 'POST'),
  url,
  nonce: printableAscii(1, 24),
  authToken: printableAscii(1, 40),
  pairs: params,
  asRecord: fc.boolean(),
});

describe('agreement with plivo@4.79.0', () => {
  it(`validateV3Signature accepts every signature we compute (${RUNS} generated callbacks)`, async () => {
    await fc.assert(
      fc.asyncProperty(callback, async ({ method, url, nonce, authToken, pairs, asRecord }) => {
        const ours = asRecord ? forNode(pairs) : new URLSearchParams(pairs);
        const signature = await computeSignatureV3({ method, url, nonce, authToken, params: ours });
        expect(plivo.validateV3Signature(method, url, nonce, authToken, signature, forNode(pairs))).toBe(
          true,
        );
        expect(
          await verifyCallbackSignature({ method, url, nonce, authToken, signature, params: ours }),
        ).toBe(true);
      }),
      { numRuns: RUNS },
    );
    // About 11 s on an idle 2-core machine: 20 s was too little when other suites share the cores.
  }, 120_000);

  it('validateV3Signature and our verifier reject the same signature for another nonce', async () => {
    await fc.assert(
      fc.asyncProperty(callback, async ({ method, url, nonce, authToken, pairs }) => {
        const signature = await computeSignatureV3({
          method,
          url,
          nonce: `${nonce}1`,
          authToken,
          params: forNode(pairs),
        });
        expect(plivo.validateV3Signature(method, url, nonce, authToken, signature, forNode(pairs))).toBe(
          false,
        );
        expect(
          await verifyCallbackSignature({ method, url, nonce, authToken, signature, params: forNode(pairs) }),
        ).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('validateV3Signature accepts ours for a malformed query value that starts with a byte-order mark', async () => {
    // querystring.unescape keeps a leading U+FEFF when it falls back to reading bytes; a TextDecoder drops it.
    const url = 'https://example.com/cb?tenant=%EF%BB%BF50%off';
    const fields = { method: 'GET', url, nonce: '12345678901234567890', authToken: 'my_auth_token' } as const;
    const signature = await computeSignatureV3(fields);
    expect(plivo.validateV3Signature('GET', url, fields.nonce, fields.authToken, signature, {})).toBe(true);
  });

  // The README's exceptions, each a fault of that SDK's URL or query parsing: it signs text without what we keep.
  it.each([
    ['an @ in the query', 'https://example.com/cb?notify=ops@example.com', 'notify=ops@example.com'],
    ['a bracketed IPv6 host', 'http://[::1]:8080/cb', 'http://[::1]:8080/cb'],
    ['a query key __proto__', 'https://example.com/cb?__proto__=1', '__proto__=1'],
  ])('differs where the README says, for %s', async (_case, url, kept) => {
    const fields = { method: 'GET', url, nonce: '12345678901234567890', authToken: 'my_auth_token' } as const;
    const signature = await computeSignatureV3(fields);
    const { valid, signedText } = await checkCallbackSignature({ ...fields, signature });
    expect(valid).toBe(true);
    expect(signedText).toContain(kept);
    expect(plivo.validateV3Signature('GET', url, fields.nonce, fields.authToken, signature, {})).toBe(false);
  });

  it('validateSignature (V2) accepts every V2 signature we compute', async () => {
    await fc.assert(
      fc.asyncProperty(url, printableAscii(1, 24), printableAscii(1, 40), async (url, nonce, authToken) => {
        const signature = await computeSignatureV2({ url, nonce, authToken });
        expect(plivo.validateSignature(url, nonce, signature, authToken)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
