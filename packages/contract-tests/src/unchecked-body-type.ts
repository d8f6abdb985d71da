import type { IncomingHttpHeaders } from 'node:http';
import { preferredCode } from './prefer.js';
import { contentTypeProblem } from './prism-content-type.js';
import type { Routes } from './routes.js';
import { bodyTypeAnswer, type SpecErrorAnswer, unreadableTypeAnswer } from './spec-error-answer.js';

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
 * query; `headers` as Prism gets them, without the body of a GET, HEAD or DELETE). Undefined when Prism judges the
 * type itself; when the request has no Content-Type (Prism takes that for an operation with a body, and this
 * spec's operations without one are GETs and a DELETE); when the type cannot be parsed (Prism answers 500 however
 * the body is framed); or when the operation or its body types are not known.
 */
export function uncheckedBodyType(
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  routes: Routes,
): string | undefined {
  if (headers['transfer-encoding'] === undefined || headers['content-length'] !== undefined) return undefined;
  const contentType = headers['content-type'];
  const given = contentType === undefined ? undefined : typeAndSubtype(contentType);
  if (contentType === undefined || given === undefined) return undefined;
  const upper = method.toUpperCase();
  const bodyTypes = routes.operationsAt(path).find((operation) => operation.method === upper)?.bodyTypes;
  if (bodyTypes === undefined) return undefined;
  return bodyTypes.some((bodyType) => takes(bodyType, given)) ? undefined : contentType;
}

/**
 * Whether Prism's answer (`status`) to a request with such a body is one it gives only because it did not check
 * the type: a success, or the status a Prefer asked for (`askedFor`), which Prism does not honour for a body it
 * refuses. Its own refusals stand: credentials, a Prefer it cannot honour or read, another 400.
 */
export const uncheckedTypeAnswered = (status: number, askedFor: number | undefined): boolean =>
  (status >= 200 && status < 300) || (status === askedFor && status !== 400);

/**
 * The mock's answer in place of Prism's (`status`) to a request whose body type Prism did not check, when Prism
 * gave that answer only because it did not (see uncheckedTypeAnswered), or whose Content-Type Prism could not
 * parse (its bare 500); undefined for any other request or answer. `search`: the request's query, without its
 * `?`. Both modes ask it of every answer of Prism's.
 */
export function uncheckedTypeRefusal(
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  search: string,
  routes: Routes,
  status: number,
): SpecErrorAnswer | undefined {
  const given = headers['content-type'];
  const problem = status === 500 && given !== undefined ? contentTypeProblem(given) : undefined;
  if (problem !== undefined) return unreadableTypeAnswer(method, path, given as string, problem, routes);
  const contentType = uncheckedBodyType(method, path, headers, routes);
  if (contentType === undefined || !uncheckedTypeAnswered(status, preferredCode(headers.prefer, search)))
    return undefined;
  return bodyTypeAnswer(method, path, contentType, routes);
}
