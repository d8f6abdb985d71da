import type { Middleware } from 'openapi-fetch';

/**
 * Sets HTTP Basic credentials on every request (Auth ID as user name, Auth Token as password). The header
 * value lives only in this closure: nothing reachable from the client object holds it.
 */
export function basicAuthMiddleware(authId: string, authToken: string): Middleware {
  // Both are validated printable ASCII, so btoa (Latin-1 only) cannot throw; btoa exists in every runtime
  // this package supports, unlike Buffer.
  const authorization = `Basic ${btoa(`${authId}:${authToken}`)}`;
  return {
    onRequest({ request }) {
      request.headers.set('Authorization', authorization);
    },
  };
}

/** The header value the middleware sends, so the client can redact it from anything a server echoes back. */
export function basicAuthorizationValue(authId: string, authToken: string): string {
  return btoa(`${authId}:${authToken}`);
}
