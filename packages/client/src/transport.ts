import { BufferedResponse } from './buffered-response.js';
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
import { isIdempotentMethod, isRetryableStatus, retryDelayMs } from './retry.js';

/**
 * The `fetch` that openapi-fetch is given: every request of the client goes through it once, and it makes the
 * attempts. Each attempt has its own deadline, which covers the whole body as well as the headers (a server
 * that sends headers and then stalls must still time out), so the body is read here, bounded in size, and
 * handed on as a `BufferedResponse` (see buffered-response.ts) that openapi-fetch parses without waiting on
 * the network again.
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
  readonly maxResponseBytes?: number;
  /** Source of jitter; injectable for tests. */
  readonly random?: () => number;
}

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

/** Reads the whole body, or stops at `limit` bytes; the `aborted` race makes even a stalled stream give up. */
async function readBody(response: Response, aborted: Promise<never>, limit: number): Promise<BodyRead> {
  const stream = response.body;
  if (stream === null) return { bytes: new Uint8Array(new ArrayBuffer(0)) };
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) {
    stream.cancel().catch(ignore);
    return { tooLarge: true, start: '' };
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
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
  const bytes = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}

/** Sends one attempt of `request` under `signal` (see global-fetch.ts for why the default fetch differs). */
function send(request: Request, signal: AbortSignal, fetch: FetchFunction): Promise<Response> {
  // A request with a body can be sent only once; each attempt sends a copy.
  const source = request.body === null ? request : request.clone();
  return fetch === globalFetch ? globalFetch(source, { signal }) : fetch(new Request(source, { signal }));
}

async function attemptOnce(request: Request, options: TransportOptions): Promise<AttemptOutcome> {
  const callerSignal = request.signal;
  if (callerSignal.aborted) return { kind: 'aborted' };
  // One abort, two forms: the signal stops the transfer, the promise (raced against each wait) stops us even
  // on a custom fetch that ignores the signal. Both are settled from here rather than the promise listening on
  // the signal: an abort listener is a noticeable cost on a call that takes a few hundred µs.
  const controller = new AbortController();
  let rejectAborted: (reason: unknown) => void = ignore;
  const aborted = new Promise<never>((_, reject) => {
    rejectAborted = reject;
  });
  aborted.catch(ignore); // Only ever awaited inside a race; an abort nobody raced is not an error.
  const abort = (reason: unknown): void => {
    controller.abort(reason);
    rejectAborted(reason);
  };
  const abortFromCaller = (): void => abort(callerSignal.reason);
  callerSignal.addEventListener('abort', abortFromCaller, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort(new DOMException(`No complete response within ${options.timeoutMs} ms`, 'TimeoutError'));
  }, options.timeoutMs);
  try {
    // The race enforces the deadline even on a custom fetch that ignores `signal`.
    const response = await Promise.race([send(request, controller.signal, options.fetch), aborted]);
    const body = await readBody(response, aborted, options.maxResponseBytes ?? MAX_RESPONSE_BYTES);
    if ('tooLarge' in body) {
      // Stop the transfer now rather than let the connection keep receiving a body nobody will read.
      controller.abort(new DOMException('Response body over the size limit', 'AbortError'));
      return { kind: 'too-large', status: response.status, headers: response.headers, start: body.start };
    }
    return {
      kind: 'response',
      response: new BufferedResponse(NULL_BODY_STATUSES.has(response.status) ? null : body.bytes, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        // Keep the URL the network gave (or the request's, for a custom fetch whose Response has none).
        url: response.url || request.url,
      }),
    };
  } catch (error) {
    if (timedOut) return { kind: 'timeout' };
    if (callerSignal.aborted) return { kind: 'aborted' };
    return { kind: 'failed', cause: error };
  } finally {
    clearTimeout(timer);
    callerSignal.removeEventListener('abort', abortFromCaller);
  }
}

/** Waits `ms`, or less if the signal aborts first; resolves to whether the whole wait passed. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(target: RequestTarget, signal: AbortSignal): AbortError {
  return new AbortError(`${target.method} ${target.url} was aborted by the caller's AbortSignal`, {
    ...target,
    cause: signal.reason,
  });
}

function attemptsNote(attempts: number): string {
  return attempts === 1 ? '' : ` (${attempts} attempts)`;
}

/** Creates the retrying, deadline-enforcing, body-buffering `fetch` described at the top of this file. */
export function createRetryingFetch(options: TransportOptions): FetchFunction {
  const { redact } = options;
  return async function retryingFetch(request: Request): Promise<Response> {
    const allowedAttempts = isIdempotentMethod(request.method) ? options.maxRetries + 1 : 1;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await attemptOnce(request, options);
      const isLast = attempt >= allowedAttempts;
      if (outcome.kind === 'response' && (isLast || !isRetryableStatus(outcome.response.status))) {
        return outcome.response;
      }
      // Named only when it fails or is retried: an answer that is used needs no (redacted) URL.
      const target: RequestTarget = { method: request.method, url: redact(request.url) };
      switch (outcome.kind) {
        case 'aborted':
          throw abortError(target, request.signal);
        case 'too-large':
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
        case 'response':
          break; // A retryable status with attempts left.
        case 'timeout':
          if (isLast) {
            throw new TimeoutError(
              `${target.method} ${target.url} timed out: no complete response within ${options.timeoutMs} ms${attemptsNote(attempt)}`,
              { ...target, timeoutMs: options.timeoutMs },
            );
          }
          break;
        case 'failed':
          if (isLast) {
            throw new ConnectionError(
              `${target.method} ${target.url} failed: ${redact(describeNetworkError(outcome.cause))}${attemptsNote(attempt)}`,
              { ...target, cause: redactedCause(outcome.cause, redact) },
            );
          }
          break;
      }
      const headers = outcome.kind === 'response' ? outcome.response.headers : undefined;
      const waited = await sleep(retryDelayMs(attempt - 1, headers, options.random), request.signal);
      if (!waited) throw abortError(target, request.signal);
    }
  };
}
