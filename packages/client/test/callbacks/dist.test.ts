// What receivers install: `@plivo-openapi/client/callbacks` resolves through package.json `exports` for import
// and require, exports what the source does, and carries none of the API client and nothing runtime-specific.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { distFile } from '../helpers/dist.js';

type CallbacksModule = typeof import('../../src/callbacks/index.js');

const V2 = { url: 'https://answer.url', nonce: '12345', authToken: 'my_auth_token' };

describe.each([
  ['import', async (): Promise<CallbacksModule> => import('@plivo-openapi/client/callbacks')],
  [
    'require',
    async (): Promise<CallbacksModule> => createRequire(import.meta.url)('@plivo-openapi/client/callbacks'),
  ],
])('%s @plivo-openapi/client/callbacks', (_label, load) => {
  it('exports the same public names as the source', async () => {
    const built = await load();
    const source = await import('../../src/callbacks/index.js');
    expect(Object.keys(built).sort()).toEqual(Object.keys(source).sort());
  });

  it('signs and verifies', async () => {
    const { computeSignatureV2, verifyCallbackSignature, CallbackSignatureError } = await load();
    expect(await computeSignatureV2(V2)).toBe('ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=');
    await expect(verifyCallbackSignature({ ...V2, version: 'v2', signature: '' })).rejects.toBeInstanceOf(
      CallbackSignatureError,
    );
  });
});

describe('the callbacks bundle', () => {
  it.each(['callbacks.mjs', 'callbacks.cjs'])(
    '%s imports nothing and holds none of the API client',
    (file) => {
      const code = readFileSync(distFile(file), 'utf8');
      expect(code).not.toMatch(/\bimport\s[^'"]*?from\s*["']|\bimport\s*\(|\brequire\s*\(/);
      expect(code).not.toMatch(/createPlivoClient|openapi-fetch|PlivoApiError/);
      expect(code).not.toMatch(/\b(Buffer|__dirname|__filename)\b|\bprocess\./);
    },
  );
});
