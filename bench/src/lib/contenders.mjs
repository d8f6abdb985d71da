// @ts-check
// The four ways of getting a Verify session that the client-overhead figures compare. Each `call` does
// the whole job a caller needs: send the request, check the status, parse the JSON body.
import { readFileSync } from 'node:fs';
import { createPlivoClient } from '@plivo-openapi/client';
import createClient from 'openapi-fetch';
import plivo from 'plivo';
import { AUTH_ID, AUTH_TOKEN, AUTHORIZATION, SESSION_UUID, VERIFY_PATH } from './plivo-request.mjs';

/** @typedef {{ name: 'ours' | 'openapi-fetch' | 'raw fetch' | 'plivo', call: () => Promise<unknown> }} Contender */

/**
 * @param {string} baseUrl the fixture server, e.g. http://127.0.0.1:40123
 * @param {string} fixtureFile the body it serves, to check every contender reads it
 * @returns {Promise<Contender[]>}
 */
export async function createContenders(baseUrl, fixtureFile) {
  // Defaults otherwise (retries, timeout), as a user gets it.
  const ours = createPlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl });
  const openapiFetch = /** @type {import('openapi-fetch').Client<import('@plivo-openapi/client').paths>} */ (
    createClient({ baseUrl, headers: { Authorization: AUTHORIZATION } })
  );
  // The SDK's `url` option replaces its https://api.plivo.com/v1/Account/<auth_id> prefix.
  const sdk = new plivo.Client(AUTH_ID, AUTH_TOKEN, { url: `${baseUrl}/v1/Account/${AUTH_ID}` });
  const path = { auth_id: AUTH_ID, session_uuid: SESSION_UUID };

  /** @type {Contender[]} */
  const contenders = [
    { name: 'ours', call: () => ours.verifySessions.get(SESSION_UUID) },
    {
      name: 'openapi-fetch',
      call: async () => {
        const { data, response } = await openapiFetch.GET(
          '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/',
          {
            params: { path },
          },
        );
        if (!response.ok) throw new Error(`openapi-fetch GET answered ${response.status}`);
        return data;
      },
    },
    {
      name: 'raw fetch',
      call: async () => {
        const response = await fetch(baseUrl + VERIFY_PATH, { headers: { Authorization: AUTHORIZATION } });
        if (!response.ok) throw new Error(`fetch answered ${response.status}`);
        return response.json();
      },
    },
    { name: 'plivo', call: () => sdk.verify_session.get(SESSION_UUID) },
  ];

  // A contender that reads something else (an error page, another session) would be measured for nothing.
  const expected = JSON.parse(readFileSync(fixtureFile, 'utf8')).session_uuid;
  for (const { name, call } of contenders) {
    const answer = /** @type {{ session_uuid?: string, sessionUuid?: string }} */ (await call());
    const uuid = answer.session_uuid ?? answer.sessionUuid;
    if (uuid !== expected)
      throw new Error(`${name} read session_uuid ${uuid}, expected ${expected} from ${fixtureFile}`);
  }
  return contenders;
}
