import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidArgumentError } from '../../src/index.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import {
  AUTH_ID,
  BASIC_CREDENTIALS,
  MASKING_PATH,
  MASKING_UUID,
  VERIFY_PATH,
  VERIFY_UUID,
} from '../helpers/credentials.js';
import { MASKING_EXAMPLES, VERIFY_EXAMPLES } from '../helpers/examples.js';
import { sendJson, serverForThisFile } from '../helpers/server.js';

const server = serverForThisFile();

describe('maskingSessions.get', () => {
  it.each(MASKING_EXAMPLES)('returns the session of $name unwrapped, as sent', async ({ body }) => {
    server().reset((_req, res) => sendJson(res, 200, body));
    const session = await clientFor(server()).maskingSessions.get(MASKING_UUID);
    expect(session).toEqual(body.response);
    expect(session.api_id).toBe(body.api_id);
    // api_id is reachable but not enumerable, so the session serializes exactly as the server sent it.
    expect(JSON.parse(JSON.stringify(session))).toEqual(body.response);
  });

  it('sends GET to the documented path (no trailing slash) with Basic auth and JSON headers', async () => {
    server().reset((_req, res) => sendJson(res, 200, MASKING_EXAMPLES[0]?.body));
    await clientFor(server()).maskingSessions.get(MASKING_UUID);
    expect(server().requests).toHaveLength(1);
    const [request] = server().requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe(MASKING_PATH);
    expect(request?.headers.authorization).toBe(`Basic ${BASIC_CREDENTIALS}`);
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['user-agent']).toMatch(/^plivo-openapi-client\/\d+\.\d+\.\d+/);
  });
});

describe('verifySessions.get', () => {
  it.each(VERIFY_EXAMPLES)('returns the flat session of $name, as sent', async ({ body }) => {
    server().reset((_req, res) => sendJson(res, 200, body));
    const session = await clientFor(server()).verifySessions.get(VERIFY_UUID);
    expect(session).toEqual(body);
    expect(session.api_id).toBe(body.api_id);
  });

  it('sends GET to the documented path, trailing slash included', async () => {
    server().reset((_req, res) => sendJson(res, 200, VERIFY_EXAMPLES[0]?.body));
    await clientFor(server()).verifySessions.get(VERIFY_UUID);
    expect(server().requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${VERIFY_PATH}`]);
  });
});

describe('request options', () => {
  it('fills auth_id from the credentials and keeps a baseUrl path prefix', async () => {
    server().reset((_req, res) => sendJson(res, 200, VERIFY_EXAMPLES[0]?.body));
    await clientFor(server(), { baseUrl: `${server().baseUrl}/proxy/plivo/` }).verifySessions.get(
      VERIFY_UUID,
    );
    expect(server().requests[0]?.url).toBe(
      `/proxy/plivo/v1/Account/${AUTH_ID}/Verify/Session/${VERIFY_UUID}/`,
    );
  });

  it('sends the userAgent option before its own product token, and extra headers', async () => {
    server().reset((_req, res) => sendJson(res, 200, VERIFY_EXAMPLES[0]?.body));
    const client = clientFor(server(), { userAgent: 'my-app/1.2.3', headers: { 'X-Trace': 'abc' } });
    await client.verifySessions.get(VERIFY_UUID);
    expect(server().requests[0]?.headers['user-agent']).toMatch(/^my-app\/1\.2\.3 plivo-openapi-client\/\d/);
    expect(server().requests[0]?.headers['x-trace']).toBe('abc');
  });

  describe('in a browser page or worker', () => {
    afterEach(() => vi.unstubAllGlobals());

    // Firefox and Safari send a User-Agent set by script, which every CORS preflight would then have to allow.
    it.each([
      ['document', {}],
      ['importScripts', () => undefined],
    ])('sends no User-Agent of its own where %s is defined', async (name, value) => {
      vi.stubGlobal(name, value);
      server().reset((_req, res) => sendJson(res, 200, VERIFY_EXAMPLES[0]?.body));
      await clientFor(server()).verifySessions.get(VERIFY_UUID);
      expect(server().requests[0]?.headers['user-agent']).not.toMatch(/plivo-openapi-client/);
    });

    it('sends the userAgent option, which the README says to allow in CORS', async () => {
      vi.stubGlobal('document', {});
      server().reset((_req, res) => sendJson(res, 200, VERIFY_EXAMPLES[0]?.body));
      await clientFor(server(), { userAgent: 'my-app/1.2.3' }).verifySessions.get(VERIFY_UUID);
      expect(server().requests[0]?.headers['user-agent']).toMatch(
        /^my-app\/1\.2\.3 plivo-openapi-client\/\d/,
      );
    });
  });

  it('uses a custom fetch for every request', async () => {
    server().reset((_req, res) => sendJson(res, 200, VERIFY_EXAMPLES[0]?.body));
    const seen: string[] = [];
    const client = clientFor(server(), {
      fetch: (request) => {
        seen.push(request.url);
        return fetch(request);
      },
    });
    await client.verifySessions.get(VERIFY_UUID);
    expect(seen).toEqual([`${server().baseUrl}${VERIFY_PATH}`]);
  });
});

describe('session UUID validation', () => {
  it.each([
    ['not a UUID', 'abc'],
    ['a UUID without dashes', 'fc145a33778a461faf0939438ca10fcf'],
    ['a UUID with a path in it', `${MASKING_UUID}/../x`],
    ['an empty string', ''],
  ])('rejects %s before any request', async (_label, value) => {
    server().reset((_req, res) => sendJson(res, 200, MASKING_EXAMPLES[0]?.body));
    const client = clientFor(server());
    for (const call of [client.maskingSessions.get(value), client.verifySessions.get(value)]) {
      const error = await rejectionOf(call);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error).toMatchObject({ argument: 'sessionUuid' });
      expect((error as Error).message).toMatch(/sessionUuid must be a session UUID.*8-4-4-4-12/);
    }
    expect(server().requests).toHaveLength(0);
  });

  it('rejects a non-string from JavaScript callers', async () => {
    const client = clientFor(server());
    const error = await rejectionOf(client.maskingSessions.get(42 as unknown as string));
    expect((error as Error).message).toContain('got a number');
  });
});
