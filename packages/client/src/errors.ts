import { redactedJson } from './redact.js';
import { mayHaveBeenProcessed as mayHaveBeenActedOn } from './retry.js';

/**
 * Every error this package throws, in one place (as openai-node does).
 *
 * - `PlivoApiError` is the one base class for a request that did not produce a usable answer. Its subclasses
 *   name the cause: an HTTP status family, a connection failure, a timeout, the caller's abort, or a body that
 *   is not what the API promises.
 * - `InvalidArgumentError` is separate on purpose: it means the calling code is wrong (missing credentials, a
 *   malformed session UUID) and is thrown before any request, so a handler for API failures never swallows it.
 *
 * No error here ever holds the Auth Token: messages and server text pass through the client's redactor, the
 * request (whose headers carry the credentials) is never attached, and `toJSON()` lists only safe fields.
 */

/** Where a failed request went. The URL keeps the Auth ID (it is in the path) and never contains the token. */
export interface RequestTarget {
  readonly method: string;
  readonly url: string;
}

/** The fields every `PlivoApiError` carries. */
export interface PlivoApiErrorDetails extends RequestTarget {
  /** HTTP status of the final response; `undefined` when no response arrived (connection, timeout, abort). */
  readonly status?: number | undefined;
  /** Plivo's `api_id` for the request, when the error body had one. */
  readonly apiId?: string | undefined;
  /** The server's `error` message, when the body had one. */
  readonly error?: string | undefined;
  /** The error response's parsed JSON body, secrets redacted. */
  readonly body?: unknown;
  /** Response headers of the final response (for example `retry-after` on a 429). */
  readonly headers?: Headers | undefined;
  /** What went wrong underneath (a network error, the abort reason). */
  readonly cause?: unknown;
  /** A write that may have been acted on although the call failed (see `PlivoApiError.mayHaveBeenProcessed`). */
  readonly mayHaveBeenProcessed?: boolean | undefined;
}

/**
 * Base class of every failed request. Branch on the subclass (or `status`), not on the message. A subclass of
 * one status (or none) sets it itself, so an error built by hand, in a test double, has the status its type says.
 */
export class PlivoApiError extends Error {
  override readonly name: string = 'PlivoApiError';
  /** HTTP status of the final response, or `undefined` when there was none. */
  declare readonly status: number | undefined;
  /** Plivo's `api_id` for the request, when the server sent one. Quote it to Plivo support. */
  declare readonly apiId: string | undefined;
  /** The server's own `error` message (its wording is not stable: branch on the class or `status`). */
  declare readonly error: string | undefined;
  /**
   * The error response's body as parsed JSON (`{ api_id, error }` and any other field the server sent), secrets
   * redacted; `undefined` when there was no response, or its body was empty or not JSON (the message quotes
   * the start of a text body).
   */
  declare readonly body: unknown;
  /** HTTP method of the request. */
  declare readonly method: string;
  /** Request URL (Auth ID included, as in the path; the token is never part of a URL). */
  declare readonly url: string;
  /** Headers of the final response. Not enumerable, so logging the error stays short. */
  declare readonly headers: Headers | undefined;
  /**
   * `true` when a write (POST, DELETE) failed after it may have reached Plivo and been acted on: it timed out,
   * its connection failed once sent, it was answered 408 or 5xx, your signal aborted it in flight, or it was
   * answered 2xx with a body that could not be read. Such a write is never sent again by the client: check with
   * `get` or `list` before you do. `false` otherwise (a read, or a write refused unprocessed or never sent).
   */
  declare readonly mayHaveBeenProcessed: boolean;

  constructor(message: string, details: PlivoApiErrorDetails) {
    const { status, apiId, error, body, method, url, headers, cause, mayHaveBeenProcessed } = details;
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, { status, apiId, error, body, method, url });
    Object.defineProperty(this, 'headers', { value: headers });
    // Enumerable (so in toJSON) only when true: every other error logs as it did before the field.
    const processed = mayHaveBeenProcessed === true;
    Object.defineProperty(this, 'mayHaveBeenProcessed', {
      value: processed,
      enumerable: processed,
      writable: true,
    });
  }

  /**
   * A plain, secret-free summary for structured logs: the name, the message and the enumerable fields (the
   * ones above and a subclass's own, such as `timeoutMs`); never the headers or the cause.
   */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...(this as object) };
  }
}

/** 400: the request was malformed (Plivo rejected a parameter). Not retried. */
export class BadRequestError extends PlivoApiError {
  override readonly name: string = 'BadRequestError';
  override readonly status: 400 = 400;
}

/** 401: the Auth ID / Auth Token pair was rejected. Not retried. */
export class AuthenticationError extends PlivoApiError {
  override readonly name: string = 'AuthenticationError';
  override readonly status: 401 = 401;
}

/** 403: the credentials are valid but may not use this resource. Not retried. */
export class PermissionDeniedError extends PlivoApiError {
  override readonly name: string = 'PermissionDeniedError';
  override readonly status: 403 = 403;
}

/** 404: no session with this UUID exists in the account. Not retried. */
export class NotFoundError extends PlivoApiError {
  override readonly name: string = 'NotFoundError';
  override readonly status: 404 = 404;
}

/** 409: the request conflicts with the resource's state. Not retried. */
export class ConflictError extends PlivoApiError {
  override readonly name: string = 'ConflictError';
  override readonly status: 409 = 409;
}

/** 422: the request was well-formed but semantically invalid. Not retried. */
export class UnprocessableEntityError extends PlivoApiError {
  override readonly name: string = 'UnprocessableEntityError';
  override readonly status: 422 = 422;
}

/** 429: the account exceeded Plivo's rate limit, and the retries (if any) did not get through. */
export class RateLimitError extends PlivoApiError {
  override readonly name: string = 'RateLimitError';
  override readonly status: 429 = 429;
}

/** 5xx: Plivo (or a proxy in front of it) failed, and the retries (if any) did not get through. */
export class ServerError extends PlivoApiError {
  override readonly name: string = 'ServerError';
  declare readonly status: number;
}

/** No response arrived: DNS, connection refused or reset, TLS, or a body cut off mid-way. */
export class ConnectionError extends PlivoApiError {
  override readonly name: string = 'ConnectionError';
  override readonly status: undefined = undefined;
}

/** An attempt did not finish (headers and whole body) within `timeoutMs`, on every attempt allowed. */
export class TimeoutError extends ConnectionError {
  override readonly name: string = 'TimeoutError';
  /** The per-attempt timeout that expired, in milliseconds. */
  declare readonly timeoutMs: number;

  constructor(message: string, details: PlivoApiErrorDetails & { readonly timeoutMs: number }) {
    super(message, details);
    Object.assign(this, { timeoutMs: details.timeoutMs });
  }
}

/**
 * The caller's `AbortSignal` fired. Named `AbortError` so the usual `error.name === 'AbortError'` checks keep
 * working; the signal's reason is the `cause`.
 */
export class AbortError extends PlivoApiError {
  override readonly name: string = 'AbortError';
  override readonly status: undefined = undefined;
}

/** The response is not what the API promises: not JSON, not a JSON object, missing its payload, or too large. */
export class InvalidResponseError extends PlivoApiError {
  override readonly name: string = 'InvalidResponseError';
  declare readonly status: number;
  /** The first bytes of the body as text (at most `BODY_SNIPPET_LENGTH` characters), secrets redacted. */
  declare readonly bodySnippet: string;

  constructor(message: string, details: PlivoApiErrorDetails & { readonly bodySnippet: string }) {
    super(message, details);
    Object.assign(this, { bodySnippet: details.bodySnippet });
  }
}

/**
 * The calling code passed something unusable (an option, an environment variable, a method argument). Thrown
 * before any request is made; the message says what to change. Deliberately not a `PlivoApiError`.
 */
export class InvalidArgumentError extends TypeError {
  override readonly name: string = 'InvalidArgumentError';
  /** The option, environment variable or parameter at fault, e.g. `authId`, `PLIVO_AUTH_TOKEN`, `sessionUuid`. */
  declare readonly argument: string;

  constructor(argument: string, message: string) {
    super(message);
    Object.assign(this, { argument });
  }

  /** A plain summary for structured logs, message included (it never quotes a secret). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, argument: this.argument, message: this.message };
  }
}

/** How many characters of an unexpected body an error quotes. */
export const BODY_SNIPPET_LENGTH = 200;

/** Removes every secret from a text that may end up in an error. Built per client (see `redact.ts`). */
export type Redact = (text: string) => string;

const STATUS_ERRORS: Readonly<Record<number, typeof PlivoApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The statuses that send the client elsewhere (`Location`); 304 and the other 3xx do not. */
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

/** Quotes the start of a body for an error message, one line, secrets removed. */
export function bodySnippet(body: string, redact: Redact): string {
  const text = redact(body);
  return text.length > BODY_SNIPPET_LENGTH ? `${text.slice(0, BODY_SNIPPET_LENGTH)}…` : text;
}

/**
 * A copy of response headers with secrets removed, for attaching to an error (a debugging proxy may echo the
 * request's Authorization header back).
 */
export function redactHeaders(headers: Headers, redact: Redact): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => {
    copy.append(name, redact(value));
  });
  return copy;
}

/**
 * `value[key]` redacted, when `value` is an object and that field a string: for the server's own text that an
 * error quotes or carries.
 */
export function redactedField(value: unknown, key: string, redact: Redact): string | undefined {
  const field =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === 'string' ? redact(field) : undefined;
}

/** The answered request an error is about: its status, headers and URL (the request's). */
export type Answer = Pick<Response, 'status' | 'headers' | 'url'> & {
  readonly statusText?: string;
  readonly type?: ResponseType;
  readonly redirected?: boolean;
};

type ErrorClass<Extra> = new (message: string, details: PlivoApiErrorDetails & Extra) => PlivoApiError;

/**
 * Every error about a request is built here, in one form: "<METHOD> <url> <what happened>". `url` is
 * redacted here, when an error is being built.
 */
export function requestError<Extra extends object>(
  ErrorClass: ErrorClass<Extra>,
  method: string,
  url: string,
  what: string,
  redact: Redact,
  details: Omit<PlivoApiErrorDetails, 'method' | 'url'> & Extra,
): PlivoApiError {
  const target = { method, url: redact(url) };
  return new ErrorClass(`${method} ${target.url} ${what}`, { ...details, ...target });
}

/** An error about an answer: "<METHOD> <url> answered <status><detail>", with its redacted headers. */
export function answerError<Extra extends object>(
  ErrorClass: ErrorClass<Extra>,
  method: string,
  response: Answer,
  detail: string,
  redact: Redact,
  details: Omit<PlivoApiErrorDetails, 'method' | 'url'> & Extra,
): PlivoApiError {
  const { status } = response;
  return requestError(ErrorClass, method, response.url, `answered ${status}${detail}`, redact, {
    // A write answered 2xx was acted on, whatever its body; one answered 408 or 5xx may have been (retry.ts).
    mayHaveBeenProcessed: mayHaveBeenActedOn(method, { kind: 'status', status }),
    ...details,
    status,
    headers: redactHeaders(response.headers, redact),
  });
}

/**
 * The error for a non-2xx response: the one place where a status becomes an error class. `body` is what
 * openapi-fetch made of it: the parsed JSON error object when the body was JSON, the raw text otherwise (a
 * proxy's HTML page), or `undefined` when it was empty. `call` tells how many attempts the call made (named when
 * over one), what else the transport has to say of it (`note`, which ends the message) and the origin it was sent
 * to.
 */
export function errorFromResponse(
  method: string,
  response: Answer,
  body: unknown,
  redact: Redact,
  call?: { readonly attempts: number; readonly note?: string | undefined; readonly origin: string },
): PlivoApiError {
  const error = redactedField(body, 'error', redact);
  const apiId = redactedField(body, 'api_id', redact);
  const json = typeof body === 'object' && body !== null ? redactedJson(body, redact) : undefined;
  const { status, statusText } = response;
  // The reason phrase is the server's text too: a proxy may put anything there.
  let detail = statusText ? ` ${redact(statusText)}` : '';
  if (call !== undefined && call.attempts > 1) detail += ` (${call.attempts} attempts)`;
  if (error !== undefined) detail += `: ${error}`;
  else if (typeof body === 'string' && body !== '')
    detail += `, body: ${JSON.stringify(bodySnippet(body, redact))}`;
  // JSON without a string `error` (a gateway's `message`, an object of field errors): its text is the reason,
  // quoted from the bounded copy (stringifying a body nested 200,000 deep would overflow the stack).
  else if (json !== undefined)
    detail += `, body: ${JSON.stringify(bodySnippet(JSON.stringify(json), redact))}`;
  if (apiId !== undefined) detail += ` (api_id ${apiId})`;
  // A write gets its redirect unfollowed (see operation.ts; a browser hides it as status 0); a read only one fetch
  // could not follow (no Location) or a custom fetch did not.
  if (REDIRECT_STATUSES.includes(status) || response.type === 'opaqueredirect') {
    const location = response.headers.get('location');
    const why =
      method !== 'GET'
        ? `, which is not followed for a ${method} (it could become a GET without its body)`
        : location === null
          ? ' that fetch could not follow: it names no Location'
          : ' that fetch did not follow';
    detail += `: a redirect${location === null ? '' : ` to ${redact(location)}`}${why}. Set \`baseUrl\` to the address the API answers at.`;
  } else if (
    (status === 401 || status === 403) &&
    response.redirected === true &&
    call !== undefined &&
    !response.url.startsWith(`${call.origin}/`)
  ) {
    // A read's redirect was followed to another origin, where fetch drops the credentials: this refusal says
    // nothing about them. (A chain that leaves and comes back, A to B to A, also lost them, but only the last
    // URL is known: that refusal goes without the note.)
    detail += `. A redirect to another origin led here, and fetch does not send credentials across origins: set \`baseUrl\` to the address the API answers at (often https:// for an http:// one).`;
  }
  if (call?.note !== undefined) detail += `; ${call.note}`;
  return answerError(
    STATUS_ERRORS[status] ?? (status >= 500 ? ServerError : PlivoApiError),
    method,
    response,
    detail,
    redact,
    { apiId, error, body: json },
  );
}

/** How a value that is not what was asked for is named in an error: "null", "an array", "a string"… */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  const type = typeof value;
  return `${type === 'object' ? 'an' : 'a'} ${type}`;
}
