import { BufferedResponse, withBufferedText } from './buffered-response.js';
import { createDeadlineGroups, type Deadline, ownDeadline } from './deadline.js';
import {
  AbortError,
  BODY_SNIPPET_LENGTH,
  bodySnippet,
  ConnectionError,
  InvalidResponseError,
  type Redact,
  type RequestTarget,
  redactHeaders,
  TimeoutError,
} from './errors.js';
import { globalFetch } from './global-fetch.js';
import type { FetchFunction } from './options.js';
import { redactedCause } from './redact.js';
import { type AttemptResult, mayRetry, retryDelayMs } from './retry.js';
import { type OutgoingRequest, UnsentRequest } from './unsent-request.js';

/**
 * The `fetch` that openapi-fetch is given: every request of the client goes through it once, and it makes the
 * attempts. Each attempt has its own deadline, which covers the whole body as well as the headers (a server
 * that sends headers and then stalls must still time out), so the body is read here, bounded in size, and
 * the response then carries it (see buffered-response.ts) for openapi-fetch to parse without waiting on the
 * network again.
 *
 * The deadlines are in deadline.ts. The global fetch honours their signal (aborting it fails the fetch and the
 * body read alike), so nothing else is needed; only a custom fetch, which may ignore the signal, is also raced
 * against the abort. The caller's signal is listened to only when there is one.
 */

/** A body larger than this is refused (Plivo's answers are a few kB); it would otherwise be held in memory. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** Statuses whose `Response` has no body (`body` is null rather than an empty stream). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

export interface TransportOptions {
  readonly fetch: FetchFunction;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly redact: Redact;
  readonly maxResponseBytes?: number | undefined;
  /** Source of jitter; injectable for tests. */
  readonly random?: (() => number) | undefined;
}

/** One call's own limits, overriding the client's (`RequestOptions.timeoutMs` / `maxRetries`). */
export interface AttemptLimits {
  readonly timeoutMs?: number | undefined;
  readonly maxRetries?: number | undefined;
}

/** The transport: openapi-fetch calls it with the request alone; the convenience path may add limits. */
export type RetryingFetch = (request: OutgoingRequest, limits?: AttemptLimits) => Promise<Response>;

type AttemptOutcome =
  | { readonly kind: 'response'; readonly response: Response }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'aborted' }
  | { readonly kind: 'failed'; readonly cause: unknown }
  | {
      readonly kind: 'too-large';
      readonly status: number;
      readonly headers: Headers;
      readonly start: string;
    };

const ignore = (): void => {};
const EMPTY_BODY = new Uint8Array(new ArrayBuffer(0));

/** Follows an error's `cause` chain into one line ("fetch failed: connect ECONNREFUSED 127.0.0.1:9"). */
function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    const message = current instanceof Error ? current.message : String(current);
    if (message !== '' && !parts.includes(message)) parts.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(': ') || 'unknown network error';
}

type BodyRead =
  | { readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly tooLarge: true; readonly start: string };

/** `promise`, or the abort's rejection if that comes first (only for a fetch that may ignore its signal). */
function raced<T>(promise: Promise<T>, aborted: Promise<never> | undefined): Promise<T> {
  return aborted === undefined ? promise : Promise.race([promise, aborted]);
}

/** Reads the whole body, or stops at `limit` bytes. */
async function readBody(
  response: Response,
  aborted: Promise<never> | undefined,
  limit: number,
): Promise<BodyRead> {
  const stream = response.body;
  if (stream === null) return { bytes: EMPTY_BODY };
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) {
    stream.cancel().catch(ignore);
    return { tooLarge: true, start: '' };
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await raced(reader.read(), aborted);
      if (done) break;
      size += value.byteLength;
      chunks.push(value);
      if (size > limit) {
        reader.cancel().catch(ignore);
        return {
          tooLarge: true,
          start: new TextDecoder().decode(chunks[0]?.subarray(0, BODY_SNIPPET_LENGTH * 4)),
        };
      }
    }
  } catch (error) {
    reader.cancel().catch(ignore);
    throw error;
  }
  if (chunks.length === 1 && chunks[0]?.byteLength === chunks[0]?.buffer.byteLength) {
    return { bytes: chunks[0] as Uint8Array<ArrayBuffer> };
  }
  const bytes = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}

/** Sends one attempt under `signal` (see global-fetch.ts for why the default fetch is called differently). */
function send(request: OutgoingRequest, signal: AbortSignal, fetch: FetchFunction): Promise<Response> {
  if (request instanceof UnsentRequest) {
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      signal,
    };
    if (request.redirect !== undefined) init.redirect = request.redirect;
    return fetch === globalFetch ? globalFetch(request, init) : fetch(new Request(request.url, init));
  }
  // A Request with a body can be sent only once; each attempt sends a copy.
  const source = request.body === null ? request : request.clone();
  return fetch === globalFetch ? globalFetch(source, { signal }) : fetch(new Request(source, { signal }));
}

async function attemptOnce(
  request: OutgoingRequest,
  deadline: Deadline,
  options: TransportOptions,
): Promise<AttemptOutcome> {
  const callerSignal = request.signal;
  try {
    const response = await raced(send(request, deadline.signal, options.fetch), deadline.aborted);
    const body = await readBody(response, deadline.aborted, options.maxResponseBytes ?? MAX_RESPONSE_BYTES);
    // Too large: readBody cancelled the body, which stops the transfer.
    if ('tooLarge' in body) {
      return { kind: 'too-large', status: response.status, headers: response.headers, start: body.start };
    }
    const bytes = NULL_BODY_STATUSES.has(response.status) ? null : body.bytes;
    const buffered =
      request instanceof UnsentRequest
        ? withBufferedText(response, bytes, request.url)
        : BufferedResponse.adopt(response, bytes, request.url);
    return { kind: 'response', response: buffered };
  } catch (error) {
    if (deadline.expired()) return { kind: 'timeout' };
    if (callerSignal?.aborted) return { kind: 'aborted' };
    return { kind: 'failed', cause: error };
  } finally {
    deadline.end();
  }
}

/** Waits `ms`, or less if the signal aborts first; resolves to whether the whole wait passed. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(target: RequestTarget, signal: AbortSignal | undefined): AbortError {
  return new AbortError(`${target.method} ${target.url} was aborted by the caller's AbortSignal`, {
    ...target,
    cause: signal?.reason,
  });
}

function attemptsNote(attempts: number): string {
  return attempts === 1 ? '' : ` (${attempts} attempts)`;
}

function retryView(outcome: AttemptOutcome): AttemptResult | undefined {
  switch (outcome.kind) {
    case 'response':
      return { kind: 'status', status: outcome.response.status };
    case 'timeout':
    case 'failed':
      return outcome;
    default:
      return undefined;
  }
}

/** Creates the retrying, deadline-enforcing, body-buffering `fetch` described at the top of this file. */
export function createRetryingFetch(options: TransportOptions): RetryingFetch {
  const { redact } = options;
  const sharedDeadline = createDeadlineGroups();
  return async function retryingFetch(request, limits) {
    const timeoutMs = limits?.timeoutMs ?? options.timeoutMs;
    const maxRetries = limits?.maxRetries ?? options.maxRetries;
    const callerSignal = request.signal;
    for (let attempt = 1; ; attempt += 1) {
      if (callerSignal?.aborted)
        throw abortError({ method: request.method, url: redact(request.url) }, callerSignal);
      // Nothing but time can abort an attempt without a caller signal, through the global fetch (which honours
      // its signal): such attempts share deadlines (see deadline.ts).
      const deadline =
        callerSignal === undefined && options.fetch === globalFetch
          ? sharedDeadline(timeoutMs)
          : ownDeadline(timeoutMs, callerSignal, options.fetch !== globalFetch);
      const outcome = await attemptOnce(request, deadline, options);
      const result = retryView(outcome);
      const retry = result !== undefined && attempt <= maxRetries && mayRetry(request.method, result);
      if (outcome.kind === 'response' && !retry) return outcome.response;
      // Named only when it fails or is retried: an answer that is used needs no (redacted) URL.
      const target: RequestTarget = { method: request.method, url: redact(request.url) };
      if (outcome.kind === 'aborted') throw abortError(target, request.signal);
      if (outcome.kind === 'too-large') {
        throw new InvalidResponseError(
          `${target.method} ${target.url} answered ${outcome.status} with a body larger than ${
            options.maxResponseBytes ?? MAX_RESPONSE_BYTES
          } bytes`,
          {
            ...target,
            status: outcome.status,
            headers: redactHeaders(outcome.headers, redact),
            bodySnippet: bodySnippet(outcome.start, redact),
          },
        );
      }
      if (!retry && outcome.kind === 'timeout') {
        throw new TimeoutError(
          `${target.method} ${target.url} timed out: no complete response within ${timeoutMs} ms${attemptsNote(attempt)}`,
          { ...target, timeoutMs },
        );
      }
      if (!retry && outcome.kind === 'failed') {
        throw new ConnectionError(
          `${target.method} ${target.url} failed: ${redact(describeNetworkError(outcome.cause))}${attemptsNote(attempt)}`,
          { ...target, cause: redactedCause(outcome.cause, redact) },
        );
      }
      const headers = outcome.kind === 'response' ? outcome.response.headers : undefined;
      const waited = await sleep(retryDelayMs(attempt - 1, headers, options.random), request.signal);
      if (!waited) throw abortError(target, request.signal);
    }
  };
}
