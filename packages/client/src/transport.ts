import { bodyReader, discardBody, isNodeStream } from './body-reader.js';
import { BufferedResponse, withBufferedText } from './buffered-response.js';
import { whenCallerAborts } from './caller-abort.js';
import { createDeadlineGroups, type Deadline, ownDeadline } from './deadline.js';
import {
  AbortError,
  answerError,
  BODY_SNIPPET_LENGTH,
  bodySnippet,
  ConnectionError,
  describeType,
  InvalidArgumentError,
  InvalidResponseError,
  type Redact,
  requestError,
  TimeoutError,
} from './errors.js';
import { globalFetch, globalFetchIsTheRuntimes } from './global-fetch.js';
import type { FetchFunction } from './options.js';
import { redactedCause } from './redact.js';
import {
  type AttemptResult,
  mayHaveBeenProcessed,
  mayHaveBeenProcessedNote,
  mayRetry,
  retryDelayMs,
} from './retry.js';
import { type OutgoingRequest, UnsentRequest } from './unsent-request.js';

/**
 * The `fetch` that openapi-fetch is given: every request of the client goes through it once, and it makes the
 * attempts. Each attempt has its own deadline, which covers the whole body as well as the headers (a server
 * that sends headers and then stalls must still time out), so the body is read here, bounded in size, and
 * the response then carries it (see buffered-response.ts) for openapi-fetch to parse without waiting on the
 * network again.
 *
 * The deadlines are in deadline.ts. The runtime's fetch honours their signal (aborting it fails the fetch and
 * the body read alike), so nothing else is needed; any other fetch (a custom one, or a global fetch replaced
 * since the client loaded), which may ignore the signal, is also raced against the abort. The caller's signal
 * is listened to only when there is one.
 */

/** A body larger than this is refused (Plivo's answers are a few kB); it would otherwise be held in memory. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

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

/**
 * What an answer's error says of the call besides the answer: how many attempts it took, and for a write answered
 * 408 or 5xx that it may have been processed (`note`). Kept only when there is something to say. A middleware
 * that replaces the Response drops it: that error says neither.
 */
export interface AnswerHistory {
  readonly attempts: number;
  readonly note?: string;
}
const histories = new WeakMap<Response, AnswerHistory>();
export const historyOf = (response: Response): AnswerHistory => histories.get(response) ?? { attempts: 1 };

/**
 * What an attempt's end says of whether the server acted: its status once the headers came (a 400 whose body
 * then stalled was still refused), else how it ended.
 */
const judged = (progress: { status?: number }, ended: AttemptResult): AttemptResult =>
  progress.status === undefined ? ended : { kind: 'status', status: progress.status };

const ignore = (): void => {};
/** A late answer nobody will read; a custom fetch may even resolve to something that is not a Response. */
const discard = (response: Response | undefined): void => discardBody(response?.body);

/** Follows an error's `cause` chain into one line ("fetch failed: connect ECONNREFUSED 127.0.0.1:9"). */
function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    const message = wordsOf(current);
    if (message !== '' && !parts.includes(message)) parts.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(': ') || 'unknown network error';
}

/**
 * What one error says: its message; without one (Node's AggregateError when every address of a host, such as
 * `localhost`'s ::1 and 127.0.0.1, refused), its errors' messages, else its `code`.
 */
function wordsOf(error: unknown, nested = false): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message !== '') return error.message;
  const { errors, code } = error as { errors?: unknown; code?: unknown };
  // One level: an AggregateError a custom fetch built could hold itself.
  const each =
    !nested && Array.isArray(errors)
      ? errors
          .map((inner) => wordsOf(inner, true))
          .filter(Boolean)
          .join(', ')
      : '';
  return each || (typeof code === 'string' ? code : '');
}

/** `promise`, or the abort's rejection if that comes first (only for a fetch that may ignore its signal). */
function raced<T>(promise: Promise<T>, aborted: Promise<never> | undefined): Promise<T> {
  return aborted === undefined ? promise : Promise.race([promise, aborted]);
}

/**
 * Reads the whole body; or, past `limit` bytes, stops and returns the start of it as text (to quote). `null`
 * when the response has no body at all (a null-body status such as 204 or 304), as its `body` says.
 */
async function readBody(
  response: Response,
  aborted: Promise<never> | undefined,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | string | null> {
  const stream = response.body;
  if (stream === null) return null;
  const declared = response.headers.get('content-length');
  const reader = bodyReader(stream);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    if (declared !== null && Number(declared) > limit) size = limit + 1;
    while (size <= limit) {
      const { done, value } = await raced(reader.read(), aborted);
      if (done) {
        if (chunks.length === 1 && chunks[0]?.byteLength === chunks[0]?.buffer.byteLength) {
          return chunks[0] as Uint8Array<ArrayBuffer>;
        }
        const bytes = new Uint8Array(new ArrayBuffer(size));
        let offset = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, offset);
          offset += chunk.byteLength;
        }
        return bytes;
      }
      size += value.byteLength;
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel();
    throw error;
  }
  // Too large: cancelling stops the transfer.
  reader.cancel();
  return new TextDecoder().decode(chunks[0]?.subarray(0, BODY_SNIPPET_LENGTH * 4));
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

/**
 * A custom `fetch` that resolves to something else (undefined, a plain object) is a mistake in the calling
 * code, not a network failure: it is not retried, and the error says what came back. Duck-typed, as a
 * Response from another realm or library is not an instance of this one's class.
 */
function notAResponse(response: unknown): InvalidArgumentError | undefined {
  const candidate = response as Partial<Response> | null | undefined;
  let lacks = '';
  if (typeof candidate?.status === 'number' && typeof candidate.headers?.get === 'function') {
    // A test double with a status and headers but no body stream would fail later, as if the network had.
    const { body } = candidate;
    const readable = body === null || typeof body?.getReader === 'function' || isNodeStream(body);
    if (readable && typeof candidate.ok === 'boolean') return undefined;
    lacks = ` with a status and headers but no ${readable ? 'boolean `ok`' : 'body stream (nor a null body)'}`;
  }
  const shown = describeType(response) + lacks;
  return new InvalidArgumentError(
    'fetch',
    `The \`fetch\` option resolved to ${shown}, not a Response: it must return what fetch() does.`,
  );
}

/**
 * One attempt: the response carrying its body, or the error for a body too large to read or for a custom fetch
 * that resolved to something that is not a Response.
 */
async function attemptOnce(
  request: OutgoingRequest,
  deadline: Deadline,
  options: TransportOptions,
  // The status, once the headers are in: an attempt whose body then times out says it was answered.
  progress: { status?: number },
): Promise<Response | InvalidResponseError | InvalidArgumentError> {
  const sending = send(request, deadline.signal, options.fetch);
  if (deadline.aborted !== undefined) {
    // A fetch that ignored the abort may still answer: its late response is dropped, not left holding a socket.
    // (`Promise.resolve`: a custom fetch may return its Response itself rather than a promise of it.)
    deadline.aborted.catch(() => Promise.resolve(sending).then(discard, ignore));
  }
  const response = await raced(sending, deadline.aborted);
  // Returned, not thrown: what a custom fetch throws, an InvalidArgumentError too, is redacted as its failure.
  const wrong = notAResponse(response);
  if (wrong !== undefined) return wrong;
  progress.status = response.status;
  const limit = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const body = await readBody(response, deadline.aborted, limit);
  const { status, headers } = response;
  const { method, url } = request;
  if (typeof body === 'string') {
    return answerError(
      InvalidResponseError,
      method,
      { status, headers, url },
      ` with a body larger than ${limit} bytes`,
      options.redact,
      { bodySnippet: bodySnippet(body, options.redact) },
    ) as InvalidResponseError;
  }
  return request instanceof UnsentRequest
    ? withBufferedText(response, body, url)
    : BufferedResponse.adopt(response, body, url);
}

/** Waits `ms`, or less if the signal aborts first; resolves to whether the whole wait passed. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stopListening?.();
      resolve(true);
    }, ms);
    const stopListening =
      signal === undefined
        ? undefined
        : whenCallerAborts(signal, () => {
            clearTimeout(timer);
            resolve(false);
          });
  });
}

/** Creates the retrying, deadline-enforcing, body-buffering `fetch` described at the top of this file. */
export function createRetryingFetch(options: TransportOptions): RetryingFetch {
  const { redact } = options;
  const sharedDeadline = createDeadlineGroups();
  return async function retryingFetch(request, limits) {
    const timeoutMs = limits?.timeoutMs ?? options.timeoutMs;
    const maxRetries = limits?.maxRetries ?? options.maxRetries;
    const { method, url, signal } = request;
    // Built only when a call fails: an answer that is used needs no (redacted) URL.
    const fail = (ErrorClass: typeof AbortError, what: string, details: object): never => {
      throw requestError(ErrorClass, method, url, what, redact, details);
    };
    // `inFlight`: the attempt under way, so a write may have reached the server (unless its answer says not).
    const aborted = (inFlight?: AttemptResult): never => {
      const processed = inFlight !== undefined && mayHaveBeenProcessed(method, inFlight);
      const ending = processed ? `; ${mayHaveBeenProcessedNote(method, false)}` : '';
      return fail(AbortError, `was aborted by the caller's AbortSignal${ending}`, {
        cause: signal?.reason,
        mayHaveBeenProcessed: processed,
      });
    };
    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) aborted();
      // Nothing but time can abort an attempt without a caller signal, through the runtime's fetch (which
      // honours its signal): such attempts share deadlines (see deadline.ts). Any other fetch is raced.
      const honoursSignal = options.fetch === globalFetch && globalFetchIsTheRuntimes();
      const deadline =
        signal === undefined && honoursSignal
          ? sharedDeadline(timeoutMs)
          : ownDeadline(timeoutMs, signal, !honoursSignal);
      let response: Response | InvalidResponseError | InvalidArgumentError | undefined;
      let result: AttemptResult = { kind: 'timeout' };
      const progress: { status?: number } = {};
      try {
        response = await attemptOnce(request, deadline, options, progress);
      } catch (error) {
        if (!deadline.expired()) {
          if (signal?.aborted) aborted(judged(progress, { kind: 'timeout' }));
          result = { kind: 'failed', cause: error };
        }
      } finally {
        deadline.end();
      }
      if (response instanceof InvalidResponseError || response instanceof InvalidArgumentError)
        throw response;
      if (response !== undefined) result = { kind: 'status', status: response.status };
      const retry = attempt <= maxRetries && mayRetry(method, result);
      // A write the policy will not send again may have reached the server (see retry.ts): its error says so,
      // retries left or not. A success, the common case, costs no check.
      const note =
        !response?.ok && mayHaveBeenProcessed(method, judged(progress, result))
          ? mayHaveBeenProcessedNote(method, attempt <= maxRetries)
          : undefined;
      if (response !== undefined && !retry) {
        if (attempt > 1 || note !== undefined)
          histories.set(response, note === undefined ? { attempts: attempt } : { attempts: attempt, note });
        // A custom fetch may hand back an object it answered an earlier call with; only an error reads this.
        else if (!response.ok) histories.delete(response);
        return response;
      }
      let ending = attempt === 1 ? '' : ` (${attempt} attempts)`;
      if (note !== undefined) ending += `; ${note}`;
      if (!retry && result.kind === 'timeout') {
        const what =
          progress.status === undefined
            ? 'no complete response'
            : `answered ${progress.status}, but the body did not complete`;
        fail(TimeoutError, `timed out: ${what} within ${timeoutMs} ms${ending}`, {
          timeoutMs,
          mayHaveBeenProcessed: note !== undefined,
        });
      }
      if (!retry && result.kind === 'failed') {
        fail(ConnectionError, `failed: ${redact(describeNetworkError(result.cause))}${ending}`, {
          cause: redactedCause(result.cause, redact),
          mayHaveBeenProcessed: note !== undefined,
        });
      }
      if (!(await sleep(retryDelayMs(attempt - 1, response?.headers, options.random), signal))) aborted();
    }
  };
}
