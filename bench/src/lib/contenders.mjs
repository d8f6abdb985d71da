// @ts-check
// The calls the client-overhead figures compare, each made by our client and by openapi-fetch alone (and, for
// the GET, by a raw fetch and Plivo's SDK), against a local server that answers with the spec's examples.
// Each `call` does the whole job a caller needs: send the request, check the status, parse the JSON body.
import { createPlivoClient } from '@plivo-openapi/client';
import createClient from 'openapi-fetch';
import plivo from 'plivo';
import { AUTH_ID, AUTH_TOKEN, AUTHORIZATION } from './credentials.mjs';
import { fillPath, requestExample, successExample } from './spec-examples.mjs';

/**
 * @typedef {import('./call-timing.mjs').Contender} Contender
 * @typedef {{ method: string, path: string, status: number, body: unknown }} Route
 */

/**
 * The three operations measured, with the spec's examples they are answered with: a GET (the call issue 17's
 * figures started from), the create with the smallest bodies (where a fixed cost per call shows most) and the
 * list whose page the client unwraps from `response` (the most work per call).
 * @param {Record<string, any>} spec the bundled spec
 */
export function benchOperations(spec) {
  const get = successExample(spec, 'getVerifySession');
  const create = successExample(spec, 'createVerifySession');
  const list = successExample(spec, 'listMaskingSessions');
  const getBody = /** @type {{ session_uuid: string }} */ (get.body);
  const createBody = /** @type {{ session_uuid: string }} */ (create.body);
  const listBody = /** @type {{ response: { objects: { session_uuid: string }[] } }} */ (list.body);
  const sessionUuid = getBody.session_uuid;
  const createRequest = /** @type {{ recipient: string }} */ (
    requestExample(spec, 'createVerifySession') ?? { recipient: '+14155550100' }
  );
  const firstListed = listBody.response.objects[0]?.session_uuid;
  if (firstListed === undefined)
    throw new Error(`listMaskingSessions' example ${list.exampleName} lists no session`);
  /** @type {Route[]} */
  const routes = [get, create, list].map(({ method, path, status, body }) => ({
    method,
    path: fillPath(path, { auth_id: AUTH_ID, session_uuid: sessionUuid }),
    status,
    body,
  }));
  return {
    routes,
    sessionUuid,
    createRequest,
    expected: { get: sessionUuid, create: createBody.session_uuid, list: firstListed },
    examples: `getVerifySession ${get.status} "${get.exampleName}", createVerifySession ${create.status} "${create.exampleName}", listMaskingSessions ${list.status} "${list.exampleName}"`,
  };
}

/**
 * @param {string} baseUrl the example server, e.g. http://127.0.0.1:40123
 * @param {ReturnType<typeof benchOperations>} operations
 * @returns {Promise<{ get: Contender[], create: Contender[], list: Contender[] }>}
 */
export async function createContenders(baseUrl, { sessionUuid, createRequest, expected }) {
  // Defaults otherwise (retries, timeout), as a user gets it.
  const ours = createPlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl });
  const openapiFetch = /** @type {import('openapi-fetch').Client<import('@plivo-openapi/client').paths>} */ (
    createClient({ baseUrl, headers: { Authorization: AUTHORIZATION } })
  );
  // The SDK's `url` option replaces its https://api.plivo.com/v1/Account/<auth_id> prefix.
  const sdk = new plivo.Client(AUTH_ID, AUTH_TOKEN, { url: `${baseUrl}/v1/Account/${AUTH_ID}` });
  const path = { auth_id: AUTH_ID, session_uuid: sessionUuid };
  const listQuery = { limit: 20 };
  /** @param {string} what @param {{ data?: unknown, response: Response }} result */
  const dataOf = (what, { data, response }) => {
    if (!response.ok) throw new Error(`openapi-fetch ${what} answered ${response.status}`);
    return data;
  };

  const contenders = {
    get: [
      { name: 'ours', call: () => ours.verifySessions.get(sessionUuid) },
      {
        name: 'openapi-fetch',
        call: async () =>
          dataOf(
            'GET',
            await openapiFetch.GET('/v1/Account/{auth_id}/Verify/Session/{session_uuid}/', {
              params: { path },
            }),
          ),
      },
      {
        name: 'raw fetch',
        call: async () => {
          const url = `${baseUrl}/v1/Account/${AUTH_ID}/Verify/Session/${sessionUuid}/`;
          const response = await fetch(url, { headers: { Authorization: AUTHORIZATION } });
          if (!response.ok) throw new Error(`fetch answered ${response.status}`);
          return response.json();
        },
      },
      { name: 'plivo', call: () => sdk.verify_session.get(sessionUuid) },
    ],
    create: [
      { name: 'ours', call: () => ours.verifySessions.create(createRequest) },
      {
        name: 'openapi-fetch',
        call: async () =>
          dataOf(
            'POST',
            await openapiFetch.POST('/v1/Account/{auth_id}/Verify/Session/', {
              params: { path: { auth_id: AUTH_ID } },
              body: createRequest,
            }),
          ),
      },
    ],
    list: [
      { name: 'ours', call: () => ours.maskingSessions.list(listQuery) },
      {
        name: 'openapi-fetch',
        call: async () =>
          dataOf(
            'GET list',
            await openapiFetch.GET('/v1/Account/{auth_id}/Masking/Session/', {
              params: { path: { auth_id: AUTH_ID }, query: listQuery },
            }),
          ),
      },
    ],
  };

  // A contender that reads something else (an error page, another session) would be measured for nothing.
  for (const [operation, list] of Object.entries(contenders)) {
    const want = expected[/** @type {keyof typeof expected} */ (operation)];
    for (const { name, call } of list) {
      const uuid = sessionUuidIn(await call());
      if (uuid !== want) throw new Error(`${operation}: ${name} read session_uuid ${uuid}, expected ${want}`);
    }
  }
  return contenders;
}

/**
 * The session uuid an answer carries: a session or a create's answer (either spelling: the SDK camel-cases),
 * or the first item of a page (ours: `data`; the wire: `response.objects`).
 * @param {any} answer
 * @returns {unknown}
 */
function sessionUuidIn(answer) {
  const first = answer?.data?.[0] ?? answer?.response?.objects?.[0];
  const item = first ?? answer;
  return item?.session_uuid ?? item?.sessionUuid;
}
