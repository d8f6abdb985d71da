// Proves the built ESM bundle runs in a real browser: headless Chromium (Debian's, never a downloaded one)
// loads it from a page on one local origin and calls an API on another, CORS preflight included.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openTab } from '../helpers/chromium.js';
import {
  AUTH_ID,
  AUTH_TOKEN,
  BASIC_CREDENTIALS,
  MASKING_PATH,
  MASKING_UUID,
  VERIFY_PATH,
  VERIFY_UUID,
} from '../helpers/credentials.js';
import { distFile } from '../helpers/dist.js';
import { MASKING_EXAMPLES } from '../helpers/examples.js';
import { sendJson, startServer, type TestServer } from '../helpers/server.js';
import { example } from '../helpers/spec.js';

const openapiFetchModule = createRequire(import.meta.url)
  .resolve('openapi-fetch')
  .replace(/\.cjs$/, '.mjs');

const CREATED = example('MaskingSessionCreated');
const DELETED = example('MaskingSessionDeleted');
const SESSIONS_PATH = MASKING_PATH.replace(MASKING_UUID, '');

let api: TestServer;
let site: TestServer;
let browser: Browser;

/** The page: an import map for the client's one dependency, and a module that exercises the client. */
function page(apiOrigin: string): string {
  const script = `
    import { createPlivoClient, NotFoundError, InvalidArgumentError, PlivoApiError } from '/dist/index.mjs';
    const result = {};
    try {
      const client = createPlivoClient(${JSON.stringify({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: apiOrigin })});
      const session = await client.maskingSessions.get(${JSON.stringify(MASKING_UUID)});
      result.session = JSON.parse(JSON.stringify(session));
      result.apiId = session.api_id;
      const created = await client.maskingSessions.create({ first_party: '917708772011', second_party: '919976106830' });
      result.created = JSON.parse(JSON.stringify(created));
      result.deleted = JSON.parse(JSON.stringify(await client.maskingSessions.delete(${JSON.stringify(MASKING_UUID)})));
      try {
        await client.verifySessions.get(${JSON.stringify(VERIFY_UUID)});
      } catch (error) {
        result.notFound = { isNotFoundError: error instanceof NotFoundError, status: error.status, message: error.message };
      }
      try {
        await client.maskingSessions.update(${JSON.stringify(MASKING_UUID)}, { session_expiry: 600 });
      } catch (error) {
        result.redirected = { isApiError: error instanceof PlivoApiError, message: error.message };
      }
      try {
        createPlivoClient({ baseUrl: ${JSON.stringify(apiOrigin)} });
      } catch (error) {
        result.noCredentials = { isInvalidArgument: error instanceof InvalidArgumentError, message: error.message };
      }
    } catch (error) {
      result.fatal = String(error && error.stack || error);
    }
    window.__result = result;`;
  return `<!doctype html><html><head><meta charset="utf-8">
    <script type="importmap">{"imports":{"openapi-fetch":"/vendor/openapi-fetch.mjs"}}</script>
    <script type="module">${script}</script></head><body></body></html>`;
}

beforeAll(async () => {
  browser = await launchChromium();
  const bundle = readFileSync(distFile('index.mjs'), 'utf8');
  const openapiFetch = readFileSync(openapiFetchModule, 'utf8');

  site = await startServer();
  api = await startServer();
  const cors = { 'Access-Control-Allow-Origin': site.baseUrl, Vary: 'Origin' };
  api.reset((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        // All a CORS-enabled proxy must allow (the README says so): Accept is safelisted, User-Agent is not
        // sent, Content-Type comes with a write's JSON body, DELETE is not a safelisted method.
        'Access-Control-Allow-Methods': 'GET, POST, DELETE',
        'Access-Control-Allow-Headers': 'authorization, content-type',
        'Access-Control-Max-Age': '600',
      });
      res.end();
    } else if (req.url === MASKING_PATH && req.method === 'GET') {
      sendJson(res, 200, MASKING_EXAMPLES[0]?.body, cors);
    } else if (req.url === SESSIONS_PATH && req.method === 'POST') {
      sendJson(res, 201, CREATED, cors);
    } else if (req.url === MASKING_PATH && req.method === 'POST') {
      // A write is not followed: the browser hides the redirect from fetch as an 'opaqueredirect' of status 0.
      res.writeHead(307, { ...cors, Location: '/elsewhere' }).end();
    } else if (req.url === MASKING_PATH && req.method === 'DELETE') {
      sendJson(res, 200, DELETED, cors);
    } else {
      sendJson(res, 404, { api_id: 'c0ffee00-0000-4000-8000-000000000000', error: 'not found' }, cors);
    }
  });
  site.reset((req, res) => {
    const js = { 'Content-Type': 'text/javascript; charset=utf-8' };
    if (req.url === '/dist/index.mjs') res.writeHead(200, js).end(bundle);
    else if (req.url === '/vendor/openapi-fetch.mjs') res.writeHead(200, js).end(openapiFetch);
    else if (req.url === '/')
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(api.baseUrl));
    else res.writeHead(404).end();
  });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await site?.close();
});

describe('in headless Chromium', () => {
  it('the built ESM bundle reads and writes cross-origin through the preflight the README asks for, and maps errors', async () => {
    const { tab, pageErrors } = await openTab(browser, `${site.baseUrl}/`);
    await tab.waitForFunction(() => (window as { __result?: unknown }).__result !== undefined, null, {
      timeout: 15_000,
    });
    const result = await tab.evaluate(() => (window as { __result?: Record<string, unknown> }).__result);

    expect(pageErrors).toEqual([]);
    expect(result?.fatal).toBeUndefined();
    expect(result?.session).toEqual(MASKING_EXAMPLES[0]?.body.response);
    expect(result?.apiId).toBe(MASKING_EXAMPLES[0]?.body.api_id);
    expect(result?.created).toEqual(CREATED);
    expect(result?.deleted).toEqual(DELETED);
    expect(result?.notFound).toMatchObject({ isNotFoundError: true, status: 404 });
    expect(result?.redirected).toEqual({
      isApiError: true,
      message: expect.stringMatching(/ a redirect, which is not followed for a POST .* Set `baseUrl` to/),
    });
    // A browser has no environment variables: the error says to pass the options.
    expect(result?.noCredentials).toEqual({
      isInvalidArgument: true,
      message: expect.stringContaining('(this runtime has no environment variables)'),
    });

    const [preflight, get] = api.requests;
    expect(preflight?.method).toBe('OPTIONS');
    expect(preflight?.headers['access-control-request-headers']).toBe('authorization');
    const sent = api.requests.filter((request) => request.method !== 'OPTIONS');
    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual([
      `GET ${MASKING_PATH}`,
      `POST ${SESSIONS_PATH}`,
      `DELETE ${MASKING_PATH}`,
      `GET ${VERIFY_PATH}`,
      `POST ${MASKING_PATH}`,
    ]);
    const preflights = api.requests
      .filter((request) => request.method === 'OPTIONS')
      .map((request) => [
        request.headers['access-control-request-method'],
        request.headers['access-control-request-headers'],
      ]);
    // The DELETE reuses the preflight its URL had for the GET (cached): its Allow-Methods let it through.
    expect(preflights).toContainEqual(['POST', 'authorization,content-type']);
    expect(get?.method).toBe('GET');
    expect(get?.url).toBe(MASKING_PATH);
    expect(get?.headers.authorization).toBe(`Basic ${BASIC_CREDENTIALS}`);
    expect(get?.headers.origin).toBe(site.baseUrl);
    await tab.close();
  });
});
