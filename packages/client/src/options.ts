import { MAX_TIMER_DELAY_MS } from './deadline.js';
import { envHint, readEnv } from './env.js';
import { describeType, InvalidArgumentError, type Redact } from './errors.js';
import { globalFetch } from './global-fetch.js';
import { inBrowser } from './in-browser.js';
import { createRedactor, credentialRedactor } from './redact.js';
import { AUTH_ID_PATTERN, AUTH_TOKEN_PATTERN } from './validation.js';
import { VERSION } from './version.js';

/** A `fetch`-compatible function: `globalThis.fetch`, undici's, or a test double. */
export type FetchFunction = (request: Request) => Promise<Response>;

/** Options of `createPlivoClient`. Every one is optional. */
export interface PlivoClientOptions {
  /** Your Auth ID (`MA…` or `SA…`, 20 characters). Default: the `PLIVO_AUTH_ID` environment variable. */
  authId?: string | undefined;
  /** Your Auth Token. Default: the `PLIVO_AUTH_TOKEN` environment variable. Never logged or stored readably. */
  authToken?: string | undefined;
  /** Root URL of the API, e.g. a proxy or a mock. Default `https://api.plivo.com`. */
  baseUrl?: string | undefined;
  /** The `fetch` to send requests with. Default: `globalThis.fetch`, looked up at each request. */
  fetch?: FetchFunction | undefined;
  /** Time allowed for each attempt (connect, headers and the whole body), in ms. Default 30000. */
  timeoutMs?: number | undefined;
  /**
   * How many times a failed attempt is retried. Default 2. Reads: connection errors, timeouts, 408, 429, 500,
   * 502-504. Writes: only 429 or a connection never made (see "Retries" in the README).
   */
  maxRetries?: number | undefined;
  /**
   * Your application's product token, sent before this package's own in `User-Agent` (e.g. `my-app/1.2`). In a
   * browser the client sends no `User-Agent` of its own, but does send this one: the server's CORS preflight
   * answer must then allow `user-agent`.
   */
  userAgent?: string | undefined;
  /**
   * Extra headers for every request (string values). `Authorization` is not allowed here: use `authId`/`authToken`;
   * nor `Content-Type`, nor what fetch sets itself (`Content-Length`, `Transfer-Encoding`, `Keep-Alive`,
   * `Upgrade`, `Expect`, a `Connection` other than `close` or `keep-alive`).
   */
  headers?: HeadersInput | undefined;
}

/** Options of one call of a convenience method. Every one is optional. */
export interface RequestOptions {
  /** Cancels the call, including any attempt in flight and any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Time allowed for each attempt of this call, in ms, instead of the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** Retries allowed for this call, instead of the client's `maxRetries` (see "Retries" in the README). */
  maxRetries?: number | undefined;
  /**
   * Extra headers for this call, over the client's (e.g. a `Prefer` header for the mock). Not allowed here: what
   * the client's `headers` may not set, and `User-Agent`.
   */
  headers?: HeadersInput | undefined;
}

/**
 * What `new Headers()` accepts. Spelled out because `HeadersInit` is a DOM-lib name that Node-only projects
 * (`@types/node` without `lib: ["DOM"]`) do not have, and our declarations must type-check there too.
 */
export type HeadersInput = Headers | Record<string, string> | ReadonlyArray<readonly [string, string]>;

/** Options after validation and defaults. Internal: it holds the token, so it is never put on the client. */
export interface ResolvedOptions {
  readonly authId: string;
  readonly authToken: string;
  readonly baseUrl: string;
  readonly fetch: FetchFunction;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly headers: Headers;
}

export const DEFAULT_BASE_URL = 'https://api.plivo.com';
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_USER_AGENT = `plivo-openapi-client/${VERSION}`;

const CONSOLE_HINT = 'Both are on the Plivo console overview page (https://console.plivo.com/dashboard/).';

function fail(argument: string, message: string): never {
  throw new InvalidArgumentError(argument, message);
}

const CLIENT_OPTIONS = [
  'authId',
  'authToken',
  'baseUrl',
  'fetch',
  'timeoutMs',
  'maxRetries',
  'userAgent',
  'headers',
];
const CALL_OPTIONS = ['signal', 'timeoutMs', 'maxRetries', 'headers'];

/**
 * An option the client does not know would be ignored without a word (`timeout` for `timeoutMs`): refused,
 * its name passed through the redactor (a key can be anything, the token too), which is built only then.
 */
function refuseUnknown(options: object, known: readonly string[], of: string, redactor: () => Redact): void {
  for (const key in options) {
    if (!known.includes(key)) {
      const name = redactor()(key);
      fail(
        name,
        `${of} has no option \`${name}\`. Its options are ${known.map((option) => `\`${option}\``).join(', ')}.`,
      );
    }
  }
}

/** The problem common to both credentials, if any: described without quoting the value (it may be a secret). */
function credentialProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `is ${describeType(value)}, not a string`;
  if (value === '') return 'is empty';
  if (/\s/.test(value)) return 'contains whitespace (a trailing newline from a file or a shell?)';
  return undefined;
}

/**
 * What is wrong with a credential, described without quoting it: a token pasted into the Auth ID slot must
 * not end up in an error message.
 */
function authIdProblem(value: unknown): string | undefined {
  const problem = credentialProblem(value);
  if (problem !== undefined || AUTH_ID_PATTERN.test(value as string)) return problem;
  const { length } = value as string;
  if (length !== 20) return `has ${length} character${length === 1 ? '' : 's'}; an Auth ID has 20`;
  if (!/^(MA|SA)/.test(value as string))
    return 'does not start with "MA" (main account) or "SA" (subaccount)';
  return 'contains characters other than upper-case letters and digits';
}

// Errors hide the token wherever it occurs: a placeholder as short as `e` or `not` would be hidden inside ordinary
// words (`V[redacted]rify`, `[redacted] found`) and in the keys of error bodies. Plivo's own tokens are far longer.
const MIN_AUTH_TOKEN_LENGTH = 8;

function authTokenProblem(value: unknown): string | undefined {
  const problem = credentialProblem(value);
  if (problem !== undefined) return problem;
  if (!AUTH_TOKEN_PATTERN.test(value as string)) return 'contains characters other than printable ASCII';
  if ((value as string).length < MIN_AUTH_TOKEN_LENGTH)
    return `is shorter than ${MIN_AUTH_TOKEN_LENGTH} characters (a placeholder in tests too: errors hide the token wherever it occurs, and a short one would hide parts of ordinary words)`;
  return undefined;
}

/**
 * The credential from its option, else its environment variable; `label` names it in messages, `expected`
 * says what a valid one looks like.
 */
function resolveCredential(
  option: 'authId' | 'authToken',
  given: unknown,
  label: string,
  problemOf: (value: unknown) => string | undefined,
  expected: string,
): string {
  const variable = option === 'authId' ? 'PLIVO_AUTH_ID' : 'PLIVO_AUTH_TOKEN';
  const fromOption = given !== undefined;
  const argument = fromOption ? option : variable;
  const value = fromOption ? given : readEnv(variable);
  const pass = `pass the \`${option}\` option to createPlivoClient()`;
  if (value === undefined) {
    const hint = envHint(variable);
    const where =
      hint === undefined
        ? `${pass} (this runtime has no environment variables)`
        : `${pass} or set the ${variable} environment variable${hint}`;
    fail(argument, `Missing Plivo ${label}: ${where}. ${CONSOLE_HINT}`);
  }
  const problem = problemOf(value);
  if (problem !== undefined) {
    const source = fromOption ? `The \`${option}\` option` : `The ${variable} environment variable`;
    fail(argument, `${source} is not a valid Plivo ${label}: it ${problem}; ${expected}. ${CONSOLE_HINT}`);
  }
  return value as string;
}

function resolveBaseUrl(value: unknown): string {
  if (value === undefined) return DEFAULT_BASE_URL;
  let url: URL | undefined;
  try {
    url = new URL(value as string);
  } catch {
    // Named below.
  }
  const problem =
    typeof value !== 'string'
      ? `is ${describeType(value)}`
      : url === undefined
        ? 'is not an absolute URL'
        : url.username !== '' || url.password !== ''
          ? 'must not contain credentials (user:password@): pass them as `authId` and `authToken`'
          : url.protocol !== 'https:' && url.protocol !== 'http:'
            ? `must use http: or https:, not ${url.protocol}`
            : url.search !== '' || url.hash !== ''
              ? 'must not have a query or a fragment'
              : // Plivo's docs show URLs with /v1: requests would go to /v1/v1/… and fail as "not found". A
                // proxy mounted under a /v1 of its own (https://gw.example/v1/plivo) stays allowed.
                /\/v1(\/Account(\/.*)?)?\/?$/i.test(url.pathname)
                ? 'must not end in the API version path `/v1` (every operation path starts with it)'
                : undefined;
  if (problem !== undefined || url === undefined) {
    fail(
      'baseUrl',
      `The \`baseUrl\` option ${problem}. Pass the API root, e.g. "https://api.plivo.com" or "http://127.0.0.1:4010" for a local mock.`,
    );
  }
  // Keep a path prefix (a proxy mounted at /plivo) but drop the trailing slash: operation paths start with one.
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function resolveFetch(value: unknown): FetchFunction {
  if (value !== undefined) {
    if (typeof value !== 'function') {
      fail('fetch', `The \`fetch\` option is ${describeType(value)}; pass a fetch-compatible function.`);
    }
    return value as FetchFunction;
  }
  if (typeof globalThis.fetch !== 'function') {
    fail(
      'fetch',
      'This runtime has no global fetch: pass a fetch-compatible function as the `fetch` option.',
    );
  }
  return globalFetch;
}

/**
 * A number option: `timeoutMs` (milliseconds, 1 to the longest timer) or `maxRetries` (a whole number, 0 to
 * 100); `fallback` when absent.
 */
function resolveNumber(option: 'timeoutMs' | 'maxRetries', value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const timeout = option === 'timeoutMs';
  if (
    typeof value !== 'number' ||
    !(value >= (timeout ? 1 : 0) && value <= (timeout ? MAX_TIMER_DELAY_MS : 100)) ||
    (!timeout && !Number.isInteger(value))
  ) {
    const meaning = timeout
      ? `a number of milliseconds from 1 to ${MAX_TIMER_DELAY_MS} (default ${DEFAULT_TIMEOUT_MS})`
      : `a whole number from 0 (no retries) to 100 (default ${DEFAULT_MAX_RETRIES})`;
    const shown = typeof value === 'number' ? value : describeType(value);
    fail(option, `The \`${option}\` option is ${shown}; it must be ${meaning}.`);
  }
  return value;
}

/** A call's own attempt limits and headers, each present only when the call sets it. */
export interface CallOptions {
  readonly limits?: { timeoutMs?: number; maxRetries?: number };
  readonly headers?: Headers;
}

/**
 * Checks the per-call options of a convenience method; returns what they override, or `undefined` when they
 * override nothing (the common case, which then costs nothing more).
 */
export function resolveRequestOptions(
  options: RequestOptions | undefined,
  redact: Redact,
): CallOptions | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) {
    fail(
      'options',
      `A method's options are an object such as { signal, timeoutMs, maxRetries, headers }, not ${describeType(options)}.`,
    );
  }
  // An AbortSignal passed as the options themselves would read as unknown options named after its properties.
  if ('aborted' in options && typeof (options as Partial<AbortSignal>).addEventListener === 'function') {
    fail(
      'options',
      "A method's options are an object such as { signal }; got an AbortSignal: pass it as { signal }.",
    );
  }
  refuseUnknown(options, CALL_OPTIONS, "A method's options object", () => redact);
  const { signal, timeoutMs, maxRetries, headers } = options;
  // Duck-typed: a signal from another realm (an iframe, a VM context) is not an instance of this one's class.
  const listens = (signal as Partial<AbortSignal> | null)?.addEventListener;
  const unlistens = (signal as Partial<AbortSignal> | null)?.removeEventListener;
  if (signal !== undefined && (typeof listens !== 'function' || typeof unlistens !== 'function')) {
    fail('signal', `The \`signal\` option is ${describeType(signal)}, not an AbortSignal.`);
  }
  const callHeaders =
    headers === undefined ? undefined : checkedHeaders(headers, "A method's `headers` option", () => redact);
  if (callHeaders?.has('user-agent')) {
    fail(
      'headers',
      "A method's `headers` option must not set User-Agent: pass your product token as `userAgent` to createPlivoClient().",
    );
  }
  const limits = callLimits(timeoutMs, maxRetries);
  if (limits === undefined) return callHeaders === undefined ? undefined : { headers: callHeaders };
  return callHeaders === undefined ? { limits } : { limits, headers: callHeaders };
}

/** A call's own `timeoutMs` and `maxRetries`, checked; `undefined` when it sets neither. */
export function callLimits(timeoutMs: unknown, maxRetries: unknown): CallOptions['limits'] {
  if (timeoutMs === undefined && maxRetries === undefined) return undefined;
  const limits: { timeoutMs?: number; maxRetries?: number } = {};
  if (timeoutMs !== undefined) limits.timeoutMs = resolveNumber('timeoutMs', timeoutMs, 0);
  if (maxRetries !== undefined) limits.maxRetries = resolveNumber('maxRetries', maxRetries, 0);
  return limits;
}

/** A header name is an HTTP token (RFC 9110): safe to quote, unlike a value. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The [name, value] entries of a `headers` option (any iterable is an array by now: see checkedHeaders). */
const entriesOf = (headers: object): unknown[] =>
  Array.isArray(headers) ? headers : Object.entries(headers);

/**
 * Headers a `headers` option must not set, each refused as "must not set <name>: <why>", in this order: the
 * client sets the first two itself, fetch the others.
 */
const RESERVED_HEADERS: Record<string, string> = {
  Authorization: 'pass your credentials as `authId` and `authToken`',
  'Content-Type': 'the client sends every body as JSON with its own',
  'Content-Length': 'fetch frames each body itself',
  'Transfer-Encoding': 'fetch frames each body itself',
  'Keep-Alive': 'fetch manages the connection itself',
  Upgrade: 'fetch manages the connection itself',
  Expect: 'fetch manages the connection itself',
};

/**
 * A value that is not a string, which `new Headers()` would send as its text ("undefined", "null") rather than
 * refuse; named by its header (a name can be the token: `redact` it), without quoting the value.
 */
function nonStringValue(headers: unknown, redact: () => Redact): string | undefined {
  if (typeof headers !== 'object' || headers === null || headers instanceof Headers) return undefined;
  for (const entry of entriesOf(headers)) {
    if (!Array.isArray(entry) || entry.length !== 2) continue; // headersProblem names it
    const [name, value] = entry as [unknown, unknown];
    if (typeof name !== 'string' || !HEADER_NAME.test(name)) continue; // headersProblem names it, unquoted
    if (typeof value !== 'string') {
      return `has a value for \`${redact()(name)}\` that is ${describeType(value)}, not a string: pass a string, or leave the header out`;
    }
  }
  return undefined;
}

/** Which entry of a `headers` option `new Headers()` refused, named without quoting any value. */
function headersProblem(headers: unknown, redact: () => Redact): string {
  if (typeof headers !== 'object' || headers === null)
    return `is ${describeType(headers)}; pass an object of header names and values, an array of [name, value] pairs or a Headers`;
  const entries = entriesOf(headers);
  for (const [index, entry] of entries.entries()) {
    if (!Array.isArray(entry) || entry.length !== 2)
      return `has an entry (number ${index + 1}) that is not a [name, value] pair`;
    const [name, value] = entry as [unknown, unknown];
    if (typeof name !== 'string' || !HEADER_NAME.test(name))
      return `has a header name (entry ${index + 1}) that is not an HTTP token: letters, digits and !#$%&'*+-.^_\`|~ only`;
    try {
      new Headers([[name, String(value)]]);
    } catch {
      return `has a value for \`${redact()(name)}\` that is not a valid header value (a line break, a NUL or a character above U+00FF; the value is not quoted here as it may be a secret)`;
    }
  }
  return 'is not a valid set of headers';
}

/**
 * A `headers` option (`option` names it in messages) as Headers, refused if `new Headers()` refuses it or it
 * sets what the client sets itself. `redactor` is called only when the headers are refused: a client that
 * starts builds its own, once.
 */
function checkedHeaders(given: unknown, option: string, redactor: () => Redact): Headers {
  // Read once: an iterable such as a generator has nothing left for `new Headers()` after the checks.
  let headers = given;
  if (
    typeof given === 'object' &&
    given !== null &&
    !Array.isArray(given) &&
    !(given instanceof Headers) &&
    Symbol.iterator in given
  ) {
    try {
      headers = Array.from(given as Iterable<unknown>);
    } catch {
      fail(
        'headers',
        `${option} is an iterable that failed while it was read; pass an object or an array of pairs.`,
      );
    }
  }
  const unsendable = nonStringValue(headers, redactor);
  if (unsendable !== undefined) fail('headers', `${option} ${unsendable}.`);
  let result: Headers | undefined;
  try {
    result = new Headers(headers as Record<string, string> | undefined);
  } catch {
    // The runtime's message quotes the value, which may be a credential: say which header instead.
    fail('headers', `${option} ${headersProblem(headers, redactor)}.`);
  }
  for (const [name, why] of Object.entries(RESERVED_HEADERS)) {
    if (result.has(name)) fail('headers', `${option} must not set ${name}: ${why}.`);
  }
  const connection = result.get('connection')?.trim().toLowerCase();
  if (connection !== undefined && connection !== 'close' && connection !== 'keep-alive') {
    fail(
      'headers',
      `${option} may set Connection only to "close" or "keep-alive": fetch manages the connection itself.`,
    );
  }
  return result;
}

function resolveHeaders(headers: unknown, userAgent: unknown, redactor: () => Redact): Headers {
  if (userAgent !== undefined && (typeof userAgent !== 'string' || !/^[\x20-\x7e]+$/.test(userAgent))) {
    fail(
      'userAgent',
      'The `userAgent` option must be a non-empty string of printable ASCII, e.g. "my-app/1.2.0".',
    );
  }
  const result = checkedHeaders(headers, 'The `headers` option', redactor);
  if (userAgent !== undefined && result.has('user-agent')) {
    fail(
      'userAgent',
      'Both `userAgent` and a User-Agent in `headers` were given, and one would be ignored: pass your product token as `userAgent` only (the client adds its own after it).',
    );
  }
  if (!result.has('accept')) result.set('Accept', 'application/json');
  if (userAgent !== undefined) result.set('User-Agent', `${userAgent} ${DEFAULT_USER_AGENT}`);
  // In a browser the page's own User-Agent goes anyway; ours would make Firefox and Safari fail CORS preflights.
  else if (!result.has('user-agent') && !inBrowser()) result.set('User-Agent', DEFAULT_USER_AGENT);
  return result;
}

/** Validates every option (and the environment variables it falls back to), applying the defaults. */
export function resolveOptions(options: PlivoClientOptions | undefined): ResolvedOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    fail('options', `createPlivoClient() takes an options object or nothing, not ${describeType(options)}.`);
  }
  const given = options ?? {};
  // Checked before the credentials, so a misspelt `authid` is named as such; only a plausible token is hidden.
  const token = given.authToken;
  refuseUnknown(given, CLIENT_OPTIONS, 'createPlivoClient()', () =>
    createRedactor(typeof token === 'string' && authTokenProblem(token) === undefined ? [token] : []),
  );
  const authId = resolveCredential(
    'authId',
    given.authId,
    'Auth ID',
    authIdProblem,
    'an Auth ID is "MA" or "SA" followed by 18 upper-case letters or digits',
  );
  const authToken = resolveCredential(
    'authToken',
    given.authToken,
    'Auth Token',
    authTokenProblem,
    `an Auth Token is ${MIN_AUTH_TOKEN_LENGTH} or more characters of printable ASCII without spaces`,
  );
  return {
    authId,
    authToken,
    baseUrl: resolveBaseUrl(given.baseUrl),
    fetch: resolveFetch(given.fetch),
    timeoutMs: resolveNumber('timeoutMs', given.timeoutMs, DEFAULT_TIMEOUT_MS),
    maxRetries: resolveNumber('maxRetries', given.maxRetries, DEFAULT_MAX_RETRIES),
    // A header the user named after the token would otherwise be quoted in the error.
    headers: resolveHeaders(given.headers, given.userAgent, () => credentialRedactor(authId, authToken)),
  };
}
