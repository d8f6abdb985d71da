import type { Client, Middleware } from 'openapi-fetch';
import { peekText } from './buffered-response.js';
import { InvalidArgumentError, type Redact } from './errors.js';
import type { paths } from './generated/schema.js';
import { parseJsonObject } from './json-body.js';
import { callLimits } from './options.js';
import type { RetryingFetch } from './transport.js';

/** The raw openapi-fetch client, typed for every path of the spec. */
export type PlivoRawClient = Client<paths, 'application/json'>;

type Init =
  | { middleware?: Middleware[]; fetch?: unknown; timeoutMs?: unknown; maxRetries?: unknown }
  | undefined;
type LooseRequest = (method: string, url: string, init?: Init) => Promise<unknown>;

/**
 * For raw calls that let openapi-fetch parse JSON: checks that a successful body is a JSON object first, so a
 * malformed one raises `InvalidResponseError` instead of openapi-fetch's bare `SyntaxError`. Added per raw
 * call rather than to the client, so the convenience methods (which parse their own bodies) run no middleware.
 */
function jsonObjectGuard(redact: Redact): Middleware {
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
      // The body is buffered already: read it without using it up (a clone for a response middleware replaced).
      const text = peekText(response) ?? (await response.clone().text());
      // openapi-fetch answers an empty body with `data: undefined`, not a SyntaxError: nothing to check.
      if (text !== '') parseJsonObject(text, request.method, response, redact);
      return undefined;
    },
  };
}

/**
 * openapi-fetch takes any key in a call's options and ignores those it does not know: a raw call's
 * `timeoutMs` and `maxRetries`, as the convenience methods take them, go to the transport instead.
 */
function withCallLimits(init: Init, transport: RetryingFetch): Init {
  const limits = callLimits(init?.timeoutMs, init?.maxRetries);
  if (limits === undefined) return init;
  if (init?.fetch !== undefined) {
    throw new InvalidArgumentError(
      'fetch',
      "A raw call's own `fetch` replaces the client's retries and deadlines, so its `timeoutMs` and `maxRetries` would be ignored: pass either that `fetch` or those limits.",
    );
  }
  return { ...init, fetch: (request: Request) => transport(request, limits) };
}

/**
 * `plivo.raw`: the client's own openapi-fetch client, with the JSON check above added to each call and a
 * call's own limits applied. Its `use()` and `eject()` register middleware on that client, so middleware
 * applies to the convenience methods too; `hasMiddleware()` tells them when it does (middleware is promised a
 * real `Request`).
 */
export function createRawClient(
  core: PlivoRawClient,
  transport: RetryingFetch,
  redact: Redact,
): { raw: PlivoRawClient; hasMiddleware: () => boolean } {
  const guard = jsonObjectGuard(redact);
  // Kept as openapi-fetch keeps its own list (the same middleware may be added twice, and eject removes one).
  const registered: Middleware[] = [];
  const loose = core as unknown as { request: LooseRequest };
  const guardedRequest = (method: string, url: string, init?: Init) => {
    let limited: Init;
    try {
      limited = withCallLimits(init, transport);
    } catch (error) {
      return Promise.reject(error);
    }
    return loose.request(method, url, {
      ...limited,
      middleware: [...(init?.middleware ?? []), guard],
    });
  };
  const raw: Record<string, unknown> = {
    request: guardedRequest,
    use(...middleware: Middleware[]) {
      // One at a time: openapi-fetch keeps those before one it refuses, and they must be counted.
      for (const item of middleware) {
        core.use(item);
        if (item) registered.push(item);
      }
    },
    eject(...middleware: Middleware[]) {
      core.eject(...middleware);
      for (const item of middleware) {
        const index = registered.indexOf(item);
        if (index !== -1) registered.splice(index, 1);
      }
    },
  };
  // One per HTTP method openapi-fetch's client has (its method names are the upper-case keys): `raw.GET(url,
  // init)` is `request('GET', url, init)`, as in openapi-fetch itself.
  for (const method of Object.keys(core)) {
    if (method === method.toUpperCase())
      raw[method] = (url: string, init?: Init) => guardedRequest(method, url, init);
  }
  return { raw: raw as unknown as PlivoRawClient, hasMiddleware: () => registered.length > 0 };
}
