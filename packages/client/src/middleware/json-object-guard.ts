import type { Middleware } from 'openapi-fetch';
import { bodySnippet, InvalidResponseError, type Redact, redactHeaders } from '../errors.js';

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Every successful answer of this API is a JSON object. This checks that before openapi-fetch parses it, so a
 * proxy's HTML page or a truncated body becomes an `InvalidResponseError` with the status and the start of the
 * body, not a bare `SyntaxError` (or, for `null` or a string, data of the wrong type). The body is already
 * buffered by the transport, so reading a clone costs no network time.
 */
export function jsonObjectGuardMiddleware(redact: Redact): Middleware {
  return {
    async onResponse({ request, response }) {
      if (!response.ok || response.status === 204 || request.method === 'HEAD') return undefined;
      const text = await response.clone().text();
      let problem: string | undefined;
      if (text.trim() === '') {
        problem = 'is empty';
      } else {
        try {
          const value: unknown = JSON.parse(text);
          if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            problem = `is ${describeJson(value)}, not a JSON object`;
          }
        } catch {
          problem = 'is not valid JSON';
        }
      }
      if (problem === undefined) return undefined;
      const snippet = bodySnippet(text, redact);
      const url = redact(request.url);
      throw new InvalidResponseError(
        `${request.method} ${url} answered ${response.status} but its body ${problem}: ${JSON.stringify(snippet)}`,
        {
          method: request.method,
          url,
          status: response.status,
          headers: redactHeaders(response.headers, redact),
          bodySnippet: snippet,
        },
      );
    },
  };
}
