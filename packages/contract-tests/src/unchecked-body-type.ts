import type { IncomingHttpHeaders } from 'node:http';
import type { Routes } from './routes.js';

/** A media type's type and subtype, the subtype after any `+` suffix (`application/vnd.x+json` is `json`). */
function typeAndSubtype(mediaType: string): [string, string] | undefined {
  const essence = mediaType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  const found = /^([^/]+)\/(?:.+\+)?([^/+]+)$/.exec(essence);
  return found === null ? undefined : [found[1] as string, found[2] as string];
}

/** Prism's rule (wildcardMediaTypeMatch): the same type and subtype, or a `*` in the operation's. */
function takes(bodyType: string, given: [string, string]): boolean {
  const listed = typeAndSubtype(bodyType);
  if (listed === undefined) return false;
  return (listed[0] === '*' || listed[0] === given[0]) && (listed[1] === '*' || listed[1] === given[1]);
}

/**
 * Prism checks a body's Content-Type against the operation's media types only when the request has a
 * Content-Length (prism-http's validateInputBody). A body sent chunked in another type, a form say, it validates
 * as if it were JSON, and lets through when the fields are right. Returns the Content-Type Prism would have refused
 * (415, which it answers as the operation's 400), for such a request to `method` `path` (the spec's form, without
 * query); undefined when Prism judges the type itself, or there is none (Prism takes a body without one).
 */
export function uncheckedBodyType(
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  routes: Routes,
): string | undefined {
  if (headers['transfer-encoding'] === undefined || headers['content-length'] !== undefined) return undefined;
  const contentType = headers['content-type'];
  if (contentType === undefined || contentType.trim() === '') return undefined;
  const upper = method.toUpperCase();
  // No operation there: Prism refuses the request for that.
  const bodyTypes = routes.operationsAt(path).find((operation) => operation.method === upper)?.bodyTypes;
  if (bodyTypes === undefined) return undefined;
  const given = typeAndSubtype(contentType);
  return given !== undefined && bodyTypes.some((bodyType) => takes(bodyType, given))
    ? undefined
    : contentType;
}
