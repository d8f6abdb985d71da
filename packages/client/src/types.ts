import type { components, operations } from './generated/schema.js';

/**
 * Friendly names for the spec's schemas. Each is an alias of the generated `components`, never a copy, so a
 * spec change reaches these types on the next build. Object types are interfaces (over `Schema<Name>`): an
 * editor's hover and a compiler error then say `MaskingSession`, not the schema's whole structure.
 */
type Schemas = components['schemas'];

/** A schema as a type an interface can extend (an indexed access type cannot be named in `extends`). */
type Schema<Name extends keyof Schemas> = Pick<Schemas[Name], keyof Schemas[Name]>;

/**
 * `T` with some properties' types replaced by the named interfaces below, so a hover on `session.interaction`
 * says `MaskingInteraction[] | null`, not the element's whole structure. A homomorphic mapped type keeps each
 * property's optionality and documentation; the constraint keeps a replacement assignable to the spec's type.
 */
type Named<T, Replacements extends { [K in keyof Replacements]: K extends keyof T ? T[K] : never }> = {
  [K in keyof T]: K extends keyof Replacements ? Replacements[K] : T[K];
};

/**
 * A string the spec leaves open (its description lists the values seen, and others must not be rejected): the
 * known values complete in an editor, any other string still type-checks.
 */
type Open<Known extends string> = Known | (string & {});
type HttpMethod = Open<'GET' | 'POST'>;

/**
 * What a caller passes: `T`, whose optional fields also take `undefined`, which is left out of the request (so
 * `{ callback_url: maybeUrl }` compiles under `exactOptionalPropertyTypes`, as the options of a call do).
 */
type Input<T> = { [K in keyof T]: Partial<Pick<T, K>> extends Pick<T, K> ? T[K] | undefined : T[K] };

/** The query parameters of an operation, all optional (the filters of a list). */
type QueryOf<Operation extends keyof operations> = Input<
  NonNullable<operations[Operation]['parameters']['query']>
>;

/** A number masking session (the `response` of `getMaskingSession`). */
export interface MaskingSession extends Named<Schemas['MaskingSession'], MaskingSessionNames> {}
interface MaskingSessionNames {
  interaction: MaskingInteraction[] | null;
  callback_method: HttpMethod;
  recording_callback_method: HttpMethod;
  record_file_format: Open<'mp3' | 'wav'>;
}
/** The whole body of `getMaskingSession`: `{ api_id, response }`. */
export interface MaskingSessionResponse
  extends Named<Schemas['MaskingSessionResponse'], { response: MaskingSession }> {}
export type MaskingSessionStatus = Schemas['MaskingSessionStatus'];
/** One call between the parties of a masking session (an element of `interaction`). */
export interface MaskingInteraction extends Schema<'MaskingInteraction'> {}
/** The JSON body of `createMaskingSession` (wire names). */
export interface MaskingSessionCreateParams extends Input<Schemas['MaskingSessionCreateRequest']> {}
/** The body of a successful `createMaskingSession`: `{ api_id, session_uuid, virtual_number, message, session }`. */
export interface MaskingSessionCreateResponse
  extends Named<Schemas['MaskingSessionCreateResponse'], { session: MaskingSession }> {}
/** The JSON body of `updateMaskingSession` (wire names; every field optional). */
export interface MaskingSessionUpdateParams extends Input<Schemas['MaskingSessionUpdateRequest']> {}
/** The body of a successful `updateMaskingSession`: `{ api_id, message, session }`. */
export interface MaskingSessionUpdateResponse
  extends Named<Schemas['MaskingSessionUpdateResponse'], { session: MaskingSession }> {}
/** The body of a successful `deleteMaskingSession`: `{ api_id, message }`. */
export interface MaskingSessionDeleteResponse extends Schema<'MaskingSessionDeleteResponse'> {}
/** The query filters of `listMaskingSessions` (`status`, `created_time__gte`, `limit`, `offset`, …). */
export interface MaskingSessionListFilters extends QueryOf<'listMaskingSessions'> {}
/** A masking session as a list returns it: the session's fields plus `resource_uri`. */
export interface MaskingSessionListItem
  extends Named<Schemas['MaskingSessionListItem'], MaskingSessionNames> {}
/** Pagination of a masking list page (with `total_count`). */
export interface MaskingSessionListMeta extends Schema<'MaskingSessionListMeta'> {}

/** A Verify session, without the request's `api_id`. */
export interface VerifySession extends Named<Schemas['VerifySession'], VerifySessionNames> {}
interface VerifySessionNames {
  channel: Open<'sms' | 'voice'>;
  status: Open<'in-progress' | 'verified' | 'expired'>;
  attempt_details: VerifyAttempt[] | null;
  charges: VerifyCharges;
}
/** The whole (flat) body of `getVerifySession`: the session's fields and `api_id`. */
export interface VerifySessionResponse extends Named<Schemas['VerifySessionResponse'], VerifySessionNames> {}
/** One attempt to deliver the code (an element of `attempt_details`). */
export interface VerifyAttempt extends Named<Schemas['VerifyAttempt'], { channel: Open<'sms' | 'voice'> }> {}
/** The charge of one attempt (an element of `charges.attempt_charges`). */
export interface VerifyAttemptCharge extends Schema<'VerifyAttemptCharge'> {}
/** What a Verify session cost: decimal strings, as Plivo sends them. */
export interface VerifyCharges
  extends Named<Schemas['VerifyCharges'], { attempt_charges: VerifyAttemptCharge[] | null }> {}
/** The JSON body of `createVerifySession` (wire names; `recipient` is required). */
export interface VerifySessionCreateParams extends Input<Schemas['VerifySessionCreateRequest']> {}
/** The body of a successful `createVerifySession`: `{ api_id, message, session_uuid }`. */
export interface VerifySessionCreateResponse extends Schema<'VerifySessionCreateResponse'> {}
/** The body of a successful `validateVerifySession`: `{ api_id, message, session_uuid? }`. */
export interface VerifySessionValidateResponse extends Schema<'VerifySessionValidateResponse'> {}
/** The query filters of `listVerifySessions` (`status`, `recipient`, `session_time__gte`, `limit`, `offset`, …). */
export interface VerifySessionListFilters extends QueryOf<'listVerifySessions'> {}
/** Pagination of a Verify list page (no `total_count`). */
export interface VerifySessionListMeta extends Schema<'VerifySessionListMeta'> {}

/** The body of every error response: `{ api_id?, error }`. */
export interface PlivoError extends Schema<'PlivoError'> {}
/** Plivo's identifier of one API request (a UUID). */
export type ApiId = Schemas['ApiId'];
/** A masking-session time such as `2024-02-01 06:28:15 +0000 UTC` (not RFC 3339). */
export type PlivoTime = Schemas['PlivoTime'];
/** A decimal amount sent as a string to keep its precision, e.g. `"0.03300"`. */
export type DecimalString = Schemas['DecimalString'];

/** A resource as the convenience methods return it: the resource, with the request's `api_id` reachable. */
export type WithApiId<T> = T & { readonly api_id: ApiId };

/** `api_id` as an accessor: TypeScript leaves accessors out of a spread's type, as a spread leaves it out. */
declare class NonEnumerableApiId {
  get api_id(): ApiId;
}

/**
 * A resource with the request's `api_id` as a non-enumerable property (the masking `get`): `session.api_id` is
 * typed, `{ ...session }.api_id` is not, as at runtime. (`structuredClone` also drops it, but keeps the type.)
 */
export type WithHiddenApiId<T> = T & NonEnumerableApiId;
