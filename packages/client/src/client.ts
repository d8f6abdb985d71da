import openapiFetch from 'openapi-fetch';
import type { paths } from './generated/schema.js';
import { createCall } from './operation.js';
import { type PlivoClientOptions, resolveOptions } from './options.js';
import { createRawClient, type PlivoRawClient } from './raw-client.js';
import { basicCredentials, credentialRedactor } from './redact.js';
import { createMaskingSessions, type MaskingSessions } from './resources/masking-sessions.js';
import { createVerifySessions, type VerifySessions } from './resources/verify-sessions.js';
import { createRetryingFetch } from './transport.js';

/** A Plivo client for the Number Masking and Verify session APIs. Create it with `createPlivoClient()`. */
export interface PlivoClient {
  /** The Auth ID requests are made for (it fills `auth_id` in every path). */
  readonly authId: string;
  /** The API root requests go to, without a trailing slash. */
  readonly baseUrl: string;
  /** Number masking sessions. */
  readonly maskingSessions: MaskingSessions;
  /** Verify sessions. */
  readonly verifySessions: VerifySessions;
  /**
   * The underlying openapi-fetch client, typed for every path of the spec. It shares the convenience methods'
   * single request path (auth, retries, timeouts, body checks) but keeps openapi-fetch's contract: an HTTP
   * error comes back as `{ error, response }` rather than being thrown. You fill `auth_id` yourself.
   * Middleware added with `raw.use()` runs for the convenience methods too.
   */
  readonly raw: PlivoRawClient;
}

/**
 * openapi-fetch's CommonJS build exports `{ default: createClient }` (with `__esModule`). Our CJS build imports
 * it the way Node does (default = `module.exports`), so there the default import is that object; the ESM build
 * gets the function itself. Accept both, keeping openapi-fetch an external, shared dependency. A function, not
 * a module-level constant: a bundler cannot tell that reading `.default` has no side effect, and would keep all
 * of openapi-fetch in an app that imports only, say, the error classes.
 */
function openapiFetchClient(): typeof openapiFetch {
  return typeof openapiFetch === 'function'
    ? openapiFetch
    : (openapiFetch as unknown as { default: typeof openapiFetch }).default;
}

// Node's util.inspect and Deno's console look these up by these well-known names; no import is needed.
const NODE_INSPECT = Symbol.for('nodejs.util.inspect.custom');
const DENO_INSPECT = Symbol.for('Deno.customInspect');

/**
 * Creates a client. Credentials come from `authId`/`authToken` or the `PLIVO_AUTH_ID`/`PLIVO_AUTH_TOKEN`
 * environment variables; anything missing or malformed throws an `InvalidArgumentError` here, naming the
 * option or variable to fix.
 */
export function createPlivoClient(options?: PlivoClientOptions): PlivoClient {
  const config = resolveOptions(options);
  // btoa exists in every runtime this package supports, unlike Buffer.
  const credentials = basicCredentials(config.authId, config.authToken);
  const redact = credentialRedactor(config.authId, config.authToken);

  // One request path: openapi-fetch builds each request with the credentials set once here (so no middleware
  // runs per call), and the transport makes the attempts. The header lives only in openapi-fetch's closure:
  // nothing reachable from the client object holds it.
  const headers = Object.fromEntries(config.headers);
  headers.authorization = `Basic ${credentials}`;
  const transport = createRetryingFetch({
    fetch: config.fetch,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    redact,
  });
  const core: PlivoRawClient = openapiFetchClient()<paths>({
    baseUrl: config.baseUrl,
    headers,
    fetch: transport,
  });
  const { raw, hasMiddleware } = createRawClient(core, transport, redact);
  const call = createCall({
    core,
    transport,
    authId: config.authId,
    baseUrl: config.baseUrl,
    redact,
    hasMiddleware,
  });

  const summary = { authId: config.authId, baseUrl: config.baseUrl, authToken: '[redacted]' };
  const client: PlivoClient = {
    authId: config.authId,
    baseUrl: config.baseUrl,
    maskingSessions: createMaskingSessions(call),
    verifySessions: createVerifySessions(call),
    raw,
  };
  // The token is in no property (only in closures); these make logging the client short and obviously safe.
  const inspect = { value: () => `PlivoClient ${JSON.stringify(summary)}` };
  Object.defineProperties(client, {
    [NODE_INSPECT]: inspect,
    [DENO_INSPECT]: inspect,
    toJSON: { value: () => ({ ...summary }) },
  });
  return Object.freeze(client);
}
