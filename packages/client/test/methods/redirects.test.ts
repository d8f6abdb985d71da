// A redirect must not change what a call does: reads follow it, writes are refused with the redirect named.
import { describe, expect, it } from 'vitest';
import { createPlivoClient, PlivoApiError } from '../../src/index.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import { AUTH_ID, AUTH_TOKEN, VERIFY_PATH, VERIFY_UUID } from '../helpers/credentials.js';
import { sendJson, serverForThisFile } from '../helpers/server.js';
import { example } from '../helpers/spec.js';

const server = serverForThisFile();
const SESSIONS = `/v1/Account/${AUTH_ID}/Verify/Session/`;
const MOVED = '/moved';

/** Redirects everything but MOVED there with `status`; MOVED answers a list page to any method. */
const redirecting = (status: number) =>
  server().reset((req, res) => {
    if (req.url?.startsWith(MOVED)) sendJson(res, 200, example('VerifySessionListPage'));
    else res.writeHead(status, { Location: `${MOVED}${req.url}` }).end();
  });

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'a %i to a create is not followed: it fails naming the redirect, and nothing else is sent',
    async (status) => {
      redirecting(status);
      const error = await rejectionOf(
        clientFor(server()).verifySessions.create({ recipient: '+14155550100' }),
      );
      expect(error).toBeInstanceOf(PlivoApiError);
      expect(error).toMatchObject({ status, method: 'POST' });
      expect((error as Error).message).toContain(
        `: a redirect to ${MOVED}${SESSIONS}, which is not followed for a POST (it could become a GET without its body). Set \`baseUrl\``,
      );
      expect(server().requests.map(({ method, url }) => `${method} ${url}`)).toEqual([`POST ${SESSIONS}`]);
    },
  );

  it('a delete is not followed either', async () => {
    redirecting(303);
    const uuid = '4124e518-a8c9-4feb-8cff-d86636ba9234';
    const error = await rejectionOf(clientFor(server()).maskingSessions.delete(uuid));
    expect(error).toMatchObject({ status: 303, method: 'DELETE' });
    expect(server().requests).toHaveLength(1);
  });

  it('a 304 (which the client never asks for) is not called a redirect', async () => {
    server().reset((_req, res) => res.writeHead(304).end());
    const error = await rejectionOf(clientFor(server(), { maxRetries: 0 }).verifySessions.get(VERIFY_UUID));
    expect(error).toMatchObject({ status: 304, method: 'GET' });
    expect((error as Error).message).toBe(`GET ${server().baseUrl}${VERIFY_PATH} answered 304 Not Modified`);
  });

  it('a read answered with a redirect fetch cannot follow says why, not what a write would be told', async () => {
    server().reset((_req, res) => res.writeHead(302).end());
    const error = await rejectionOf(clientFor(server(), { maxRetries: 0 }).verifySessions.get(VERIFY_UUID));
    expect(error).toMatchObject({ status: 302, method: 'GET' });
    expect((error as Error).message).toBe(
      `GET ${server().baseUrl}${VERIFY_PATH} answered 302 Found: a redirect that fetch could not follow: it names no Location. Set \`baseUrl\` to the address the API answers at.`,
    );
  });

  it('a read whose custom fetch did not follow a redirect names where it pointed', async () => {
    const fetch = async () =>
      new Response(null, { status: 301, headers: { location: 'https://elsewhere.example/v1/' } });
    const client = createPlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, fetch, maxRetries: 0 });
    const error = await rejectionOf(client.verifySessions.get(VERIFY_UUID));
    expect((error as Error).message).toContain(
      'answered 301: a redirect to https://elsewhere.example/v1/ that fetch did not follow. Set `baseUrl`',
    );
  });

  it('a read follows it, as fetch does', async () => {
    server().reset((req, res) => {
      if (req.url?.startsWith(MOVED)) sendJson(res, 200, example('VerifySessionReferencePage'));
      else res.writeHead(301, { Location: `${MOVED}${req.url}` }).end();
    });
    const session = await clientFor(server()).verifySessions.get(VERIFY_UUID);
    expect(session.session_uuid).toBeTypeOf('string');
    expect(server().requests.map(({ url }) => url)).toEqual([VERIFY_PATH, `${MOVED}${VERIFY_PATH}`]);
  });
});

describe('a read redirected to another origin', () => {
  const other = serverForThisFile();

  it('fails naming the redirect, since fetch sent the credentials only to the first origin', async () => {
    other().reset((_req, res) => sendJson(res, 401, { error: 'authentication failed' }));
    server().reset((req, res) => res.writeHead(301, { Location: `${other().baseUrl}${req.url}` }).end());
    const error = await rejectionOf(clientFor(server(), { maxRetries: 0 }).verifySessions.get(VERIFY_UUID));
    expect(error).toMatchObject({ status: 401, method: 'GET' });
    expect(other().requests[0]?.headers.authorization).toBeUndefined();
    expect((error as Error).message).toBe(
      `GET ${other().baseUrl}${VERIFY_PATH} answered 401 Unauthorized: authentication failed. A redirect to another origin led here, and fetch does not send credentials across origins: set \`baseUrl\` to the address the API answers at (often https:// for an http:// one).`,
    );
  });

  it('is named when a middleware answers with a clone of the response', async () => {
    other().reset((_req, res) => sendJson(res, 401, { error: 'authentication failed' }));
    server().reset((req, res) => res.writeHead(301, { Location: `${other().baseUrl}${req.url}` }).end());
    const client = clientFor(server(), { maxRetries: 0 });
    client.raw.use({ onResponse: ({ response }) => response.clone() });
    const error = await rejectionOf(client.verifySessions.get(VERIFY_UUID));
    expect((error as Error).message).toMatch(
      /: authentication failed\. A redirect to another origin led here, /,
    );
  });

  it('is named on a 403 too', async () => {
    other().reset((_req, res) => sendJson(res, 403, { error: 'forbidden' }));
    server().reset((req, res) => res.writeHead(302, { Location: `${other().baseUrl}${req.url}` }).end());
    const error = await rejectionOf(clientFor(server(), { maxRetries: 0 }).verifySessions.get(VERIFY_UUID));
    expect(error).toMatchObject({ status: 403 });
    expect((error as Error).message).toMatch(/: forbidden\. A redirect to another origin led here, /);
  });

  it('is not mentioned where the credentials did go: no redirect, one on the same origin, or a status that is no refusal', async () => {
    const unauthorized = (_req: unknown, res: Parameters<typeof sendJson>[0]) =>
      sendJson(res, 401, { error: 'authentication failed' });
    const messageOf = async () =>
      ((await rejectionOf(clientFor(server(), { maxRetries: 0 }).verifySessions.get(VERIFY_UUID))) as Error)
        .message;

    server().reset(unauthorized);
    expect(await messageOf()).toBe(
      `GET ${server().baseUrl}${VERIFY_PATH} answered 401 Unauthorized: authentication failed`,
    );

    server().reset((req, res) =>
      req.url?.startsWith(MOVED)
        ? unauthorized(req, res)
        : res.writeHead(301, { Location: `${MOVED}${req.url}` }).end(),
    );
    expect(await messageOf()).toBe(
      `GET ${server().baseUrl}${MOVED}${VERIFY_PATH} answered 401 Unauthorized: authentication failed`,
    );
    expect(server().requests.map(({ headers }) => headers.authorization)).toEqual([
      expect.stringMatching(/^Basic /),
      expect.stringMatching(/^Basic /),
    ]);

    other().reset((_req, res) => sendJson(res, 404, { error: 'not found' }));
    server().reset((req, res) => res.writeHead(301, { Location: `${other().baseUrl}${req.url}` }).end());
    expect(await messageOf()).toBe(`GET ${other().baseUrl}${VERIFY_PATH} answered 404 Not Found: not found`);
  });
});
