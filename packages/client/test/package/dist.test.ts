// What users install: the built ESM and CJS entry points, checked for exports and for runtime portability.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_ID, AUTH_TOKEN, MASKING_UUID } from '../helpers/credentials.js';
import { distFile } from '../helpers/dist.js';
import { MASKING_EXAMPLES } from '../helpers/examples.js';
import { sendJson, startServer, type TestServer } from '../helpers/server.js';

type ClientModule = typeof import('../../src/index.js');

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, MASKING_EXAMPLES[0]?.body));
});
afterAll(() => server.close());

const esm = async (): Promise<ClientModule> => import(distFile('index.mjs'));
const cjs = (): ClientModule => createRequire(import.meta.url)(distFile('index.cjs'));

describe.each([
  ['import (ESM)', esm],
  ['require (CJS)', async () => cjs()],
])('%s', (_label, load) => {
  it('exports the same public names as the source', async () => {
    const built = await load();
    const source = await import('../../src/index.js');
    expect(Object.keys(built).sort()).toEqual(Object.keys(source).sort());
  });

  it('makes a working client', async () => {
    const { createPlivoClient, NotFoundError, PlivoApiError } = await load();
    const client = createPlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: server.baseUrl });
    const session = await client.maskingSessions.get(MASKING_UUID);
    expect(session).toEqual(MASKING_EXAMPLES[0]?.body.response);
    expect(Object.getPrototypeOf(NotFoundError)).toBe(PlivoApiError);
  });
});

describe('runtime portability', () => {
  it.each(['index.mjs', 'index.cjs'])('%s loads nothing but openapi-fetch (no Node built-ins)', (file) => {
    const code = readFileSync(distFile(file), 'utf8');
    const specifiers = [
      ...code.matchAll(/\bimport\s[^'"]*?from\s*["']([^"']+)["']/g),
      ...code.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
      ...code.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g),
    ].map((match) => match[1]);
    expect(specifiers).toEqual(['openapi-fetch']);
    expect(code).not.toMatch(/\b(Buffer|__dirname|__filename)\b/);
    expect(code).not.toMatch(/\bprocess\.(env|versions|platform)/);
  });
});

describe('tree-shaking (package.json declares sideEffects: false)', () => {
  /** The input files, with the bytes each adds, of a browser bundle of `source` against the built ESM entry. */
  async function bundledInputs(source: string): Promise<Record<string, number>> {
    const entry = distFile('index.mjs');
    const result = await build({
      stdin: { contents: source.replace('ENTRY', JSON.stringify(entry)), resolveDir: dirname(entry) },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const [output] = Object.values(result.metafile.outputs);
    return Object.fromEntries(
      Object.entries(output?.inputs ?? {}).map(([file, { bytesInOutput }]) => [file, bytesInOutput]),
    );
  }
  const openapiFetchBytes = (inputs: Record<string, number>) =>
    Object.entries(inputs)
      .filter(([file]) => file.includes('/openapi-fetch/'))
      .reduce((sum, [, bytes]) => sum + bytes, 0);

  it('leaves openapi-fetch out of an app that imports only the error classes', async () => {
    const errorsOnly = await bundledInputs(
      'import { NotFoundError } from ENTRY; console.log(new NotFoundError("m", { status: 404 }));',
    );
    const whole = await bundledInputs(
      'import { createPlivoClient } from ENTRY; console.log(createPlivoClient);',
    );
    // The control: the same measure sees openapi-fetch in an app that makes a client.
    expect(openapiFetchBytes(whole)).toBeGreaterThan(1000);
    expect(openapiFetchBytes(errorsOnly)).toBe(0);
  });
});
