import { describeType, quote } from './arguments.js';
import { CallbackSignatureError } from './errors.js';

/** The parts of a callback URL that Plivo's signatures cover. */
export interface SigningUrl {
  /** `scheme://host[:port]path` exactly as written: no user info, query or fragment. */
  readonly base: string;
  /** The query's pairs in order, decoded as Node's `querystring.parse` decodes them. */
  readonly query: ReadonlyArray<readonly [string, string]>;
}

const HINT =
  'Pass the absolute URL Plivo called, exactly as registered (scheme, host, port, path and query), ' +
  'e.g. `https://example.com/plivo/callback?tenant=7`; behind a proxy, build it from your public origin.';

// scheme "://" authority path ["?" query] ["#" fragment], split as RFC 3986 does; nothing is normalised because
// Plivo signs the URL as registered (a default port, upper-case host or `%7E` all stay as written).
const PARTS = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/;

/**
 * Splits a callback URL into the signed base and the query pairs, as Plivo's Node SDK does for URLs a server can
 * be called at. Throws a `CallbackSignatureError` for anything else: a non-string, a relative or unparsable URL,
 * a scheme other than http(s), or characters that are not printable ASCII (a URL on the wire is percent-encoded;
 * Node's SDK would UTF-8-encode such characters twice, the other SDKs once, so no answer would be right).
 */
export function splitSigningUrl(url: unknown): SigningUrl {
  if (typeof url !== 'string' || url.length === 0) {
    throw new CallbackSignatureError(
      'url',
      `url must be a non-empty string, got ${describeType(url)}. ${HINT}`,
    );
  }
  const bad = [...url].findIndex((char) => !/^[\x21-\x7e]$/.test(char));
  if (bad !== -1) {
    const host = punycodeHost(url);
    throw new CallbackSignatureError(
      'url',
      host === undefined
        ? /^\s|\s$/.test(url)
          ? `url ${quoteUrl(url)} starts or ends with whitespace (a line end from a .env file?); trim it. ${HINT}`
          : `url ${quoteUrl(url)} has a space, control or non-ASCII character at position ${bad}; ` +
            `percent-encode it (a URL as received on the wire, e.g. \`request.url\`, already is). ${HINT}`
        : `url ${quoteUrl(url)} has a non-ASCII host name; write it in its punycode (xn--) form, as the Host ` +
            `header carries it and \`new URL(url).host\` gives it: ${quote(host)}. ${HINT}`,
    );
  }
  const parts = PARTS.exec(url);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parts === null || parsed === undefined) {
    throw new CallbackSignatureError('url', `url ${quoteUrl(url)} is not an absolute URL. ${HINT}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CallbackSignatureError(
      'url',
      `url ${quoteUrl(url)} has the scheme ${quote(parsed.protocol)}; Plivo calls http or https URLs only. ${HINT}`,
    );
  }
  const [, scheme = '', authority = '', path = '', query] = parts;
  // User info is not part of what Plivo signs; an empty port (`host:/`) is dropped, as Node's SDK does.
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1).replace(/:$/, '');
  if (/^(:\d*)?$/.test(hostAndPort)) {
    // `https:///cb` or `http:////host/cb`: the URL parser would find a host where Plivo's SDKs find none.
    throw new CallbackSignatureError('url', `url ${quoteUrl(url)} has no host. ${HINT}`);
  }
  return { base: `${scheme}://${hostAndPort}${path}`, query: parseQuery(query ?? '') };
}

/**
 * The punycode form of the URL's host when the host is what is not ASCII (percent-encoding, the fix for a path or
 * query, would not make a host name valid); `undefined` otherwise.
 */
function punycodeHost(url: string): string | undefined {
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url)?.[1] ?? '';
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  if (![...hostAndPort].some((char) => (char.codePointAt(0) ?? 0) > 0x7f)) return undefined;
  try {
    const { host } = new URL(url);
    return /^[\x21-\x7e]+$/.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A URL for a message, its user info (a password, maybe) replaced: `https://***@host/…`. Only a printable http(s)
 * URL that parses without user info and has no `:` in its written authority is shown whole (an `@` in its path or
 * query is then not one). In any other, everything after the scheme and its slashes up to the last `@` goes: a
 * password may hold `:`, `/`, `#`, `?` or `@` unencoded, and the URL parser then reads part of it as a port, a
 * path, a fragment or a host, or reads a scheme-less `user:password@host` as a scheme and a path.
 */
export function withoutUserInfo(url: string): string {
  if (!url.includes('@') || shownWhole(url)) return url;
  return url.replace(/^(\s*(?:[A-Za-z][A-Za-z0-9+.-]*:)?[\\/]*)[\s\S]*@/, '$1***@');
}

function shownWhole(url: string): boolean {
  if (!/^[\x21-\x7e]+$/.test(url) || /^[A-Za-z][A-Za-z0-9+.-]*:[\\/]*[^/\\?#@]*:/.test(url)) return false;
  try {
    const { protocol, username, password } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && username === '' && password === '';
  } catch {
    return false;
  }
}

const quoteUrl = (url: string): string => quote(withoutUserInfo(url));

/** `querystring.parse` of Node: `&`-separated, empty pieces skipped, first `=` splits, `+` is a space. */
function parseQuery(query: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const piece of query.split('&')) {
    if (piece === '') continue;
    const equals = piece.indexOf('=');
    const key = equals === -1 ? piece : piece.slice(0, equals);
    const value = equals === -1 ? '' : piece.slice(equals + 1);
    pairs.push([decodeQueryComponent(key), decodeQueryComponent(value)]);
  }
  return pairs;
}

/**
 * Decodes one query component as `querystring.unescape` does: strict percent-decoding first, and when that fails
 * (a stray `%`, bytes that are not UTF-8), each valid `%XX` becomes a byte, everything else stays, and the bytes
 * are read as UTF-8 with U+FFFD for invalid sequences.
 */
export function decodeQueryComponent(component: string): string {
  const text = component.replaceAll('+', ' ');
  try {
    return decodeURIComponent(text);
  } catch {
    const bytes: number[] = [];
    for (let index = 0; index < text.length; index++) {
      const hex = text.slice(index + 1, index + 3);
      if (text[index] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        index += 2;
      } else {
        bytes.push(text.charCodeAt(index));
      }
    }
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(bytes));
  }
}
