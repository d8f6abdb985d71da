import type { components, operations } from './generated/schema.js';

/**
 * Friendly names for the spec's schemas. Each is an alias of the generated `components`, never a copy, so a
 * spec change reaches these types on the next build. Object types are interfaces over a `…Shape` alias: an
 * editor's hover and a compiler error then say `MaskingSession`, not the schema's whole structure.
 */
type Schemas = components['schemas'];

/**
 * What a caller passes: `T`, whose optional fields also take `undefined`, which is left out of the request (so
 * `{ callback_url: maybeUrl }` compiles under `exactOptionalPropertyTypes`, as the options of a call do).
 */
type Input<T> = { [K in keyof T]: Partial<Pick<T, K>> extends Pick<T, K> ? T[K] | undefined : T[K] };

/** The query parameters of an operation, all optional (the filters of a list). */
type QueryOf<Operation extends keyof operations> = Input<
  NonNullable<operations[Operation]['parameters']['query']>
>;

type MaskingSessionShape = Schemas['MaskingSession'];
/** A number masking session (the `response` of `getMaskingSession`). */
export interface MaskingSession extends MaskingSessionShape {}
type MaskingSessionResponseShape = Schemas['MaskingSessionResponse'];
/** The whole body of `getMaskingSession`: `{ api_id, response }`. */
export interface MaskingSessionResponse extends MaskingSessionResponseShape {}
export type MaskingSessionStatus = Schemas['MaskingSessionStatus'];
type MaskingInteractionShape = Schemas['MaskingInteraction'];
/** One call between the parties of a masking session (an element of `interaction`). */
export interface MaskingInteraction extends MaskingInteractionShape {}
type MaskingSessionCreateParamsShape = Input<Schemas['MaskingSessionCreateRequest']>;
/** The JSON body of `createMaskingSession` (wire names). */
export interface MaskingSessionCreateParams extends MaskingSessionCreateParamsShape {}
type MaskingSessionCreateResponseShape = Schemas['MaskingSessionCreateResponse'];
/** The body of a successful `createMaskingSession`: `{ api_id, session_uuid, virtual_number, message, session }`. */
export interface MaskingSessionCreateResponse extends MaskingSessionCreateResponseShape {}
type MaskingSessionUpdateParamsShape = Input<Schemas['MaskingSessionUpdateRequest']>;
/** The JSON body of `updateMaskingSession` (wire names; every field optional). */
export interface MaskingSessionUpdateParams extends MaskingSessionUpdateParamsShape {}
type MaskingSessionUpdateResponseShape = Schemas['MaskingSessionUpdateResponse'];
/** The body of a successful `updateMaskingSession`: `{ api_id, message, session }`. */
export interface MaskingSessionUpdateResponse extends MaskingSessionUpdateResponseShape {}
type MaskingSessionDeleteResponseShape = Schemas['MaskingSessionDeleteResponse'];
/** The body of a successful `deleteMaskingSession`: `{ api_id, message }`. */
export interface MaskingSessionDeleteResponse extends MaskingSessionDeleteResponseShape {}
type MaskingSessionListFiltersShape = QueryOf<'listMaskingSessions'>;
/** The query filters of `listMaskingSessions` (`status`, `created_time__gte`, `limit`, `offset`, …). */
export interface MaskingSessionListFilters extends MaskingSessionListFiltersShape {}
type MaskingSessionListItemShape = Schemas['MaskingSessionListItem'];
/** A masking session as a list returns it: the session's fields plus `resource_uri`. */
export interface MaskingSessionListItem extends MaskingSessionListItemShape {}
type MaskingSessionListMetaShape = Schemas['MaskingSessionListMeta'];
/** Pagination of a masking list page (with `total_count`). */
export interface MaskingSessionListMeta extends MaskingSessionListMetaShape {}

type VerifySessionShape = Schemas['VerifySession'];
/** A Verify session, without the request's `api_id`. */
export interface VerifySession extends VerifySessionShape {}
type VerifySessionResponseShape = Schemas['VerifySessionResponse'];
/** The whole (flat) body of `getVerifySession`: the session's fields and `api_id`. */
export interface VerifySessionResponse extends VerifySessionResponseShape {}
type VerifyAttemptShape = Schemas['VerifyAttempt'];
export interface VerifyAttempt extends VerifyAttemptShape {}
type VerifyAttemptChargeShape = Schemas['VerifyAttemptCharge'];
export interface VerifyAttemptCharge extends VerifyAttemptChargeShape {}
type VerifyChargesShape = Schemas['VerifyCharges'];
export interface VerifyCharges extends VerifyChargesShape {}
type VerifySessionCreateParamsShape = Input<Schemas['VerifySessionCreateRequest']>;
/** The JSON body of `createVerifySession` (wire names; `recipient` is required). */
export interface VerifySessionCreateParams extends VerifySessionCreateParamsShape {}
type VerifySessionCreateResponseShape = Schemas['VerifySessionCreateResponse'];
/** The body of a successful `createVerifySession`: `{ api_id, message, session_uuid }`. */
export interface VerifySessionCreateResponse extends VerifySessionCreateResponseShape {}
type VerifySessionValidateResponseShape = Schemas['VerifySessionValidateResponse'];
/** The body of a successful `validateVerifySession`: `{ api_id, message, session_uuid? }`. */
export interface VerifySessionValidateResponse extends VerifySessionValidateResponseShape {}
type VerifySessionListFiltersShape = QueryOf<'listVerifySessions'>;
/** The query filters of `listVerifySessions` (`status`, `recipient`, `session_time__gte`, `limit`, `offset`, …). */
export interface VerifySessionListFilters extends VerifySessionListFiltersShape {}
type VerifySessionListMetaShape = Schemas['VerifySessionListMeta'];
/** Pagination of a Verify list page (no `total_count`). */
export interface VerifySessionListMeta extends VerifySessionListMetaShape {}

type PlivoErrorShape = Schemas['Error'];
/** The body of every error response: `{ api_id?, error }`. */
export interface PlivoError extends PlivoErrorShape {}
/** Plivo's identifier of one API request (a UUID). */
export type ApiId = Schemas['ApiId'];
/** A masking-session time such as `2024-02-01 06:28:15 +0000 UTC` (not RFC 3339). */
export type PlivoTime = Schemas['PlivoTime'];
/** A decimal amount sent as a string to keep its precision, e.g. `"0.03300"`. */
export type DecimalString = Schemas['DecimalString'];

/** A resource as the convenience methods return it: the resource, with the request's `api_id` reachable. */
export type WithApiId<T> = T & { readonly api_id: ApiId };
