import { createPlivoClient, type PlivoClientOptions } from '../../src/index.js';
import { AUTH_ID, AUTH_TOKEN, VERIFY_UUID } from './credentials.js';
import type { TestServer } from './server.js';

/** A client for the test server, with the test credentials. */
export function clientFor(server: TestServer, options: PlivoClientOptions = {}) {
  return createPlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: server.baseUrl, ...options });
}

/** The raw client's GET of the Verify session VERIFY_UUID: openapi-fetch's `{ data, error, response }`. */
export function rawVerifyGet(client: ReturnType<typeof clientFor>) {
  return client.raw.GET('/v1/Account/{auth_id}/Verify/Session/{session_uuid}/', {
    params: { path: { auth_id: AUTH_ID, session_uuid: VERIFY_UUID } },
  });
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
