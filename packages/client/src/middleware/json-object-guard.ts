import type { Middleware } from 'openapi-fetch';
import type { Redact } from '../errors.js';
import { parseJsonObject } from '../json-body.js';

/**
 * For raw-client calls that let openapi-fetch parse JSON: checks that a successful body is a JSON object
 * first, so a malformed one raises `InvalidResponseError` instead of openapi-fetch's bare `SyntaxError`. The
 * body is already buffered by the transport, so reading a clone costs no network time. Calls that ask for
 * another `parseAs` (the convenience methods take text and parse it once themselves) are left alone.
 */
export function jsonObjectGuardMiddleware(redact: Redact): Middleware {
  return {
    async onResponse({ request, response, options }) {
      if (
        options.parseAs !== 'json' ||
        !response.ok ||
        response.status === 204 ||
        request.method === 'HEAD'
      ) {
        return undefined;
      }
      const target = { method: request.method, url: redact(request.url) };
      parseJsonObject(await response.clone().text(), target, response, redact);
      return undefined;
    },
  };
}
