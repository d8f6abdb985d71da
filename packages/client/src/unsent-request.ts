/**
 * What openapi-fetch builds for a convenience call in place of a `Request` (it takes the class as its per-call
 * `Request` option): the URL and the init, kept as given. The transport passes it and the init to the global
 * `fetch(input, init)`, so the runtime builds the call's only Request. A real Request here would be built only
 * to be copied by fetch: one more header copy and one more AbortSignal per call (each AbortSignal costs about
 * 12 µs on Node 20). Used only while no middleware is registered, since middleware is promised a real Request.
 *
 * It reads like a Request (`url`, `method`, `headers`), so a test double or polyfill installed as the global
 * fetch that looks at `input.url` still works; fetch itself takes any input that is not a Request as a URL,
 * through `toString()`.
 */
export class UnsentRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** openapi-fetch's serialized body: a JSON string, so every attempt can send it again. */
  readonly body: string | undefined;
  /** The caller's own signal, if any (a Request would have made a new one following it). */
  readonly signal: AbortSignal | undefined;
  readonly redirect: RequestRedirect | undefined;

  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method ?? 'GET';
    this.headers = init.headers as Headers;
    this.body = (init.body ?? undefined) as string | undefined;
    this.signal = init.signal ?? undefined;
    this.redirect = init.redirect;
  }

  toString(): string {
    return this.url;
  }
}

/** The request of one attempt: a real Request (raw client, middleware) or an UnsentRequest. */
export type OutgoingRequest = Request | UnsentRequest;
