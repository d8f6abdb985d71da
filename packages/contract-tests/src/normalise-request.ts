import type { IncomingHttpHeaders } from 'node:http';
import { wrongCredentials } from './basic-credentials.js';
import { decoded } from './decoded.js';
import type { Routes } from './routes.js';
import { pathWithoutUserInfo } from './without-user-info.js';

/**
 * A path prefix that turns into a `Prefer` header, for clients that take a base URL but no custom headers
 * (Plivo's SDK is one): `${url}/__prefer/code=404/v1/Account/...` reaches Prism as `Prefer: code=404`.
 */
export const PREFER_PREFIX = '/__prefer/';

// Headers that describe a request body; they must go when the body goes.
const BODY_HEADERS = ['content-type', 'content-length', 'transfer-encoding'];
// RFC 9110 §9.3.1/§9.3.2/§9.3.5: content in a GET, HEAD or DELETE request has no defined semantics, and Plivo's
// API ignores it. The spec's one DELETE (deleteMaskingSession) takes no body, but Plivo's Python SDK sends
// `{"session_uuid": ...}` with it, which the operation's description calls not needed; Prism refuses any body.
const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD', 'DELETE']);

/** What the layer may change besides what it always does. */
export interface NormaliseOptions {
  /**
   * The mock answers, not a real server (off in proxy mode, where the server judges the request as sent):
   * - the `Accept` header goes, so that Prism answers as to a client that accepts any media type (RFC 9110
   *   §12.5.1). Plivo's API answers JSON whatever Accept says: the spec gives every response of every operation
   *   as `application/json` only, says "Errors are JSON", and documents no content negotiation; no operation
   *   lists `406`. Prism, mocking, would answer an Accept without JSON in it (a browser's `text/html`) with a
   *   `406` problem+json, or a `500` when a `Prefer` asks for a status.
   * - credentials of another account, or without a token, are no credentials for the path: without them Prism
   *   answers its 401 (the spec's Unauthorized), and in stateful mode nothing changes.
   */
  mocking?: boolean;
}

// RFC 9110 §7.6.1: these describe the connection to the mock, so they end there (a proxy's upstream would
// otherwise get the caller's Proxy-Authorization). Transfer-Encoding stays: Prism reads the body by it.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-authorization', 'proxy-connection', 'te', 'upgrade'];
// What a `Connection` token cannot end: the target's host and the framing Node read the body by, which Prism
// reads the same request by (without Host, Prism answers an empty 400).
const NOT_CONNECTION_OPTIONS = new Set(['host', 'content-length', 'transfer-encoding']);

/** A request as Prism will see it. */
export interface Forward {
  /** Path and query, after the `/__prefer/` prefix is taken off and the path put in the spec's form. */
  path: string;
  headers: IncomingHttpHeaders;
  dropBody: boolean;
}

/**
 * A request target's path and query, read as Prism reads it (a WHATWG URL: `./` and `x/../` resolved, a
 * `#fragment` dropped), so that the mock takes a request for the operation Prism judges it as. A target that
 * starts with `/` is a path (`//x/v1/...` too, whose `x` Prism would take for a host: see `prismTarget`).
 */
function readTarget(target: string): { pathname: string; search: string } {
  try {
    return target.startsWith('/')
      ? new URL(`http://mock.invalid${target}`)
      : new URL(target, 'http://mock.invalid');
  } catch {
    const queryAt = target.indexOf('?');
    return queryAt === -1
      ? { pathname: target, search: '' }
      : { pathname: target.slice(0, queryAt), search: target.slice(queryAt) };
  }
}

/**
 * The request target to give Prism for a path: Prism reads its target as a URL reference, to which `//x/v1/...`
 * is host `x` and path `/v1/...`. As an absolute URL, such a path is read as the path it is.
 */
export function prismTarget(path: string): string {
  const target = escapeUndecodable(path);
  return target.startsWith('//') ? `http://mock.invalid${target}` : target;
}

/**
 * The path with each segment that is not valid percent-encoding (`%zz`, `%E0%A4%A`) escaped as the text it is,
 * for Prism to judge as such: Prism decodes path parameters unguarded, and one such request would end its process.
 */
function escapeUndecodable(target: string): string {
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  if (!path.includes('%')) return target;
  const escaped = path
    .split('/')
    .map((segment) => (decoded(segment) === undefined ? segment.replaceAll('%', '%25') : segment))
    .join('/');
  return queryAt === -1 ? escaped : escaped + target.slice(queryAt);
}

/**
 * What the mock's compatibility layer changes before Prism sees a request. Everything else (path parameters,
 * query, method, credentials of the path's account) reaches Prism as sent, its path read as Prism reads it, so
 * its request validation still applies.
 */
export function normaliseRequest(
  method: string,
  rawPath: string,
  incoming: IncomingHttpHeaders,
  routes?: Routes,
  options: NormaliseOptions = {},
): Forward {
  const headers = { ...incoming };
  let path = rawPath;
  if (path.startsWith(PREFER_PREFIX)) {
    const end = path.indexOf('/', PREFER_PREFIX.length);
    const encoded = path.slice(PREFER_PREFIX.length, end === -1 ? undefined : end);
    path = end === -1 ? '/' : path.slice(end);
    // An explicit Prefer header from the caller wins over the URL. As sent when it is not valid
    // percent-encoding, or decodes to what no header value can carry (`€`, a control character, which Node
    // refuses to send on to Prism in stateful mode): Prism then judges the header.
    const value = decoded(encoded);
    headers.prefer ??= value !== undefined && /^[\t\x20-\x7e]*$/.test(value) ? value : encoded;
  }
  if (routes !== undefined) {
    const { pathname, search } = readTarget(path);
    const canonical = routes.canonical(pathname);
    // Rebuilt only when its path changes or a fragment goes: a query reaches Prism (and a proxy's upstream) as sent.
    if (canonical !== path.split(/[?#]/, 1)[0] || path.includes('#')) path = canonical + search;
    const authId = options.mocking ? routes.match(method, canonical)?.params.auth_id : undefined;
    if (authId !== undefined && wrongCredentials(headers.authorization, authId)) delete headers.authorization;
  }
  // After the path is read as Prism reads it: `/.//user:token@host/` only then shows the form it stands for.
  path = pathWithoutUserInfo(path);
  if (options.mocking) delete headers.accept;
  const named = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => !NOT_CONNECTION_OPTIONS.has(name));
  for (const name of [...HOP_BY_HOP, ...named]) delete headers[name];
  const dropBody = METHODS_WITHOUT_BODY.has(method.toUpperCase());
  if (dropBody) for (const name of BODY_HEADERS) delete headers[name];
  return { path, headers, dropBody };
}
