/** The user name and password of an HTTP Basic `Authorization` header. */
export interface BasicCredentials {
  user: string;
  password: string;
}

/**
 * The credentials of a Basic header, read as Prism reads it (`basicAuth.js` of @stoplight/prism-http): scheme and
 * token are the first two items of the header split on spaces, whatever follows them. Undefined for any other
 * header, which Prism judges alone.
 */
export function basicCredentials(authorization: string | undefined): BasicCredentials | undefined {
  const [scheme, token] = (authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !token) return undefined;
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The pattern of the spec's `auth_id` path parameter (components/parameters/AuthId.yaml). */
export const AUTH_ID_PATTERN = /^(MA|SA)[A-Z0-9]{18}$/;

/**
 * Whether Plivo would refuse a Basic header on a path of `authId`: its user name is the Auth ID (the spec's
 * `auth_id` parameter says so), and an empty Auth Token is no token. Prism checks only that a Basic header is
 * there; the value of a non-empty token is never checked (the mock knows no real token). A path whose `auth_id`
 * is malformed names no account: Prism's 400 naming the parameter says more than a 401 would.
 */
export function wrongCredentials(authorization: string | undefined, authId: string): boolean {
  const credentials = basicCredentials(authorization);
  if (credentials === undefined || !AUTH_ID_PATTERN.test(authId)) return false;
  return credentials.user !== authId || credentials.password === '';
}
