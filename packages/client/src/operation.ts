import { errorFromResponse, InvalidArgumentError, type Redact } from './errors.js';
import type { paths } from './generated/schema.js';
import { invalidBodyError, type JsonObject, parseJsonObject } from './json-body.js';
import { assertJsonParams } from './json-params.js';
import { type RequestOptions, resolveRequestOptions } from './options.js';
import type { PlivoRawClient } from './raw-client.js';
import { historyOf, type RetryingFetch } from './transport.js';
import { UnsentRequest } from './unsent-request.js';
import { assertSessionUuid } from './validation.js';

/**
 * Where the result is in a success body, when it is not the body itself (flat bodies carry `api_id`
 * already). `from` returns `undefined` when the body lacks it, which fails the call with an
 * `InvalidResponseError` saying the answer came `without ${missing}`.
 */
export interface Unwrap<Result> {
  readonly missing: string;
  readonly from: (body: JsonObject) => Result | undefined;
}

/** One operation of the spec, as a resource method declares it. */
export interface Operation<Result = unknown> {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: keyof paths;
  /**
   * Fills `{session_uuid}`; checked before anything is sent, whenever the key is present (a JavaScript caller
   * may pass `undefined`). `{auth_id}` is always the client's.
   */
  readonly sessionUuid?: string | undefined;
  readonly query?: object | undefined;
  /** Checks the caller's other arguments (a list's filters) before anything is sent. */
  readonly check?: (() => void) | undefined;
  /** Sent as JSON. */
  readonly body?: object | undefined;
  readonly unwrap?: Unwrap<Result> | undefined;
}

/** Makes one call of an operation and resolves to its result (the resource's declared type). */
export type Call = <Result>(
  operation: Operation<Result>,
  options: RequestOptions | undefined,
) => Promise<Result>;

export interface CallContext {
  readonly core: PlivoRawClient;
  readonly transport: RetryingFetch;
  readonly authId: string;
  /** The client's `baseUrl`, validated: its origin tells a redirect elsewhere apart. */
  readonly baseUrl: string;
  readonly redact: Redact;
  readonly hasMiddleware: () => boolean;
}

/** An example of a resource's parameters, for the message that refuses ones that are not an object. */
const paramsExample = (path: string) =>
  path.includes('/Masking/') ? '{ session_expiry: 600 }' : "{ recipient: '+14155550100' }";

/**
 * A check's error, its quotes of the caller's keys and values redacted (a field named like the token is still
 * the token). Built anew: the stack of the first already holds its message.
 */
function redactedArgumentError(error: unknown, redact: Redact): unknown {
  if (!(error instanceof InvalidArgumentError)) return error;
  const message = redact(error.message);
  return message === error.message ? error : new InvalidArgumentError(redact(error.argument), message);
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
export function createCall({ core, transport, authId, baseUrl, redact, hasMiddleware }: CallContext): Call {
  const request = core.request as unknown as LooseRequest;
  const origin = new URL(baseUrl).origin;
  return async function call<Result>(operation: Operation<Result>, options: RequestOptions | undefined) {
    const { method, sessionUuid } = operation;
    const inPath = 'sessionUuid' in operation;
    try {
      if (inPath) assertSessionUuid(sessionUuid, redact);
      operation.check?.();
      if ('body' in operation) assertJsonParams(operation.body, paramsExample(operation.path));
    } catch (error) {
      throw redactedArgumentError(error, redact);
    }
    const own = resolveRequestOptions(options, redact);
    const limits = own?.limits;
    const { data, error, response } = await request(method, operation.path, {
      params: {
        path: inPath ? { auth_id: authId, session_uuid: sessionUuid } : { auth_id: authId },
        query: operation.query,
      },
      body: operation.body,
      headers: own?.headers,
      signal: options?.signal,
      // A followed 301, 302 or 303 turns a POST into a GET without its body, and the call would "succeed" with
      // another operation's answer: a write gets the redirect itself, which becomes an error naming it.
      redirect: method === 'GET' ? undefined : 'manual',
      // Parsed here, once, rather than by openapi-fetch and again by a check.
      parseAs: 'text',
      // Middleware is promised a real Request; without any, the transport's fetch builds the only one.
      Request: hasMiddleware() ? undefined : UnsentRequest,
      fetch: limits && ((outgoing: Request) => transport(outgoing, limits)),
    });
    if (!response.ok) {
      throw errorFromResponse(method, response, error, redact, { ...historyOf(response), origin });
    }
    const text = (data as string | undefined) ?? '';
    const body = parseJsonObject(text, method, response, redact);
    const { unwrap } = operation;
    if (unwrap === undefined) return body as Result;
    const result = unwrap.from(body);
    if (result !== undefined) return result;
    throw invalidBodyError(method, response, text, `without ${unwrap.missing}`, redact, body);
  };
}
