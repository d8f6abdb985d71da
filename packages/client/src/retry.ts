/**
 * When to retry and how long to wait: pure functions, so the policy is tested exactly (see test/retries/).
 * The backoff is openai-node's: from 0.5 s, doubling up to 8 s, with up to 25 % jitter taken off. A server's
 * `retry-after-ms` or `Retry-After` (seconds or an HTTP date) wins when present, unlike openai-node's also when
 * it asks for no wait, and a longer ask than 60 s is cut to 60 s rather than ignored.
 *
 * What may be sent again: Plivo has no idempotency key, so a request that changes something (POST, DELETE) is
 * repeated only when the server cannot have acted on it: it answered 429 (rate limited, refused unprocessed), or
 * no connection was ever made (see NEVER_CONNECTED_CODES). After a timeout, a reset or a 5xx it may have been
 * processed, and a second send could create a second session or turn a delete into a "Session already expired"
 * error. Reads are repeated on every transient failure.
 */

/** Statuses worth another attempt of a read: timeouts, rate limits, transient server faults. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Methods that only read: repeated on any transient failure. */
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);
/**
 * Network error codes (Node's; Bun's share most) meaning no connection was made, so nothing reached the server:
 * refused, unresolved or unreachable, a connect timeout, or a certificate refused in the TLS handshake. Deno's
 * and browsers' fetch errors carry no code: there a failed write counts as possibly processed.
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
]);
/**
 * The system calls whose failure means no connection: an unreachable host reported by a `read` or `write` is a
 * connection that carried the request and then died (the kernel keeps an ICMP error until the socket gives up).
 */
const CONNECTING_SYSCALLS: ReadonlySet<unknown> = new Set([undefined, 'connect', 'getaddrinfo']);

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
    const { code, cause, syscall } = current as { code?: unknown; cause?: unknown; syscall?: unknown };
    if (typeof code === 'string' && NEVER_CONNECTED_CODES.has(code) && CONNECTING_SYSCALLS.has(syscall))
      return true;
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
 * Whether an attempt of a write that ended in `result` may have been acted on: a timeout or a failure once
 * connected, or an answer that is a success (2xx), a timeout (408) or a server fault (any 5xx). A read is
 * never "processed": it is sent again instead.
 */
export function mayHaveBeenProcessed(method: string, result: AttemptResult): boolean {
  if (isReadMethod(method)) return false;
  if (result.kind !== 'status') return !mayRetry(method, result);
  const { status } = result;
  return (status >= 200 && status < 300) || status === 408 || status >= 500;
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
