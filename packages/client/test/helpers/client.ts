import { createPlivoClient, type PlivoClientOptions } from '../../src/index.js';
import { AUTH_ID, AUTH_TOKEN } from './credentials.js';
import type { TestServer } from './server.js';

/** A client for the test server, with the test credentials. */
export function clientFor(server: TestServer, options: PlivoClientOptions = {}) {
  return createPlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: server.baseUrl, ...options });
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
