// As URL parsers read an authority: after any number of slashes (or backslashes), up to its last `@`. A scheme of
// at most 64 characters: unbounded, a long run such as `a.a.a.…` would be rescanned from each of its word boundaries.
const USER_INFO = /\b([a-z][a-z0-9+.-]{0,63}:[/\\]+)[^\s/\\?#]*@/gi;
// The same URL percent-encoded, as a form body sends it (`callback_url=https%3A%2F%2Fhook%3Apw%40host%2F`): the
// authority also ends at an encoded `/`, `\`, `?` or `#`, or at the form's own `&` or `=`.
const ENCODED_USER_INFO =
  /\b([a-z][a-z0-9+.-]{0,63}(?::|%3A)(?:[/\\]|%2F|%5C)+)(?:(?!%2F|%5C|%3F|%23)[^\s/\\?#&=])*(@|%40)/gi;

/**
 * A text with the user info (`user:password@`) of every URL in it replaced by `[redacted]@`, of a
 * percent-encoded URL too (its `@` left as sent).
 */
export const withoutUserInfo = (text: string): string =>
  text.replace(USER_INFO, '$1[redacted]@').replace(ENCODED_USER_INFO, '$1[redacted]$2');

// A target that starts with `//` is a path to the mock and to Prism (see normalise-request.ts); a client that
// meant `//user:token@host/...` by it has put its credentials in a path segment, which Prism would log and a
// 404 would quote. No path of the spec has an `@`, so every segment with one (or with `%40`) loses what comes
// before its last one, whatever led to it: `/.//`, `%2F%2F`, a single slash, a `/__prefer/` prefix.
const SEGMENT_USER_INFO = /[^/\\?#]*(@|%40)/gi;

/** A request target with every path segment's user info (`user:password@`) replaced by `[redacted]@`. */
export function pathWithoutUserInfo(target: string): string {
  // Every request passes here, and almost none has an `@`: one scan, not the pattern's per segment.
  if (!target.includes('@') && !target.includes('%40')) return target;
  const queryAt = target.search(/[?#]/);
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const redacted = path.replace(SEGMENT_USER_INFO, '[redacted]$1');
  return queryAt === -1 ? redacted : redacted + target.slice(queryAt);
}
