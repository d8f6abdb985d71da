/**
 * The caller's AbortSignal, listened to once however many of its calls' attempts and backoff waits are under
 * way: a listener each would pass the runtime's limit when one signal is shared by many calls (a request-scoped
 * signal fanned out), and Node would warn of a "possible EventTarget memory leak" for correct code.
 */
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/** Runs `onAbort` when `signal` aborts, until the returned function is called. */
export function whenCallerAborts(signal: AbortSignal, onAbort: () => void): () => void {
  let callbacks = waiting.get(signal);
  if (callbacks === undefined) {
    const created = new Set<() => void>();
    waiting.set(signal, created);
    // Stays for the signal's life (one listener, however many calls), so a call needs no add and remove.
    signal.addEventListener(
      'abort',
      () => {
        for (const callback of created) callback();
      },
      { once: true },
    );
    callbacks = created;
  }
  const registered = callbacks;
  registered.add(onAbort);
  return () => {
    registered.delete(onAbort);
  };
}
