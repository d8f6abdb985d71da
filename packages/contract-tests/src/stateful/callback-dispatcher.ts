import { randomInt } from 'node:crypto';
import {
  CallbackConfigurationError,
  CallbackSignatureError,
  computeSignatureV2,
  computeSignatureV3,
} from '@plivo-openapi/client/callbacks';
import { withoutUserInfo } from '../without-user-info.js';
import type { CallbackEvent } from './callback-event.js';
import { LATEST_TIME_MS, type MockClock } from './clock.js';

/**
 * Sends the callbacks the state engine emits, as Plivo sends them:
 * - POST: the parameters as an `application/x-www-form-urlencoded` body; GET: appended to the URL's query.
 *   (Verify documents this; for masking Plivo's pages do not say, and we do what its voice platform does.)
 * - Signed with the Auth Token of the request that registered the URL: V3 headers on every callback (`X-Plivo-Signature-V3`, `-Ma-V3`,
 *   `-V3-Nonce`; the mock has no subaccounts, so the main account's signature is the same), and for Verify the
 *   V2 headers as well (Verify's pages document V2; sending both lets a receiver use either).
 * - A receiver that does not answer 200 (another status, a redirect, no answer within `timeoutMs`) gets the
 *   callback again 60 s, then 120 s, then 240 s later on the mock's clock: Verify's documented schedule.
 * Every attempt is recorded with the receiver's status (or why there was none), except one that `cancel()` cut
 * short: its journal has been cleared. One that `stop()` cut short is recorded as failed, saying so. Nothing
 * recorded holds a token.
 */

/**
 * Delays between attempts, on the mock clock: three retries, as Verify documents. Masking documents none; its
 * callbacks get the same, so a receiver's handling of a second delivery is tested.
 */
export const CALLBACK_RETRY_DELAYS_MS = [60_000, 120_000, 240_000] as const;

/** One delivery attempt, as the journal shows it. */
export interface CallbackDeliveryRecord {
  kind: 'callback';
  /** When the attempt was sent, on the mock clock (ISO 8601). */
  at: string;
  callbackKind: CallbackEvent['kind'];
  authId: string;
  method: 'GET' | 'POST';
  /** The URL requested (for GET with the parameters in its query). */
  url: string;
  params: Record<string, string>;
  /** 1 for the first try, up to 4. */
  attempt: number;
  /** The signature headers sent (signatures and nonce: public values, never the token). */
  headers: Record<string, string>;
  /** The receiver's HTTP status; absent when no answer came. */
  status?: number;
  /** Why there was no answer (connection refused, timeout, ...). */
  error?: string;
  /** `delivered` (200), `retry` (another attempt is scheduled), `failed` (no attempt left or no token to sign). */
  outcome: 'delivered' | 'retry' | 'failed';
  /** When the next attempt is due, on the mock clock, for `retry`. */
  nextAttemptAt?: string;
}

export interface CallbackDispatcherOptions {
  clock: MockClock;
  /** Where each attempt is recorded (the mock's journal). */
  record(entry: CallbackDeliveryRecord): void;
  /** Real time an attempt may take before it counts as unanswered. Default 10 s. */
  timeoutMs?: number;
  /** For tests; default the global fetch. */
  fetch?: typeof fetch;
}

export interface CallbackDispatcher {
  /** Sends the callback now (asynchronously) and schedules its retries. */
  emitCallback(event: CallbackEvent): void;
  /** Resolves once every attempt started so far has ended (recorded, unless cancelled). */
  idle(): Promise<void>;
  /**
   * Drops every scheduled retry and aborts the attempts in flight, which then record and schedule nothing: a
   * reset has cleared the journal they belonged to.
   */
  cancel(): void;
  /**
   * The same for a mock that stops (which must not wait for a receiver that never answers), but the journal
   * stays readable: each attempt in flight is recorded, as failed if the receiver had not answered.
   */
  stop(): void;
}

const STOPPED_IN_FLIGHT =
  'no answer before the mock stopped: stop() ends the callbacks in flight (await callbacksSettled() before stopping to see their answers)';

/** A 20-digit nonce, like the ones Plivo sends. */
function newNonce(): string {
  let nonce = String(randomInt(1, 10));
  while (nonce.length < 20) nonce += String(randomInt(0, 10));
  return nonce;
}

/** The URL a GET callback requests: the registered URL with the parameters appended to its query. */
function getUrl(url: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  if (query === '') return url;
  const [beforeFragment = url] = url.split('#', 1);
  const separator = beforeFragment.includes('?') ? (/[?&]$/.test(beforeFragment) ? '' : '&') : '?';
  return `${beforeFragment}${separator}${query}`;
}

async function signatureHeaders(
  event: CallbackEvent,
  url: string,
  token: string,
): Promise<Record<string, string>> {
  const nonce = newNonce();
  const params = event.method === 'POST' ? event.params : undefined;
  const v3 = await computeSignatureV3({ method: event.method, url, nonce, params, authToken: token });
  const headers: Record<string, string> = {
    'X-Plivo-Signature-V3-Nonce': nonce,
    'X-Plivo-Signature-V3': v3,
    'X-Plivo-Signature-Ma-V3': v3,
  };
  if (event.kind === 'verify-status') {
    const v2 = await computeSignatureV2({ url, nonce, authToken: token });
    Object.assign(headers, {
      'X-Plivo-Signature-V2-Nonce': nonce,
      'X-Plivo-Signature-V2': v2,
      'X-Plivo-Signature-Ma-V2': v2,
    });
  }
  return headers;
}

/**
 * The URL without the credentials it holds, as fetch would read them (also from `http:/user:pw@host`); undefined
 * when it holds none or is no URL.
 */
function withoutCredentials(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.username === '' && parsed.password === '') return undefined;
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

/** Why the mock cannot send to a URL at all (retrying would not change it), or undefined. */
function unsendableUrl(url: string, withoutThem: string | undefined): string | undefined {
  // fetch refuses such a URL.
  if (withoutThem !== undefined)
    return 'the URL holds credentials (user:password@), which the mock does not send: register the URL without them';
  const scheme = URL.canParse(url) ? new URL(url).protocol : undefined;
  return scheme === 'http:' || scheme === 'https:'
    ? undefined
    : `the URL is not an absolute http or https URL, the only ones Plivo calls: register one such as https://example.com/plivo/callback`;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  // The signer's own message advises a receiver and places the fault in the token; the mock's user sent the
  // token with a request, and the journal tells nothing of it.
  if (error instanceof CallbackConfigurationError)
    return 'the Auth Token of the request that registered this URL cannot sign a callback: Plivo signs with printable ASCII tokens without spaces, as its own are; send the request with such a token';
  if (error instanceof Error) {
    if (error.name === 'TimeoutError')
      return `no answer within ${timeoutMs} ms, the mock's callback timeout: answer 200 sooner (a receiver can answer first and work afterwards)`;
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

export function createCallbackDispatcher(options: CallbackDispatcherOptions): CallbackDispatcher {
  const { clock, record } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const send = options.fetch ?? globalThis.fetch;
  const inFlight = new Set<Promise<void>>();
  const aborts = new Set<AbortController>();
  const timers = new Set<() => void>();
  let generation = 0;
  let stoppedGeneration: number | undefined;

  // A retry due past the clock's limit (which it can never reach) must not make the record throw.
  const iso = (ms: number) => new Date(Math.min(ms, LATEST_TIME_MS)).toISOString();

  /** `dueAt`: when this attempt was due on the mock clock; a late one (see below) is sent after that. */
  async function attempt(
    event: CallbackEvent,
    number: number,
    ofGeneration: number,
    dueAt: number,
  ): Promise<void> {
    const sentAt = clock.now();
    const url = event.method === 'GET' ? getUrl(event.url, event.params) : event.url;
    const withoutThem = withoutCredentials(url);
    const base = {
      kind: 'callback' as const,
      at: iso(sentAt),
      callbackKind: event.kind,
      authId: event.authId,
      method: event.method,
      // A URL in the query (`?next=https://user:pw@...`) keeps its own user info otherwise.
      url: withoutUserInfo(withoutThem ?? url),
      params: { ...event.params },
      attempt: number,
    };
    const token = event.authToken;
    // Not before the next turn: the request that registered the URL is journaled once its answer is sent, in
    // this turn, and its callbacks follow it in the journal, those that fail before they are sent too.
    const failOnce = async (error: string) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (ofGeneration === generation || ofGeneration === stoppedGeneration)
        record({ ...base, headers: {}, error, outcome: 'failed' });
    };
    if (token === undefined)
      return failOnce(
        'no Auth Token came with the request that registered this URL: the callback cannot be signed',
      );
    const refusal = unsendableUrl(url, withoutThem);
    if (refusal !== undefined) return failOnce(refusal);
    let headers: Record<string, string> = {};
    let status: number | undefined;
    let error: string | undefined;
    let unsendable = false;
    const abort = new AbortController();
    aborts.add(abort);
    // A plain timer, not AbortSignal.any([..., AbortSignal.timeout()]): on Node 20 the combined signal can be
    // garbage-collected with its timeout, and a receiver that never answers would hold the callback for good.
    const timeout = setTimeout(
      () => abort.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError')),
      timeoutMs,
    );
    try {
      headers = await signatureHeaders(event, url, token);
      const response = await send(url, {
        method: event.method,
        headers: {
          ...headers,
          ...(event.method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(event.method === 'POST' ? { body: new URLSearchParams(event.params).toString() } : {}),
        redirect: 'manual',
        signal: abort.signal,
      });
      status = response.status;
      await response.body?.cancel().catch(() => undefined);
    } catch (caught) {
      // A URL or token that cannot sign (not absolute http(s), an unusable token) will not get better: no retry.
      unsendable = caught instanceof CallbackSignatureError || caught instanceof CallbackConfigurationError;
      error = withoutUserInfo(describeFailure(caught, timeoutMs));
    } finally {
      clearTimeout(timeout);
      aborts.delete(abort);
    }
    const stopped = ofGeneration === stoppedGeneration;
    // Cancelled while in flight by a reset, which cleared the journal it belonged to.
    if (ofGeneration !== generation && !stopped) return;
    if (stopped && status === undefined) error = STOPPED_IN_FLIGHT;
    const delay = CALLBACK_RETRY_DELAYS_MS[number - 1];
    const retry = !stopped && status !== 200 && !unsendable && delay !== undefined;
    // Counted from when this attempt was due, not from when a late one went: one long advanceTime() plays out
    // the whole schedule, as it would have on a clock that moved in steps.
    const due = dueAt + (delay ?? 0);
    record({
      ...base,
      headers,
      ...(status === undefined ? {} : { status }),
      ...(error === undefined ? {} : { error }),
      outcome: status === 200 ? 'delivered' : retry ? 'retry' : 'failed',
      ...(retry ? { nextAttemptAt: iso(due) } : {}),
    });
    if (retry) {
      // Due `delay` after this attempt was due. The clock may have passed that while the receiver answered, and
      // it fires timers only when it moves again: such a retry goes now.
      if (due <= clock.now()) {
        start(event, number + 1, ofGeneration, due);
        return;
      }
      const cancelTimer = clock.setTimer(due - clock.now(), () => {
        timers.delete(cancelTimer);
        start(event, number + 1, ofGeneration, due);
      });
      timers.add(cancelTimer);
    }
  }

  function start(event: CallbackEvent, number: number, ofGeneration: number, dueAt: number): void {
    const running: Promise<void> = attempt(event, number, ofGeneration, dueAt).finally(() =>
      inFlight.delete(running),
    );
    inFlight.add(running);
  }

  function cancel(): void {
    generation += 1;
    for (const cancelTimer of timers) cancelTimer();
    timers.clear();
    for (const abort of aborts) abort.abort();
    aborts.clear();
  }

  return {
    emitCallback(event) {
      start({ ...event, params: { ...event.params } }, 1, generation, clock.now());
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    cancel,
    stop() {
      stoppedGeneration = generation;
      cancel();
    },
  };
}
