import { createPlivoClient, type PlivoClient, type PlivoClientOptions } from '@plivo-openapi/client';
import { AUTH_ID, AUTH_TOKEN } from './credentials.js';

/** Our client pointed at a mock. No retries: each test sees exactly the answer it chose. */
export function clientFor(baseUrl: string, options: PlivoClientOptions = {}): PlivoClient {
  return createPlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl, maxRetries: 0, ...options });
}

/** A client that asks the mock for one response through Prism's `Prefer` header. */
export const preferring = (baseUrl: string, prefer: string) => clientFor(baseUrl, { headers: { prefer } });
