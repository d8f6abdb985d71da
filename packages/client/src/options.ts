import { envPermissionHint, hasEnv, readEnv } from './env.js';
import { InvalidArgumentError } from './errors.js';
import { globalFetch } from './global-fetch.js';
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
  /** How many times a failed attempt is retried (connection errors, 408, 429, 500, 502-504). Default 2. */
  maxRetries?: number | undefined;
  /** Your application's product token, sent before this package's own in `User-Agent` (e.g. `my-app/1.2`). */
  userAgent?: string | undefined;
  /** Extra headers for every request. `Authorization` is not allowed here: use `authId`/`authToken`. */
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
/** The largest delay `setTimeout` accepts (about 24.8 days); longer ones fire at once. */
const MAX_TIMER_MS = 2_147_483_647;
export const DEFAULT_USER_AGENT = `plivo-openapi-client/${VERSION}`;

const CONSOLE_HINT = 'Both are on the Plivo console overview page (https://console.plivo.com/dashboard/).';

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * What is wrong with a credential, described without quoting it: a token pasted into the Auth ID slot must
 * not end up in an error message.
 */
function authIdProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `is ${describeType(value)}, not a string`;
  if (value === '') return 'is empty';
  if (/\s/.test(value)) return 'contains whitespace (a trailing newline from a file or a shell?)';
  if (value.length !== 20) return `has ${value.length} characters; an Auth ID has 20`;
  if (AUTH_ID_PATTERN.test(value)) return undefined;
  if (!/^(MA|SA)/.test(value)) return 'does not start with "MA" (main account) or "SA" (subaccount)';
  return 'contains characters other than upper-case letters and digits';
}

function authTokenProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `is ${describeType(value)}, not a string`;
  if (value === '') return 'is empty';
  if (/\s/.test(value)) return 'contains whitespace (a trailing newline from a file or a shell?)';
  if (!AUTH_TOKEN_PATTERN.test(value)) return 'contains characters other than printable ASCII';
  return undefined;
}

interface CredentialSpec {
  readonly label: string;
  readonly option: 'authId' | 'authToken';
  readonly variable: 'PLIVO_AUTH_ID' | 'PLIVO_AUTH_TOKEN';
  readonly problem: (value: unknown) => string | undefined;
  readonly expected: string;
}

const AUTH_ID: CredentialSpec = {
  label: 'Auth ID',
  option: 'authId',
  variable: 'PLIVO_AUTH_ID',
  problem: authIdProblem,
  expected: 'an Auth ID is "MA" or "SA" followed by 18 upper-case letters or digits',
};

const AUTH_TOKEN: CredentialSpec = {
  label: 'Auth Token',
  option: 'authToken',
  variable: 'PLIVO_AUTH_TOKEN',
  problem: authTokenProblem,
  expected: 'an Auth Token is printable ASCII without spaces',
};

function resolveCredential(spec: CredentialSpec, given: unknown): string {
  const fromOption = given !== undefined;
  const value = fromOption ? given : readEnv(spec.variable);
  if (value === undefined) {
    const where = hasEnv()
      ? `pass the \`${spec.option}\` option to createPlivoClient() or set the ${spec.variable} environment variable${envPermissionHint(spec.variable)}`
      : `pass the \`${spec.option}\` option to createPlivoClient() (this runtime has no environment variables)`;
    throw new InvalidArgumentError(
      fromOption ? spec.option : spec.variable,
      `Missing Plivo ${spec.label}: ${where}. ${CONSOLE_HINT}`,
    );
  }
  const problem = spec.problem(value);
  if (problem !== undefined) {
    const source = fromOption ? `The \`${spec.option}\` option` : `The ${spec.variable} environment variable`;
    throw new InvalidArgumentError(
      fromOption ? spec.option : spec.variable,
      `${source} is not a valid Plivo ${spec.label}: it ${problem}; ${spec.expected}. ${CONSOLE_HINT}`,
    );
  }
  return value as string;
}

function resolveBaseUrl(value: unknown): string {
  if (value === undefined) return DEFAULT_BASE_URL;
  const fix = 'Pass the API root, e.g. "https://api.plivo.com" or "http://127.0.0.1:4010" for a local mock.';
  if (typeof value !== 'string') {
    throw new InvalidArgumentError('baseUrl', `The \`baseUrl\` option is ${describeType(value)}. ${fix}`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('baseUrl', `The \`baseUrl\` option is not an absolute URL. ${fix}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new InvalidArgumentError(
      'baseUrl',
      'The `baseUrl` option must not contain credentials (user:password@): pass them as `authId` and `authToken`.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidArgumentError(
      'baseUrl',
      `The \`baseUrl\` option must use http: or https:, not ${url.protocol}. ${fix}`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InvalidArgumentError(
      'baseUrl',
      `The \`baseUrl\` option must not have a query or a fragment. ${fix}`,
    );
  }
  // Keep a path prefix (a proxy mounted at /plivo) but drop the trailing slash: operation paths start with one.
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function resolveFetch(value: unknown): FetchFunction {
  if (value !== undefined) {
    if (typeof value !== 'function') {
      throw new InvalidArgumentError(
        'fetch',
        `The \`fetch\` option is ${describeType(value)}; pass a fetch-compatible function.`,
      );
    }
    return value as FetchFunction;
  }
  if (typeof globalThis.fetch !== 'function') {
    throw new InvalidArgumentError(
      'fetch',
      'This runtime has no global fetch: pass a fetch-compatible function as the `fetch` option.',
    );
  }
  return globalFetch;
}

interface NumberRule {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly meaning: string;
}

const TIMEOUT_RULE: NumberRule = {
  min: 1,
  max: MAX_TIMER_MS,
  integer: false,
  meaning: `it must be a number of milliseconds from 1 to ${MAX_TIMER_MS} (default ${DEFAULT_TIMEOUT_MS})`,
};

const RETRIES_RULE: NumberRule = {
  min: 0,
  max: 100,
  integer: true,
  meaning: `it must be a whole number from 0 (no retries) to 100 (default ${DEFAULT_MAX_RETRIES})`,
};

function resolveNumber(option: string, value: unknown, fallback: number, rule: NumberRule): number {
  if (value === undefined) return fallback;
  const valid =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= rule.min &&
    value <= rule.max &&
    (!rule.integer || Number.isInteger(value));
  if (!valid) {
    const shown = typeof value === 'number' ? String(value) : describeType(value);
    throw new InvalidArgumentError(option, `The \`${option}\` option is ${shown}; ${rule.meaning}.`);
  }
  return value;
}

/**
 * Checks the per-call options of a convenience method; returns the attempt limits it overrides, or
 * `undefined` when it overrides none (the common case, which then costs nothing more).
 */
export function resolveRequestOptions(
  options: RequestOptions | undefined,
): { timeoutMs?: number; maxRetries?: number } | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(
      'options',
      `A method's options are an object such as { signal, timeoutMs, maxRetries }, not ${describeType(options)}.`,
    );
  }
  const { signal, timeoutMs, maxRetries } = options;
  // Duck-typed: a signal from another realm (an iframe, a VM context) is not an instance of this one's class.
  if (
    signal !== undefined &&
    typeof (signal as Partial<AbortSignal> | null)?.addEventListener !== 'function'
  ) {
    throw new InvalidArgumentError(
      'signal',
      `The \`signal\` option is ${describeType(signal)}, not an AbortSignal.`,
    );
  }
  if (timeoutMs === undefined && maxRetries === undefined) return undefined;
  const limits: { timeoutMs?: number; maxRetries?: number } = {};
  if (timeoutMs !== undefined) limits.timeoutMs = resolveNumber('timeoutMs', timeoutMs, 0, TIMEOUT_RULE);
  if (maxRetries !== undefined) limits.maxRetries = resolveNumber('maxRetries', maxRetries, 0, RETRIES_RULE);
  return limits;
}

function resolveHeaders(headers: unknown, userAgent: unknown): Headers {
  if (userAgent !== undefined && (typeof userAgent !== 'string' || !/^[\x20-\x7e]+$/.test(userAgent))) {
    throw new InvalidArgumentError(
      'userAgent',
      'The `userAgent` option must be a non-empty string of printable ASCII, e.g. "my-app/1.2.0".',
    );
  }
  let result: Headers;
  try {
    result = new Headers(headers as Record<string, string> | undefined);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidArgumentError(
      'headers',
      `The \`headers\` option is not a valid set of headers: ${reason}`,
    );
  }
  if (result.has('authorization')) {
    throw new InvalidArgumentError(
      'headers',
      'The `headers` option must not set Authorization: pass your credentials as `authId` and `authToken`.',
    );
  }
  if (!result.has('accept')) result.set('Accept', 'application/json');
  if (!result.has('user-agent')) {
    result.set(
      'User-Agent',
      userAgent === undefined ? DEFAULT_USER_AGENT : `${userAgent} ${DEFAULT_USER_AGENT}`,
    );
  }
  return result;
}

/** Validates every option (and the environment variables it falls back to), applying the defaults. */
export function resolveOptions(options: PlivoClientOptions | undefined): ResolvedOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new InvalidArgumentError(
      'options',
      `createPlivoClient() takes an options object or nothing, not ${describeType(options)}.`,
    );
  }
  const given = options ?? {};
  return {
    authId: resolveCredential(AUTH_ID, given.authId),
    authToken: resolveCredential(AUTH_TOKEN, given.authToken),
    baseUrl: resolveBaseUrl(given.baseUrl),
    fetch: resolveFetch(given.fetch),
    timeoutMs: resolveNumber('timeoutMs', given.timeoutMs, DEFAULT_TIMEOUT_MS, TIMEOUT_RULE),
    maxRetries: resolveNumber('maxRetries', given.maxRetries, DEFAULT_MAX_RETRIES, RETRIES_RULE),
    headers: resolveHeaders(given.headers, given.userAgent),
  };
}
