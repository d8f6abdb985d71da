import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { normaliseRequest } from './normalise-request.js';
import type { Routes } from './routes.js';

/**
 * Requests under this prefix reach Prism exactly as sent (the prefix taken off): `mock.prismUrl`, to see what
 * Prism alone would answer.
 */
export const RAW_PREFIX = '/__prism';

const REQUEST_START = 'http.server.request.start';
const RAW_PATHS = [`${RAW_PREFIX}/`, `${RAW_PREFIX}?`];

/**
 * Rewrites each request in Prism's own process (see normalise-request.ts), before Prism's handler reads it:
 * Node publishes `http.server.request.start` synchronously ahead of the server's 'request' event. Doing it here
 * rather than in a proxy before Prism spares every request a second HTTP hop. Returns what removes it.
 */
export function installCompatLayer(routes: Routes): () => void {
  const rewrite = (message: unknown) => {
    const request = (message as { request: IncomingMessage }).request;
    const url = request.url ?? '/';
    if (url === RAW_PREFIX || RAW_PATHS.some((prefix) => url.startsWith(prefix))) {
      request.url = url.slice(RAW_PREFIX.length) || '/';
      return;
    }
    const { path, headers } = normaliseRequest(request.method ?? 'GET', url, request.headers, routes);
    request.url = path;
    // Without its body headers, Prism reads no body; Node still reads past the bytes, keeping the connection usable.
    request.headers = headers;
  };
  subscribe(REQUEST_START, rewrite);
  return () => unsubscribe(REQUEST_START, rewrite);
}
