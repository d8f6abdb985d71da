/**
 * Whether this runs in a browser page or worker. There a `User-Agent` set by script is sent by Firefox and Safari
 * (Chromium drops it) and, not being CORS-safelisted, must then be allowed by every server's preflight answer.
 * Node, Deno (workers included), Bun and edge runtimes have neither global.
 */
export function inBrowser(): boolean {
  const scope = globalThis as { document?: unknown; importScripts?: unknown };
  return scope.document !== undefined || typeof scope.importScripts === 'function';
}
