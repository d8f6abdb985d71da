import type { Client } from 'openapi-fetch';
import type { Redact } from '../errors.js';
import type { paths } from '../generated/schema.js';

/** The raw openapi-fetch client, typed for every path of the spec. */
export type PlivoRawClient = Client<paths, 'application/json'>;

/** Options of one convenience call. */
export interface RequestOptions {
  /** Cancels the call, including any attempt in flight and any wait between retries. */
  signal?: AbortSignal | undefined;
}

/** What a resource needs from its client. */
export interface ResourceContext {
  readonly raw: PlivoRawClient;
  readonly authId: string;
  readonly redact: Redact;
}
