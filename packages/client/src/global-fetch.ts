/**
 * The default `fetch`: `globalThis.fetch`, looked up at each request so that a fetch installed or replaced
 * later (polyfills, test spies) is used. A caller's own `fetch` is only promised a `Request`, so the transport
 * gives it one that carries the attempt's signal; this one is known to take `init` as well, so the transport
 * passes the signal there instead: the runtime builds its own Request from `init` either way, and building a
 * second one ourselves first costs a noticeable share of a local call.
 */
export function globalFetch(request: Request, init?: { readonly signal: AbortSignal }): Promise<Response> {
  return globalThis.fetch(request, init);
}
