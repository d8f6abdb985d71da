import { errorFromResponse, type Redact } from './errors.js';
import type { paths } from './generated/schema.js';
import { invalidBodyError, type JsonObject, parseJsonObject } from './json-body.js';
import { type RequestOptions, resolveRequestOptions } from './options.js';
import type { PlivoRawClient } from './raw-client.js';
import type { RetryingFetch } from './transport.js';
import { UnsentRequest } from './unsent-request.js';
import { assertSessionUuid } from './validation.js';

/** One operation of the spec, as a resource method declares it. */
export interface Operation {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: keyof paths;
  /**
   * Fills `{session_uuid}`; checked before anything is sent, whenever the key is present (a JavaScript caller
   * may pass `undefined`). `{auth_id}` is always the client's.
   */
  readonly sessionUuid?: string | undefined;
  readonly query?: object | undefined;
  /** Sent as JSON. */
  readonly body?: object | undefined;
  /**
   * Where the result is in the body: nowhere (the body is the result: flat bodies carry `api_id` already), or
   * under `response`, returned with the request's `api_id` attached (non-enumerable, so the object still
   * serializes exactly as the server sent it).
   */
  readonly unwrap?: 'response' | undefined;
}

/** Makes one call of an operation and resolves to its result (the resource's declared type). */
export type Call = <Result>(operation: Operation, options: RequestOptions | undefined) => Promise<Result>;

export interface CallContext {
  readonly core: PlivoRawClient;
  readonly transport: RetryingFetch;
  readonly authId: string;
  readonly redact: Redact;
  readonly hasMiddleware: () => boolean;
}

type LooseRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * The one request path of the convenience methods: openapi-fetch builds and sends the call (through the
 * transport: attempts, deadlines, retries), a non-2xx status becomes our error class, and the body is parsed
 * once. Nothing is redacted unless an error is being built.
 */
export function createCall({ core, transport, authId, redact, hasMiddleware }: CallContext): Call {
  const request = core.request as unknown as LooseRequest;
  return async function call<Result>(operation: Operation, options: RequestOptions | undefined) {
    const { method, sessionUuid } = operation;
    const inPath = 'sessionUuid' in operation;
    if (inPath) assertSessionUuid(sessionUuid, redact);
    const limits = resolveRequestOptions(options);
    const { data, error, response } = await request(method, operation.path, {
      params: {
        path: inPath ? { auth_id: authId, session_uuid: sessionUuid } : { auth_id: authId },
        query: operation.query,
      },
      body: operation.body,
      signal: options?.signal,
      // Parsed here, once, rather than by openapi-fetch and again by a check.
      parseAs: 'text',
      // Middleware is promised a real Request; without any, the transport's fetch builds the only one.
      Request: hasMiddleware() ? undefined : UnsentRequest,
      fetch: limits && ((outgoing: Request) => transport(outgoing, limits)),
    });
    if (!response.ok) throw errorFromResponse(method, response, error, redact);
    const text = (data as string | undefined) ?? '';
    const body = parseJsonObject(text, method, response, redact);
    if (operation.unwrap === undefined) return body as Result;
    const inner: unknown = body[operation.unwrap];
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
      const apiId = typeof body.api_id === 'string' ? body.api_id : undefined;
      const problem = `without the session object in \`${operation.unwrap}\``;
      throw invalidBodyError(method, response, text, problem, redact, apiId);
    }
    // Non-enumerable, like openai-node's `_request_id`: reachable, but not part of the resource's data.
    return Object.defineProperty(inner as JsonObject, 'api_id', {
      value: body.api_id,
      enumerable: false,
    }) as Result;
  };
}
