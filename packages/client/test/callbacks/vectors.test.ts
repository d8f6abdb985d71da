// Every test vector of Plivo's SDK test suites (V3: Go, Ruby and .NET; V2: all seven SDKs) verifies, and each one
// stops verifying when any single byte of what it covers changes.
import { describe, expect, it } from 'vitest';
import {
  computeSignatureV2,
  computeSignatureV3,
  verifyCallbackSignature,
} from '../../src/callbacks/index.js';
import { SDK_NONCE, SDK_PARAMS, SDK_TOKEN, SDK_URL } from '../helpers/plivo-sdk-vectors.js';

interface V3Vector {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly nonce: string;
  readonly params: Record<string, string>;
  readonly authToken: string;
  readonly signature: string;
}

const V3_VECTORS: V3Vector[] = [
  {
    name: '#1 POST, URL with query (Go, Ruby, .NET)',
    method: 'POST',
    url: `${SDK_URL}/?a=b&c=d`,
    nonce: SDK_NONCE,
    params: SDK_PARAMS,
    authToken: SDK_TOKEN,
    signature: 'k7Pusd4OxCIjR5IfA9iedDNu/h/gbdYqdzG/MiYtd1c=',
  },
  {
    name: '#2 GET, URL with query (Go, Ruby)',
    method: 'GET',
    url: `${SDK_URL}/?a=b&c=d`,
    nonce: SDK_NONCE,
    params: SDK_PARAMS,
    authToken: SDK_TOKEN,
    signature: 'UBq8jAtd32wR8EK9VgxbBn4n5rpI/l1H9iN4WfSEHFQ=',
  },
  {
    name: '#3 POST, URL without query (Go, Ruby, .NET)',
    method: 'POST',
    url: SDK_URL,
    nonce: SDK_NONCE,
    params: SDK_PARAMS,
    authToken: SDK_TOKEN,
    signature: 'iAjE5QqI37mbkYe4w3jTMudqEzbDufdqi7sYwTu64e0=',
  },
  {
    name: '#4 GET, URL without query (Go, Ruby, .NET)',
    method: 'GET',
    url: SDK_URL,
    nonce: SDK_NONCE,
    params: SDK_PARAMS,
    authToken: SDK_TOKEN,
    signature: 'i/MQsaQSAd6fiKhOh2qeeeLHZ9faldADSb3/7+Akfbc=',
  },
  // Derived with plivo@4.79.0's validateV3Signature on a masking-shaped callback.
  ...(
    [
      ['derived: masking POST', 'POST', true, 'kAbL+acF1phzw95uGzqiYP8aytuS69xHwg0v6s277Y8='],
      ['derived: masking GET with params', 'GET', true, 'q4jhXKWizFsOATQTmPU0IYkZeWVpUvauUHrQobT4Dzs='],
      ['derived: GET without params', 'GET', false, 'DaNHwd6N7FlPotL77Sq/vUjlqCPbxLW6i52mmBAmYs8='],
    ] as const
  ).map(
    ([name, method, withParams, signature]): V3Vector => ({
      name,
      method,
      url: 'https://example.com/masking/callback',
      nonce: '12345678901234567890',
      params: withParams
        ? { EventName: 'SessionTimeout', SessionUUID: 'c28b77d4-21e7-43bd-9447-04bfee92e651' }
        : {},
      authToken: 'my_auth_token',
      signature,
    }),
  ),
];

const V2_VECTOR = {
  url: 'https://answer.url',
  nonce: '12345',
  authToken: 'my_auth_token',
  signature: 'ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=',
};

/** Every variant of `text` with exactly one character replaced by another printable ASCII character. */
function oneByteChanges(text: string): string[] {
  return [...text].map((char, index) => {
    const replacement = char === 'x' ? 'y' : 'x';
    return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
  });
}

describe('V3 test vectors', () => {
  it.each(V3_VECTORS)('$name: computes the published signature', async (vector) => {
    expect(await computeSignatureV3(vector)).toBe(vector.signature);
  });

  it.each(V3_VECTORS)('$name: verifies, alone and among other signatures', async (vector) => {
    expect(await verifyCallbackSignature(vector)).toBe(true);
    const other = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    expect(await verifyCallbackSignature({ ...vector, signature: `${other},${vector.signature}` })).toBe(
      true,
    );
    expect(await verifyCallbackSignature({ ...vector, signature: `${vector.signature}, ${other}` })).toBe(
      true,
    );
    expect(await verifyCallbackSignature({ ...vector, signature: other })).toBe(false);
  });

  it.each(V3_VECTORS)(
    '$name: fails when the signature is cut short or has anything appended',
    async (vector) => {
      const { signature } = vector;
      for (const changed of [
        `${signature}A`,
        `${signature}==`,
        signature.slice(0, -1),
        `${signature}${signature}`,
      ]) {
        expect(await verifyCallbackSignature({ ...vector, signature: changed }), changed).toBe(false);
      }
    },
  );

  it.each(V3_VECTORS)('$name: fails when any one byte of the URL changes', async (vector) => {
    // Positions that still leave a parsable http(s) URL; the scheme is covered by the change to `http`.
    const urls = [
      ...oneByteChanges(vector.url).filter((url) => url.startsWith('https://')),
      vector.url.replace('https', 'http'),
    ];
    for (const url of urls) {
      expect(await verifyCallbackSignature({ ...vector, url }), url).toBe(false);
    }
  });

  it.each(V3_VECTORS)('$name: fails when any one byte of the nonce or the token changes', async (vector) => {
    for (const nonce of oneByteChanges(vector.nonce)) {
      expect(await verifyCallbackSignature({ ...vector, nonce }), nonce).toBe(false);
    }
    for (const authToken of oneByteChanges(vector.authToken)) {
      expect(await verifyCallbackSignature({ ...vector, authToken }), `token changed`).toBe(false);
    }
  });

  it.each(V3_VECTORS.filter((vector) => Object.keys(vector.params).length > 0))(
    '$name: fails when any one byte of a parameter name or value changes',
    async (vector) => {
      for (const [key, value] of Object.entries(vector.params)) {
        const { [key]: _removed, ...others } = vector.params;
        for (const changedKey of oneByteChanges(key)) {
          const params = { ...others, [changedKey]: value };
          expect(await verifyCallbackSignature({ ...vector, params }), `${changedKey}=${value}`).toBe(false);
        }
        for (const changedValue of oneByteChanges(value)) {
          const params = { ...others, [key]: changedValue };
          expect(await verifyCallbackSignature({ ...vector, params }), `${key}=${changedValue}`).toBe(false);
        }
        expect(await verifyCallbackSignature({ ...vector, params: others }), `without ${key}`).toBe(false);
      }
    },
  );

  // Without query or parameters GET and POST sign the same text, as in every SDK: nothing to change there.
  it.each(V3_VECTORS.filter((vector) => Object.keys(vector.params).length > 0))(
    '$name: fails for the other method',
    async (vector) => {
      const method = vector.method === 'GET' ? 'POST' : 'GET';
      expect(await verifyCallbackSignature({ ...vector, method })).toBe(false);
    },
  );
});

describe('V2 test vector (all seven SDKs)', () => {
  it('computes and verifies the published signature', async () => {
    expect(await computeSignatureV2(V2_VECTOR)).toBe(V2_VECTOR.signature);
    expect(await verifyCallbackSignature({ ...V2_VECTOR, version: 'v2' })).toBe(true);
  });

  it('fails when the signature has anything appended', async () => {
    const input = { ...V2_VECTOR, version: 'v2' as const };
    expect(await verifyCallbackSignature({ ...input, signature: `${V2_VECTOR.signature}A` })).toBe(false);
  });

  it('fails with the token my_auth_tokens, as the SDKs test', async () => {
    expect(await verifyCallbackSignature({ ...V2_VECTOR, version: 'v2', authToken: 'my_auth_tokens' })).toBe(
      false,
    );
  });

  it('ignores the query and the method, which V2 does not sign', async () => {
    const input = { ...V2_VECTOR, version: 'v2' as const };
    expect(await verifyCallbackSignature({ ...input, url: `${V2_VECTOR.url}?a=b` })).toBe(true);
    expect(await verifyCallbackSignature({ ...input, method: 'GET' })).toBe(true);
  });

  it('fails when any one byte of the URL, the nonce or the token changes', async () => {
    const input = { ...V2_VECTOR, version: 'v2' as const };
    const urls = oneByteChanges(V2_VECTOR.url).filter(
      (url) => url.startsWith('https://') && !url.includes('?'),
    );
    for (const url of urls) expect(await verifyCallbackSignature({ ...input, url }), url).toBe(false);
    for (const nonce of oneByteChanges(V2_VECTOR.nonce)) {
      expect(await verifyCallbackSignature({ ...input, nonce }), nonce).toBe(false);
    }
    for (const authToken of oneByteChanges(V2_VECTOR.authToken)) {
      expect(await verifyCallbackSignature({ ...input, authToken }), 'token changed').toBe(false);
    }
  });
});
