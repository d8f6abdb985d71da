/** A callback the state engine asks to be sent (the dispatcher signs, sends, retries and journals it). */
export interface CallbackEvent {
  /** Account that owns the session. */
  authId: string;
  /**
   * The Auth Token of the request that registered `url`, which signs the callback; undefined when that request
   * carried none. In memory only: the dispatcher never journals it.
   */
  authToken?: string;
  url: string;
  method: 'GET' | 'POST';
  kind: 'masking-status' | 'masking-recording' | 'verify-status';
  /** The callback's parameters, as strings: form fields for POST, query parameters for GET. */
  params: Record<string, string>;
}

export type EmitCallback = (event: CallbackEvent) => void;

/** `GET` or `POST` as the API takes a `*_method` field (POST when absent or unknown). */
export const callbackMethod = (value: unknown): 'GET' | 'POST' =>
  typeof value === 'string' && value.toUpperCase() === 'GET' ? 'GET' : 'POST';
