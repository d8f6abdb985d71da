import type { components } from './generated/schema.js';

/**
 * Friendly names for the spec's schemas. Each is an alias of the generated `components`, never a copy, so a
 * spec change reaches these types on the next build.
 */
type Schemas = components['schemas'];

/** A number masking session (the `response` of `getMaskingSession`). */
export type MaskingSession = Schemas['MaskingSession'];
/** The whole body of `getMaskingSession`: `{ api_id, response }`. */
export type MaskingSessionResponse = Schemas['MaskingSessionResponse'];
export type MaskingSessionStatus = Schemas['MaskingSessionStatus'];
/** One call between the parties of a masking session (an element of `interaction`). */
export type MaskingInteraction = Schemas['MaskingInteraction'];

/** A Verify session, without the request's `api_id`. */
export type VerifySession = Schemas['VerifySession'];
/** The whole (flat) body of `getVerifySession`: the session's fields and `api_id`. */
export type VerifySessionResponse = Schemas['VerifySessionResponse'];
export type VerifyAttempt = Schemas['VerifyAttempt'];
export type VerifyAttemptCharge = Schemas['VerifyAttemptCharge'];
export type VerifyCharges = Schemas['VerifyCharges'];

/** The body of every error response: `{ api_id?, error }`. */
export type PlivoError = Schemas['Error'];
/** Plivo's identifier of one API request (a UUID). */
export type ApiId = Schemas['ApiId'];
/** A masking-session time such as `2024-02-01 06:28:15 +0000 UTC` (not RFC 3339). */
export type PlivoTime = Schemas['PlivoTime'];
/** A decimal amount sent as a string to keep its precision, e.g. `"0.03300"`. */
export type DecimalString = Schemas['DecimalString'];

/** A resource as the convenience methods return it: the resource, with the request's `api_id` reachable. */
export type WithApiId<T> = T & { readonly api_id: ApiId };
