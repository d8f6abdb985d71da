/** Why a value cannot be the base URL of an http(s) server we send requests to. */
export type BaseUrlProblem = 'not-a-url' | 'not-http' | 'user-info' | 'query-or-fragment';

/**
 * The first thing that keeps `value` from being a base URL, or undefined: callers word the message, and none
 * quotes the value (user info, a query may hold a secret). Paths are appended to it, so a query or fragment
 * would end up in the middle of every request's URL.
 */
export function baseUrlProblem(value: unknown): BaseUrlProblem | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return 'not-a-url';
  const { protocol, username, password } = new URL(value);
  if (protocol !== 'http:' && protocol !== 'https:') return 'not-http';
  if (username !== '' || password !== '') return 'user-info';
  // Also a bare `?` or `#`, which URL drops but string concatenation would keep.
  if (/[?#]/.test(value)) return 'query-or-fragment';
  return undefined;
}
