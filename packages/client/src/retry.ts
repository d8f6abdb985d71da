/**
 * When to retry and how long to wait: pure functions, so the policy is tested exactly (see test/retries/).
 * The waits follow openai-node: exponential backoff from 0.5 s, doubling up to 8 s, with up to 25 % jitter
 * taken off; a server's `retry-after-ms` or `Retry-After` (seconds or an HTTP date) wins when present.
 *
 * What may be sent again: Plivo has no idempotency key, so a request that changes something (POST, DELETE) is
 * repeated only when the server cannot have acted on it: it answered 429 (rate limited, refused unprocessed),
 * or no connection was ever made (refused, unresolved, unreachable, timed out or a failed TLS handshake). After a timeout, a reset or a
 * 5xx it may have been processed, and a second send could create a second session or turn a delete into a
 * "Session already expired" error. Reads are repeated on every transient failure.
 */

/** Statuses worth another attempt of a read: timeouts, rate limits, transient server faults. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Methods that only read: repeated on any transient failure. */
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);
/**
 * Network error codes (Node, Bun, Deno) meaning no connection was made, so nothing reached the server: refused,
 * unresolved or unreachable, a connect timeout, or a TLS handshake that failed (a certificate refused, TLS
 * spoken to a plain-HTTP port).
 */
const NEVER_CONNECTED_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

export function isReadMethod(method: string): boolean {
  return READ_METHODS.has(method.toUpperCase());
}

/** Whether a network error (its `cause` chain included) says the connection was never made. */
export function neverConnected(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && NEVER_CONNECTED_CODES.has(code)) return true;
    current = cause;
  }
  return false;
}

/** What became of one attempt, as far as retrying is concerned. */
export type AttemptResult =
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'failed'; readonly cause: unknown };

/** Whether an attempt of `method` that ended in `result` may be sent again (see the top of this file). */
export function mayRetry(method: string, result: AttemptResult): boolean {
  if (isReadMethod(method)) return result.kind !== 'status' || isRetryableStatus(result.status);
  if (result.kind === 'status') return result.status === 429;
  return result.kind === 'failed' && neverConnected(result.cause);
}

/**
 * Whether an attempt of a write that ended in `result` may have been acted on, so that the policy does not send
 * it again where a read would have been: a timeout, a reset, a 408 or a 5xx.
 */
export function mayHaveBeenProcessed(method: string, result: AttemptResult): boolean {
  return !isReadMethod(method) && !mayRetry(method, result) && mayRetry('GET', result);
}

/** What the error of such a write adds; `retriesLeft`: whether the policy would otherwise have sent it again. */
export const mayHaveBeenProcessedNote = (method: string, retriesLeft: boolean): string =>
  `the ${method} may have been processed${retriesLeft ? ', so it was not sent again' : ''}`;

export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8_000;
/** The longest a server's `Retry-After` may make us wait; longer asks are cut to this. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The wait the server asked for, in ms: `retry-after-ms` (a non-standard header some APIs send) first, then
 * `Retry-After` as delay-seconds or an HTTP date. `undefined` when absent or unreadable.
 */
export function serverRequestedDelayMs(headers: Headers, now: number = Date.now()): number | undefined {
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && /^\s*\d+(\.\d+)?\s*$/.test(milliseconds)) {
    return Number(milliseconds);
  }
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const text = retryAfter.trim();
  if (!HTTP_DATE.test(text)) return undefined;
  const date = Date.parse(text.endsWith(' GMT') ? text : `${text} GMT`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The three forms of an HTTP date (RFC 9110 §5.6.7: IMF-fixdate, RFC 850, asctime), before `Date.parse`, which
 * would read nearly anything ("Soon 2099", "Mon 1") as some date. asctime has no zone: it is GMT.
 */
const HTTP_DATE =
  /^(?:[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT|[A-Z][a-z]{5,8}, \d\d-[A-Z][a-z]{2}-\d\d \d\d:\d\d:\d\d GMT|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4})$/;

/** Exponential backoff with jitter for the retry that follows `retriesDone` earlier retries. */
export function backoffDelayMs(retriesDone: number, random: () => number = Math.random): number {
  const base = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retriesDone, MAX_RETRY_DELAY_MS);
  // Jitter spreads out clients that failed together so they do not retry in lockstep.
  return base * (1 - 0.25 * random());
}

/** How long to wait before the next attempt. */
export function retryDelayMs(
  retriesDone: number,
  responseHeaders: Headers | undefined,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  const requested = responseHeaders === undefined ? undefined : serverRequestedDelayMs(responseHeaders, now);
  if (requested !== undefined) return Math.min(requested, MAX_RETRY_AFTER_MS);
  return backoffDelayMs(retriesDone, random);
}
