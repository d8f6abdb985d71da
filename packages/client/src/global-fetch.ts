import type { UnsentRequest } from './unsent-request.js';

// The runtime's own fetch, as it was when the client loaded: the one fetch known to honour its signal.
const runtimeFetch: typeof fetch | undefined = globalThis.fetch;

/**
 * The default `fetch`: `globalThis.fetch`, looked up at each request so that a fetch installed or replaced
 * later (polyfills, test spies) is used. A caller's own `fetch` is only promised a `Request`, so the transport
 * gives it one that carries the attempt's signal; this one is known to take `init` as well, so the transport
 * passes the signal (and, for a convenience call, everything else) there instead: the runtime builds its own Request from them either way, and building
 * another one ourselves first costs a noticeable share of a local call.
 */
export function globalFetch(input: Request | UnsentRequest, init?: RequestInit): Promise<Response> {
  // fetch reads an input that is not a Request as a URL, through toString() (see unsent-request.ts).
  return globalThis.fetch(input as Request, init);
}

/**
 * Whether the global fetch is still the runtime's own. One installed after the client loaded (a test spy, a
 * polyfill) may ignore its signal, as a custom fetch may: the transport then races its waits against the abort.
 */
export function globalFetchIsTheRuntimes(): boolean {
  return globalThis.fetch === runtimeFetch;
}
