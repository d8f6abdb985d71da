/** Why a value cannot be the base URL of an http(s) server we send requests to. */
export type BaseUrlProblem = 'not-a-url' | 'not-http' | 'user-info' | 'query-or-fragment';

/**
 * The URL, or the first thing that keeps it from being a base URL: callers word the message, and none quotes
 * the value (user info, a query may hold a secret). Paths are appended to it, so a query or fragment would end
 * up in the middle of every request's URL.
 */
export function parseBaseUrl(value: unknown): { url: URL } | { problem: BaseUrlProblem } {
  if (typeof value !== 'string' || !URL.canParse(value)) return { problem: 'not-a-url' };
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'not-http' };
  if (url.username !== '' || url.password !== '') return { problem: 'user-info' };
  // Also a bare `?` or `#`, which URL drops but string concatenation would keep.
  if (/[?#]/.test(value)) return { problem: 'query-or-fragment' };
  return { url };
}
