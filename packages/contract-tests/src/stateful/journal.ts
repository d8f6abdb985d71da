import { withoutUserInfo } from '../without-user-info.js';
import type { CallbackDeliveryRecord } from './callback-dispatcher.js';

/** One request the stateful mock received, as `requests()` and `GET /__mock/requests` show it. */
export interface RequestRecord {
  kind: 'request';
  /** When it arrived, on the mock's clock (ISO 8601). */
  at: string;
  method: string;
  /**
   * The path as sent (no query), before the mock put it in the spec's form; of a target sent in absolute form
   * (`http://host/v1/...`), its path alone.
   */
  path: string;
  /** The spec's operation it resolved to, when it resolved to one. */
  operationId?: string;
  query: Record<string, string | string[]>;
  /**
   * The JSON body parsed; the text when it is not JSON; undefined when there was none. A GET's, HEAD's or
   * DELETE's body is here too, though Prism and the state never see it. The user info of a URL in it (and in
   * `query`), percent-encoded or not, reads `[redacted]`.
   */
  body: unknown;
  /**
   * Every header as received: a string when sent once, an array of every value when repeated; the credentials
   * of `authorization` and `proxy-authorization` replaced by `[redacted]`, `cookie` replaced whole, the user
   * info of a URL in any other (a `Referer` say) too.
   */
  headers: Record<string, string | string[]>;
  /** The status the mock answered; 0 when it could not: the connection ended before the request's body did. */
  status: number;
}

/** A request received, or one delivery attempt of a callback (see callback-dispatcher.ts). */
export type JournalEntry = RequestRecord | CallbackDeliveryRecord;

/**
 * Every request (and callback delivery) of a stateful mock, in order. Holds no credential of a request's
 * Authorization, Cookie or URL user info; what a client writes into other fields is kept as sent.
 */
export class Journal {
  #entries: JournalEntry[] = [];

  record(entry: JournalEntry): void {
    this.#entries.push(entry);
  }

  /** A copy: what a test holds does not change under it. */
  entries(): JournalEntry[] {
    return structuredClone(this.#entries);
  }

  clear(): void {
    this.#entries = [];
  }
}

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

/**
 * The headers for the journal, from `incoming.headersDistinct` (Node's `headers` joins or drops repeats): a header
 * sent once as a string, a repeated one as an array of every value. The scheme of a credential is kept
 * (`Basic [redacted]`), never its value; nor the password of a URL in another header.
 */
export function redactHeaders(headers: NodeJS.Dict<string[]>): Record<string, string | string[]> {
  const redacted = recordOfAnyKeys<string | string[]>();
  for (const [name, values] of Object.entries(headers)) {
    if (values === undefined || values.length === 0) continue;
    const kept = values.map(SECRET_HEADERS.has(name) ? redactCredential : withoutUserInfo);
    redacted[name] = kept.length === 1 ? (kept[0] as string) : kept;
  }
  return redacted;
}

/** A query string as an object: one value as a string, a repeated key as an array; URL user info redacted. */
export function queryObject(query: URLSearchParams): Record<string, string | string[]> {
  const object = recordOfAnyKeys<string | string[]>();
  for (const [key, sent] of query) {
    const value = withoutUserInfo(sent);
    const seen = object[key];
    object[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return object;
}

/**
 * An object with no prototype: a key a request chose (`toString`, `__proto__`) is one of its own, not an
 * inherited member read back or a setter that drops it. Cloned for a reader, it is a plain object again.
 */
const recordOfAnyKeys = <T>(): Record<string, T> => Object.create(null);

/**
 * A body as parsed (JSON or text) with the user info of every URL in it redacted: a callback URL registered as
 * `https://user:password@host/...` keeps its host and path in the journal, not its password.
 */
export function redactBody(body: unknown): unknown {
  if (typeof body === 'string') return withoutUserInfo(body);
  if (Array.isArray(body)) return body.map(redactBody);
  if (typeof body !== 'object' || body === null) return body;
  const redacted = recordOfAnyKeys<unknown>();
  for (const [key, value] of Object.entries(body)) redacted[key] = redactBody(value);
  return redacted;
}

// `Basic dXNlcjpzZWNyZXQ=` keeps its scheme; anything else is replaced whole.
function redactCredential(value: string): string {
  const scheme = /^([A-Za-z][A-Za-z0-9-]*) \S/.exec(value)?.[1];
  return scheme === undefined ? '[redacted]' : `${scheme} [redacted]`;
}
